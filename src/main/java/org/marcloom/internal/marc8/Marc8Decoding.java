package org.marcloom.internal.marc8;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/// The MARC-8 decoder's machinery, behind the public `org.marcloom.marc8.Marc8Decoder` and the
/// ISO 2709 parser: the state machine over the Library of Congress code tables ([Marc8Tables]),
/// combining marks moved after their base character, numeric character references, optional NFC.
///
/// Each call starts in the default state (G0 = ASCII, G1 = ANSEL) and follows the escape sequences
/// it meets. A bad sequence becomes U+FFFD and is reported to the caller's [Errors], which may
/// throw to stop there (that is how the public strict decode works).
///
/// Immutable and thread-safe; a [Reusing] decoder adds scratch arrays for one thread.
public final class Marc8Decoding {

    /// Receives each bad sequence; may throw to end the decoding.
    @FunctionalInterface
    public interface Errors {
        /// One bad sequence.
        ///
        /// @param byteIndex where the bad sequence starts, relative to the decoded range's offset
        /// @param problem   what is wrong with it
        void onError(int byteIndex, String problem);
    }

    private static final int ESC = 0x1B;

    private final boolean decodeNcr;
    private final boolean nfc;

    /// A decoder with these settings.
    ///
    /// @param decodeNcr turn `&#xXXXX;` references into their characters
    /// @param nfc       normalise the result to NFC
    public Marc8Decoding(boolean decodeNcr, boolean nfc) {
        this.decodeNcr = decodeNcr;
        this.nfc = nfc;
    }

    /// Decodes `bytes[offset, offset + length)`, reporting each bad sequence to `errors`.
    ///
    /// @param bytes  the MARC-8 bytes
    /// @param offset where the text starts
    /// @param length how many bytes
    /// @param errors told of each bad sequence (which the text holds as U+FFFD); may throw
    /// @return the text
    public String decode(byte[] bytes, int offset, int length, Errors errors) {
        return decode(bytes, offset, length, errors, null);
    }

    /// [#decode(byte[], int, int, Errors)] with `scratch` the caller's reusable [Scratch], or null
    /// for one of this call's own (made only when the text needs decoding).
    private String decode(byte[] bytes, int offset, int length, Errors errors, Scratch scratch) {
        if (isAsciiOnly(bytes, offset, length) && !(decodeNcr && hasNcrStart(bytes, offset, length))) {
            // Plain ASCII: nothing to decode.
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        Scratch work = scratch != null ? scratch : new Scratch();
        int n = decodeGeneral(bytes, offset, length, errors, work);
        char[] chars = work.chars;
        if (decodeNcr && work.ampersand) {
            n = replaceNcrs(chars, n);
        }
        // One array for the result: Latin-1 when every char fits (the JDK tries that first),
        // else UTF-16.
        String s = new String(chars, 0, n);
        if (nfc) {
            // Returns s itself when a quick check finds it already normalised.
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        return s;
    }

    /// Whether every byte is below 0x7F and none is ESC: such bytes are plain ASCII in MARC-8.
    /// (DEL, 0x7F, is not: Basic Latin has no character there, and the full decoder rejects it.)
    ///
    /// @param bytes  the bytes
    /// @param offset where to start
    /// @param length how many bytes
    /// @return true when the range decodes to its bytes as they are
    public static boolean isAsciiOnly(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b < 0 || b == ESC || b == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNcrStart(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length - 2; i < end; i++) {
            if (bytes[i] == '&' && bytes[i + 1] == '#') {
                return true;
            }
        }
        return false;
    }

    /// Decodes into `work.chars` (combining marks after their base characters, references left as
    /// they are) and returns the number of chars; sets `work.ampersand` when one of them is '&'.
    private static int decodeGeneral(byte[] b, int offset, int length, Errors listener, Scratch work) {
        Marc8Tables tables = Marc8Tables.get();
        int end = offset + length;
        // Every byte gives at most one code point (two chars when supplementary; EACC takes three
        // bytes for one); the marks only wait for their base, so they are counted in that too.
        char[] out = work.chars(length);
        int count = 0;
        boolean ampersand = false;
        int[] marks = work.marks; // combining marks waiting for their base character
        int markCount = 0;
        int g0 = Marc8Tables.ASCII;
        int g1 = Marc8Tables.ANSEL;
        int[] g0Table = tables.singleByte(g0);
        int[] g1Table = tables.singleByte(g1);
        int i = offset;
        while (i < end) {
            int c = b[i] & 0xFF;
            int cp;
            int start = i;
            if (c == ESC) {
                int consumed = escape(b, i, end);
                if (consumed >= 0) {
                    int target = consumed >>> 24;
                    int set = (consumed >>> 8) & 0xFF;
                    if (target == 0) {
                        g0 = set;
                        g0Table = tables.singleByte(set);
                    } else {
                        g1 = set;
                        g1Table = tables.singleByte(set);
                    }
                    i += consumed & 0xFF;
                    continue;
                }
                // A bad escape: U+FFFD for the ESC, like any other bad sequence; the bytes after it
                // are read in the sets still designated.
                error(listener, start - offset, "incomplete or unknown escape sequence " + describe(b, i, end));
                cp = 0xFFFD;
                i++;
            } else if (c < 0x20) {
                cp = c;
                i++;
            } else if (c == 0x20) {
                cp = ' ';
                i++;
            } else if (c < 0x7F) {
                if (g0 == Marc8Tables.EACC) {
                    int n = eaccLength(b, i, end);
                    cp = eacc(b, i, n, tables, listener, start - offset);
                    i += n;
                } else {
                    cp = g0Table == null ? 0 : g0Table[c];
                    i++;
                    if (cp == 0) {
                        cp = noCharacter(listener, start - offset, c, "G0", g0);
                    }
                }
            } else if (c >= 0x80 && c < 0xA0) {
                cp = tables.c1(c);
                i++;
                if (cp == 0) {
                    error(listener, start - offset, String.format("byte 0x%02X is not a MARC-8 character", c));
                    cp = 0xFFFD;
                }
            } else if (c > 0xA0 && c < 0xFF) {
                if (g1 == Marc8Tables.EACC) {
                    int n = eaccLength(b, i, end);
                    cp = eacc(b, i, n, tables, listener, start - offset);
                    i += n;
                } else {
                    cp = g1Table == null ? 0 : g1Table[c & 0x7F];
                    i++;
                    if (cp == 0) {
                        cp = noCharacter(listener, start - offset, c, "G1", g1);
                    }
                }
            } else {
                error(listener, start - offset, String.format("byte 0x%02X is not a MARC-8 character", c));
                cp = 0xFFFD;
                i++;
            }
            if (cp == Marc8Tables.NO_CHARACTER) {
                continue;
            }
            if (cp < 0) {
                if (markCount == marks.length) {
                    marks = work.growMarks();
                }
                marks[markCount++] = -cp;
                continue;
            }
            count = put(out, count, cp);
            ampersand |= cp == '&';
            for (int m = 0; m < markCount; m++) {
                count = put(out, count, marks[m]);
            }
            markCount = 0;
        }
        // Marks with no base character after them: keep them rather than lose them.
        for (int m = 0; m < markCount; m++) {
            count = put(out, count, marks[m]);
        }
        work.ampersand = ampersand;
        return count;
    }

    /// Writes `cp` at `n` (room for two chars is there, see [#decodeGeneral]); returns the new end.
    private static int put(char[] out, int n, int cp) {
        if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            out[n] = (char) cp;
            return n + 1;
        }
        out[n] = Character.highSurrogate(cp);
        out[n + 1] = Character.lowSurrogate(cp);
        return n + 2;
    }

    /// The character of the EACC code of `n` bytes at `i` (see [#eaccLength]), or U+FFFD when it is
    /// cut short or names none (reported at `index`).
    private static int eacc(byte[] b, int i, int n, Marc8Tables tables, Errors listener, int index) {
        if (n < 3) {
            error(listener, index, "truncated 3-byte EACC character");
            return 0xFFFD;
        }
        int code = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
        int cp = tables.eacc(code);
        if (cp == 0) {
            error(listener, index, String.format("no EACC character has the code %06X", code));
            return 0xFFFD;
        }
        return cp;
    }

    /// Reports that byte `c` has no character in the single-byte set `set` designated to `half`;
    /// returns U+FFFD, what the text holds instead.
    private static int noCharacter(Errors listener, int index, int c, String half, int set) {
        error(listener, index, String.format("byte 0x%02X has no character in the %s set %s", c, half, setName(set)));
        return 0xFFFD;
    }

    /// Bytes of the EACC character at `i`: 3, or fewer when the end or an ESC cuts it short (the
    /// escape sequence is then read as such, not swallowed into a bad character).
    private static int eaccLength(byte[] b, int i, int end) {
        int n = 1;
        while (n < 3 && i + n < end && b[i + n] != ESC) {
            n++;
        }
        return n;
    }

    /// Parses an escape sequence at `i`. Returns `target << 24 | set << 8 | length`, target 0 for
    /// G0 and 1 for G1, or -1 when it is not a known, complete sequence.
    private static int escape(byte[] b, int i, int end) {
        if (i + 1 >= end) {
            return -1;
        }
        int c1 = b[i + 1] & 0xFF;
        switch (c1) {
            case 'g' -> {
                return Marc8Tables.GREEK_SYMBOLS << 8 | 2;
            }
            case 'b' -> {
                return Marc8Tables.SUBSCRIPTS << 8 | 2;
            }
            case 'p' -> {
                return Marc8Tables.SUPERSCRIPTS << 8 | 2;
            }
            case 's' -> {
                return Marc8Tables.ASCII << 8 | 2;
            }
            default -> {
            }
        }
        int p = i + 1;
        boolean multibyte = false;
        if (c1 == '$') {
            multibyte = true;
            p++;
        }
        if (p >= end) {
            return -1;
        }
        int designator = b[p] & 0xFF;
        int target;
        if (designator == '(' || designator == ',') {
            target = 0;
            p++;
        } else if (designator == ')' || designator == '-') {
            target = 1;
            p++;
        } else if (multibyte) {
            target = 0; // ESC $ F designates a multibyte set to G0
        } else {
            return -1;
        }
        if (p < end && b[p] == '!') {
            p++; // ESC ( ! E and the like: an intermediate for the extended sets
        }
        if (p >= end) {
            return -1;
        }
        int set = b[p] & 0xFF;
        if (!Marc8Tables.isKnownSet(set) || multibyte != (set == Marc8Tables.EACC)) {
            return -1;
        }
        return target << 24 | set << 8 | (p + 1 - i);
    }

    private static String describe(byte[] b, int i, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < Math.min(end, i + 4); k++) {
            int c = b[k] & 0xFF;
            sb.append(k == i ? "ESC" : c >= 0x21 && c < 0x7F ? " " + (char) c : String.format(" 0x%02X", c));
        }
        return sb.toString();
    }

    private static String setName(int set) {
        return switch (set) {
            case 0x42 -> "Basic Latin";
            case 0x45 -> "ANSEL";
            case 0x67 -> "Greek symbols";
            case 0x62 -> "Subscripts";
            case 0x70 -> "Superscripts";
            case 0x32 -> "Basic Hebrew";
            case 0x4E -> "Basic Cyrillic";
            case 0x51 -> "Extended Cyrillic";
            case 0x33 -> "Basic Arabic";
            case 0x34 -> "Extended Arabic";
            case 0x53 -> "Basic Greek";
            case 0x31 -> "EACC";
            default -> String.format("0x%02X", set);
        };
    }

    private static void error(Errors listener, int index, String problem) {
        listener.onError(index, problem);
    }

    /// Replaces `&#xHHHH;` references (hexadecimal, the MARC-8 lossless form: one to seven digits,
    /// a code point that is not a surrogate) in `c[0, n)` with their characters, in place (a
    /// reference takes at least five chars, its character at most two); returns the new length.
    /// Anything else, `&#` included, stays as it is.
    static int replaceNcrs(char[] c, int n) {
        int w = 0;
        int r = 0;
        while (r < n) {
            char ch = c[r];
            if (ch == '&' && r + 1 < n && c[r + 1] == '#') {
                int p = r + 2;
                if (p < n && (c[p] == 'x' || c[p] == 'X')) {
                    p++;
                    int digitsStart = p;
                    long value = 0;
                    while (p < n && p - digitsStart < 7) {
                        char d = c[p];
                        int digit = d < 0x80 ? Character.digit(d, 16) : -1; // ASCII digits only
                        if (digit < 0) {
                            break;
                        }
                        value = value * 16 + digit;
                        p++;
                    }
                    if (p > digitsStart && p < n && c[p] == ';' && value <= Character.MAX_CODE_POINT
                            && !(value >= 0xD800 && value <= 0xDFFF)) {
                        w = put(c, w, (int) value);
                        r = p + 1;
                        continue;
                    }
                }
                // Not a reference: keep "&#" and look again after it.
                c[w++] = '&';
                c[w++] = '#';
                r += 2;
                continue;
            }
            c[w++] = ch;
            r++;
        }
        return w;
    }

    /// Scratch arrays for one decode at a time.
    private static final class Scratch {
        /// Values up to this many bytes keep their arrays for the next value; longer ones (only
        /// from lenient reading of oversize fields) get arrays of their own.
        static final int MAX_RETAINED = 1 << 14;
        private static final char[] NO_CHARS = {};
        private static final int[] NO_MARKS = {};

        char[] chars = NO_CHARS;
        int[] marks = NO_MARKS;
        boolean ampersand;

        /// The char array, with room for what `length` bytes decode to.
        char[] chars(int length) {
            int need = 2 * length;
            if (chars.length < need) {
                chars = new char[Math.max(need, 2 * chars.length)];
            }
            return chars;
        }

        int[] growMarks() {
            marks = Arrays.copyOf(marks, Math.max(4, marks.length * 2));
            return marks;
        }
    }

    /// A [Marc8Decoding] with scratch arrays of its own, reused from one value to the next: what it
    /// allocates per value is the resulting String. Not thread-safe: one per parser.
    public static final class Reusing {
        private final Marc8Decoding decoding;
        private final Scratch scratch = new Scratch();

        /// A reusing decoder with the settings of `decoding`.
        ///
        /// @param decoding the settings to decode with
        public Reusing(Marc8Decoding decoding) {
            this.decoding = decoding;
        }

        /// Exactly [Marc8Decoding#decode(byte[], int, int, Errors)].
        ///
        /// @param bytes  the MARC-8 bytes
        /// @param offset where the text starts
        /// @param length how many bytes
        /// @param errors told of each bad sequence; may throw
        /// @return the text
        public String decode(byte[] bytes, int offset, int length, Errors errors) {
            return decoding.decode(bytes, offset, length, errors, length <= Scratch.MAX_RETAINED ? scratch : null);
        }
    }
}
