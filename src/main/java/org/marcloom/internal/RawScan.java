package org.marcloom.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/// Finds the next byte that needs a look in a record's data, eight bytes at a time, for the
/// writers that write ISO 2709 records from their bytes ([RawEncoder]): everything else is copied
/// (or, for ISO 2709, kept) as it is.
///
/// The words are read at positions that are multiples of eight (an unaligned eight-byte read
/// costs the client compiler, which the command-line tool runs on, several reads); a word that
/// would run past the array is read a byte at a time. Each `next` method returns the index of the
/// first byte in `[from, to)` of its kind, or `to`. Stateless; thread-safe.
public final class RawScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    /// Added to a byte's low seven bits: sets its high bit when they are 0x20 or above.
    private static final long BLANK_UP = (0x80 - 0x20) * ONES;
    private static final long QUOTE = '"' * ONES;
    private static final long BACKSLASH = '\\' * ONES;
    private static final long AMP = '&' * ONES;
    private static final long LT = '<' * ONES;
    private static final long GT = '>' * ONES;

    private RawScan() {
    }

    /// 0x80 in each byte of `x` that is zero, else 0: exact, with no borrow from byte to byte.
    public static long zeroBytes(long x) {
        return ~((x & LOW7) + LOW7 | x | LOW7);
    }

    /// The index (0 to 7) of the lowest byte whose 0x80 bit `m` sets (`m` has no other bits and
    /// at least one): the lowest bit alone, moved to bit 0 of its byte, times a constant whose top
    /// byte then is that index. [Long#numberOfTrailingZeros] costs the client compiler a dozen
    /// branches.
    static int firstByte(long m) {
        return (int) (((m & -m) >>> 7) * 0x0001020304050607L >>> 56);
    }

    /// 0x80 in each byte of `w` that is a control character (below 0x20) or not ASCII (0x80 and
    /// above): exact for every byte.
    private static long controlOrHigh(long w) {
        return (w | ~((w & LOW7) + BLANK_UP)) & HIGH;
    }

    /// The first byte that is a control character or not ASCII: what an ISO 2709 record must
    /// have checked (a delimiter, a terminator, the start of a UTF-8 sequence).
    public static int nextIso(byte[] b, int from, int to) {
        int a = from & ~7;
        if (a + 8 > b.length || from >= to) {
            return slowIso(b, from, to);
        }
        long m = controlOrHigh((long) LONGS.get(b, a)) & -1L << ((from - a) << 3);
        while (m == 0) {
            a += 8;
            if (a >= to) {
                return to;
            }
            if (a + 8 > b.length) {
                return slowIso(b, a, to);
            }
            m = controlOrHigh((long) LONGS.get(b, a));
        }
        return Math.min(a + firstByte(m), to);
    }

    private static int slowIso(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0x20) { // negative bytes too: 0x80 and above
                return i;
            }
        }
        return to;
    }

    /// The first byte that JSON escapes (a control character, `"`, `\`) or that is not ASCII.
    public static int nextJson(byte[] b, int from, int to) {
        int a = from & ~7;
        if (a + 8 > b.length || from >= to) {
            return slowJson(b, from, to);
        }
        long w = (long) LONGS.get(b, a);
        long m = (controlOrHigh(w) | zeroBytes(w ^ QUOTE) | zeroBytes(w ^ BACKSLASH)) & -1L << ((from - a) << 3);
        while (m == 0) {
            a += 8;
            if (a >= to) {
                return to;
            }
            if (a + 8 > b.length) {
                return slowJson(b, a, to);
            }
            w = (long) LONGS.get(b, a);
            m = controlOrHigh(w) | zeroBytes(w ^ QUOTE) | zeroBytes(w ^ BACKSLASH);
        }
        return Math.min(a + firstByte(m), to);
    }

    private static int slowJson(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return to;
    }

    /// The first byte that XML text escapes or replaces (a control character, `&`, `<`, `>`) or
    /// that is not ASCII.
    public static int nextXml(byte[] b, int from, int to) {
        int a = from & ~7;
        if (a + 8 > b.length || from >= to) {
            return slowXml(b, from, to);
        }
        long w = (long) LONGS.get(b, a);
        long m = (controlOrHigh(w) | zeroBytes(w ^ AMP) | zeroBytes(w ^ LT) | zeroBytes(w ^ GT))
                & -1L << ((from - a) << 3);
        while (m == 0) {
            a += 8;
            if (a >= to) {
                return to;
            }
            if (a + 8 > b.length) {
                return slowXml(b, a, to);
            }
            w = (long) LONGS.get(b, a);
            m = controlOrHigh(w) | zeroBytes(w ^ AMP) | zeroBytes(w ^ LT) | zeroBytes(w ^ GT);
        }
        return Math.min(a + firstByte(m), to);
    }

    private static int slowXml(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < 0x20 || c == '&' || c == '<' || c == '>') {
                return i;
            }
        }
        return to;
    }
}
