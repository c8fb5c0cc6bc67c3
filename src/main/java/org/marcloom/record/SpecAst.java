package org.marcloom.record;

import java.util.List;

/// The parsed form of a MARCspec, as written: what [SpecParser] produces, what [SpecPrinter]
/// prints back and what [SpecCompiler] turns into an evaluator. Plain immutable values with
/// structural equality (two specs that mean the same and are written the same are equal).
final class SpecAst {

    private SpecAst() {
    }

    /// `#` in a [Pos].
    static final int LAST = -1;

    /// A position or range: `3`, `#`, `0-4`, `#-1`, `2-#`. [#LAST] stands for `#`.
    ///
    /// @param start the first position, or [#LAST]
    /// @param end   the last position, or [#LAST]; equal to `start` when not a range
    /// @param range whether it was written as a range
    record Pos(int start, int end, boolean range) {
        static Pos single(int p) {
            return new Pos(p, p, false);
        }

        boolean usesLast() {
            return start == LAST || end == LAST;
        }
    }

    /// A field tag as written: three characters, `.` a wildcard (and `X`/`x` among digits, see
    /// [SpecTag]); `LDR` is the leader.
    record Tag(String text) {
    }

    /// A subTerm or a top-level spec. The tag is `null` in an abbreviated subTerm.
    sealed interface Spec extends Term permits FieldSpec, SubfieldSpec, IndicatorSpec {
        Tag tag();

        Pos index();
    }

    /// `TAG[index]/chars{subspecs}`: field data.
    record FieldSpec(Tag tag, Pos index, Pos chars, List<SubSpec> subSpecs) implements Spec {
        FieldSpec {
            subSpecs = List.copyOf(subSpecs);
        }
    }

    /// `TAG[index]$a...{...}$b...{...}`: subfield values; one part per subfield code or range.
    record SubfieldSpec(Tag tag, Pos index, List<Part> parts) implements Spec {
        SubfieldSpec {
            parts = List.copyOf(parts);
        }
    }

    /// `$a`, `$a-c` with an optional subfield index, character spec and the subSpecs that follow
    /// it (each part has its own; see MARCspec issue #30).
    record Part(char from, char to, boolean range, Pos index, Pos chars, List<SubSpec> subSpecs) {
        Part {
            subSpecs = List.copyOf(subSpecs);
        }

        boolean matches(char code) {
            return code >= from && code <= to;
        }
    }

    /// `TAG[index]^1` or `^2`.
    record IndicatorSpec(Tag tag, Pos index, int which, List<SubSpec> subSpecs) implements Spec {
        IndicatorSpec {
            subSpecs = List.copyOf(subSpecs);
        }
    }

    /// `{a|b|c}`: true when one of its term sets is.
    record SubSpec(List<TermSet> alternatives) {
        SubSpec {
            alternatives = List.copyOf(alternatives);
        }
    }

    /// `[left] operator right`; `left` is `null` when omitted (the spec outside is then the left
    /// side), and an omitted operator is [Op#EXISTS].
    record TermSet(Term left, Op op, Term right) {
    }

    /// A subTerm: a spec (full or abbreviated) or a comparison string.
    sealed interface Term permits Spec, Literal {
    }

    /// `\text`: a comparison string (unescaped).
    record Literal(String value) implements Term {
    }

    /// The subSpec operators.
    enum Op {
        EQUALS("="), NOT_EQUALS("!="), CONTAINS("~"), NOT_CONTAINS("!~"), EXISTS("?"), NOT_EXISTS("!");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /// One spec, or several joined by `:` (MARCspec issue #16): each one's results in turn.
    record Query(List<Spec> specs) {
        Query {
            specs = List.copyOf(specs);
        }
    }
}
