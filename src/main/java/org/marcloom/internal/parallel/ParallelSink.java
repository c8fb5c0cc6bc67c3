package org.marcloom.internal.parallel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.marcloom.MarcWriteException;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RecordEncoder;
import org.marcloom.internal.RecordSink;
import org.marcloom.record.MarcRecord;

/// The parallel write behind `MarcWriter.builder().concurrency(n)`: records are gathered into
/// batches on the writing thread, N workers of the [OrderedEngine] encode the batches with the
/// format's [RecordEncoder] (the sequential writer's own), and the writing thread writes their
/// bytes to the target in order. The output is the sequential writer's, byte for byte.
///
/// A record the format cannot hold fails the writer: its [MarcWriteException] is thrown by a later
/// `write`, `flush` or `close`, once every record before it was written; nothing after it is. At
/// most `window` batches of 1,024 records are in flight (twice the workers, at most
/// [OrderedEngine#bytesInFlight()] / 1 MiB whatever the concurrency); a slow target blocks the
/// writing thread.
///
/// Not thread-safe. The workers start at the first batch, in a scope owned by the thread that
/// writes it; that thread must also close the sink.
public final class ParallelSink implements RecordSink {

    /// Records per batch: big enough to make the hand-offs rare.
    static final int BATCH_RECORDS = 1024;

    /// A batch of records and, once encoded, their bytes.
    static final class Batch extends OrderedEngine.Job {
        final long firstIndex;
        final MarcRecord[] records = new MarcRecord[BATCH_RECORDS];
        int count;
        OutputBuffer bytes;
        /// `ends[i]`: the size of `bytes` after record i.
        final int[] ends = new int[BATCH_RECORDS];
        /// The first record that could not be encoded (then `error`), or -1.
        int failedAt = -1;
        RuntimeException error;

        Batch(long seq, long firstIndex) {
            super(seq);
            this.firstIndex = firstIndex;
        }
    }

    private final OutputStream out;
    private final boolean ownTarget;
    private final String name;
    private final RecordEncoder frame;
    private final OrderedEngine<Batch> engine;
    private final ArrayBlockingQueue<Batch> handoff;
    private final ArrayBlockingQueue<OutputBuffer> spare;

    private Batch filling;
    private long accepted;
    private long written;
    private long batches;
    private int outstanding;
    private boolean started;
    private boolean closed;
    private RuntimeException failure;

    /// @param encoders    makes the format's encoder (one per worker, one for the document's frame)
    /// @param concurrency how many encoding threads
    /// @param threads     where they come from
    public ParallelSink(Supplier<RecordEncoder> encoders, OutputStream out, boolean ownTarget, int concurrency,
                        ThreadFactory threads, String name) {
        this.out = Objects.requireNonNull(out, "out");
        this.ownTarget = ownTarget;
        this.name = name == null ? "output" : name;
        this.frame = encoders.get();
        // a batch of 1,024 records encodes to about 1 MiB (MARC records average about 1 KiB)
        int window = OrderedEngine.boundedWindow(concurrency, 1 << 20);
        this.handoff = new ArrayBlockingQueue<>(window + 1);
        this.spare = new ArrayBlockingQueue<>(window + 1);
        this.engine = new OrderedEngine<>(name, concurrency, window, threads, seq -> handoff.take(), () -> {
            RecordEncoder encoder = encoders.get();
            return b -> encode(encoder, b);
        });
    }

    private static void encode(RecordEncoder encoder, Batch b) {
        int i = 0;
        try {
            for (; i < b.count; i++) {
                encoder.record(b.records[i], b.firstIndex + i, b.bytes);
                b.ends[i] = b.bytes.size;
                b.records[i] = null;
            }
        } catch (MarcWriteException e) {
            b.failedAt = i;
            b.error = e.forRecord(b.firstIndex + i, b.records[i].controlNumber().orElse(null));
        } catch (RuntimeException e) {
            b.failedAt = i;
            b.error = e;
        } catch (Error e) {
            b.failedAt = i;
            b.error = new MarcBatchException("encoding failed", null, e);
        }
    }

    @Override
    public void write(MarcRecord record) throws IOException {
        check();
        Objects.requireNonNull(record, "record");
        if (filling == null) {
            filling = new Batch(batches, accepted);
        }
        filling.records[filling.count++] = record;
        accepted++;
        if (filling.count == BATCH_RECORDS) {
            submit();
        }
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("the writer failed at an earlier record and writes nothing more",
                    failure);
        }
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
    }

    /// Hands the batch being filled to the workers, first writing finished batches while the
    /// window is full.
    private void submit() throws IOException {
        Batch b = filling;
        filling = null;
        if (!started) {
            started = true;
            OutputBuffer head = new OutputBuffer(256);
            frame.start(head);
            head.drainTo(out, 256);
            engine.start();
        }
        while (outstanding >= engine.window()) {
            writeOne();
        }
        OutputBuffer buf = spare.poll();
        b.bytes = buf != null ? buf : new OutputBuffer(b.count * 1024);
        batches++;
        outstanding++;
        handoff.add(b);
    }

    /// Writes the oldest batch's bytes; throws its error after the records before it.
    private void writeOne() throws IOException {
        Batch b;
        try {
            b = engine.take();
        } catch (InterruptedException e) {
            failure = new MarcBatchException("interrupted while writing " + name, name, e);
            Thread.currentThread().interrupt();
            throw failure;
        }
        engine.release();
        outstanding--;
        if (b.error != null) {
            failure = b.error;
            if (b.failedAt > 0) {
                out.write(b.bytes.data, 0, b.ends[b.failedAt - 1]);
            }
            written += b.failedAt;
            throw failure;
        }
        b.bytes.drainTo(out, 4 << 20);
        written += b.count;
        spare.offer(b.bytes);
        b.bytes = null;
    }

    private void writeAll() throws IOException {
        if (filling != null && filling.count > 0) {
            submit();
        }
        while (outstanding > 0) {
            writeOne();
        }
    }

    /// Records whose bytes were handed to the target (the rest are being encoded).
    @Override
    public long recordsWritten() {
        return written;
    }

    /// Writes every record accepted so far, then flushes the target.
    @Override
    public void flush() throws IOException {
        check();
        writeAll();
        out.flush();
    }

    /// Writes every record accepted and the document's end, stops and joins the workers, and
    /// closes the target when this sink owns it. Idempotent.
    ///
    /// @throws WrongThreadException when called by another thread than the one writing (nothing
    ///                              is changed then)
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        engine.checkOwner();
        closed = true;
        try {
            if (failure == null) {
                writeAll();
                OutputBuffer tail = new OutputBuffer(256);
                if (!started) {
                    started = true;
                    frame.start(tail);
                }
                frame.end(accepted, tail);
                tail.drainTo(out, 256);
                out.flush();
            }
        } finally {
            try {
                engine.stop();
            } finally {
                if (ownTarget) {
                    out.close();
                }
            }
        }
    }
}
