package org.marcloom.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marcloom.record.SpecAst.FieldSpec;
import org.marcloom.record.SpecAst.IndicatorSpec;
import org.marcloom.record.SpecAst.Literal;
import org.marcloom.record.SpecAst.Op;
import org.marcloom.record.SpecAst.Part;
import org.marcloom.record.SpecAst.Pos;
import org.marcloom.record.SpecAst.Query;
import org.marcloom.record.SpecAst.Spec;
import org.marcloom.record.SpecAst.SubSpec;
import org.marcloom.record.SpecAst.SubfieldSpec;
import org.marcloom.record.SpecAst.Tag;
import org.marcloom.record.SpecAst.Term;
import org.marcloom.record.SpecAst.TermSet;

/// A recursive-descent parser for MARCspec 0.16beta+2 (`marc-spec.md`, section 8), with three
/// documented additions: specs joined by `:` (issue #16), leading zeros in positions (`008/06`)
/// and, in shorthand mode only, several subfield codes after one `$` (`650$ax` for `650$a$x`).
/// Every error is a [MarcSpecException] at the character where the spec stops making sense. One
/// parse per instance; not thread-safe (instances are never shared).
final class SpecParser {

    /// The characters a comparison string must escape (section 9.7.1).
    static final String ESCAPED = "${}!=~?|";

    private static final int MAX_POSITION_DIGITS = 7;

    private enum Kind { FIELD, SUBFIELD, INDICATOR }

    /// What a subSpec's abbreviations are abbreviations of.
    private record Outer(Kind kind, boolean hasChars) {
    }

    private final String s;
    private final boolean shorthand;
    private int i;
    /// Where the last subTerm started when it was a bare field tag (`lcs` of `{$2=lcsh}`), else -1.
    private int bareTagAt = -1;

    private SpecParser(String s, boolean shorthand) {
        this.s = s;
        this.shorthand = shorthand;
    }

    /// Parses a spec.
    ///
    /// @param spec      the text
    /// @param shorthand whether `$ax` means `$a$x` (the record model's selectors)
    /// @return the parsed form
    /// @throws MarcSpecException where the text is not a MARCspec
    static Query parse(String spec, boolean shorthand) {
        Objects.requireNonNull(spec, "spec");
        return new SpecParser(spec, shorthand).query();
    }

    private Query query() {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw error(k, c == ' ' || Character.isWhitespace(c)
                        ? "whitespace is not allowed in a spec (write a space in a comparison string as \\s)"
                        : String.format("control character U+%04X is not allowed in a spec", (int) c));
            }
        }
        if (s.isEmpty()) {
            throw error(0, "the spec is empty: it starts with a field tag such as 245, 6.. or LDR");
        }
        List<Spec> specs = new ArrayList<>(1);
        specs.add(topLevel());
        while (i < s.length() && s.charAt(i) == ':') {
            i++;
            if (i == s.length()) {
                throw error(i, "expected another spec after ':'");
            }
            specs.add(topLevel());
        }
        return new Query(specs);
    }

    private Spec topLevel() {
        Tag tag = tag();
        Pos index = peek() == '[' ? index() : null;
        Spec spec;
        String after;
        if (peek() == '$') {
            spec = new SubfieldSpec(tag, index, parts());
            after = "a subfield spec";
        } else if (peek() == '^') {
            int which = indicator();
            spec = new IndicatorSpec(tag, index, which, subSpecs(new Outer(Kind.INDICATOR, false)));
            after = "an indicator spec";
        } else {
            Pos chars = peek() == '/' ? charSpec() : null;
            spec = new FieldSpec(tag, index, chars, subSpecs(new Outer(Kind.FIELD, chars != null)));
            after = chars != null ? "a character position" : index != null ? "a field index" : "a field tag";
        }
        if (i < s.length() && s.charAt(i) != ':') {
            char c = s.charAt(i);
            String expected = switch (spec) {
                case SubfieldSpec x -> "another subfield ($b), a subSpec ({...}) or the end"
                        + (Character.isLetterOrDigit(c) ? " (several codes are written $a$b)" : "");
                case IndicatorSpec x -> "a subSpec ({...}) or the end";
                case FieldSpec f when f.chars() != null -> "a subSpec ({...}) or the end";
                case FieldSpec f -> "a field index ([0]), a character position (/0-4), a subfield ($a),"
                        + " an indicator (^1), a subSpec ({...}) or the end";
            };
            throw error(i, "unexpected '" + c + "' after " + after + ": expected " + expected);
        }
        return spec;
    }

    private Tag tag() {
        int start = i;
        if (i >= s.length()) {
            throw error(i, "expected a field tag (three characters such as 245, 6.. or LDR)");
        }
        boolean lower = false;
        boolean upper = false;
        for (int k = 0; k < 3; k++) {
            if (i + k >= s.length()) {
                throw error(i + k, "a field tag has three characters, \"" + s.substring(start) + "\" has "
                        + (s.length() - start));
            }
            char c = s.charAt(i + k);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (!(c >= '0' && c <= '9' || c == '.')) {
                throw error(i + k, "'" + c + "' cannot be in a field tag (digits, letters and . as a wildcard)");
            }
        }
        if (lower && upper) {
            throw error(start, "a field tag mixes lowercase and uppercase letters: \"" + s.substring(start, start + 3)
                    + "\"");
        }
        i += 3;
        return new Tag(s.substring(start, start + 3));
    }

    private Pos index() {
        int open = i;
        i++; // [
        Pos p = positionOrRange("field or subfield index");
        if (peek() != ']') {
            if (i >= s.length()) {
                throw error(open, "the index opened here is not closed with ']'");
            }
            throw error(i, "unexpected '" + s.charAt(i) + "' in an index: expected ']'");
        }
        i++;
        return p;
    }

    private Pos charSpec() {
        i++; // /
        return positionOrRange("character position");
    }

    private Pos positionOrRange(String what) {
        int start = position(what);
        if (peek() == '-') {
            i++;
            int end = position(what);
            return new Pos(start, end, true);
        }
        return Pos.single(start);
    }

    private int position(String what) {
        char c = peek();
        if (c == '#') {
            i++;
            return SpecAst.LAST;
        }
        if (c < '0' || c > '9') {
            throw error(i, i >= s.length()
                    ? "expected a " + what + " (a number or #) at the end of the spec"
                    : "unexpected '" + c + "': expected a " + what + " (a number or #)");
        }
        int start = i;
        int n = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            if (i - start == MAX_POSITION_DIGITS) {
                throw error(start, "the " + what + " " + s.substring(start, i) + "... is too large (at most "
                        + MAX_POSITION_DIGITS + " digits)");
            }
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        return n;
    }

    private int indicator() {
        i++; // ^
        char c = peek();
        if (c == '1' || c == '2') {
            i++;
            return c - '0';
        }
        throw error(i, i >= s.length() ? "expected 1 or 2 after '^' (indicator 1 or 2)"
                : "unexpected '" + c + "' after '^': expected 1 or 2 (indicator 1 or 2)");
    }

    /// The subfield parts of a top-level subfield spec, each with its own subSpecs.
    private List<Part> parts() {
        List<Part> parts = new ArrayList<>(2);
        while (peek() == '$') {
            i++;
            char from = code();
            char to = from;
            boolean range = false;
            if (peek() == '-') {
                to = rangeEnd(from);
                range = true;
            } else if (shorthand) {
                while (i < s.length() && isShorthandCode(s.charAt(i))) {
                    parts.add(new Part(from, from, false, null, null, List.of()));
                    from = s.charAt(i++);
                    to = from;
                }
            }
            Pos index = peek() == '[' ? index() : null;
            Pos chars = peek() == '/' ? charSpec() : null;
            List<SubSpec> subs = subSpecs(new Outer(Kind.SUBFIELD, chars != null));
            parts.add(new Part(from, to, range, index, chars, subs));
        }
        return parts;
    }

    private static boolean isShorthandCode(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private char code() {
        if (i >= s.length()) {
            throw error(i, "expected a subfield code after '$'");
        }
        char c = s.charAt(i);
        if (!isSubfieldChar(c)) {
            throw error(i, "'" + c + "' is not a subfield code (lowercase letters, digits and the punctuation"
                    + " !\"#$%&'()*+,-./:;<=>?[\\]^_`{}~)");
        }
        i++;
        return c;
    }

    private char rangeEnd(char from) {
        int dash = i;
        i++; // -
        boolean letter = from >= 'a' && from <= 'z';
        boolean digit = from >= '0' && from <= '9';
        if (!letter && !digit) {
            throw error(dash, "a subfield code range goes from a-z to a-z or from 0-9 to 0-9, not from '"
                    + from + "'");
        }
        char to = peek();
        boolean sameClass = letter ? to >= 'a' && to <= 'z' : to >= '0' && to <= '9';
        if (i >= s.length() || !sameClass) {
            throw error(i, "a subfield code range goes from a-z to a-z or from 0-9 to 0-9: expected "
                    + (letter ? "a lowercase letter" : "a digit") + " after '" + from + "-'");
        }
        if (to < from) {
            throw error(i, "the subfield code range " + from + "-" + to + " is backwards");
        }
        i++;
        return to;
    }

    static boolean isSubfieldChar(char c) {
        return c >= 0x21 && c <= 0x3F || c >= 0x5B && c <= 0x7B || c == 0x7D || c == 0x7E;
    }

    private List<SubSpec> subSpecs(Outer outer) {
        if (peek() != '{') {
            return List.of();
        }
        List<SubSpec> subs = new ArrayList<>(1);
        while (peek() == '{') {
            subs.add(subSpec(outer));
        }
        return subs;
    }

    private SubSpec subSpec(Outer outer) {
        int open = i;
        i++; // {
        List<TermSet> alternatives = new ArrayList<>(1);
        alternatives.add(termSet(outer, open));
        while (peek() == '|') {
            i++;
            alternatives.add(termSet(outer, open));
        }
        if (peek() != '}') {
            if (i >= s.length()) {
                throw error(open, "the subSpec opened here is not closed with '}'");
            }
            String hint = "";
            if (bareTagAt >= 0 && Character.isLetterOrDigit(s.charAt(i))) {
                int end = i;
                while (end < s.length() && ESCAPED.indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                hint = " (a comparison string starts with a backslash: \\" + s.substring(bareTagAt, end) + ")";
            }
            throw error(i, "unexpected '" + s.charAt(i) + "' in a subSpec: expected '|' or '}'" + hint);
        }
        i++;
        return new SubSpec(alternatives);
    }

    private TermSet termSet(Outer outer, int open) {
        if (i >= s.length()) {
            throw error(open, "the subSpec opened here is not closed with '}'");
        }
        if (isOperatorStart(peek())) {
            Op op = operator();
            return new TermSet(null, op, term(outer, open));
        }
        Term left = term(outer, open);
        if (isOperatorStart(peek())) {
            Op op = operator();
            return new TermSet(left, op, term(outer, open));
        }
        return new TermSet(null, Op.EXISTS, left);
    }

    private static boolean isOperatorStart(char c) {
        return c == '=' || c == '~' || c == '?' || c == '!';
    }

    private Op operator() {
        char c = s.charAt(i++);
        return switch (c) {
            case '=' -> Op.EQUALS;
            case '~' -> Op.CONTAINS;
            case '?' -> Op.EXISTS;
            default -> {
                if (peek() == '=') {
                    i++;
                    yield Op.NOT_EQUALS;
                }
                if (peek() == '~') {
                    i++;
                    yield Op.NOT_CONTAINS;
                }
                yield Op.NOT_EXISTS;
            }
        };
    }

    private Term term(Outer outer, int open) {
        int start = i;
        bareTagAt = -1;
        char c = peek();
        if (i >= s.length()) {
            throw error(open, "the subSpec opened here is not closed with '}'");
        }
        if (c == '\\') {
            return literal();
        }
        Tag tag = null;
        if (c != '[' && c != '/' && c != '$' && c != '^') {
            if (!(c >= '0' && c <= '9' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                throw error(i, "unexpected '" + c + "': expected a subTerm (a spec such as 245$a, an abbreviation"
                        + " such as $a, /0 or ^1, or a comparison string such as \\text)");
            }
            tag = tag();
        }
        Pos index = peek() == '[' ? index() : null;
        Spec spec;
        if (peek() == '$') {
            i++;
            char from = code();
            char to = from;
            boolean range = false;
            if (peek() == '-') {
                to = rangeEnd(from);
                range = true;
            }
            Pos sIndex = peek() == '[' ? index() : null;
            Pos chars = peek() == '/' ? charSpec() : null;
            spec = new SubfieldSpec(tag, index, List.of(new Part(from, to, range, sIndex, chars, List.of())));
        } else if (peek() == '^') {
            int caret = i;
            int which = indicator();
            if (tag == null && index == null && outer.kind() == Kind.FIELD && outer.hasChars()) {
                throw error(caret, "an indicator cannot be abbreviated after a character position: the spec"
                        + " outside denotes a fixed field, which has no indicators");
            }
            spec = new IndicatorSpec(tag, index, which, List.of());
        } else {
            int slash = i;
            Pos chars = peek() == '/' ? charSpec() : null;
            if (tag == null && index == null && chars != null && outer.kind() == Kind.INDICATOR) {
                throw error(slash, "a character position does not apply to an indicator value");
            }
            spec = new FieldSpec(tag, index, chars, List.of());
            if (tag != null && index == null && chars == null) {
                bareTagAt = start;
            }
        }
        if (peek() == '{') {
            throw error(i, "a subTerm cannot have subSpecs of its own");
        }
        return spec;
    }

    private Literal literal() {
        i++; // the backslash that starts a comparison string
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                if (next == '\\' || next != 0 && ESCAPED.indexOf(next) >= 0) {
                    sb.append(next);
                    i += 2;
                } else if (next == 's') {
                    sb.append(' ');
                    i += 2;
                } else {
                    sb.append('\\');
                    i++;
                }
            } else if (ESCAPED.indexOf(c) >= 0) {
                break;
            } else {
                sb.append(c);
                i++;
            }
        }
        return new Literal(sb.toString());
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private MarcSpecException error(int at, String problem) {
        return new MarcSpecException(s, Math.min(at, s.length()), problem);
    }
}
