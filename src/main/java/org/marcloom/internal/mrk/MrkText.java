package org.marcloom.internal.mrk;

/// Turns MARCMaker text with `{mnemonics}` into Unicode, and escapes Unicode text for writing.
/// Stateless; thread-safe.
final class MrkText {

    /// Told about a `{name}` that looks like a mnemonic but is not in the table.
    interface UnknownMnemonic {
        /// @param index index of the `{` in the decoded string
        void unknown(int index, String name);
    }

    private static final int MAX_NAME = 16;
    private static final String HEX = "0123456789ABCDEF";

    private MrkText() {
    }

    /// Replaces the mnemonics in `s`. A combining diacritic mnemonic (MARC-8 order: before its base
    /// character) is moved after the next base character, as Unicode wants. Braces that do not
    /// enclose a plausible mnemonic name (letters, digits, `+`) are kept as they are; an unknown
    /// but plausible name is kept literally and reported to `problems`.
    static String decode(String s, UnknownMnemonic problems) {
        int brace = s.indexOf('{');
        if (brace < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, brace);
        StringBuilder marks = null;
        int i = brace;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '{') {
                int close = plausibleClose(s, i);
                if (close > 0) {
                    String name = s.substring(i + 1, close);
                    Mnemonics.Entry e = Mnemonics.lookup(name);
                    if (e != null && e.combining()) {
                        if (marks == null) {
                            marks = new StringBuilder(4);
                        }
                        marks.append(e.text());
                    } else {
                        String text;
                        if (e != null) {
                            text = e.text();
                        } else {
                            problems.unknown(i, name);
                            text = s.substring(i, close + 1);
                        }
                        out.append(text);
                        if (marks != null && !marks.isEmpty()) {
                            out.append(marks);
                            marks.setLength(0);
                        }
                    }
                    i = close + 1;
                    continue;
                }
            }
            int cp = s.codePointAt(i);
            out.appendCodePoint(cp);
            i += Character.charCount(cp);
            if (marks != null && !marks.isEmpty()) {
                out.append(marks);
                marks.setLength(0);
            }
        }
        if (marks != null) {
            out.append(marks);
        }
        return out.toString();
    }

    /// The index of the `}` closing a plausible mnemonic opened at `open`, or -1.
    private static int plausibleClose(String s, int open) {
        int end = Math.min(s.length(), open + 2 + MAX_NAME);
        for (int j = open + 1; j < end; j++) {
            char c = s.charAt(j);
            if (c == '}') {
                return j > open + 1 ? j : -1;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+')) {
                return -1;
            }
        }
        return -1;
    }

    /// Appends `s` escaped for a MARCMaker line: `$`, `\`, `{`, `}` as mnemonics, control
    /// characters as `{esc}` or `{xHH}`; with `blankAsBackslash`, spaces as `\` (control fields,
    /// the leader). Every other character is written as itself.
    static void encode(String s, boolean blankAsBackslash, StringBuilder out) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '$' -> out.append("{dollar}");
                case '\\' -> out.append("{bsol}");
                case '{' -> out.append("{lcub}");
                case '}' -> out.append("{rcub}");
                case ' ' -> out.append(blankAsBackslash ? '\\' : ' ');
                case 0x1B -> out.append("{esc}");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append("{x").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15)).append('}');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
