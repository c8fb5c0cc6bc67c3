package org.marcloom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/// [RawScan] finds exactly what a loop over the bytes finds: every byte value, at every position
/// of a word, with every start and end, in arrays whose length is and is not a multiple of eight
/// (the last word then read a byte at a time), and with a second such byte after the first.
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
    void iso() {
        exact(RawScan::nextIso, c -> c < 0x20 || c >= 0x80);
    }

    @Test
    void json() {
        exact(RawScan::nextJson, c -> c < 0x20 || c >= 0x80 || c == '"' || c == '\\');
    }

    @Test
    void xml() {
        exact(RawScan::nextXml, c -> c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>');
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
