package org.marcloom.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.marcloom.Diagnostic;

/// The input channel of a text-format source that quarantines: keeps every byte read through it
/// from the first byte not yet accounted for ([#release(long)]), so that the source can hand the
/// bytes of a skipped region to its [QuarantineSink] once it knows where the region ends. Offsets
/// are the input's: the first byte read is at the `base` given to the constructor.
///
/// What is held is what lies between the last record or region accounted for and the parser's
/// read-ahead: a record (which may yet turn out to be a region) and the markup before it, or a
/// region being skipped. Memory stays bounded whatever that comes to: past `memoryBytes`, the
/// oldest bytes held go to a temporary file (deleted when released, and when the capture is
/// closed), and regions are streamed to the quarantine from there. Not thread-safe (the reading
/// thread's).
public final class Capture extends FilterChannel {

    /// The bytes kept in memory before the oldest go to the temporary file.
    public static final int MEMORY_BYTES = 4 * 1024 * 1024;
    /// The newest bytes always kept in memory (where the sources look back).
    private static final int RECENT = 64 * 1024;

    private final int memoryBytes;
    private byte[] kept = new byte[64 * 1024];
    /// Index in `kept` of the first byte in memory, and the end of the bytes in memory.
    private int head;
    private int tail;
    /// Input offset of `kept[head]`: the bytes before it that are held are in the spill file.
    private long headOffset;
    private boolean eof;

    /// The temporary file of the oldest bytes held (or `null`), the input offset of its first
    /// byte, and the first input offset still held in it (`spillFrom == headOffset`: none).
    private FileChannel spill;
    private long spillBase;
    private long spillFrom;

    /// @param in   the input
    /// @param base the input offset of the first byte `in` gives
    public Capture(ReadableByteChannel in, long base) {
        this(in, base, MEMORY_BYTES);
    }

    /// @param memoryBytes how many bytes to keep in memory before the oldest go to a temporary file
    ///                    (tests make it small)
    public Capture(ReadableByteChannel in, long base, int memoryBytes) {
        super(in);
        this.headOffset = base;
        this.spillFrom = base;
        this.memoryBytes = Math.max(2 * RECENT, memoryBytes);
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

    /// Makes room for `more` bytes after `tail`: past `memoryBytes` the oldest bytes (all but the
    /// newest [#RECENT]) go to the spill file; then the bytes in memory move to the start, in a
    /// bigger array if need be.
    private void ensure(int more) {
        if (tail + more <= kept.length) {
            return;
        }
        if (tail - head + more > memoryBytes && tail - head > RECENT) {
            spillOldest(tail - head - RECENT);
        }
        int held = tail - head;
        long want = (long) held + more;
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

    private void spillOldest(int count) {
        try {
            if (spill == null) {
                Path file = Files.createTempFile("marcloom-quarantine-", ".bytes");
                spill = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            }
            if (spillFrom == headOffset) {
                // nothing held in the file: start it over
                spill.truncate(0);
                spillBase = headOffset;
                spillFrom = headOffset;
            }
            ByteBuffer b = ByteBuffer.wrap(kept, head, count);
            long at = headOffset - spillBase;
            while (b.hasRemaining()) {
                at += spill.write(b, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the quarantine's temporary file", e);
        }
        head += count;
        headOffset += count;
    }

    /// The input offset just after the last byte read so far.
    public long position() {
        return headOffset + (tail - head);
    }

    /// The first input offset held.
    private long firstHeld() {
        return spillFrom;
    }

    /// Forgets the bytes before `offset` (they are accounted for); an `offset` past what was read
    /// forgets everything read.
    public void release(long offset) {
        if (offset <= spillFrom) {
            return;
        }
        if (spillFrom < headOffset) {
            spillFrom = Math.min(offset, headOffset);
        }
        if (offset > headOffset) {
            long drop = Math.min(tail - head, offset - headOffset);
            head += (int) drop;
            headOffset += drop;
            spillFrom = headOffset;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /// Copies the held bytes from input offset `offset` into `dst` (as many as fit and are held);
    /// returns how many.
    private int fetch(long offset, byte[] dst, int length) {
        int n = 0;
        long o = offset;
        if (o < headOffset) {
            int fromFile = (int) Math.min(length, headOffset - o);
            ByteBuffer b = ByteBuffer.wrap(dst, 0, fromFile);
            try {
                long at = o - spillBase;
                while (b.hasRemaining()) {
                    int r = spill.read(b, at);
                    if (r < 0) {
                        throw new IllegalStateException("the quarantine's temporary file ended early");
                    }
                    at += r;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the quarantine's temporary file", e);
            }
            n = fromFile;
            o += fromFile;
        }
        int fromMemory = (int) Math.min(length - n, position() - o);
        if (fromMemory > 0) {
            System.arraycopy(kept, head + (int) (o - headOffset), dst, n, fromMemory);
            n += fromMemory;
        }
        return n;
    }

    /// The input offset of the first byte at or after `offset` that is not white space (blank,
    /// tab, CR, LF), among the bytes held; [#position()] when there is none.
    public long skipWhitespace(long offset) {
        long o = Math.max(offset, firstHeld());
        if (o < headOffset) {
            byte[] window = new byte[64 * 1024];
            while (o < headOffset) {
                int n = fetch(o, window, (int) Math.min(window.length, headOffset - o));
                for (int i = 0; i < n; i++) {
                    if (!isSpace(window[i])) {
                        return o + i;
                    }
                }
                o += n;
            }
        }
        long i = head + (o - headOffset);
        while (i < tail && isSpace(kept[(int) i])) {
            i++;
        }
        return headOffset + (i - head);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /// The input offset reached from byte `offset` by decoding `units` UTF-16 units of UTF-8 from
    /// the bytes held (a four-byte sequence is two units; a bad run, one U+FFFD, is one), as
    /// [org.marcloom.internal.Utf8] delimits them; stops at the last byte read.
    public long utf16Advance(long offset, long units) {
        long o = offset;
        long[] left = {units};
        byte[] window = null;
        while (left[0] > 0 && o < headOffset) {
            // in the file: a window, with the three bytes after it that a sequence may need
            if (window == null) {
                window = new byte[64 * 1024 + 3];
            }
            int span = (int) Math.min(64 * 1024, headOffset - o);
            int n = fetch(o, window, span + 3);
            int i = walk(window, 0, span, n, eof && o + n == position(), left);
            if (i < 0) {
                return o + ~i; // cut by the end of what was read
            }
            o += i;
        }
        if (left[0] == 0) {
            return o;
        }
        int i = walk(kept, head + (int) (o - headOffset), tail, tail, eof, left);
        return headOffset + ((i < 0 ? ~i : i) - head);
    }

    /// Decodes `left[0]` UTF-16 units of UTF-8 from `b[i]`, taking sequences that start before
    /// `stop` (`b` holds bytes up to `end`), and lowers `left[0]` by those taken. Returns the index
    /// reached, or its complement when a sequence is cut by `end` before the input's end.
    private static int walk(byte[] b, int i, int stop, int end, boolean endOfInput, long[] left) {
        while (left[0] > 0 && i < stop) {
            if (b[i] >= 0) {
                i++;
                left[0]--;
                continue;
            }
            int sequence = Utf8.next(b, i, end, endOfInput);
            if (sequence == 0) {
                return ~i;
            }
            if (sequence > 0) {
                int length = Utf8.length(sequence);
                i += length;
                left[0] -= length == 4 ? 2 : 1;
            } else {
                i += -sequence;
                left[0]--;
            }
        }
        return i;
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
        if (offset < firstHeld() || offset >= position()) {
            return -1;
        }
        if (offset >= headOffset) {
            return kept[head + (int) (offset - headOffset)] & 0xFF;
        }
        byte[] one = new byte[1];
        fetch(offset, one, 1);
        return one[0] & 0xFF;
    }

    /// Whether the input's end was read.
    public boolean atEnd() {
        return eof;
    }

    /// Quarantines the held bytes `[from, to)` as one region with `why`, then forgets them and
    /// those before.
    ///
    /// @throws IllegalStateException when those bytes are not held (a bug in the source)
    /// @throws UncheckedIOException  when the temporary file or the quarantine cannot be read or written
    public void quarantine(QuarantineSink sink, String source, long from, long to, List<Diagnostic> why) {
        if (from < firstHeld() || to > position() || from > to) {
            throw new IllegalStateException("region " + from + ".." + to + " is not held (" + firstHeld() + ".."
                    + position() + ")");
        }
        if (to > from) {
            if (from >= headOffset) {
                sink.put(source, from, kept, head + (int) (from - headOffset), (int) (to - from), why);
            } else {
                try {
                    sink.putToEnd(source, from, kept, 0, 0, new Held(from, to, null), why);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        release(to);
    }

    /// Quarantines everything from `from` to the end of the input as one region with `why`: the
    /// held bytes, then the rest of the input, streamed (never held whole). The input is then at
    /// its end.
    ///
    /// @throws UncheckedIOException when reading the input or writing the quarantine fails
    public void quarantineToEnd(QuarantineSink sink, String source, long from, List<Diagnostic> why) {
        if (from < firstHeld() || from > position()) {
            throw new IllegalStateException("offset " + from + " is not held (" + firstHeld() + ".." + position()
                    + ")");
        }
        Held rest = new Held(from, position(), eof ? null : in);
        try {
            sink.putToEnd(source, from, kept, 0, 0, rest, why);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        eof = true;
        long end = position() + rest.unheld;
        head = 0;
        tail = 0;
        headOffset = end;
        spillFrom = end;
    }

    /// Closes the input and deletes the temporary file.
    @Override
    public void close() throws IOException {
        try {
            discard();
        } finally {
            super.close();
        }
    }

    /// Deletes the temporary file, if any (the source is done).
    public void discard() throws IOException {
        FileChannel f = spill;
        spill = null;
        if (f != null) {
            f.close();
        }
    }

    /// The held bytes `[from, to)` (from the temporary file, then memory), then what `rest` gives,
    /// counted, as the quarantine reads them.
    private final class Held implements ReadableByteChannel {
        private long next;
        private final long to;
        private final ReadableByteChannel rest;
        long unheld;

        Held(long from, long to, ReadableByteChannel rest) {
            this.next = from;
            this.to = to;
            this.rest = rest;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (next < to) {
                int n = (int) Math.min(dst.remaining(), to - next);
                byte[] b = new byte[n];
                n = fetch(next, b, n);
                dst.put(b, 0, n);
                next += n;
                return n;
            }
            if (rest == null) {
                return -1;
            }
            int n = rest.read(dst);
            if (n > 0) {
                unheld += n;
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // the source closes the input
        }
    }
}
