package org.marcloom.internal;

/// The one definition of well-formed UTF-8 in marcloom (the JDK decodes leniently, replacing bad
/// bytes silently), shared by every reader: ISO 2709 values, MARC-in-JSON and MARCXML input, and
/// MARCMaker lines.
///
/// Ill-formed: a byte that starts no sequence (0x80 to 0xC1, 0xF5 to 0xFF), an overlong form, an
/// encoded surrogate (U+D800 to U+DFFF), a code point over U+10FFFF, and a sequence cut short.
/// A bad run, the bytes that become one U+FFFD, is the maximal ill-formed subpart (Unicode's
/// "best practice", which the JDK's decoder follows): the lead byte and the continuation bytes
/// that could still have been part of a well-formed sequence; an encoded surrogate, whose three
/// bytes look well-formed, is one run of three, as the JDK has it. Stateless; thread-safe.
public final class Utf8 {

    /// What a lenient reader does with a bad run.
    public static final String REPLACED = "replaced with U+FFFD";

    private Utf8() {
    }

    /// Whether every byte is below 0x80.
    ///
    /// @param b   the bytes
    /// @param off where to start
    /// @param len how many bytes to look at
    /// @return true when the range is plain ASCII (or empty)
    public static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /// Reads the sequence that starts at `b[i]` (`i < end`).
    ///
    /// @param b          the bytes
    /// @param i          where the sequence starts
    /// @param end        where the bytes available end
    /// @param endOfInput whether nothing follows `end` (else a sequence that `end` cuts short may
    ///                   go on in bytes not read yet)
    /// @return for a well-formed sequence, `codePoint << 3 | length` (positive; see [#codePoint]
    ///         and [#length]); for a bad run, minus its length (-1 to -3); 0 when `end` cuts a
    ///         sequence short that may still be well-formed and `endOfInput` is false
    public static int next(byte[] b, int i, int end, boolean endOfInput) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return lead << 3 | 1;
        }
        if (lead < 0xC2 || lead > 0xF4) {
            return -1; // a continuation byte, a lead of overlongs only (C0, C1), or over U+10FFFF
        }
        // The second byte: a continuation byte, and in the range that rules out overlongs (E0, F0)
        // and code points over U+10FFFF (F4).
        if (i + 1 >= end) {
            return endOfInput ? -1 : 0;
        }
        int c1 = b[i + 1] & 0xFF;
        if ((c1 & 0xC0) != 0x80 || lead == 0xE0 && c1 < 0xA0 || lead == 0xF0 && c1 < 0x90
                || lead == 0xF4 && c1 > 0x8F) {
            return -1;
        }
        if (lead < 0xE0) {
            return ((lead & 0x1F) << 6 | c1 & 0x3F) << 3 | 2;
        }
        if (i + 2 >= end) {
            return endOfInput ? -2 : 0;
        }
        int c2 = b[i + 2] & 0xFF;
        if ((c2 & 0xC0) != 0x80) {
            return -2;
        }
        if (lead < 0xF0) {
            int cp = (lead & 0x0F) << 12 | (c1 & 0x3F) << 6 | c2 & 0x3F;
            // An encoded surrogate looks well-formed: one run of its three bytes.
            return cp >= 0xD800 && cp <= 0xDFFF ? -3 : cp << 3 | 3;
        }
        if (i + 3 >= end) {
            return endOfInput ? -3 : 0;
        }
        int c3 = b[i + 3] & 0xFF;
        if ((c3 & 0xC0) != 0x80) {
            return -3;
        }
        return ((lead & 0x07) << 18 | (c1 & 0x3F) << 12 | (c2 & 0x3F) << 6 | c3 & 0x3F) << 3 | 4;
    }

    /// The code point of a positive [#next] result.
    ///
    /// @param sequence what [#next] returned
    /// @return the code point
    public static int codePoint(int sequence) {
        return sequence >>> 3;
    }

    /// The length in bytes of a positive [#next] result.
    ///
    /// @param sequence what [#next] returned
    /// @return 1 to 4
    public static int length(int sequence) {
        return sequence & 7;
    }

    /// The index of the first bad run in `b[off, off + len)` (the range is the whole input), or -1
    /// when all of it is well-formed.
    ///
    /// @param b   the bytes
    /// @param off where to start
    /// @param len how many bytes
    /// @return the index into `b`, or -1
    public static int firstInvalid(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int s = next(b, i, end, true);
            if (s < 0) {
                return i;
            }
            i += length(s);
        }
        return -1;
    }

    /// What is wrong with a bad run, in the words every reader uses: `byte 0xFF is not valid
    /// UTF-8`, `bytes 0xE2 0x82 are not valid UTF-8`.
    ///
    /// @param b        the bytes
    /// @param off      where the run starts
    /// @param len      its length
    /// @param encoding the encoding's name (`UTF-8`, or the document's in MARCXML)
    /// @return the problem
    public static String problem(byte[] b, int off, int len, String encoding) {
        StringBuilder sb = new StringBuilder(len == 1 ? "byte " : "bytes ");
        for (int k = 0; k < len; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%02X", b[off + k] & 0xFF));
        }
        return sb.append(len == 1 ? " is" : " are").append(" not valid ").append(encoding).toString();
    }

    /// Encodes `s.charAt(i)`, a char of U+0080 or above, as UTF-8 at `b[p]`: a surrogate pair
    /// (this char and the next) as one four-byte sequence, a lone surrogate as U+FFFD, and with
    /// `replaceNonCharacters` U+FFFE and U+FFFF (which XML cannot hold) as U+FFFD too. The caller
    /// steps over the pair's second char when [#isPairAt] says so. Writes at most 4 bytes.
    ///
    /// @param s                    the text
    /// @param i                    the char's index, below `n`
    /// @param n                    the length of `s`
    /// @param b                    the output buffer
    /// @param p                    where to write
    /// @param replaceNonCharacters true to write U+FFFE and U+FFFF as U+FFFD
    /// @return the position after the bytes written
    public static int encodeNonAscii(String s, int i, int n, byte[] b, int p, boolean replaceNonCharacters) {
        char c = s.charAt(i);
        if (c < 0x800) {
            b[p++] = (byte) (0xC0 | (c >> 6));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            if (isPairAt(s, i, n)) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                p = encodeReplacement(b, p);
            }
        } else if (replaceNonCharacters && c >= 0xFFFE) {
            p = encodeReplacement(b, p);
        } else {
            b[p++] = (byte) (0xE0 | (c >> 12));
            b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            b[p++] = (byte) (0x80 | (c & 0x3F));
        }
        return p;
    }

    /// Whether `s.charAt(i)` and the char after it form a surrogate pair.
    ///
    /// @param s the text
    /// @param i an index below `n`
    /// @param n the length of `s`
    /// @return true for a high surrogate followed by a low one
    public static boolean isPairAt(String s, int i, int n) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /// Writes U+FFFD (3 bytes) at `b[p]`.
    ///
    /// @param b the output buffer
    /// @param p where to write
    /// @return the position after it
    public static int encodeReplacement(byte[] b, int p) {
        b[p++] = (byte) 0xEF;
        b[p++] = (byte) 0xBF;
        b[p++] = (byte) 0xBD;
        return p;
    }
}
