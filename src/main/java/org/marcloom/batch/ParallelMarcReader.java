package org.marcloom.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.internal.iso2709.Iso2709Parser;
import org.marcloom.record.MarcRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads one large ISO 2709 input on all cores: one thread frames records (sequentially, with
/// the same framer as [org.marcloom.MarcReader]) into batches of raw bytes, N decoder threads
/// decode batches in parallel, and the consumer gets the records **in file order**.
///
/// ```java
/// try (ParallelMarcReader reader = ParallelMarcReader.builder().lenient(true).open(path);
///      Stream<MarcRecord> records = reader.stream()) {
///     records.forEach(this::index);
/// }
/// ```
///
/// ## Same output as the sequential reader
/// The records, their diagnostics, record indexes and byte offsets, and
/// [#trailingDiagnostics()] are exactly those [org.marcloom.MarcReader] gives for the same input
/// and options. In strict mode the first error, whether the framer or a decoder found it, is
/// thrown by [#read()] at exactly the point the sequential reader throws it (after every earlier
/// record was delivered), as the same [MarcParseException] (code, record index, offset, with the
/// source name). I/O errors are thrown as [UncheckedIOException] at the point they happened.
/// After an exception the workers are stopped and [#read()] returns `null`.
///
/// ## Memory
/// At most [Builder#maxChunksInFlight(int)] batches exist at once (framed, being decoded, or
/// waiting for the consumer). A slow consumer blocks the framer instead of filling the heap.
///
/// ## Threads and closing
/// Workers run in a [StructuredScope] owned by the thread that opened the reader; that thread must
/// consume and close the reader (a reader is not thread-safe). [#close()] (also on closing
/// [#stream()]) stops and joins every worker and closes the input (unless it was the caller's
/// channel opened with `keepOpen`). An interrupted consumer stops the workers and gets a
/// [MarcBatchException] with an [InterruptedException] cause (interrupt status set again).
public final class ParallelMarcReader implements Iterable<MarcRecord>, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelMarcReader.class);

    private final FramedInput input;
    private final String name;
    private final StructuredScope scope;
    private final Semaphore permits;
    private final LinkedBlockingQueue<Chunk> ordered = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Chunk> work = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger highWater = new AtomicInteger();
    private final int maxChunks;
    private final int batchRecords;
    private final int batchBytes;
    private final int decoders;

    private volatile List<Diagnostic> trailing = List.of();
    private Chunk current;
    private int pos;
    private boolean finished;
    private boolean reachedEnd;
    private boolean closed;
    private boolean iteratorTaken;
    private long delivered;

    private ParallelMarcReader(FramedInput input, ReaderOptions options, String name, Builder b) {
        this.input = input;
        this.name = name;
        this.decoders = b.decoders;
        this.maxChunks = b.maxChunksInFlight;
        this.batchRecords = b.batchRecords;
        this.batchBytes = b.batchBytes;
        this.permits = new Semaphore(maxChunks);
        this.scope = b.threadFactory == null ? StructuredScope.open() : StructuredScope.open(b.threadFactory);
        LOG.debug("parallel read of {} starting: {} decoders, batches of {} records / {} bytes, {} in flight",
                name, decoders, batchRecords, batchBytes, maxChunks);
        scope.fork("framer " + name, () -> {
            frame();
            return null;
        });
        for (int i = 0; i < decoders; i++) {
            scope.fork("decoder-" + i + " " + name, () -> {
                Iso2709Parser parser = new Iso2709Parser(options);
                while (true) {
                    Chunk c = work.take();
                    if (c == Chunk.POISON) {
                        return null;
                    }
                    c.decode(parser, name);
                }
            });
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /// The framer: runs on its own thread until the end of input, an error or cancellation.
    private void frame() throws InterruptedException {
        long seq = 0;
        try {
            while (true) {
                permits.acquire();
                int now = inFlight.incrementAndGet();
                highWater.accumulateAndGet(now, Math::max);
                Chunk c = new Chunk(seq++, Math.min(batchBytes + 4096, 1 << 20));
                try {
                    while (c.count < batchRecords && c.size < batchBytes) {
                        if (!input.next()) {
                            c.last = true;
                            trailing = input.trailingDiagnostics();
                            break;
                        }
                        c.add(input);
                    }
                } catch (RuntimeException | Error e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("cancelled");
                    }
                    c.framingError = e instanceof RuntimeException re ? re : new MarcBatchException(
                            "framing " + name + " failed", name, e);
                    c.last = true;
                }
                ordered.put(c);
                work.put(c);
                if (c.last) {
                    return;
                }
            }
        } finally {
            for (int i = 0; i < decoders; i++) {
                work.offer(Chunk.POISON);
            }
        }
    }

    /// The next record in file order, or `null` at the end of the input.
    ///
    /// @throws MarcParseException   in strict mode, at the first data error, like the sequential reader
    /// @throws UncheckedIOException when reading fails
    /// @throws MarcBatchException   when the consumer is interrupted (cause [InterruptedException])
    public MarcRecord read() {
        while (true) {
            if (current == null) {
                if (finished || closed) {
                    return null;
                }
                try {
                    current = ordered.take();
                    current.decoded.await();
                } catch (InterruptedException e) {
                    current = null;
                    stopWorkers();
                    Thread.currentThread().interrupt();
                    throw new MarcBatchException("interrupted while reading " + name, name, e);
                }
                pos = 0;
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
            inFlight.decrementAndGet();
            permits.release();
        }
    }

    private void finish() {
        current = null;
        finished = true;
        try {
            stopWorkers();
        } finally {
            closeInput();
        }
    }

    private void closeInput() {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + name, e);
        }
    }

    private void stopWorkers() {
        scope.shutdown();
        scope.close();
    }

    /// How many records [#read()] has returned.
    public long recordsRead() {
        return delivered;
    }

    /// Diagnostics that belong to no record (trailing bytes, lenient mode), exactly as
    /// [org.marcloom.MarcReader#trailingDiagnostics()]. Complete once [#read()] returned `null`.
    public List<Diagnostic> trailingDiagnostics() {
        return reachedEnd ? trailing : List.of();
    }

    /// The input's name used in error messages, or `null`.
    public String sourceName() {
        return name;
    }

    /// Iterates the remaining records in file order. May be called once.
    @Override
    public Iterator<MarcRecord> iterator() {
        if (iteratorTaken) {
            throw new IllegalStateException("iterator() was already called on this reader; a reader is read once");
        }
        iteratorTaken = true;
        return new Iterator<>() {
            private MarcRecord next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public MarcRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more records");
                }
                MarcRecord r = next;
                next = null;
                return r;
            }
        };
    }

    /// The remaining records as a sequential, ordered stream; closing it closes this reader.
    public Stream<MarcRecord> stream() {
        Spliterator<MarcRecord> split = Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(() -> {
            try {
                close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /// Stops and joins every worker, then closes the input. Idempotent; call it from the thread
    /// that opened the reader.
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        current = null;
        try {
            stopWorkers();
        } finally {
            closeInput();
        }
    }

    /// Test hook: batches framed but not yet consumed now.
    int chunksInFlight() {
        return inFlight.get();
    }

    /// Test hook: the most batches that were in flight at once.
    int maxChunksObserved() {
        return highWater.get();
    }

    /// Configures and opens a [ParallelMarcReader]. Not thread-safe.
    public static final class Builder {
        private ReaderOptions options = ReaderOptions.DEFAULTS;
        private int decoders = Runtime.getRuntime().availableProcessors();
        private int batchRecords = 256;
        private int batchBytes = 512 * 1024;
        private int maxChunksInFlight = -1;
        private ThreadFactory threadFactory;
        private boolean keepOpen;
        private String sourceName;

        private Builder() {
        }

        public Builder options(ReaderOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        public Builder lenient(boolean value) {
            options = options.toBuilder().lenient(value).build();
            return this;
        }

        /// Decoder threads (default: available processors). Decoding is CPU-bound: more than the
        /// core count does not help.
        public Builder decoders(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("decoders must be at least 1: " + value);
            }
            decoders = value;
            return this;
        }

        /// At most this many records per batch (default 256).
        public Builder batchRecords(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchRecords must be at least 1: " + value);
            }
            batchRecords = value;
            return this;
        }

        /// A batch is closed once it holds this many bytes (default 512 KiB; one record may exceed it).
        public Builder batchBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchBytes must be at least 1: " + value);
            }
            batchBytes = value;
            return this;
        }

        /// The most batches framed but not yet consumed (default: 2 per decoder, at least 2).
        public Builder maxChunksInFlight(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxChunksInFlight must be at least 1: " + value);
            }
            maxChunksInFlight = value;
            return this;
        }

        /// Where the framer and decoder threads come from (default: virtual threads `marcloom-N`).
        public Builder threadFactory(ThreadFactory value) {
            threadFactory = Objects.requireNonNull(value, "threadFactory");
            return this;
        }

        /// The name used in error messages (defaults to the path for `open(Path)`).
        public Builder sourceName(String value) {
            sourceName = value;
            return this;
        }

        /// Leave a caller's channel open when the reader is closed.
        public Builder keepOpen(boolean value) {
            keepOpen = value;
            return this;
        }

        /// Opens `path` and starts the workers.
        public ParallelMarcReader open(Path path) throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            try {
                return start(channel, true, sourceName != null ? sourceName : path.toString());
            } catch (RuntimeException | Error e) {
                channel.close();
                throw e;
            }
        }

        /// Reads a caller's channel (closed with the reader unless [#keepOpen(boolean)]).
        public ParallelMarcReader open(ReadableByteChannel channel) {
            return start(Objects.requireNonNull(channel, "channel"), !keepOpen, sourceName);
        }

        private ParallelMarcReader start(ReadableByteChannel channel, boolean owns, String name) {
            if (maxChunksInFlight < 0) {
                maxChunksInFlight = Math.max(2, decoders * 2);
            }
            FramedInput in = new FramedInput(channel, owns, options, name);
            return new ParallelMarcReader(in, options, name, this);
        }
    }
}
