package org.marcloom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/// [RawScan] finds exactly what a loop over the bytes finds: the next byte to escape for every
/// byte value, at every position of a word, with every start and end, in arrays whose length is
/// and is not a multiple of eight (the last word then read a byte at a time), and with a second such
/// byte after the first; UTF-8 and ISO 2709 delimiters of random bytes as [Utf8] and a byte loop
/// judge them.
class RawScanTest {

    interface Next {
        int next(byte[] b, int from, int to);
    }

    private static void exact(Next scan, IntPredicate kind) {
        for (int length : new int[] {24, 29}) {
            for (int v = 0; v < 256; v++) {
                for (int at = 0; at < length; at++) {
                    byte[] b = new byte[length];
                    Arrays.fill(b, (byte) 'a');
                    b[at] = (byte) v;
                    if (at + 3 < length) {
                        b[at + 3] = (byte) v; // a second one: the first is found
                    }
                    for (int from = 0; from < length; from += 3) {
                        for (int to = from; to <= length; to += 5) {
                            int want = to;
                            for (int i = from; i < to; i++) {
                                if (kind.test(b[i] & 0xFF)) {
                                    want = i;
                                    break;
                                }
                            }
                            assertEquals(want, scan.next(b, from, to), "byte " + v + " at " + at + " in ["
                                    + from + ", " + to + ") of " + length);
                        }
                    }
                }
            }
        }
    }

    @Test
    void jsonEscape() {
        exact(RawScan::nextJsonEscape, c -> c < 0x20 || c == '"' || c == '\\');
    }

    @Test
    void xmlEscape() {
        exact(RawScan::nextXmlEscape, c -> c < 0x20 || c == '&' || c == '<' || c == '>');
    }

    /// Bytes that make and break UTF-8 and ISO 2709 delimiters, drawn at random.
    private static final byte[] ALPHABET = {'a', 'z', '0', ' ', 'A', 0x1D, 0x1E, 0x1F, 0x1F, 0x01,
            (byte) 0x80, (byte) 0xA0, (byte) 0xBE, (byte) 0xBF, (byte) 0xC2, (byte) 0xC3, (byte) 0xDF, (byte) 0xE0,
            (byte) 0xE1, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, (byte) 0x90};

    /// UTF-8 as [Utf8] has it: ill-formed where [Utf8#firstInvalid] finds a bad run, else whether
    /// U+FFFE or U+FFFF is among the code points.
    private static int utf8Reference(byte[] b, int from, int to) {
        if (Utf8.firstInvalid(b, from, to - from) >= 0) {
            return RawScan.ILL_FORMED;
        }
        for (int i = from; i < to; ) {
            int s = Utf8.next(b, i, to, true);
            int cp = Utf8.codePoint(s);
            if (cp == 0xFFFE || cp == 0xFFFF) {
                return RawScan.NONCHARACTER;
            }
            i += Utf8.length(s);
        }
        return RawScan.WELL_FORMED;
    }

    private static int delimitersReference(byte[] b, int from, int to) {
        int fts = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == 0x1D) {
                return -1;
            }
            if (b[i] == 0x1E) {
                fts++;
            }
            if (b[i] == 0x1F && !(b[i + 1] >= 'a' && b[i + 1] <= 'z' || b[i + 1] >= '0' && b[i + 1] <= '9')) {
                return -1;
            }
        }
        return fts;
    }

    @Test
    void utf8AndDelimitersAsAByteLoopFindsThem() {
        java.util.Random random = new java.util.Random(20261203);
        int[] results = new int[3];
        int[] delimiters = new int[2];
        for (int run = 0; run < 200_000; run++) {
            byte[] b = new byte[8 + random.nextInt(40)];
            // mostly ASCII with a few odd bytes, so that all three outcomes come up
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) 'a';
            }
            if (random.nextInt(8) == 0) {
                int at = random.nextInt(b.length - 3);
                b[at] = (byte) 0xEF;
                b[at + 1] = (byte) 0xBF;
                b[at + 2] = (byte) (0xBE + random.nextInt(2));
            }
            int from = random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from); // b[to] exists: a terminator's place
            int want = utf8Reference(b, from, to);
            assertEquals(want, RawScan.utf8(b, from, to), () -> java.util.HexFormat.of().formatHex(b));
            results[want + 1]++;
            int d = delimitersReference(b, from, to);
            assertEquals(d, RawScan.isoDelimiters(b, from, to), () -> java.util.HexFormat.of().formatHex(b));
            delimiters[d < 0 ? 0 : 1]++;
        }
        // every outcome, many times
        assertEquals(true, results[0] > 10_000 && results[1] > 10_000 && results[2] > 1_000,
                java.util.Arrays.toString(results));
        assertEquals(true, delimiters[0] > 10_000 && delimiters[1] > 10_000, java.util.Arrays.toString(delimiters));
    }

    @Test
    void firstByteIsTheLowestMarkedByte() {
        for (int bits = 1; bits < 256; bits++) {
            long m = 0;
            for (int k = 0; k < 8; k++) {
                if ((bits & 1 << k) != 0) {
                    m |= 0x80L << (8 * k);
                }
            }
            assertEquals(Integer.numberOfTrailingZeros(bits), RawScan.firstByte(m), Long.toHexString(m));
        }
    }

    @Test
    void zeroBytesMarksExactlyTheZeroBytes() {
        for (int v = 0; v < 256; v++) {
            for (int at = 0; at < 8; at++) {
                long w = 0x4141414141414141L & ~(0xFFL << (at * 8)) | (long) v << (at * 8);
                long want = v == 0 ? 0x80L << (at * 8) : 0;
                assertEquals(want, RawScan.zeroBytes(w), "byte " + v + " at " + at);
            }
        }
    }
}
