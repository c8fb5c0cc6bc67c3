package org.marcloom.record;

import java.util.Objects;
import java.util.Optional;

/// The linkage in subfield `$6` of a field that has an alternate graphic representation (880):
/// `245-01/(2/r` is "linked to field 245, occurrence 01, Hebrew script, right to left". In an 880
/// the tag is the field it belongs to; in that field the tag is `880`. Occurrence `00` marks an 880
/// with no counterpart (an unlinked field). Immutable and thread-safe.
///
/// {@snippet class="org.marcloom.snippets.MarcSpecSnippets" region="linkage"}
public final class Linkage {

    /// The MARC 21 script identification codes of `$6` (MARC 21 Bibliographic, Appendix A).
    public enum Script {
        /// `(3`
        ARABIC("(3"),
        /// `(B`
        LATIN("(B"),
        /// `$1`: Chinese, Japanese, Korean
        CJK("$1"),
        /// `(N`
        CYRILLIC("(N"),
        /// `(S`
        GREEK("(S"),
        /// `(2`
        HEBREW("(2"),
        /// A code that is not one of the above (its text is [Linkage#scriptCode()]).
        OTHER("");

        private final String code;

        Script(String code) {
            this.code = code;
        }

        /// The code as written in `$6`.
        ///
        /// @return the code, empty for [#OTHER]
        public String code() {
            return code;
        }

        static Script of(String code) {
            for (Script s : values()) {
                if (s != OTHER && s.code.equals(code)) {
                    return s;
                }
            }
            return OTHER;
        }
    }

    private final String text;
    private final String tag;
    private final int occurrence;
    private final String scriptCode;
    private final boolean rightToLeft;

    private Linkage(String text, String tag, int occurrence, String scriptCode, boolean rightToLeft) {
        this.text = text;
        this.tag = tag;
        this.occurrence = occurrence;
        this.scriptCode = scriptCode;
        this.rightToLeft = rightToLeft;
    }

    /// Parses a `$6` value: `TAG-NN`, then optionally `/SCRIPT` and `/r`.
    ///
    /// @param value the subfield value, for example `880-02` or `245-02/$1`
    /// @return the linkage, or empty when the value does not start with a three-character tag, a
    ///     hyphen and a number
    /// @throws NullPointerException when `value` is null
    public static Optional<Linkage> parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() < 5 || value.charAt(3) != '-') {
            return Optional.empty();
        }
        for (int k = 0; k < 3; k++) {
            if (!Character.isLetterOrDigit(value.charAt(k))) {
                return Optional.empty();
            }
        }
        int k = 4;
        int n = 0;
        while (k < value.length() && value.charAt(k) >= '0' && value.charAt(k) <= '9' && k < 10) {
            n = n * 10 + value.charAt(k) - '0';
            k++;
        }
        if (k == 4) {
            return Optional.empty();
        }
        String script = null;
        boolean rtl = false;
        if (k < value.length() && value.charAt(k) == '/') {
            int slash = value.indexOf('/', k + 1);
            script = trim(slash < 0 ? value.substring(k + 1) : value.substring(k + 1, slash));
            if (script.isEmpty()) {
                script = null;
            }
            if (slash >= 0) {
                rtl = trim(value.substring(slash + 1)).equals("r");
            }
        }
        return Optional.of(new Linkage(value, Tags.intern(value.substring(0, 3)), n, script, rtl));
    }

    /// Without surrounding white space and directional marks (U+200E, U+200F, U+202A-U+202E,
    /// U+2066-U+2069), which systems add around right-to-left data: `/(3/r` + U+200F is right to left.
    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && ignorable(s.charAt(from))) {
            from++;
        }
        while (to > from && ignorable(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    /// The linkage of a field: its first `$6`, parsed.
    ///
    /// @param field the field
    /// @return the linkage, or empty when the field has no `$6` or it cannot be parsed
    /// @throws NullPointerException when `field` is null
    public static Optional<Linkage> of(DataField field) {
        String six = Objects.requireNonNull(field, "field").value('6');
        return six == null ? Optional.empty() : parse(six);
    }

    /// The tag of the linked field: the original field's tag in an 880, `880` in the original.
    ///
    /// @return three characters
    public String tag() {
        return tag;
    }

    /// The occurrence number that pairs the two fields.
    ///
    /// @return the number, 0 for an unlinked 880
    public int occurrence() {
        return occurrence;
    }

    /// Whether this is occurrence `00`: an 880 with no counterpart among the regular fields.
    ///
    /// @return whether the occurrence is 0
    public boolean isUnlinked() {
        return occurrence == 0;
    }

    /// The script identification code as written (`(3`, `$1`, ...).
    ///
    /// @return the code, or empty when `$6` gives none
    public Optional<String> scriptCode() {
        return Optional.ofNullable(scriptCode);
    }

    /// The script the code names.
    ///
    /// @return the script ([Script#OTHER] for a code MARC 21 does not list), or empty when `$6`
    ///     gives no code
    public Optional<Script> script() {
        return scriptCode == null ? Optional.empty() : Optional.of(Script.of(scriptCode));
    }

    /// Whether the field orientation code is `r` (right to left: Arabic, Hebrew).
    ///
    /// @return true for right-to-left
    public boolean rightToLeft() {
        return rightToLeft;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Linkage l && text.equals(l.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /// The `$6` value as written.
    @Override
    public String toString() {
        return text;
    }
}
