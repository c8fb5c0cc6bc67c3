package org.marcloom.internal.iso2709;

import org.marcloom.OutputEncoding;
import org.marcloom.internal.marc8.Marc8Encoding;

/// Turns record text into the bytes an ISO 2709 record holds. The UTF-8 case never goes through
/// this interface on the hot path: [Iso2709Sink] encodes UTF-8 straight into its buffer and only
/// calls [#encode(String)] for the other encodings.
interface TextEncoder {

    /// The bytes for `text` in this encoding.
    byte[] encode(String text);

    /// Leader/09 for records written with this encoding (`a` for UTF-8, blank for MARC-8).
    char leaderCodingScheme();

    /// The encoder for an output encoding.
    static TextEncoder of(OutputEncoding encoding) {
        return switch (encoding) {
            case UTF_8 -> Utf8Encoder.INSTANCE;
            case MARC_8 -> Marc8TextEncoder.INSTANCE;
        };
    }

    /// MARC-8; what MARC-8 cannot hold is written as `&#xXXXX;` (see [Marc8Encoding]).
    final class Marc8TextEncoder implements TextEncoder {
        static final Marc8TextEncoder INSTANCE = new Marc8TextEncoder();

        private Marc8TextEncoder() {
        }

        @Override
        public byte[] encode(String text) {
            return Marc8Encoding.encode(text);
        }

        @Override
        public char leaderCodingScheme() {
            return ' ';
        }
    }

    /// UTF-8; unpaired surrogates become U+FFFD. See [Iso2709Sink] for the in-buffer fast path.
    final class Utf8Encoder implements TextEncoder {
        static final Utf8Encoder INSTANCE = new Utf8Encoder();

        private Utf8Encoder() {
        }

        @Override
        public byte[] encode(String text) {
            byte[] out = new byte[text.length() * 3];
            int n = encodeInto(text, 0, out, 0, false);
            return java.util.Arrays.copyOf(out, n);
        }

        @Override
        public char leaderCodingScheme() {
            return 'a';
        }

        /// Encodes `s` from char index `from` at `dst[pos]`; `dst` must have room for
        /// `3 * (s.length() - from)` bytes. Returns the position after the last byte written, or,
        /// when `rejectDelimiters` is set and a char 0x1D-0x1F (an ISO 2709 delimiter) is met, `~i`
        /// (negative) where `i` is that char's index.
        static int encodeInto(String s, int from, byte[] dst, int pos, boolean rejectDelimiters) {
            int p = pos;
            for (int i = from, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (rejectDelimiters && c >= 0x1D && c <= 0x1F) {
                        return ~i;
                    }
                    dst[p++] = (byte) c;
                } else if (c < 0x800) {
                    dst[p++] = (byte) (0xC0 | c >> 6);
                    dst[p++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    char d;
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(d = s.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, d);
                        i++;
                        dst[p++] = (byte) (0xF0 | cp >> 18);
                        dst[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        dst[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        dst[p++] = (byte) (0x80 | cp & 0x3F);
                    } else {
                        // Unpaired surrogate: U+FFFD REPLACEMENT CHARACTER.
                        dst[p++] = (byte) 0xEF;
                        dst[p++] = (byte) 0xBF;
                        dst[p++] = (byte) 0xBD;
                    }
                } else {
                    dst[p++] = (byte) (0xE0 | c >> 12);
                    dst[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    dst[p++] = (byte) (0x80 | c & 0x3F);
                }
            }
            return p;
        }
    }
}
