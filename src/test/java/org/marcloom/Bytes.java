package org.marcloom;

import java.util.ArrayList;
import java.util.List;

/// Test support: independent, naive views of ISO 2709 bytes, to compute expected offsets without
/// the reader under test.
final class Bytes {

    private Bytes() {
    }

    /// The input split after each record terminator 0x1D (each piece keeps its 0x1D); a final
    /// piece without 0x1D is included when not empty.
    static List<byte[]> splitRecords(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0x1D) {
                out.add(java.util.Arrays.copyOfRange(all, start, i + 1));
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }

    /// Offsets where each piece of [#splitRecords] starts.
    static List<Integer> recordStarts(byte[] all) {
        List<Integer> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0x1D) {
                out.add(start);
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(start);
        }
        return out;
    }

    static int indexOf(byte[] b, int from, int value) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == (byte) value) {
                return i;
            }
        }
        return -1;
    }

    static int number(byte[] b, int at, int len) {
        return Integer.parseInt(new String(b, at, len, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /// A directory entry as the bytes say: tag, field length, starting position.
    record Entry(String tag, int length, int start) {
    }

    /// The directory of one record's bytes (leader/12-16 taken as the base address).
    static List<Entry> directory(byte[] rec) {
        int base = number(rec, 12, 5);
        List<Entry> out = new ArrayList<>();
        for (int p = 24; p + 12 <= base - 1; p += 12) {
            out.add(new Entry(new String(rec, p, 3, java.nio.charset.StandardCharsets.US_ASCII),
                    number(rec, p + 3, 4), number(rec, p + 7, 5)));
        }
        return out;
    }
}
