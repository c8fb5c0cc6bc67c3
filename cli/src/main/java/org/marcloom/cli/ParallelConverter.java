package org.marcloom.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.iso2709.Iso2709Parser;
import org.marcloom.record.MarcRecord;

/// `convert --threads N`: an ordered, bounded pipeline whose output is byte-identical to a
/// sequential run.
///
/// The calling thread frames ISO 2709 records with [MarcReader#readRaw()] (other formats are
/// decoded there with `read()`) and hands batches to N worker threads, which decode them and
/// serialise them with their own [MarcWriter] into a byte array. The calling thread writes the
/// batches' bytes in submission order; at most `2 × N` batches are in flight, so memory stays
/// bounded whatever the input size.
///
/// Framed formats (a JSON array, a MARCXML collection) are handled without knowing their markup: the
/// first batch is written as a document's start; every later batch's writer first writes a
/// throw-away record and keeps only what its own records add after it (the separators included);
/// the end of the document is what a writer adds on `close()` after a record. This holds for any
/// writer whose output is a prefix, the records with separators, and a suffix.
final class ParallelConverter {

    private static final int BATCH = 256;

    private final EncoderFactory to;
    private final MarcReader.Builder readers;
    private final int threads;
    private final Command.Context ctx;
    private final ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
    private long submittedRecords;
    private int submittedBatches;
    private MarcRecord lastRecord;

    /// A batch's result: bytes to write, diagnostics to print first, and its last record.
    private record Chunk(byte[] bytes, List<String> messages, MarcRecord last) {
    }

    /// Writes records to a stream: a [MarcWriter] in production, a fake in tests.
    interface Encoder extends java.io.Closeable {
        void write(MarcRecord record) throws IOException;

        void flush() throws IOException;
    }

    /// Opens an [Encoder] on a stream it must leave open.
    interface EncoderFactory {
        Encoder open(OutputStream out);
    }

    /// The production factory: a [MarcWriter] for `format`.
    static EncoderFactory writers(MarcFormat format) {
        return out -> {
            MarcWriter w = MarcWriter.builder().format(format).keepOpen(true).open(out);
            return new Encoder() {
                @Override
                public void write(MarcRecord record) {
                    w.write(record);
                }

                @Override
                public void flush() {
                    w.flush();
                }

                @Override
                public void close() throws IOException {
                    w.close();
                }
            };
        };
    }

    ParallelConverter(MarcFormat to, MarcReader.Builder readers, int threads, Command.Context ctx) {
        this(writers(to), readers, threads, ctx);
    }

    ParallelConverter(EncoderFactory to, MarcReader.Builder readers, int threads, Command.Context ctx) {
        this.to = to;
        this.readers = readers;
        this.threads = threads;
        this.ctx = ctx;
    }

    void convert(List<String> names, OutputStream out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("marcloom-convert-", 0).factory());
        long total = 0;
        long doneBytes = 0;
        try (Progress progress = Progress.start(ctx, RecordLoop.totalSize(names))) {
            for (String name : names) {
                try (Inputs.Input in = Inputs.open(name, readers, ctx)) {
                    try {
                        total += readInput(in, pool, out, progress, total, doneBytes);
                    } catch (MarcParseException | UncheckedIOException e) {
                        drain(out, 0); // earlier records first, and an earlier error wins
                        throw e;
                    }
                    List<String> trailing = lines(in.name, in.reader.trailingDiagnostics());
                    if (!trailing.isEmpty()) {
                        pending.add(CompletableFuture.completedFuture(new Chunk(new byte[0], trailing, null)));
                    }
                    doneBytes += in.bytesRead();
                }
            }
            drain(out, 0);
            out.write(end());
        } finally {
            pool.shutdownNow();
        }
    }

    private long readInput(Inputs.Input in, ExecutorService pool, OutputStream out, Progress progress, long before,
                           long doneBytes) throws IOException {
        ReaderOptions options = in.reader.options();
        long count = 0;
        boolean raw = true;
        List<RawRecord> rawBatch = new ArrayList<>(BATCH);
        List<MarcRecord> batch = new ArrayList<>(BATCH);
        while (true) {
            if (raw) {
                RawRecord r;
                try {
                    r = in.reader.readRaw();
                } catch (UnsupportedOperationException e) {
                    raw = false; // not ISO 2709: decode here, encode in the workers
                    continue;
                }
                if (r == null) {
                    break;
                }
                rawBatch.add(r);
                if (rawBatch.size() == BATCH) {
                    submitRaw(pool, in.name, options, rawBatch, out);
                    rawBatch = new ArrayList<>(BATCH);
                }
            } else {
                MarcRecord rec = in.reader.read();
                if (rec == null) {
                    break;
                }
                batch.add(rec);
                if (batch.size() == BATCH) {
                    submitDecoded(pool, in.name, batch, out);
                    batch = new ArrayList<>(BATCH);
                }
            }
            count++;
            progress.update(before + count, doneBytes + in.bytesRead());
        }
        if (!rawBatch.isEmpty()) {
            submitRaw(pool, in.name, options, rawBatch, out);
        }
        if (!batch.isEmpty()) {
            submitDecoded(pool, in.name, batch, out);
        }
        return count;
    }

    private void submitRaw(ExecutorService pool, String name, ReaderOptions options, List<RawRecord> raws,
                           OutputStream out) throws IOException {
        boolean first = submittedBatches == 0;
        long outIndex = submittedRecords;
        submit(pool, () -> {
            Iso2709Parser parser = new Iso2709Parser(options);
            List<MarcRecord> records = new ArrayList<>(raws.size());
            for (RawRecord r : raws) {
                byte[] bytes = r.bytes();
                try {
                    records.add(parser.parse(bytes, 0, bytes.length, r.index(), r.offset(), r.diagnostics()));
                } catch (MarcParseException e) {
                    throw e.source() == null ? e.withSource(name) : e;
                }
            }
            return encode(name, records, first, outIndex);
        }, raws.size(), out);
    }

    private void submitDecoded(ExecutorService pool, String name, List<MarcRecord> records, OutputStream out)
            throws IOException {
        boolean first = submittedBatches == 0;
        long outIndex = submittedRecords;
        submit(pool, () -> encode(name, records, first, outIndex), records.size(), out);
    }

    private void submit(ExecutorService pool, java.util.concurrent.Callable<Chunk> task, int size, OutputStream out)
            throws IOException {
        pending.add(pool.submit(task));
        submittedBatches++;
        submittedRecords += size;
        drain(out, 2 * threads);
    }

    /// Serialises a batch; for every batch but the first, only what its records add after a
    /// throw-away record (so a framed format's start is not repeated and its separators are kept).
    private Chunk encode(String name, List<MarcRecord> records, boolean first, long outIndex) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 2048);
        Encoder writer = to.open(bytes);
        int mark = 0;
        if (!first) {
            writer.write(records.getFirst());
            writer.flush();
            mark = bytes.size();
        }
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            MarcRecord rec = records.get(i);
            messages.addAll(lines(name, rec.diagnostics()));
            try {
                writer.write(rec);
            } catch (IllegalArgumentException e) {
                String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new CliFailure(name + ": record " + (outIndex + i)
                        + rec.controlNumber().map(c -> " (001 " + c + ")").orElse("") + ": " + why, e);
            }
        }
        writer.flush();
        byte[] all = bytes.toByteArray();
        return new Chunk(java.util.Arrays.copyOfRange(all, mark, all.length), messages, records.getLast());
    }

    /// Writes finished batches in order until at most `keep` are in flight.
    private void drain(OutputStream out, int keep) throws IOException {
        while (pending.size() > keep) {
            Chunk c;
            try {
                c = pending.peekFirst().get();
            } catch (ExecutionException e) {
                pending.clear();
                switch (e.getCause()) {
                    case RuntimeException r -> throw r;
                    case IOException io -> throw io;
                    case Error err -> throw err;
                    default -> throw new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure("interrupted", e);
            }
            pending.removeFirst();
            for (String m : c.messages()) {
                ctx.stderr().println(m);
            }
            out.write(c.bytes());
            if (c.last() != null) {
                lastRecord = c.last();
            }
        }
    }

    /// The document's end: what a writer adds on close after a record, or a whole empty document.
    private byte[] end() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Encoder writer = to.open(bytes);
        int mark = 0;
        if (lastRecord != null) {
            writer.write(lastRecord);
            writer.flush();
            mark = bytes.size();
        }
        writer.close();
        byte[] all = bytes.toByteArray();
        return java.util.Arrays.copyOfRange(all, mark, all.length);
    }

    private static List<String> lines(String name, List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            out.add("marcloom: " + name + ": " + d);
        }
        return out;
    }
}
