package org.marcloom.internal.iso2709;

import org.marcloom.ErrorCode;

/// The one framing function every ISO 2709 read path shares (the sequential reader, the parallel
/// batch readers, the split reader): find where the next record starts and ends in a window of
/// bytes.
///
/// WARNING: hot code. It works on a caller's byte array with int indexes, allocates nothing, and
/// reports through a reused [Frame]. Keep it that way.
///
/// Strict mode: a record starts with five digits, its length L, and its byte L-1 is the record
/// terminator 0x1D; anything else is an error the caller turns into an exception.
///
/// Lenient mode, at the position where a record is expected:
/// 1. five digits L and byte L-1 is 0x1D: the record, as declared;
/// 2. five digits L, byte L-1 is not 0x1D, but a valid leader starts at L (or the input ends
///    there): the record, flagged [#NO_TERMINATOR];
/// 3. otherwise the record runs to the next 0x1D, flagged [#LENGTH_MISMATCH] (oversize records
///    with `99999` or wrapped lengths are recovered this way); no 0x1D before the end of input:
///    the rest is one record flagged [#TRUNCATED];
/// 4. no five digits at all: junk. Scan forward for a position where a *valid leader* starts
///    (five digits, `22` at 10-11, a base address that ends a whole number of 12-byte directory
///    entries with 0x1E), skipping the junk ([Frame#skipped]); at the end of input the junk is
///    trailing bytes.
public final class Framer {

    public static final int RECORD = 0;
    public static final int NEED_MORE = 1;
    public static final int END = 2;
    public static final int ERROR = 3;

    public static final int LENGTH_MISMATCH = 1;
    public static final int NO_TERMINATOR = 1 << 1;
    public static final int TRUNCATED = 1 << 2;

    /// How far (from a record's start) strict mode looks for the next record terminator to say
    /// where it is when the declared length is wrong: the longest length five digits can declare.
    static final int TERMINATOR_SCAN = 99_999;

    static final byte RT = 0x1D;
    static final byte FT = 0x1E;
    static final byte SD = 0x1F;

    /// Where the framer found a record, or why it stopped. Reused; not thread-safe.
    public static final class Frame {
        /// Index of the record's first byte, and one past its last.
        public int start;
        public int end;
        /// Junk bytes skipped from the input position before `start` (or before a NEED_MORE/END).
        public int skipped;
        /// [#LENGTH_MISMATCH], [#NO_TERMINATOR], [#TRUNCATED].
        public int flags;
        /// The record length leader/00-04 declared, or -1.
        public int declaredLength;
        /// For ERROR: what and where (an index into the window).
        public ErrorCode error;
        public int errorAt;
        public String message;
        /// For NEED_MORE: the window must hold at least this many bytes from the input position
        /// for the framer to decide (the caller grows its buffer up to the record limit).
        public int needed;
        /// Lenient: the records over `maxRecordBytes` skipped as junk by this call, in input order:
        /// where each starts (an index into the window) and the limit's message.
        public final java.util.ArrayList<Integer> overLimitAt = new java.util.ArrayList<>(1);
        public final java.util.ArrayList<String> overLimitMessages = new java.util.ArrayList<>(1);

        void reset() {
            overLimitAt.clear();
            overLimitMessages.clear();
            start = end = skipped = flags = 0;
            declaredLength = -1;
            error = null;
            errorAt = 0;
            message = null;
            needed = 0;
        }
    }

    private final boolean lenient;
    private final int maxRecordBytes;
    /// Lenient: the last call was scanning junk for a valid leader and stopped to ask for more
    /// input, so the next call goes on scanning from its first position (which has not been
    /// checked yet) instead of taking whatever starts there as a record. Without this the result
    /// depended on where the input's reads ended.
    private boolean resyncing;

    public Framer(boolean lenient, int maxRecordBytes) {
        this.lenient = lenient;
        this.maxRecordBytes = maxRecordBytes;
    }

    /// Frames the next record in `buf[pos, limit)`.
    ///
    /// @param eof whether the input ends at `limit`
    /// @return [#RECORD], [#NEED_MORE] (give more bytes, or a bigger window, and call again from
    ///         `pos + out.skipped`), [#END] (no more records; `out.skipped` trailing junk bytes), or
    ///         [#ERROR] (strict mode, or a limit)
    public int next(byte[] buf, int pos, int limit, boolean eof, Frame out) {
        out.reset();
        if (resyncing) {
            return resync(buf, pos, pos, limit, eof, out);
        }
        if (pos >= limit) {
            return eof ? END : needMore(out, 1);
        }
        if (limit - pos < 5) {
            if (!eof) {
                return needMore(out, 5);
            }
            if (!lenient) {
                return strict(buf, pos, limit, true, -1, out);
            }
            return junkOrTruncated(buf, pos, limit, out);
        }
        int declared = digits(buf, pos, 5);
        out.declaredLength = declared;
        if (!lenient) {
            return strict(buf, pos, limit, eof, declared, out);
        }
        if (declared < 0) {
            return resync(buf, pos, pos + 1, limit, eof, out);
        }
        return lenientAt(buf, pos, limit, eof, declared, out);
    }

    private int strict(byte[] buf, int pos, int limit, boolean eof, int declared, Frame out) {
        if (declared < 0 || limit - pos < 5) {
            // A final newline (or CR LF, blanks, a DOS end-of-file byte) is not an error.
            int w = pos;
            while (w < limit && isWhitespace(buf[w])) {
                w++;
            }
            if (w == limit) {
                if (!eof) {
                    return needMore(out, limit - pos + 1);
                }
                out.skipped = limit - pos;
                return END;
            }
        }
        if (limit - pos < 5) {
            return error(out, ErrorCode.RECORD_TRUNCATED, pos,
                    "the input ends " + (limit - pos) + " bytes into a record leader");
        }
        if (declared < 0) {
            return error(out, ErrorCode.RECORD_LENGTH_INVALID, pos,
                    "leader/00-04 should be the record length in five digits, found \"" + printable(buf, pos, 5) + "\"");
        }
        if (declared < 25) {
            return error(out, ErrorCode.RECORD_LENGTH_INVALID, pos,
                    "record length " + declared + " is too short for a 24-byte leader and a record terminator");
        }
        if (declared > maxRecordBytes) {
            return error(out, ErrorCode.LIMIT_EXCEEDED, pos, "record length " + declared
                    + " exceeds the maximum allowed (" + maxRecordBytes + ", from Limits.maxRecordBytes)");
        }
        if (limit - pos < declared) {
            if (!eof) {
                return needMore(out, declared);
            }
            return error(out, ErrorCode.RECORD_TRUNCATED, pos, "the input ends after " + (limit - pos)
                    + " bytes of a record whose leader declares " + declared + " bytes");
        }
        if (buf[pos + declared - 1] != RT) {
            // Look for the next terminator within a fixed span from the record's start, not within
            // whatever the caller has buffered: the message must not depend on the buffering (the
            // parallel reader's batch buffers are not the sequential reader's buffer).
            int span = Math.min(TERMINATOR_SCAN, maxRecordBytes);
            if (limit - pos < span && !eof) {
                return needMore(out, span);
            }
            int rt = indexOf(buf, pos + 24, Math.min(limit, pos + span), RT);
            String where = rt >= 0 ? "the next record terminator is at record byte " + (rt - pos)
                    : eof && limit - pos <= span ? "there is no record terminator after it"
                    : "there is no record terminator in its first " + span + " bytes";
            return error(out, ErrorCode.RECORD_LENGTH_MISMATCH, pos + declared - 1,
                    "leader/00-04 declares " + declared + " bytes but byte " + (declared - 1)
                            + " of the record is not the record terminator 0x1D; " + where);
        }
        out.start = pos;
        out.end = pos + declared;
        return RECORD;
    }

    private int lenientAt(byte[] buf, int pos, int limit, boolean eof, int declared, Frame out) {
        if (declared >= 25 && declared <= maxRecordBytes) {
            int end = pos + declared;
            if (end <= limit) {
                if (buf[end - 1] == RT) {
                    out.start = pos;
                    out.end = end;
                    return RECORD;
                }
                int following = end == limit ? (eof ? 1 : 0) : validLeaderAt(buf, end, limit, eof);
                if (following == 0) {
                    return needMore(out, limit - pos + 1);
                }
                if (following == 1 && indexOf(buf, pos + 24, end, RT) < 0) {
                    // The declared length fits and the next record starts right after it: only
                    // the terminator is missing.
                    out.start = pos;
                    out.end = end;
                    out.flags = NO_TERMINATOR;
                    return RECORD;
                }
            } else if (!eof) {
                return needMore(out, declared);
            }
        }
        // The declared length is wrong: the record runs to the next terminator, looked for within
        // maxRecordBytes of its start only, so that what is reported does not depend on how much of
        // the input the window holds.
        int rt = indexOf(buf, pos + 1, limit - pos > maxRecordBytes ? pos + maxRecordBytes : limit, RT);
        if (rt < 0) {
            if (limit - pos >= maxRecordBytes) {
                return overLimit(buf, pos, limit, eof, out, "no record terminator within "
                        + maxRecordBytes + " bytes (the maximum allowed, from Limits.maxRecordBytes)");
            }
            if (!eof) {
                return needMore(out, Math.min(maxRecordBytes, Math.max(limit - pos, 1) * 2));
            }
            out.start = pos;
            out.end = limit;
            out.flags = TRUNCATED;
            return RECORD;
        }
        out.start = pos;
        out.end = rt + 1;
        out.flags = LENGTH_MISMATCH;
        return RECORD;
    }

    /// Lenient: no record at `pos`. Skip, from `from` on, to the next valid leader; the same
    /// positions are checked whatever the window holds, so the result does not depend on how the
    /// input arrives.
    private int resync(byte[] buf, int pos, int from, int limit, boolean eof, Frame out) {
        resyncing = false;
        for (int p = from; p < limit; p++) {
            int v = validLeaderAt(buf, p, limit, eof);
            if (v == 1) {
                int skipped = p - pos;
                int r = next(buf, p, limit, eof, out);
                out.skipped += skipped;
                return r;
            }
            if (v == 0) {
                // Cannot decide yet: keep the junk before p as skipped, ask for more, and go on
                // checking from p next time.
                out.skipped = p - pos;
                resyncing = true;
                return needMore(out, Math.min(maxRecordBytes, 100_000));
            }
        }
        out.skipped = limit - pos;
        if (eof) {
            return END;
        }
        resyncing = true;
        return needMore(out, 1);
    }

    /// Lenient: the record at `pos` is over `maxRecordBytes`. It is not held: its bytes are skipped
    /// as junk up to the next valid leader (so the good records after it are read), and the frame
    /// carries the limit's message for the reader to report.
    private int overLimit(byte[] buf, int pos, int limit, boolean eof, Frame out, String message) {
        int r = resync(buf, pos, pos + 1, limit, eof, out);
        out.overLimitAt.addFirst(pos); // a record over the limit right after this one was added first
        out.overLimitMessages.addFirst(message);
        return r;
    }

    private int junkOrTruncated(byte[] buf, int pos, int limit, Frame out) {
        if (digits(buf, pos, limit - pos) >= 0) {
            out.start = pos;
            out.end = limit;
            out.flags = TRUNCATED;
            return RECORD;
        }
        out.skipped = limit - pos;
        return END;
    }

    /// Whether a valid leader starts at `p`: 1 yes, -1 no, 0 cannot tell without more bytes.
    /// Valid: five digits (at least 25), `22` at 10-11, five-digit base address B with
    /// (B - 25) a multiple of 12 and byte B-1 the field terminator.
    public static int validLeaderAt(byte[] buf, int p, int limit, boolean eof) {
        if (limit - p < 24) {
            if (eof) {
                return -1;
            }
            // Reject early on what is there.
            int n = limit - p;
            for (int i = 0; i < Math.min(n, 5); i++) {
                if (!isDigit(buf[p + i])) {
                    return -1;
                }
            }
            return 0;
        }
        int length = digits(buf, p, 5);
        if (length < 25 || buf[p + 10] != '2' || buf[p + 11] != '2') {
            return -1;
        }
        int base = digits(buf, p + 12, 5);
        if (base < 25 || (base - 25) % 12 != 0) {
            return -1;
        }
        if (limit - p < base) {
            return eof ? -1 : 0;
        }
        return buf[p + base - 1] == FT ? 1 : -1;
    }

    private static int needMore(Frame out, int needed) {
        out.needed = needed;
        return NEED_MORE;
    }

    private static int error(Frame out, ErrorCode code, int at, String message) {
        out.error = code;
        out.errorAt = at;
        out.message = message;
        return ERROR;
    }

    /// Bytes that may pad between or after records without being data: CR, LF, blank, tab, NUL, SUB.
    public static boolean isWhitespace(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t' || b == 0 || b == 0x1A;
    }

    /// Whether every byte in `buf[from, to)` is [#isWhitespace].
    public static boolean allWhitespace(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /// The non-negative number in `len` ASCII digits at `p`, or -1.
    static int digits(byte[] buf, int p, int len) {
        int n = 0;
        for (int i = p, end = p + len; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static String printable(byte[] buf, int p, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = p; i < p + len; i++) {
            int b = buf[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02X", b));
            }
        }
        return sb.toString();
    }
}
