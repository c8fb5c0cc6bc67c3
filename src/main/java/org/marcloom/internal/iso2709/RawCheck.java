package org.marcloom.internal.iso2709;

import static org.marcloom.internal.iso2709.Framer.SD;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/// A fast test, on a framed record's bytes in place, that an ISO 2709 record is well formed,
/// without decoding any text: for counting records, which needs only to know that each one is
/// sound.
///
/// [#wellFormed] returns true only when [Iso2709Parser], decoding the record with options whose
/// limits cannot be reached ([RawLayout#limitsUnreachable]) and without guessing the encoding,
/// would report nothing about its structure: the leader and directory as [RawLayout] takes them,
/// `a` or blank at leader/09; control fields without subfield delimiters; data fields with two
/// printable indicators and a delimiter after them, every delimiter followed by a lowercase letter
/// or digit; no escape byte anywhere in the data (MARC-8 escape sequences are the decoder's to
/// judge). Anything else returns false, and the caller decodes the record to get its exact
/// diagnostics or, strict, its error: this test decides only whether decoding can be skipped, never
/// what is wrong. Text encoding (invalid UTF-8, unknown MARC-8 characters) is not checked.
///
/// WARNING: hot code. The data is scanned eight bytes at a time. Not thread-safe: one per thread.
public final class RawCheck {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long SD_WORD = SD * ONES;
    private static final long ESC_WORD = 0x1B * ONES;
    private static final byte ESC = 0x1B;

    private final RawLayout layout = new RawLayout();

    /// Whether the record in `buf[start, end)` (from its leader to its record terminator) can be
    /// counted without decoding it: see the class comment.
    ///
    /// @param buf   the buffer holding the record
    /// @param start where its leader starts
    /// @param end   one past its record terminator
    /// @return true when decoding would report nothing about its structure
    public boolean wellFormed(byte[] buf, int start, int end) {
        RawLayout l = layout;
        if (end - start < 26 || buf[start + 9] != 'a' && buf[start + 9] != ' ' || !l.read(buf, start, end, true)) {
            return false;
        }
        if (l.canonical()) {
            // The fields are the data, one after another: one pass over all of it for escapes and
            // codes (what is particular to each field the directory's loop checked).
            return data(buf, l.dataStart(), end - 1);
        }
        for (int i = 0, n = l.fields(); i < n; i++) {
            if (!(l.control(i, buf) ? controlField(buf, l.from(i), l.to(i)) : dataField(buf, l.from(i), l.to(i)))) {
                return false;
            }
        }
        return true;
    }

    /// No escape in `buf[from, to)`, and every delimiter followed by a lowercase letter or digit
    /// (`buf[to]` is the record terminator, no code). Eight bytes at a time, at positions that are
    /// multiples of eight: an unaligned eight-byte read costs the client compiler several reads.
    private static boolean data(byte[] buf, int from, int to) {
        int i = from;
        for (; i < to && (i & 7) != 0; i++) {
            byte c = buf[i];
            if (c == ESC || c == SD && !code(buf[i + 1])) {
                return false;
            }
        }
        for (int last = to - 8; i <= last; i += 8) {
            long w = (long) LONGS.get(buf, i);
            long bad = zeroBytes(w ^ ESC_WORD);
            long sd = zeroBytes(w ^ SD_WORD);
            if (sd != 0) {
                // the byte after each, at the same place in the word moved on by a byte
                bad |= sd & ~codeBytes(w >>> 8 | (long) buf[i + 8] << 56);
            }
            if (bad != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            byte c = buf[i];
            if (c == ESC || c == SD && !code(buf[i + 1])) {
                return false;
            }
        }
        return true;
    }

    /// No delimiter and no escape in `buf[from, to)`.
    private static boolean controlField(byte[] buf, int from, int to) {
        int i = from;
        long bad = 0;
        for (int last = to - 8; i <= last; i += 8) {
            long w = (long) LONGS.get(buf, i);
            bad |= zeroBytes(w ^ SD_WORD) | zeroBytes(w ^ ESC_WORD);
        }
        for (; i < to; i++) {
            if (buf[i] == SD || buf[i] == ESC) {
                return false;
            }
        }
        return bad == 0;
    }

    /// Two printable indicators, a delimiter after them, every delimiter followed by a lowercase
    /// letter or digit (so never by the field terminator at `to`), no escape in `buf[from, to)`.
    private static boolean dataField(byte[] buf, int from, int to) {
        if (to - from < 3 || buf[from + 2] != SD || !printable(buf[from]) || !printable(buf[from + 1])) {
            return false;
        }
        int i = from + 2;
        for (int last = to - 8; i <= last; i += 8) {
            long w = (long) LONGS.get(buf, i);
            long sd = zeroBytes(w ^ SD_WORD);
            // The byte after each delimiter, at the same place in the word read one byte on (its
            // last byte is at most `to`, the field terminator, which is no code).
            long codes = (long) LONGS.get(buf, i + 1);
            if ((sd & ~codeBytes(codes) | zeroBytes(w ^ ESC_WORD)) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            byte c = buf[i];
            if (c == SD) {
                if (!code(buf[i + 1])) {
                    return false; // buf[i + 1] is at most the field terminator, no code
                }
            } else if (c == ESC) {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(byte c) {
        return c >= 0x20 && c <= 0x7E;
    }

    private static boolean code(byte c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /// 0x80 in each byte of `x` that is zero, else 0: exact, with no borrow from byte to byte.
    static long zeroBytes(long x) {
        return ~((x & LOW7) + LOW7 | x | LOW7);
    }

    /// 0x80 in each byte of `x` that is a lowercase ASCII letter or a digit, else 0.
    static long codeBytes(long x) {
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
