package org.marcloom.internal.iso2709;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;
import org.marcloom.internal.DiagnosticCollector;

/// The framing loop every ISO 2709 channel reader shares: feeds the [Framer] from a channel
/// through one reused, growable buffer, accounts junk and trailing bytes, and numbers records and
/// their absolute offsets. The sequential [Iso2709Source] decodes each framed record in place.
///
/// After [#next()] returns true, [#buffer()]`[`[#start()]`, `[#end()]`)` holds the record's bytes
/// until the next call. Not thread-safe: one thread frames.
///
/// Batch mode (the parallel reader in `org.marcloom.batch`): [#beginBatch(byte[])] hands the
/// input a buffer that then belongs to the batch. Records framed after it stay where they are in
/// that buffer (it is neither compacted nor replaced while it holds one), so the batch owns their
/// bytes without a copy; once the next record does not fit, [#next()] returns false with
/// [#batchFull()] set, and the next [#beginBatch(byte[])] moves only the bytes not yet framed
/// (the start of that record) into the next batch's buffer.
public final class FramedInput implements Closeable {

    private static final int INITIAL_BUFFER = 256 * 1024;

    private final ReadableByteChannel channel;
    private final boolean owns;
    private final String name;
    private final DiagnosticCollector errors;
    private final Framer framer;
    private final Framer.Frame frame = new Framer.Frame();
    private final ByteBuffer staging;
    private final int maxBuffer;

    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean done;
    private long bufferOffset; // absolute offset of buf[0]
    private long index;        // index of the next record to frame
    private long pendingJunk;
    private long pendingJunkOffset;
    private boolean pendingJunkWhitespace;
    private final List<Diagnostic> trailing = new ArrayList<>(1);
    /// Where skipped bytes go, or `null`; `junk` holds the region being skipped.
    private org.marcloom.internal.QuarantineSink quarantine;
    private org.marcloom.internal.RegionBuffer junk;

    // The record last framed.
    private int start;
    private int end;
    private long recordIndex = -1;
    // Batch mode: a record was framed into the current batch's buffer (so it must not move),
    // and the next one does not fit.
    private boolean batchMode;
    private boolean pinned;
    private boolean full;
    private long recordOffset;
    private List<Diagnostic> framing = List.of();
    /// Lenient: records over maxRecordBytes skipped since the last record, reported with the next.
    private final List<Diagnostic> overLimit = new ArrayList<>(1);

    /// @param name the input's name for error messages, or `null`
    /// @param owns close the channel on [#close()]
    public FramedInput(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this.channel = channel;
        this.owns = owns;
        this.name = name;
        this.errors = new DiagnosticCollector(options, name);
        this.framer = new Framer(options.lenient(), options.limits().maxRecordBytes());
        // A FileChannel read into a heap buffer goes through a temporary direct buffer the JDK
        // caches per thread; own one per reader instead (virtual threads make per-thread caches moot).
        this.staging = channel instanceof FileChannel ? ByteBuffer.allocateDirect(64 * 1024) : null;
        this.maxBuffer = options.limits().maxRecordBytes() + 64 * 1024;
    }

    /// Continues an input whose bytes before `offset` were framed elsewhere (a split of a larger
    /// input, see `org.marcloom.internal.split`): the channel is at absolute byte `offset`, where the
    /// framer is between two records; records are numbered from `firstIndex`; and `junk` bytes from
    /// `junkOffset` (all white space when `junkWhitespace`) were already skipped before `offset`, so
    /// they are reported on the next record exactly as one framing loop over the whole input would.
    /// Call before the first [#next()].
    ///
    /// @throws IllegalStateException after the first [#next()]
    public void resume(long offset, long firstIndex, long junk, long junkOffset, boolean junkWhitespace) {
        if (limit != 0 || index != 0 || bufferOffset != 0 || done) {
            throw new IllegalStateException("resume(...) must be called before the first next()");
        }
        bufferOffset = offset;
        index = firstIndex;
        pendingJunk = junk;
        pendingJunkOffset = junkOffset;
        pendingJunkWhitespace = junkWhitespace;
    }

    /// Frames the next record; false at the end of the input (then [#trailingDiagnostics()] is
    /// complete), or in batch mode when the batch is full ([#batchFull()]).
    ///
    /// @throws MarcParseException   a framing error (strict mode, or a limit); the input is then done
    /// @throws UncheckedIOException when reading fails
    /// Sends every skipped region (junk between records, bytes after the last one) to `sink`,
    /// whole, with its diagnostic, when it ends. Call before the first [#next()].
    public void quarantine(org.marcloom.internal.QuarantineSink sink) {
        this.quarantine = sink;
        this.junk = new org.marcloom.internal.RegionBuffer();
    }

    private void quarantineJunk(List<Diagnostic> why) {
        if (quarantine != null && junk.size() > 0) {
            junk.quarantine(quarantine, name, pendingJunkOffset, why);
        }
    }

    public boolean next() {
        if (!frameNext()) {
            return false;
        }
        start = frame.start;
        end = frame.end;
        recordOffset = bufferOffset + start;
        recordIndex = index;
        framing = Iso2709Parser.framingDiagnostics(frame.flags, frame.declaredLength, end - start,
                index, recordOffset, pendingJunk, pendingJunkOffset, pendingJunkWhitespace);
        if (!overLimit.isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(overLimit);
            all.addAll(framing);
            framing = List.copyOf(all);
            overLimit.clear();
        }
        if (pendingJunk > 0) {
            quarantineJunk(framing.isEmpty() ? List.of() : List.of(framing.get(0)));
        }
        pendingJunk = 0;
        pos = end;
        index++;
        pinned = batchMode;
        return true;
    }

    /// Starts a batch: from now on the input is read into `fresh` (or into a bigger buffer when
    /// the bytes not yet framed do not fit), and records framed until the next call stay in
    /// [#buffer()] at their [#start()] and [#end()]. The previous buffer is no longer used or
    /// written (it may be the batch buffer of a batch being decoded), except when it is `fresh`
    /// itself.
    public void beginBatch(byte[] fresh) {
        int remaining = limit - pos;
        byte[] b = fresh.length >= remaining ? fresh : new byte[remaining + 64 * 1024];
        System.arraycopy(buf, pos, b, 0, remaining); // an overlapping copy is fine when b == buf
        bufferOffset += pos;
        limit = remaining;
        pos = 0;
        buf = b;
        batchMode = true;
        pinned = false;
        full = false;
    }

    /// Batch mode: [#next()] returned false because the next record does not fit in this batch's
    /// buffer (the input is not done; start another batch).
    public boolean batchFull() {
        return full;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /// Zero-based index of the record last framed.
    public long index() {
        return recordIndex;
    }

    /// Absolute byte offset of the record last framed.
    public long offset() {
        return recordOffset;
    }

    /// Framing diagnostics of the record last framed (usually empty).
    public List<Diagnostic> framing() {
        return framing;
    }

    /// A copy of the record last framed (its bytes, index, offset and framing diagnostics), for
    /// [org.marcloom.internal.RecordSource#nextRaw()].
    public RawRecord raw() {
        return new RawRecord(recordIndex, recordOffset, Arrays.copyOfRange(buf, start, end), framing);
    }

    /// How many records have been framed.
    public long recordsFramed() {
        return index;
    }

    /// Stops framing: [#next()] returns false from now on.
    public void markDone() {
        done = true;
    }

    public String name() {
        return name;
    }

    /// Diagnostics that belong to no record (trailing bytes); complete once [#next()] returned false.
    public List<Diagnostic> trailingDiagnostics() {
        return List.copyOf(trailing);
    }

    /// Frames the next record into `frame`; false at the end of the input.
    private boolean frameNext() {
        if (done) {
            return false;
        }
        while (true) {
            int r = framer.next(buf, pos, limit, eof, frame);
            for (int k = 0; k < frame.overLimitAt.size(); k++) {
                overLimit.add(Diagnostic.builder(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED).recordIndex(index)
                        .byteOffset(bufferOffset + frame.overLimitAt.get(k)).problem(frame.overLimitMessages.get(k))
                        .repair("skipped to the next valid leader").build());
            }
            if (frame.skipped > 0) {
                if (quarantine != null) {
                    junk.write(buf, pos, frame.skipped);
                }
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
                    if (pinned && (limit == buf.length || pos + frame.needed > buf.length)) {
                        full = true; // more bytes would move or replace this batch's records
                        return false;
                    }
                    fill(frame.needed);
                }
                case Framer.END -> {
                    done = true;
                    trailing.addAll(overLimit);
                    overLimit.clear();
                    if (pendingJunk > 0) {
                        trailing.add(Diagnostic.builder(pendingJunkWhitespace ? Severity.WARNING : Severity.ERROR,
                                        ErrorCode.TRAILING_BYTES).recordIndex(index).byteOffset(pendingJunkOffset)
                                .problem(pendingJunk + (pendingJunkWhitespace
                                        ? " bytes of white space (newlines, blanks) follow the last record"
                                        : " bytes after the last record are not a record"))
                                .repair("skipped").build());
                        quarantineJunk(List.of(trailing.getLast()));
                        pendingJunk = 0;
                    }
                    return false;
                }
                default -> {
                    done = true;
                    throw errors.exception(Diagnostic.builder(Severity.FATAL, frame.error).recordIndex(index)
                            .byteOffset(bufferOffset + frame.errorAt).problem(frame.message).build());
                }
            }
        }
    }

    /// Makes room for at least `needed` bytes from `pos` and reads until they are there, the buffer
    /// is full or the input ends. While a batch's records are pinned in `buf`, the caller has
    /// checked that they fit without moving anything.
    private void fill(int needed) {
        if (pos > 0 && !pinned) {
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
            // Read until the framer's window is there (or the input ends): a channel that returns a
            // few bytes per read must not make the framer rescan a long record once per read.
            do {
                if (read() < 0) {
                    eof = true;
                }
            } while (!eof && limit - pos < needed && limit < buf.length);
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

    /// Stops framing and closes the channel if this input owns it.
    @Override
    public void close() throws IOException {
        done = true;
        if (junk != null) {
            junk.close();
        }
        if (owns) {
            channel.close();
        }
    }
}
