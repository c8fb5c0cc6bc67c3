package org.marcloom.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/// Scans a record's data eight bytes at a time for the writers that write ISO 2709 records from
/// their bytes ([RawEncoder]): whether it is well-formed UTF-8 ([#utf8]), whether its delimiters
/// are as the ISO 2709 writer writes them ([#isoDelimiters]), and where the next byte is that JSON
/// or XML escapes (the bytes before it are copied as they are).
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
    private static final long SD_WORD = 0x1F * ONES;
    private static final long FT_WORD = 0x1E * ONES;
    private static final long RT_WORD = 0x1D * ONES;

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

    /// 0x80 in each byte of `w` that is a control character (below 0x20): exact for every byte.
    private static long control(long w) {
        return ~((w & LOW7) + BLANK_UP | w) & HIGH;
    }

    /// What [#utf8] returns for well-formed UTF-8.
    public static final int WELL_FORMED = 0;
    /// What [#utf8] returns for well-formed UTF-8 with U+FFFE or U+FFFF in it (which XML cannot hold).
    public static final int NONCHARACTER = 1;
    /// What [#utf8] returns for bytes that are not well-formed UTF-8.
    public static final int ILL_FORMED = -1;

    /// Whether `b[from, to)` is well-formed UTF-8 ([Utf8#next] decides, `to` being the end of the
    /// input): ASCII eight bytes at a time, the usual two- and three-byte sequences inline.
    ///
    /// @return [#WELL_FORMED], [#NONCHARACTER] or [#ILL_FORMED]
    public static int utf8(byte[] b, int from, int to) {
        int result = WELL_FORMED;
        int i = from;
        while (i < to) {
            int k = nextHigh(b, i, to);
            if (k >= to) {
                break;
            }
            // a run of sequences, up to the next ASCII byte
            int c;
            while (k < to && (c = b[k] & 0xFF) >= 0x80) {
                if (c >= 0xC2 && c <= 0xDF && k + 1 < to && (b[k + 1] & 0xC0) == 0x80) {
                    k += 2;
                } else if (c >= 0xE1 && c <= 0xEF && c != 0xED && k + 2 < to && (b[k + 1] & 0xC0) == 0x80
                        && (b[k + 2] & 0xC0) == 0x80) {
                    if (c == 0xEF && b[k + 1] == (byte) 0xBF && (b[k + 2] & 0xFE) == 0xBE) {
                        result = NONCHARACTER;
                    }
                    k += 3;
                } else {
                    int s = Utf8.next(b, k, to, true);
                    if (s < 0) {
                        return ILL_FORMED;
                    }
                    k += Utf8.length(s);
                }
            }
            i = k;
        }
        return result;
    }

    /// The first byte that is not ASCII.
    private static int nextHigh(byte[] b, int from, int to) {
        int a = from & ~7;
        if (a + 8 > b.length || from >= to) {
            for (int i = from; i < to; i++) {
                if (b[i] < 0) {
                    return i;
                }
            }
            return to;
        }
        long m = (long) LONGS.get(b, a) & HIGH & -1L << ((from - a) << 3);
        while (m == 0) {
            a += 8;
            if (a >= to) {
                return to;
            }
            if (a + 8 > b.length) {
                return nextHigh(b, a, to);
            }
            m = (long) LONGS.get(b, a) & HIGH;
        }
        return Math.min(a + firstByte(m), to);
    }

    /// The first byte that JSON escapes: a control character, `"` or `\` (the text is known to
    /// be well-formed UTF-8, written as it is).
    public static int nextJsonEscape(byte[] b, int from, int to) {
        int a = from & ~7;
        if (a + 8 > b.length || from >= to) {
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c >= 0 && c < 0x20 || c == '"' || c == '\\') {
                    return i;
                }
            }
            return to;
        }
        long w = (long) LONGS.get(b, a);
        long m = (control(w) | zeroBytes(w ^ QUOTE) | zeroBytes(w ^ BACKSLASH)) & -1L << ((from - a) << 3);
        while (m == 0) {
            a += 8;
            if (a >= to) {
                return to;
            }
            if (a + 8 > b.length) {
                return nextJsonEscape(b, a, to);
            }
            w = (long) LONGS.get(b, a);
            m = control(w) | zeroBytes(w ^ QUOTE) | zeroBytes(w ^ BACKSLASH);
        }
        return Math.min(a + firstByte(m), to);
    }

    /// The first byte that XML text escapes or replaces: a control character, `&`, `<` or `>`
    /// (the text is known to be well-formed UTF-8 without U+FFFE and U+FFFF, written as it is).
    public static int nextXmlEscape(byte[] b, int from, int to) {
        int a = from & ~7;
        if (a + 8 > b.length || from >= to) {
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c >= 0 && c < 0x20 || c == '&' || c == '<' || c == '>') {
                    return i;
                }
            }
            return to;
        }
        long w = (long) LONGS.get(b, a);
        long m = (control(w) | zeroBytes(w ^ AMP) | zeroBytes(w ^ LT) | zeroBytes(w ^ GT)) & -1L << ((from - a) << 3);
        while (m == 0) {
            a += 8;
            if (a >= to) {
                return to;
            }
            if (a + 8 > b.length) {
                return nextXmlEscape(b, a, to);
            }
            w = (long) LONGS.get(b, a);
            m = control(w) | zeroBytes(w ^ AMP) | zeroBytes(w ^ LT) | zeroBytes(w ^ GT);
        }
        return Math.min(a + firstByte(m), to);
    }

    /// Checks the delimiters in the data of an ISO 2709 record, `b[from, to)`, `b[to]` being its
    /// record terminator: every subfield delimiter followed by a lowercase letter or digit, no
    /// record terminator before `to`.
    ///
    /// @return how many field terminators there are, or -1 when a check fails
    public static int isoDelimiters(byte[] b, int from, int to) {
        int fts = 0;
        int i = from;
        for (; i < to && (i & 7) != 0; i++) {
            int r = isoDelimiter(b, i);
            if (r < 0) {
                return -1;
            }
            fts += r;
        }
        for (int last = to - 8; i <= last; i += 8) {
            long w = (long) LONGS.get(b, i);
            if (control(w) == 0) {
                continue;
            }
            long sd = zeroBytes(w ^ SD_WORD);
            long bad = zeroBytes(w ^ RT_WORD);
            if (sd != 0) {
                // the byte after each, at the same place in the word moved on by a byte
                bad |= sd & ~codeBytes(w >>> 8 | (long) b[i + 8] << 56);
            }
            if (bad != 0) {
                return -1;
            }
            for (long ft = zeroBytes(w ^ FT_WORD); ft != 0; ft &= ft - 1) {
                fts++;
            }
        }
        for (; i < to; i++) {
            int r = isoDelimiter(b, i);
            if (r < 0) {
                return -1;
            }
            fts += r;
        }
        return fts;
    }

    /// [#isoDelimiters] for one byte: 1 for a field terminator, -1 for a failed check, else 0.
    private static int isoDelimiter(byte[] b, int i) {
        byte c = b[i];
        if (c == 0x1E) {
            return 1;
        }
        if (c == 0x1D) {
            return -1;
        }
        if (c == 0x1F) {
            byte code = b[i + 1];
            return code >= 'a' && code <= 'z' || code >= '0' && code <= '9' ? 0 : -1;
        }
        return 0;
    }

    /// 0x80 in each byte of `x` that is a lowercase ASCII letter or a digit, else 0.
    private static long codeBytes(long x) {
        long low = x & LOW7;
        long ascii = ~x & HIGH;
        // For a byte v below 0x80, v + (0x80 - lo) has its high bit set when v >= lo; no carry
        // leaves the byte since v + 0x80 - lo < 0x100.
        long geA = low + (0x80 - 'a') * ONES;
        long gtZ = low + (0x80 - 'z' - 1) * ONES;
        long ge0 = low + (0x80 - '0') * ONES;
        long gt9 = low + (0x80 - '9' - 1) * ONES;
        return (geA & ~gtZ | ge0 & ~gt9) & ascii;
    }
}
