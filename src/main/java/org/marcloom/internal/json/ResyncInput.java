package org.marcloom.internal.json;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import org.marcloom.internal.BadBytes;
import org.marcloom.internal.Utf8;

/// The bytes of a channel as an `InputStream` that can step back a bounded distance: it keeps the
/// last [#KEEP] bytes it handed out, so that after a syntax error [JsonSource] can rewind to the
/// error (which lies inside the last block the parser read) and restart on the next line. Memory
/// stays bounded whatever the input size. Not thread-safe.
///
/// It also validates UTF-8 as the bytes arrive (eight bytes at a time while they are ASCII), so
/// that Jackson, which would stop at the first bad byte, never sees one: each bad run (see
/// [Utf8]) is replaced by the three bytes of U+FFFD and logged in [#badBytes()] with its offset in
/// the original input, its offset in the replaced stream, and its line and (byte) column. Offsets
/// this class hands out ([#position()], [#rewind]) are in the replaced stream, which is what
/// Jackson counts. Input that starts like UTF-16 or UTF-32 (a zero byte or a UTF-16 byte order
/// mark in the first two bytes, decided on those two bytes whatever the channel's reads return) is
/// passed through unchecked for Jackson to decode, in reads as long as Jackson asks for, so that
/// what it reports depends on the bytes alone.
final class ResyncInput extends InputStream {

    /// How far back a rewind can reach; more than any Jackson parser reads ahead (8000 bytes).
    static final int KEEP = 64 * 1024;
    /// The most bytes read from the channel at a time.
    static final int READ = 64 * 1024;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final ReadableByteChannel channel;
    private byte[] buf = new byte[KEEP * 2];
    private int pos;
    /// End of the validated bytes handed out.
    private int limit;
    /// End of the bytes read; `[limit, raw)` is an incomplete sequence waiting for more input.
    private int raw;
    /// Absolute offset of `buf[0]`.
    private long base;
    private boolean eof;

    private boolean checked = true;
    private boolean started;
    /// Bytes added by replacements so far (replaced stream minus original), less the input's
    /// offset of the channel's first byte.
    private long shift;
    /// Newlines validated so far, and the absolute offset of the last one.
    private int lines;
    private long lastNewline = -1;
    private final BadBytes bad = new BadBytes("UTF-8");
    /// The input's offset of the channel's first byte.
    private final long offsetBase;
    /// Where the first replacement starts in the replaced stream (Long.MAX_VALUE while none): the
    /// offsets before it map one to one, whatever was validated ahead of the parser.
    private long firstReplaced = Long.MAX_VALUE;
    /// With [#trackOffsets()]: for each replacement not yet forgotten, where it ends in the replaced
    /// stream and the `shift` after it, so that any stream offset maps back to the input's.
    private boolean tracking;
    private long[] mapEnd = new long[0];
    private long[] mapShift = new long[0];
    private int mapFrom;
    private int mapCount;
    /// The shift of the stream offsets before the first replacement kept in the map.
    private long mapBaseShift;
    /// The bad runs of one [#validate] pass (start index, length), reused.
    private int[] runStart = new int[16];
    private int[] runLength = new int[16];

    /// @param offsetBase the input's offset of the channel's first byte (the bad runs' offsets
    ///                   are the input's)
    ResyncInput(ReadableByteChannel channel, long offsetBase) {
        this.channel = channel;
        this.shift = -offsetBase;
        this.offsetBase = offsetBase;
        this.mapBaseShift = shift;
    }

    /// Keeps what [#exactInputOffset(long)] needs from now on (before the first read).
    void trackOffsets() {
        tracking = true;
    }

    /// The input's offset of a stream offset at or after the last one given to [#forget(long)]
    /// (with [#trackOffsets()]); an offset inside a replacement maps to just after its bad bytes.
    long exactInputOffset(long streamOffset) {
        int lo = mapFrom;
        int hi = mapFrom + mapCount - 1;
        long s = mapBaseShift;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (mapEnd[mid] <= streamOffset) {
                s = mapShift[mid];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return streamOffset - s;
    }

    /// Drops what maps the stream offsets before `streamOffset` (no longer asked for).
    void forget(long streamOffset) {
        while (mapCount > 0 && mapEnd[mapFrom] <= streamOffset) {
            mapBaseShift = mapShift[mapFrom];
            mapFrom++;
            mapCount--;
        }
        if (mapCount == 0) {
            mapFrom = 0;
        }
    }

    private void mapReplacement(long end, long shiftAfter) {
        if (mapFrom + mapCount == mapEnd.length) {
            if (mapFrom > mapEnd.length / 2) {
                System.arraycopy(mapEnd, mapFrom, mapEnd, 0, mapCount);
                System.arraycopy(mapShift, mapFrom, mapShift, 0, mapCount);
                mapFrom = 0;
            } else {
                mapEnd = Arrays.copyOf(mapEnd, Math.max(16, mapEnd.length * 2));
                mapShift = Arrays.copyOf(mapShift, mapEnd.length);
            }
        }
        mapEnd[mapFrom + mapCount] = end;
        mapShift[mapFrom + mapCount] = shiftAfter;
        mapCount++;
    }

    /// Absolute offset of the next byte to be read.
    long position() {
        return base + pos;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        if (!checked) {
            // Jackson decodes UTF-16 and UTF-32 itself, and what it reports (positions, the byte
            // and character counts in its messages) depends on how the bytes came in: it gets
            // as many as it asks for, whatever the channel's reads returned.
            while (limit - pos < len && fill()) {
                // more
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /// Whether the input is read as UTF-8 (validated, bad runs replaced): it does not start like
    /// UTF-16 or UTF-32 (a zero byte or a UTF-16 byte order mark in the first two bytes). Decided
    /// on those two bytes, read first if need be.
    boolean utf8() throws IOException {
        if (!started && pos == limit) {
            fill();
        }
        return checked;
    }

    /// At the very start of the input, skips a UTF-8 byte order mark (EF BB BF).
    void skipByteOrderMark() throws IOException {
        if (base + pos != 0 || offsetBase != 0) {
            return;
        }
        while (limit < 3 && fill()) {
            // the first three bytes
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /// Moves the read position back (or forward) to an absolute offset still held; false when the
    /// offset is no longer (or not yet) in the buffer.
    boolean rewind(long absolute) {
        if (absolute < base || absolute > base + limit) {
            return false;
        }
        pos = (int) (absolute - base);
        return true;
    }

    /// The byte at an absolute offset still held, or -1.
    int peekAt(long absolute) {
        return absolute >= base && absolute < base + limit ? buf[(int) (absolute - base)] & 0xFF : -1;
    }

    /// Skips past the next `\n`; false when the input ends first.
    boolean skipLine() throws IOException {
        while (true) {
            while (pos < limit) {
                if (buf[pos++] == '\n') {
                    return true;
                }
            }
            if (!fill()) {
                return false;
            }
        }
    }

    /// The input's byte offset of a position in the replaced stream, or -1 at or after the first
    /// replaced bad run (from there on the two no longer map one to one).
    long inputOffset(long streamOffset) {
        return streamOffset >= firstReplaced ? -1 : streamOffset + offsetBase;
    }

    /// The bad runs replaced so far and not yet taken by the parser.
    BadBytes badBytes() {
        return bad;
    }

    /// Reads and validates more input, keeping the last [#KEEP] bytes before `pos`; false at end
    /// of input. At most [#READ] bytes are read at a time, so the buffer stays within
    /// `KEEP + 3 * READ` bytes (plus an incomplete sequence) however many bytes are replaced.
    private boolean fill() throws IOException {
        while (true) {
            if (eof) {
                return false;
            }
            int keepFrom = Math.max(0, pos - KEEP);
            if (keepFrom > 0) {
                System.arraycopy(buf, keepFrom, buf, 0, raw - keepFrom);
                base += keepFrom;
                pos -= keepFrom;
                limit -= keepFrom;
                raw -= keepFrom;
            }
            if (buf.length - raw < READ) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, raw + READ));
            }
            int n;
            do {
                n = channel.read(ByteBuffer.wrap(buf, raw, READ));
            } while (n == 0);
            if (n < 0) {
                eof = true;
                if (raw == limit) {
                    return false;
                }
            } else {
                raw += n;
            }
            if (!started) {
                // The encoding is decided on the first two bytes of the input, whatever the channel's
                // first read returned: until both are here (or the input ends) nothing is handed out.
                if (raw < 2 && !eof) {
                    continue;
                }
                started = true;
                int b0 = raw > 0 ? buf[0] & 0xFF : -1;
                int b1 = raw > 1 ? buf[1] & 0xFF : -1;
                checked = !(b0 == 0 || b1 == 0 || b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE);
            }
            int before = limit;
            limit = checked ? validate(limit) : raw;
            if (limit > before) {
                return true;
            }
        }
    }

    /// Validates `[from, raw)`, replacing bad sequences; returns the end of the complete part.
    /// Linear in the bytes validated, however many are bad: one pass finds and logs the bad runs,
    /// a second moves the good bytes once each, from the back, to make room for the replacements.
    private int validate(int from) {
        int i = from;
        int runs = 0;
        int grow = 0;
        int end = raw;
        scan:
        while (i < raw) {
            // eight ASCII bytes at a time, counting newlines
            while (i + 8 <= raw) {
                long w = (long) LONG.get(buf, i);
                if ((w & HIGH) != 0) {
                    break;
                }
                long t = w ^ NEWLINES;
                long nl = ~(((t & LOW7) + LOW7) | t | LOW7);
                if (nl != 0) {
                    lines += Long.bitCount(nl);
                    lastNewline = base + grow + i + 7 - (Long.numberOfLeadingZeros(nl) >>> 3);
                }
                i += 8;
            }
            if (i == raw) {
                break;
            }
            int lead = buf[i];
            if (lead >= 0) {
                if (lead == '\n') {
                    lines++;
                    lastNewline = base + grow + i;
                }
                i++;
                continue;
            }
            int sequence = Utf8.next(buf, i, raw, eof);
            if (sequence == 0) {
                end = i; // the sequence goes on in bytes not read yet
                break scan;
            }
            if (sequence > 0) {
                i += Utf8.length(sequence);
                continue;
            }
            int length = -sequence;
            long at = base + grow + i;
            bad.add(at - shift - grow, at, lines + 1, (int) (at - lastNewline), buf, i, length);
            if (runs == runStart.length) {
                runStart = Arrays.copyOf(runStart, runs * 2);
                runLength = Arrays.copyOf(runLength, runs * 2);
            }
            runStart[runs] = i;
            runLength[runs] = length;
            runs++;
            grow += 3 - length;
            if (tracking) {
                mapReplacement(at + 3, shift + grow);
            }
            i += length;
        }
        if (runs == 0) {
            return end;
        }
        if (firstReplaced == Long.MAX_VALUE) {
            firstReplaced = base + runStart[0];
        }
        // Second pass, from the back: each good byte moves once, each bad run becomes U+FFFD.
        if (raw + grow > buf.length) {
            buf = Arrays.copyOf(buf, raw + grow);
        }
        int src = raw;
        int dst = raw + grow;
        for (int r = runs - 1; r >= 0; r--) {
            int runEnd = runStart[r] + runLength[r];
            int good = src - runEnd;
            dst -= good;
            System.arraycopy(buf, runEnd, buf, dst, good);
            dst -= 3;
            buf[dst] = (byte) 0xEF;
            buf[dst + 1] = (byte) 0xBF;
            buf[dst + 2] = (byte) 0xBD;
            src = runStart[r];
        }
        // dst == src now: the bytes before the first run stay where they are
        raw += grow;
        shift += grow;
        return end + grow;
    }
}
