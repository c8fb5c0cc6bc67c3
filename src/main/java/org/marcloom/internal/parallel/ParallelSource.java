package org.marcloom.internal.parallel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.record.MarcRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The parallel read behind `MarcReader.builder().concurrency(n)`: one ISO 2709 or MARC-in-JSON
/// lines input decoded by N workers of the [OrderedEngine], records delivered in file order.
///
/// A job is a [Chunk]: the worker that makes it frames the next batch of records with the same
/// framing as the sequential reader (the shared [FramedInput] loop, reading the input straight
/// into the chunk's reused buffer), then decodes it with the shared parser. The records, their
/// diagnostics, indexes and offsets, the trailing diagnostics and, in strict mode, the first error
/// and where it is thrown are exactly the sequential reader's.
///
/// Memory: at most `window` chunks exist at once (being framed, decoded or waiting for the
/// consumer), each about `batchBytes`; their buffers are reused. The window is twice the workers
/// but at most [OrderedEngine#bytesInFlight()] bytes of chunks, whatever the concurrency. A slow consumer blocks the
/// workers instead of filling the heap.
///
/// Not thread-safe. The workers start at the first [#next()], in a scope owned by the thread that
/// calls it; that thread must also close the source.
public final class ParallelSource implements RecordSource, Sources.HasTrailing {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelSource.class);

    /// How a parallel read is cut up; the defaults suit files of any size.
    ///
    /// @param batchRecords at most this many records per chunk
    /// @param batchBytes   a chunk is closed once it holds this many bytes (one record may exceed it)
    /// @param bufferBytes  the size of a new chunk buffer, or -1 for `batchBytes` + 4 KiB, at most 2 MiB
    /// @param window       the most chunks in flight, or -1 for twice the workers, at least 2 and
    ///                     at most [OrderedEngine#bytesInFlight()] bytes of chunks
    public record Tuning(int batchRecords, int batchBytes, int bufferBytes, int window) {
        /// 1,024 records or 1 MiB per chunk. Big chunks keep the hand-offs between threads rare; on
        /// a 2-core machine 256 records per chunk measured about 5% slower than 1,024.
        public static final Tuning DEFAULT = new Tuning(1024, 1024 * 1024, -1, -1);
    }

    private final ChunkFormat format;
    private final String name;
    private final OrderedEngine<Chunk> engine;
    private final ArrayBlockingQueue<byte[]> spare;
    private final Chunk[] framed;
    private final int window;
    private final int batchRecords;
    private final int bufferBytes;
    private final boolean keepBytes;

    /// Set when the format handed the rest of the input to a sequential source.
    private volatile RecordSource sequential;
    private Chunk current;
    private int pos;
    private boolean finished;
    private boolean reachedEnd;
    private boolean closed;
    private long delivered;

    private ParallelSource(ChunkFormat format, String name, int workers, ThreadFactory threads, Tuning tuning) {
        this.format = format;
        this.name = name;
        this.batchRecords = tuning.batchRecords();
        this.bufferBytes = tuning.bufferBytes() > 0 ? tuning.bufferBytes()
                : Math.min(tuning.batchBytes() + 4096, 1 << 21);
        this.window = tuning.window() > 0 ? tuning.window()
                : OrderedEngine.boundedWindow(workers, Math.max(bufferBytes, tuning.batchBytes()));
        this.spare = new ArrayBlockingQueue<>(window);
        this.framed = new Chunk[window];
        this.keepBytes = format.keepsBytes();
        this.engine = new OrderedEngine<>(name, workers, window, threads, this::frameNext, () -> {
            ChunkFormat.Decoder decoder = format.newDecoder();
            return c -> decode(decoder, c);
        });
    }

    /// A parallel source over `channel`.
    ///
    /// @param format  [MarcFormat#ISO_2709] or MARC-in-JSON ([MarcFormat#MARC_JSON_LINES], or
    ///                [MarcFormat#MARC_JSON], whose array form is read sequentially)
    /// @param owns    close the channel when the source is closed
    /// @param workers how many decoders
    /// @param threads where the decoder threads come from
    public static ParallelSource create(MarcFormat format, ReaderOptions options, ReadableByteChannel channel,
                                        String name, boolean owns, int workers, ThreadFactory threads,
                                        Tuning tuning) {
        return create(format, options, channel, name, owns, workers, threads, tuning, null);
    }

    /// As [#create(MarcFormat, ReaderOptions, ReadableByteChannel, String, boolean, int, ThreadFactory, Tuning)],
    /// with skipped bytes sent to `quarantine` in input order (ISO 2709: by the framing worker;
    /// MARC-in-JSON: by the consumer, as it reaches each chunk).
    public static ParallelSource create(MarcFormat format, ReaderOptions options, ReadableByteChannel channel,
                                        String name, boolean owns, int workers, ThreadFactory threads,
                                        Tuning tuning, org.marcloom.internal.QuarantineSink quarantine) {
        ChunkFormat chunks = switch (format) {
            case ISO_2709 -> {
                FramedInput input = new FramedInput(channel, owns, options, name);
                if (quarantine != null) {
                    input.quarantine(quarantine);
                }
                yield new Iso2709Chunks(input, options, name, tuning.batchRecords(), tuning.batchBytes());
            }
            case MARC_JSON, MARC_JSON_LINES -> new JsonChunks(channel, owns, options, name, tuning.batchBytes(),
                    quarantine);
            default -> throw new IllegalArgumentException(format + " is not read in parallel");
        };
        LOG.debug("parallel read of {}: {} workers, chunks of {} records / {} bytes", name, workers,
                tuning.batchRecords(), tuning.batchBytes());
        return new ParallelSource(chunks, name, workers, threads, tuning);
    }

    /// Whether [#create] reads `format` in parallel.
    public static boolean supports(MarcFormat format) {
        return format == MarcFormat.ISO_2709 || format == MarcFormat.MARC_JSON || format == MarcFormat.MARC_JSON_LINES;
    }

    /// Makes chunk `seq` (a worker, under the engine's lock); `null` once the input is done.
    private Chunk frameNext(long seq) {
        if (seq > 0 && framed[(int) ((seq - 1) % window)].last) {
            return null;
        }
        byte[] buf = spare.poll();
        if (buf == null) {
            buf = new byte[bufferBytes];
        }
        Chunk c = new Chunk(seq, buf, Math.min(batchRecords, 1024));
        framed[(int) (seq % window)] = c;
        format.fill(c);
        return c;
    }

    private void decode(ChunkFormat.Decoder decoder, Chunk c) {
        if (c.framingError == null || !Thread.currentThread().isInterrupted()) {
            try {
                decoder.decode(c);
            } catch (RuntimeException e) {
                c.decodeError = e;
            } catch (Error e) {
                c.decodeError = new MarcBatchException("decoding " + name + " failed", name, e);
            }
        }
        if (!keepBytes) {
            spare.offer(c.data); // the bytes are no longer needed
            c.data = null;
        }
        c.framing = null;
    }

    @Override
    public MarcRecord next() {
        if (sequential != null) {
            return readSequential();
        }
        while (true) {
            if (current == null) {
                if (finished || closed) {
                    return null;
                }
                if (!engine.started()) {
                    engine.start();
                }
                try {
                    current = engine.take();
                } catch (InterruptedException e) {
                    finish();
                    Thread.currentThread().interrupt();
                    throw new MarcBatchException("interrupted while reading " + (name == null ? "the input" : name), name, e);
                }
                if (current == null) { // cannot happen: the last chunk says so
                    reachedEnd = true;
                    finish();
                    return null;
                }
                pos = 0;
                RecordSource rest = format.inOrder(current, this::handOver);
                if (rest != null) {
                    sequential = rest;
                    current = null;
                    engine.stop();
                    LOG.debug("parallel read of {}: sequential from record {} on", name, delivered);
                    return readSequential();
                }
            }
            Chunk c = current;
            if (pos < c.decodedCount) {
                MarcRecord r = c.records[pos];
                c.records[pos++] = null;
                delivered++;
                return r;
            }
            RuntimeException error = c.decodeError != null ? c.decodeError : c.framingError;
            if (error != null) {
                finish();
                LOG.debug("parallel read of {} failed after {} records: {}", name, delivered, error.toString());
                throw error;
            }
            if (c.last) {
                reachedEnd = true;
                finish();
                LOG.debug("parallel read of {} done: {} records", name, delivered);
                return null;
            }
            current = null;
            if (keepBytes) {
                spare.offer(c.data);
                c.data = null;
            }
            engine.release();
        }
    }

    private MarcRecord readSequential() {
        if (finished || closed) {
            return null;
        }
        MarcRecord r;
        try {
            r = sequential.next();
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
        if (r == null) {
            reachedEnd = true;
            finish();
            LOG.debug("parallel read of {} done: {} records", name, delivered);
            return null;
        }
        delivered++;
        return r;
    }

    /// Stops the framing and returns the input from the current chunk's first byte on.
    private InputStream handOver() {
        long made = engine.stopSource();
        List<InputStream> parts = new ArrayList<>();
        boolean end = false;
        for (long s = current.seq; s < made; s++) {
            Chunk f = framed[(int) (s % window)];
            parts.add(new ByteArrayInputStream(f.data, 0, f.size));
            end |= f.last;
            if (f.framingError != null) {
                RuntimeException error = f.framingError;
                parts.add(new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException(error.getMessage(), error);
                    }
                });
            }
        }
        if (!end) {
            parts.add(format.unframed());
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private void finish() {
        current = null;
        finished = true;
        try {
            engine.stop();
        } finally {
            closeInput();
        }
    }

    private void closeInput() {
        try {
            try {
                if (sequential != null) {
                    sequential.close();
                }
            } finally {
                format.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + name, e);
        }
    }

    @Override
    public org.marcloom.RawRecord nextRaw() {
        throw new UnsupportedOperationException("readRaw() reads on one thread: open the reader without"
                + " concurrency(n) to read raw records");
    }

    /// The engine, for tests: chunks in flight and the most there were at once.
    OrderedEngine<Chunk> engine() {
        return engine;
    }

    @Override
    public List<Diagnostic> trailingDiagnostics() {
        if (!reachedEnd) {
            return List.of();
        }
        if (sequential instanceof Sources.HasTrailing t) {
            return t.trailingDiagnostics();
        }
        return format.trailingDiagnostics();
    }

    @Override
    public boolean closableBy(Thread thread) {
        return engine.stoppableBy(thread);
    }

    /// From another thread: stops and awaits every worker and closes the input; the reading
    /// thread's next [#next()] fails and its [#close()] finishes.
    @Override
    public void abort() throws IOException {
        engine.abort();
        RecordSource rest = sequential;
        try {
            if (rest != null) {
                rest.abort();
            }
        } finally {
            format.close();
        }
    }

    /// Stops and joins every worker, then closes the input. Idempotent.
    ///
    /// @throws WrongThreadException when called by another thread than the one reading (nothing
    ///                              is changed: the reader goes on as before)
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        engine.checkOwner();
        closed = true;
        current = null;
        try {
            engine.stop();
        } finally {
            closeInput();
        }
    }
}
