package org.marcloom.internal.iso2709;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.record.MarcRecord;

/// Streams ISO 2709 records from a channel: one reused, growable buffer; [Framer] finds each
/// record, [Iso2709Parser] decodes it. Memory stays at the size of the largest record (bounded by
/// [org.marcloom.Limits#maxRecordBytes()]) plus the read buffer, whatever the input size.
public final class Iso2709Source implements RecordSource, Sources.HasTrailing {

    private static final int INITIAL_BUFFER = 256 * 1024;

    private final ReadableByteChannel channel;
    private final boolean owns;
    private final ReaderOptions options;
    private final String name;
    private final Framer framer;
    private final Framer.Frame frame = new Framer.Frame();
    private final Iso2709Parser parser;
    private final ByteBuffer staging;
    private final int maxBuffer;

    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean done;
    private long bufferOffset; // absolute offset of buf[0]
    private long index;
    private long pendingJunk;
    private long pendingJunkOffset;
    private boolean pendingJunkWhitespace;
    private final List<Diagnostic> trailing = new ArrayList<>(1);

    public Iso2709Source(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this.channel = channel;
        this.owns = owns;
        this.options = options;
        this.name = name;
        this.framer = new Framer(options.lenient(), options.limits().maxRecordBytes());
        this.parser = new Iso2709Parser(options);
        // A FileChannel read into a heap buffer goes through a temporary direct buffer the JDK
        // caches per thread; own one per reader instead (virtual threads make per-thread caches moot).
        this.staging = channel instanceof FileChannel ? ByteBuffer.allocateDirect(64 * 1024) : null;
        this.maxBuffer = options.limits().maxRecordBytes() + 64 * 1024;
    }

    @Override
    public MarcRecord next() {
        if (!frameNext()) {
            return null;
        }
        int start = frame.start;
        int end = frame.end;
        long offset = bufferOffset + start;
        List<Diagnostic> framing = framingDiagnostics(offset, end - start);
        pos = end;
        long i = index++;
        try {
            return parser.parse(buf, start, end, i, offset, framing);
        } catch (MarcParseException e) {
            done = true;
            throw name == null ? e : e.withSource(name);
        }
    }

    @Override
    public RawRecord nextRaw() {
        if (!frameNext()) {
            return null;
        }
        int start = frame.start;
        int end = frame.end;
        long offset = bufferOffset + start;
        List<Diagnostic> framing = framingDiagnostics(offset, end - start);
        byte[] bytes = java.util.Arrays.copyOfRange(buf, start, end);
        pos = end;
        return new RawRecord(index++, offset, bytes, framing);
    }

    private List<Diagnostic> framingDiagnostics(long offset, int length) {
        List<Diagnostic> framing = Iso2709Parser.framingDiagnostics(frame.flags, frame.declaredLength, length,
                index, offset, pendingJunk, pendingJunkOffset, pendingJunkWhitespace);
        pendingJunk = 0;
        return framing;
    }

    /// Frames the next record into `frame`; false at the end of the input.
    private boolean frameNext() {
        if (done) {
            return false;
        }
        while (true) {
            int r = framer.next(buf, pos, limit, eof, frame);
            if (frame.skipped > 0) {
                if (pendingJunk == 0) {
                    pendingJunkOffset = bufferOffset + pos;
                    pendingJunkWhitespace = true;
                }
                pendingJunk += frame.skipped;
                pendingJunkWhitespace &= Framer.allWhitespace(buf, pos, pos + frame.skipped);
            }
            switch (r) {
                case Framer.RECORD -> {
                    return true;
                }
                case Framer.NEED_MORE -> {
                    pos += frame.skipped;
                    fill(frame.needed);
                }
                case Framer.END -> {
                    done = true;
                    if (pendingJunk > 0) {
                        trailing.add(Diagnostic.atOffset(
                                pendingJunkWhitespace ? Severity.WARNING : Severity.ERROR, ErrorCode.TRAILING_BYTES,
                                index, pendingJunkOffset, null, pendingJunk + (pendingJunkWhitespace
                                        ? " bytes of white space (newlines, blanks) follow the last record"
                                        : " bytes after the last record are not a record and were skipped")));
                        pendingJunk = 0;
                    }
                    return false;
                }
                default -> {
                    done = true;
                    Diagnostic d = Diagnostic.atOffset(Severity.FATAL, frame.error, index,
                            bufferOffset + frame.errorAt, null, frame.message);
                    MarcParseException e = new MarcParseException(d, null);
                    throw name == null ? e : e.withSource(name);
                }
            }
        }
    }

    /// Makes room for at least `needed` bytes from `pos` and reads more input.
    private void fill(int needed) {
        if (pos > 0) {
            int remaining = limit - pos;
            System.arraycopy(buf, pos, buf, 0, remaining);
            bufferOffset += pos;
            limit = remaining;
            pos = 0;
        }
        if (needed > buf.length || limit == buf.length) {
            int size = Math.max(needed, buf.length * 2);
            size = Math.min(size, Math.max(maxBuffer, needed));
            if (size <= buf.length) {
                size = buf.length + 64 * 1024;
            }
            buf = java.util.Arrays.copyOf(buf, size);
        }
        try {
            int n = read();
            if (n < 0) {
                eof = true;
            }
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException("reading " + (name == null ? "input" : name) + " at byte "
                    + (bufferOffset + limit), e);
        }
    }

    /// Reads at least one byte into `buf[limit..]`, or returns -1 at end of input.
    private int read() throws IOException {
        while (true) {
            int n;
            if (staging != null) {
                staging.clear();
                staging.limit(Math.min(staging.capacity(), buf.length - limit));
                n = channel.read(staging);
                if (n > 0) {
                    staging.flip();
                    staging.get(buf, limit, n);
                }
            } else {
                n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
            }
            if (n < 0) {
                return -1;
            }
            if (n > 0) {
                limit += n;
                return n;
            }
        }
    }

    @Override
    public long recordsRead() {
        return index;
    }

    @Override
    public List<Diagnostic> trailingDiagnostics() {
        return List.copyOf(trailing);
    }

    @Override
    public void close() throws IOException {
        done = true;
        if (owns) {
            channel.close();
        }
    }
}
