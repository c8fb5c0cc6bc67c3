package org.marcloom.batch;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.record.MarcRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads one large ISO 2709 or MARC-in-JSON-lines input on all cores. N worker threads take turns, under a lock, to
/// frame the next batch of records with the same framer as [org.marcloom.MarcReader] (cheap: the
/// record lengths come from the leaders), then decode their batch in parallel; the consumer gets
/// the records **in file order**.
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
/// and options. In strict mode the first error, whether framing or decoding found it, is
/// thrown by [#read()] at exactly the point the sequential reader throws it (after every earlier
/// record was delivered), as the same [MarcParseException] (code, record index, offset, with the
/// source name). I/O errors are thrown as [UncheckedIOException] at the point they happened.
/// After an exception the workers are stopped and [#read()] returns `null`.
///
/// ## Memory
/// At most [Builder#maxChunksInFlight(int)] batches exist at once (being framed, decoded, or
/// waiting for the consumer); their byte buffers are reused. A slow consumer blocks the workers
/// instead of filling the heap.
///
/// ## Threads and closing
/// Workers run in a [StructuredScope] owned by the thread that opened the reader; that thread must
/// consume and close the reader (a reader is not thread-safe). [#close()] (also on closing
/// [#stream()]) stops and joins every worker and closes the input (unless it was the caller's
/// channel opened with `keepOpen`). An interrupted consumer stops the workers and gets a
/// [MarcBatchException] with an [InterruptedException] cause (interrupt status set again).
///
/// Why workers frame in turn instead of one framer thread: framing is a few percent of the work,
/// and a dedicated framer costs a thread hand-off (a wake-up) per batch and competes with the
/// decoders for the cores; on a machine with few cores that overhead ate most of the gain.
public final class ParallelMarcReader implements Iterable<MarcRecord>, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelMarcReader.class);

    private final ChunkFormat format;
    private final String name;
    private final StructuredScope scope;
    private final Semaphore permits;
    private final ReentrantLock frameLock = new ReentrantLock();
    /// Decoded chunks by `seq % maxChunks`: the permits keep the seqs in flight within one window.
    private final AtomicReferenceArray<Chunk> ready;
    /// Decoded chunks' byte buffers, reused for framing (at most one per chunk in flight).
    private final ArrayBlockingQueue<byte[]> spare;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger highWater = new AtomicInteger();
    private final int maxChunks;
    private final int batchRecords;
    private final int batchBytes;
    private final int bufferBytes;
    private final int workers;

    private final boolean keepBytes;

    // Framing state, guarded by frameLock.
    private long nextSeq;
    private boolean inputDone;
    /// Framed chunks by `seq % maxChunks`, for a hand-over to a sequential read.
    private final Chunk[] framed;

    // Consumer wake-up: the seq the consumer waits for (or -1), and its thread.
    private volatile long waitingFor = -1;
    private volatile Thread waiter;

    // Consumer state (the owner thread only).
    /// Set when the format handed the rest of the input to a sequential source.
    private RecordSource sequential;
    private Chunk current;
    private long currentSeq;
    private int pos;
    private boolean finished;
    private boolean reachedEnd;
    private boolean closed;
    private boolean iteratorTaken;
    private long delivered;

    private ParallelMarcReader(ChunkFormat format, String name, Builder b) {
        this.format = format;
        this.name = name;
        this.workers = b.decoders;
        this.maxChunks = b.maxChunksInFlight;
        this.batchRecords = b.batchRecords;
        this.batchBytes = b.batchBytes;
        this.bufferBytes = b.bufferBytes > 0 ? b.bufferBytes : Math.min(batchBytes + 4096, 1 << 21);
        this.permits = new Semaphore(maxChunks);
        this.ready = new AtomicReferenceArray<>(maxChunks);
        this.spare = new ArrayBlockingQueue<>(maxChunks);
        this.framed = new Chunk[maxChunks];
        this.keepBytes = format.keepsBytes();
        this.scope = b.threadFactory == null ? StructuredScope.open() : StructuredScope.open(b.threadFactory);
        LOG.debug("parallel read of {} starting: {} workers, batches of {} records / {} bytes, {} in flight",
                name, workers, batchRecords, batchBytes, maxChunks);
        for (int i = 0; i < workers; i++) {
            ChunkFormat.Decoder decoder = format.newDecoder();
            scope.fork("worker-" + i + " " + name, () -> {
                work(decoder);
                return null;
            });
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /// A worker: frames the next chunk (one worker at a time), decodes it, publishes it; until the
    /// input is done or the worker is cancelled.
    private void work(ChunkFormat.Decoder decoder) throws InterruptedException {
        while (true) {
            permits.acquire();
            Chunk c;
            frameLock.lockInterruptibly();
            try {
                c = frameNext();
            } finally {
                frameLock.unlock();
            }
            if (c == null) {
                return;
            }
            if (c.framingError != null && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            decodeAndPublish(decoder, c);
        }
    }

    /// Frames the next chunk. The caller holds a permit and the framing lock; `null` when the
    /// input is done (the permit is returned).
    private Chunk frameNext() {
        if (inputDone) {
            permits.release();
            return null;
        }
        highWater.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        byte[] buf = spare.poll();
        if (buf == null) {
            buf = new byte[bufferBytes];
        }
        Chunk c = new Chunk(nextSeq++, buf, Math.min(batchRecords, 1024));
        framed[(int) (c.seq % maxChunks)] = c;
        format.fill(c);
        if (c.last) {
            inputDone = true;
            permits.release(workers); // wake the workers waiting for a permit: they end
        }
        return c;
    }

    private void decodeAndPublish(ChunkFormat.Decoder decoder, Chunk c) {
        try {
            decoder.decode(c);
        } catch (RuntimeException e) {
            c.decodeError = e;
        } catch (Error e) {
            c.decodeError = new MarcBatchException("decoding " + name + " failed", name, e);
        }
        if (!keepBytes) {
            spare.offer(c.data); // the bytes are no longer needed
            c.data = null;
        }
        c.framing = null;
        ready.set((int) (c.seq % maxChunks), c);
        if (waitingFor == c.seq) {
            Thread t = waiter;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /// Waits until chunk `seq` is decoded.
    private Chunk await(long seq) throws InterruptedException {
        int slot = (int) (seq % maxChunks);
        Chunk c = ready.get(slot);
        if (c != null) {
            return c;
        }
        waiter = Thread.currentThread();
        waitingFor = seq;
        try {
            while ((c = ready.get(slot)) == null) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return c;
        } finally {
            waitingFor = -1;
        }
    }

    /// The next record in file order, or `null` at the end of the input.
    ///
    /// @throws MarcParseException   in strict mode, at the first data error, like the sequential reader
    /// @throws UncheckedIOException when reading fails
    /// @throws MarcBatchException   when the consumer is interrupted (cause [InterruptedException])
    public MarcRecord read() {
        if (sequential != null) {
            return readSequential();
        }
        while (true) {
            if (current == null) {
                if (finished || closed) {
                    return null;
                }
                try {
                    current = await(currentSeq);
                } catch (InterruptedException e) {
                    stopWorkers();
                    Thread.currentThread().interrupt();
                    throw new MarcBatchException("interrupted while reading " + name, name, e);
                }
                pos = 0;
                RecordSource rest = format.inOrder(current, this::handOver);
                if (rest != null) {
                    sequential = rest;
                    current = null;
                    stopWorkers();
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
            ready.set((int) (currentSeq % maxChunks), null);
            currentSeq++;
            inFlight.decrementAndGet();
            permits.release();
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
        frameLock.lock();
        try {
            inputDone = true;
            permits.release(workers);
            List<InputStream> parts = new ArrayList<>();
            boolean end = false;
            for (long s = currentSeq; s < nextSeq; s++) {
                Chunk f = framed[(int) (s % maxChunks)];
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
        } finally {
            frameLock.unlock();
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
        if (!reachedEnd) {
            return List.of();
        }
        if (sequential instanceof Sources.HasTrailing t) {
            return t.trailingDiagnostics();
        }
        return format.trailingDiagnostics();
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
        private int batchRecords = 1024;
        private int batchBytes = 1024 * 1024;
        private int maxChunksInFlight = -1;
        private int bufferBytes = -1;
        private ThreadFactory threadFactory;
        private MarcFormat format = MarcFormat.ISO_2709;
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

        /// Worker threads, which frame and decode batches (default: available processors).
        /// Decoding is CPU-bound: more than the core count does not help.
        public Builder decoders(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("decoders must be at least 1: " + value);
            }
            decoders = value;
            return this;
        }

        /// At most this many records per batch (default 1,024).
        public Builder batchRecords(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchRecords must be at least 1: " + value);
            }
            batchRecords = value;
            return this;
        }

        /// A batch is closed once it holds this many bytes (default 1 MiB; one record may exceed it).
        /// Big batches keep the hand-offs between threads rare; on a 2-core machine 256 records
        /// per batch measured about 5% slower than 1,024.
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

        /// The input's format: [MarcFormat#ISO_2709] (the default), or MARC-in-JSON as one record
        /// object per line ([MarcFormat#MARC_JSON_LINES]; [MarcFormat#MARC_JSON] is read the same
        /// way, and a JSON array is read sequentially since it cannot be cut at lines). For JSON,
        /// batches are cut after a newline once [#batchBytes(int)] are read; [#batchRecords(int)]
        /// does not apply. The records, diagnostics (record indexes, lines, columns) and errors
        /// are the sequential reader's; from the first malformed line on, the rest of the input
        /// is read sequentially.
        ///
        /// @throws IllegalArgumentException for MARCXML and MARCMaker
        public Builder format(MarcFormat value) {
            Objects.requireNonNull(value, "format");
            if (value == MarcFormat.MARCXML || value == MarcFormat.MARCMAKER) {
                throw new IllegalArgumentException("ParallelMarcReader reads ISO 2709 and MARC-in-JSON (lines), not "
                        + value + "; use MarcReader or MarcBatch for it");
            }
            format = value;
            return this;
        }

        /// Test hook: the size of a new batch buffer (default `batchBytes` + 4 KiB, at most 2 MiB).
        /// An ISO 2709 batch also ends when its buffer is full, so a small one cuts batches at
        /// buffer ends, with the record there carried over to the next batch.
        Builder bufferBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("bufferBytes must be at least 1: " + value);
            }
            bufferBytes = value;
            return this;
        }

        /// Where the worker threads come from (default: virtual threads `marcloom-N`).
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
            ChunkFormat chunks;
            if (format == MarcFormat.ISO_2709) {
                FramedInput in = new FramedInput(channel, owns, options, name);
                chunks = new Iso2709Chunks(in, options, name, batchRecords, batchBytes);
            } else {
                chunks = new JsonChunks(channel, owns, options, name, batchBytes);
            }
            return new ParallelMarcReader(chunks, name, this);
        }
    }
}
