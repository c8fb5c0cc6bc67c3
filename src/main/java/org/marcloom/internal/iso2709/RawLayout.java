package org.marcloom.internal.iso2709;

import static org.marcloom.internal.iso2709.Framer.FT;
import static org.marcloom.internal.iso2709.Framer.RT;

import org.marcloom.Limits;
import org.marcloom.MarcEncoding;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.RawScan;

/// The leader and directory of a framed ISO 2709 record, read in place when they are exactly as
/// [Iso2709Parser] takes them without a word: for the paths that use a record's bytes without
/// decoding it ([RawCheck], the raw encoders of the writers).
///
/// [#read] returns true only when the parser, decoding the record, would report nothing about its
/// leader or directory: a leader of printable ASCII with `22` at 10-11 and `45` at 20-21, a base
/// address that ends a whole number of 12-byte entries with a field terminator, and entries with
/// tags of three ASCII letters or digits (`00` then a digit for a control field, never `00` then a
/// letter), lengths above 0 and starts that put each field inside the data, ending with a field
/// terminator. The fields' own bytes are the caller's to check. After a true result, field `i`
/// (in directory order) has its tag at `buf[tag(i)]`, its data at `buf[from(i), to(i))` with the
/// field terminator at `to(i)`, and is a control field when [#control(int)]. Not thread-safe:
/// one per thread, reused for every record.
public final class RawLayout {

    /// The most directory entries a record of at most 99,999 bytes has: such a record never
    /// reaches [Limits#maxFieldsPerRecord()] at this value or above.
    static final int MOST_FIELDS = (99_999 - 25) / 12;
    /// The most subfields a field of at most 9,999 bytes has.
    static final int MOST_SUBFIELDS = 9_999 / 2;

    private int fields;
    private int dataStart;
    private int[] tags = new int[64];
    private int[] froms = new int[64];
    private int[] tos = new int[64];
    private boolean canonical;

    /// Whether records read with `options` can be taken from their bytes at all: the limits are
    /// too high for a record that framing accepted without a word to reach them (a clean record
    /// has at most 99,999 bytes).
    ///
    /// @param options the reader's options
    /// @return true when the limits cannot be reached
    public static boolean limitsUnreachable(ReaderOptions options) {
        Limits l = options.limits();
        return l.maxFieldsPerRecord() >= MOST_FIELDS && l.maxSubfieldsPerField() >= MOST_SUBFIELDS;
    }

    /// Whether records read with `options` are decoded as UTF-8 whatever their leader/09 says
    /// (true), or only when it is `a` (false: [MarcEncoding#AUTO]); `null` when they never are.
    ///
    /// @param options the reader's options
    /// @return the answer, or `null`
    public static Boolean forcedUtf8(ReaderOptions options) {
        MarcEncoding e = options.encoding();
        return e == MarcEncoding.UTF_8 ? Boolean.TRUE : e == MarcEncoding.AUTO ? Boolean.FALSE : null;
    }

    /// Reads the leader and directory of the record in `buf[start, end)` (from its leader to its
    /// record terminator); see the class comment.
    ///
    /// @return true when they are as the parser takes them without a word
    public boolean read(byte[] buf, int start, int end) {
        return read(buf, start, end, false);
    }

    /// [#read(byte[], int, int)], and with `fieldChecks` also what [RawCheck] asks of each field
    /// apart from its data: a control field has no subfield delimiter; a data field has two
    /// printable indicators and a delimiter after them. In the one loop over the directory (hot),
    /// which then records where the fields are only when they are not [#canonical()].
    ///
    /// @return true when the leader and directory are as the parser takes them without a word
    ///         (and, with `fieldChecks`, the fields as said)
    boolean read(byte[] buf, int start, int end, boolean fieldChecks) {
        int length = end - start;
        if (length < 26 || buf[end - 1] != RT) {
            return false;
        }
        for (int i = start; i < start + 24; i++) {
            if (buf[i] < 0x20 || buf[i] == 0x7F) {
                return false;
            }
        }
        if (buf[start + 10] != '2' || buf[start + 11] != '2' || buf[start + 20] != '4' || buf[start + 21] != '5') {
            return false;
        }
        int base = Framer.digits(buf, start + 12, 5);
        int dataLimit = end - 1; // the record terminator
        if (base < 25 || start + base > dataLimit || buf[start + base - 1] != FT || (base - 25) % 12 != 0) {
            return false;
        }
        int n = (base - 25) / 12;
        if (n > tags.length) {
            int size = Math.max(n, tags.length * 2);
            tags = new int[size];
            froms = new int[size];
            tos = new int[size];
        }
        int dataStart = start + base;
        int expected = 0;
        boolean inOrder = true;
        for (int e = 0, p = start + 24; e < n; e++, p += 12) {
            byte t0 = buf[p];
            byte t1 = buf[p + 1];
            byte t2 = buf[p + 2];
            int a0 = t0 - '0';
            int a1 = t1 - '0';
            int a2 = t2 - '0';
            if ((a0 | 9 - a0 | a1 | 9 - a1 | a2 | 9 - a2) < 0) { // not three digits
                if (!alnum(t0) || !alnum(t1) || !alnum(t2)) {
                    return false;
                }
                if (t0 == '0' && t1 == '0') {
                    return false; // 00A: control or data field is the model's call
                }
            }
            // The nine digits of length and start, spelt out (no call, no loop: hot).
            int d0 = buf[p + 3] - '0';
            int d1 = buf[p + 4] - '0';
            int d2 = buf[p + 5] - '0';
            int d3 = buf[p + 6] - '0';
            int d4 = buf[p + 7] - '0';
            int d5 = buf[p + 8] - '0';
            int d6 = buf[p + 9] - '0';
            int d7 = buf[p + 10] - '0';
            int d8 = buf[p + 11] - '0';
            // negative when one of them is not a digit (below 0 or above 9)
            int check = d0 | 9 - d0 | d1 | 9 - d1 | d2 | 9 - d2 | d3 | 9 - d3 | d4 | 9 - d4 | d5 | 9 - d5 | d6 | 9 - d6
                    | d7 | 9 - d7 | d8 | 9 - d8;
            int len = ((d0 * 10 + d1) * 10 + d2) * 10 + d3;
            int at = (((d4 * 10 + d5) * 10 + d6) * 10 + d7) * 10 + d8;
            if (check < 0 || len == 0) {
                return false;
            }
            int from = dataStart + at;
            int to = from + len - 1;
            if (to >= dataLimit || buf[to] != FT) {
                return false;
            }
            if (fieldChecks) {
                if ((a0 | a1) == 0) { // a control field
                    for (int k = from; k < to; k++) {
                        if (buf[k] == Framer.SD) {
                            return false;
                        }
                    }
                } else if (len < 4 || buf[from + 2] != Framer.SD || buf[from] < 0x20 || buf[from] == 0x7F
                        || buf[from + 1] < 0x20 || buf[from + 1] == 0x7F) {
                    return false;
                }
            }
            inOrder &= at == expected;
            expected = at + len;
            if (!fieldChecks) {
                tags[e] = p;
                froms[e] = from;
                tos[e] = to;
            }
        }
        fields = n;
        this.dataStart = dataStart;
        canonical = inOrder && dataStart + expected == dataLimit;
        // With the field checks the fields are wanted only when they are not the data one after
        // another (rare): then read again for them.
        return !fieldChecks || canonical || read(buf, start, end, false);
    }

    private static boolean alnum(byte t) {
        return t >= '0' && t <= '9' || t >= 'A' && t <= 'Z' || t >= 'a' && t <= 'z';
    }

    /// [RawScan#utf8] of the fields' data after a true [#read] of the record that ends at `end`:
    /// all of the data in one go when the fields lie one after another (a sequence that a
    /// delimiter or a terminator cuts is ill-formed either way), else field by field.
    public int utf8(byte[] buf, int end) {
        if (canonical) {
            return RawScan.utf8(buf, dataStart, end - 1);
        }
        int result = RawScan.WELL_FORMED;
        for (int i = 0; i < fields; i++) {
            int r = RawScan.utf8(buf, froms[i], tos[i]);
            if (r == RawScan.ILL_FORMED) {
                return r;
            }
            result = Math.max(result, r);
        }
        return result;
    }

    /// How many fields the directory has.
    public int fields() {
        return fields;
    }

    /// Where the data starts in the buffer (the base address).
    public int dataStart() {
        return dataStart;
    }

    /// Where field `i`'s tag is in the buffer.
    public int tag(int i) {
        return tags[i];
    }

    /// Where field `i`'s data starts in the buffer.
    public int from(int i) {
        return froms[i];
    }

    /// Where field `i`'s field terminator is in the buffer.
    public int to(int i) {
        return tos[i];
    }

    /// Whether field `i` is a control field (tag `00` and a digit).
    public boolean control(int i, byte[] buf) {
        int p = tags[i];
        return buf[p] == '0' && buf[p + 1] == '0';
    }

    /// Whether the fields lie in directory order one after another from the base address to the
    /// record terminator, each entry's start where the field before it ended: the layout the
    /// ISO 2709 writer gives the same fields.
    public boolean canonical() {
        return canonical;
    }
}
