package org.marcloom.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import org.marcloom.Diagnostic;

/// The input channel of a text-format source that quarantines: keeps every byte read through it
/// from the first byte not yet accounted for ([#release(long)]), so that the source can hand the
/// bytes of a skipped region to its [QuarantineSink] once it knows where the region ends. Offsets
/// are the input's: the first byte read is at the `base` given to the constructor.
///
/// What is held is what lies between the last record or region accounted for and the parser's
/// read-ahead: one record (bounded by [org.marcloom.Limits#maxRecordBytes()]) and the markup
/// before it, or a region being skipped; a region that runs to the end of the input is streamed
/// ([#quarantineToEnd]). Not thread-safe (the reading thread's).
public final class Capture extends FilterChannel {

    private byte[] kept = new byte[64 * 1024];
    /// Index in `kept` of the first byte held, and the end of the bytes held.
    private int head;
    private int tail;
    /// Input offset of `kept[head]`.
    private long headOffset;
    private boolean eof;

    /// @param in   the input
    /// @param base the input offset of the first byte `in` gives
    public Capture(ReadableByteChannel in, long base) {
        super(in);
        this.headOffset = base;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int from = dst.position();
        int n = in.read(dst);
        if (n < 0) {
            eof = true;
        } else if (n > 0) {
            ensure(n);
            dst.get(from, kept, tail, n);
            tail += n;
        }
        return n;
    }

    /// Makes room for `more` bytes after `tail`: moves the held bytes to the start, grows when
    /// they do not fit, shrinks a big array that is mostly empty.
    private void ensure(int more) {
        if (tail + more <= kept.length) {
            return;
        }
        int held = tail - head;
        long want = (long) held + more;
        if (want > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("more than 2 GiB held for the quarantine");
        }
        byte[] to = kept;
        if (want > kept.length) {
            to = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(want, (long) kept.length * 2))];
        } else if (kept.length > 1024 * 1024 && want < kept.length / 4) {
            to = new byte[(int) Math.max(64 * 1024, want * 2)];
        }
        System.arraycopy(kept, head, to, 0, held);
        kept = to;
        head = 0;
        tail = held;
    }

    /// The input offset just after the last byte read so far.
    public long position() {
        return headOffset + (tail - head);
    }

    /// Forgets the bytes before `offset` (they are accounted for); an `offset` past what was read
    /// forgets everything read.
    public void release(long offset) {
        long drop = Math.min(tail - head, Math.max(0, offset - headOffset));
        head += (int) drop;
        headOffset += drop;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /// The input offset of the first byte at or after `offset` that is not white space (blank,
    /// tab, CR, LF), among the bytes held; [#position()] when there is none.
    public long skipWhitespace(long offset) {
        long i = head + Math.max(0, offset - headOffset);
        while (i < tail) {
            byte b = kept[(int) i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                break;
            }
            i++;
        }
        return headOffset + (i - head);
    }

    /// The input offset reached from byte `offset` by decoding `units` UTF-16 units of UTF-8 from
    /// the bytes held (a four-byte sequence is two units; a bad run, one U+FFFD, is one), as
    /// [org.marcloom.internal.Utf8] delimits them; stops at the last byte read.
    public long utf16Advance(long offset, long units) {
        int i = head + (int) (offset - headOffset);
        long left = units;
        while (left > 0 && i < tail) {
            byte b = kept[i];
            if (b >= 0) {
                i++;
                left--;
                continue;
            }
            int sequence = Utf8.next(kept, i, tail, eof);
            if (sequence == 0) {
                break; // cut by the end of what was read
            }
            if (sequence > 0) {
                int length = Utf8.length(sequence);
                i += length;
                left -= length == 4 ? 2 : 1;
            } else {
                i += -sequence;
                left--;
            }
        }
        return headOffset + (i - head);
    }

    /// Reads more of the input into what is held (up to 64 KiB); false at the end of the input.
    ///
    /// @throws UncheckedIOException when reading fails
    public boolean readMore() {
        if (eof) {
            return false;
        }
        ensure(64 * 1024);
        try {
            int n;
            do {
                n = in.read(ByteBuffer.wrap(kept, tail, 64 * 1024));
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            tail += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// The byte at input offset `offset`, or -1 when it is not held (released, or not read yet).
    public int byteAt(long offset) {
        long i = offset - headOffset;
        return i < 0 || i >= tail - head ? -1 : kept[head + (int) i] & 0xFF;
    }

    /// Whether the input's end was read.
    public boolean atEnd() {
        return eof;
    }

    /// Quarantines the held bytes `[from, to)` as one region with `why`, then forgets them and
    /// those before.
    ///
    /// @throws IllegalStateException when those bytes are not held (a bug in the source)
    public void quarantine(QuarantineSink sink, String source, long from, long to, List<Diagnostic> why) {
        long start = from - headOffset;
        long end = to - headOffset;
        if (start < 0 || end > tail - head || start > end) {
            throw new IllegalStateException("region " + from + ".." + to + " is not held (" + headOffset + ".."
                    + position() + ")");
        }
        if (end > start) {
            sink.put(source, from, kept, head + (int) start, (int) (end - start), why);
        }
        release(to);
    }

    /// Quarantines everything from `from` to the end of the input as one region with `why`: the
    /// held bytes, then the rest of the input, streamed (never held whole). The input is then at
    /// its end.
    ///
    /// @throws UncheckedIOException when reading the input or writing the quarantine fails
    public void quarantineToEnd(QuarantineSink sink, String source, long from, List<Diagnostic> why) {
        long start = from - headOffset;
        if (start < 0 || start > tail - head) {
            throw new IllegalStateException("offset " + from + " is not held (" + headOffset + ".." + position()
                    + ")");
        }
        long before = position();
        CountingRest rest = eof ? null : new CountingRest(in);
        try {
            sink.putToEnd(source, from, kept, head + (int) start, (int) (tail - head - start), rest, why);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        eof = true;
        head = 0;
        tail = 0;
        headOffset = before + (rest == null ? 0 : rest.count);
    }

    /// The rest of the input as the quarantine reads it, counted so that [#position()] stays right.
    private static final class CountingRest extends FilterChannel {
        long count;

        CountingRest(ReadableByteChannel in) {
            super(in);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = in.read(dst);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the source closes the input
        }
    }
}
