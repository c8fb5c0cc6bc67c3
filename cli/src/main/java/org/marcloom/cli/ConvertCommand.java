package org.marcloom.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;
import org.marcloom.internal.bulk.BulkAccess;
import org.marcloom.record.MarcRecord;

/// `marcloom convert`: every input's records, in order, written in one format.
final class ConvertCommand extends Command {

    @Override
    String name() {
        return "convert";
    }

    @Override
    String summary() {
        return "Convert records to another format (all inputs, in order, into one output).";
    }

    @Override
    String synopsis() {
        return "--to FORMAT [--from FORMAT] [--lenient] [--encoding ENC] [--concurrency N] [--quarantine FILE]"
                + " [-o OUT] IN...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.value("to", "FORMAT", "output format: " + Formats.FORMAT_NAMES + " (required)"),
                FROM,
                LENIENT,
                LIMIT,
                Args.value("encoding", "ENC", "how to decode ISO 2709 input: auto (leader/09), utf8, marc8 or latin1"),
                Args.value("concurrency", "N", "decode and encode on N threads each (default: with 4 or more cores, one per core"
                        + " for inputs over 8 MiB; else 1); the output is the same as with 1"),
                Args.value("quarantine", "FILE", "with --lenient, write the bytes of the input no record holds (junk,"
                        + " malformed text) to FILE and a JSON line per region to FILE.jsonl"),
                new Args.Option("output", "o", "OUT", "write to OUT instead of standard output (- is standard output)"));
    }

    @Override
    String details() {
        return """
                The output file appears only when the whole run succeeds. With --concurrency N, ISO 2709 and
                MARC-in-JSON input is decoded on N threads and every output is encoded on N threads, in the
                input's order: the output is byte for byte the same as with 1.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        String toName = args.value("to");
        if (toName == null) {
            throw new Args.UsageException(name(), "--to FORMAT is required (" + Formats.FORMAT_NAMES + ")");
        }
        MarcFormat to = Formats.format(name(), "to", toName);
        List<String> inputs = inputs(args);
        int concurrency = Inputs.concurrency(name(), args, inputs);
        Inputs.Readers readers = Inputs.readers(name(), args).withConcurrency(concurrency);
        String quarantineFile = args.value("quarantine");
        try (org.marcloom.Quarantine quarantine = quarantineFile == null ? null
                : org.marcloom.Quarantine.toFiles(java.nio.file.Path.of(quarantineFile));
             Output out = Output.open(args.value("output"), ctx.stdout())) {
            if (quarantine != null) {
                readers = readers.withQuarantine(quarantine);
            }
            MarcWriter.Builder writers = MarcWriter.builder().format(to).concurrency(concurrency).keepOpen(true);
            if (concurrency > 1 && ctx.threads() != null) {
                writers.threadFactory(ctx.threads());
            }
            MarcWriter writer = writers.open(out.stream());
            Diagnostics diagnostics = new Diagnostics(ctx, writer);
            String target = args.value("output") == null ? "standard output" : args.value("output");
            try {
                RecordLoop.run(inputs, readers, ctx, false, new RecordLoop.Handler() {
                    @Override
                    public long bulk(Inputs.Input in, long max) {
                        // ISO 2709 records the writer can write from their bytes (no diagnostics)
                        long n = BulkAccess.transfer(in.reader, writer, max);
                        diagnostics.took(n);
                        return n;
                    }

                    @Override
                    public void record(Inputs.Input in, MarcRecord rec) {
                        diagnostics.beforeWrite(in.name, rec.diagnostics());
                        writer.write(rec);
                        diagnostics.written();
                    }

                    @Override
                    public void endOfInput(Inputs.Input in, long records) {
                        diagnostics.afterRecords(in.name, in.reader.trailingDiagnostics());
                    }
                });
                writer.close();
                diagnostics.written();
            } catch (MarcWriteException e) {
                throw writeFailure(diagnostics, target, e);
            } catch (RuntimeException | IOException e) {
                // A read error: a sequential run wrote every record before it, unless one of them
                // could not be written (that error came first).
                try {
                    writer.flush();
                } catch (MarcWriteException w) {
                    throw writeFailure(diagnostics, target, w);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                diagnostics.written();
                throw e;
            } finally {
                writer.close();
            }
            out.commit();
        }
        return 0;
    }

    private static CliFailure writeFailure(Diagnostics diagnostics, String target, MarcWriteException e) {
        diagnostics.failedAt(e.recordIndex());
        return new CliFailure("writing " + target + ": " + e.getMessage(), e);
    }

    /// Prints each record's diagnostics when the writer has written it, so that standard error
    /// is the same whatever the concurrency: with more than one thread a record is encoded after
    /// `write` returns, and one that cannot be written is reported later; the diagnostics of the
    /// records after it (read ahead meanwhile) are not printed, as a sequential run never reads
    /// them.
    private static final class Diagnostics {
        private final Context ctx;
        private final MarcWriter writer;
        /// Lines waiting for the record count the writer must reach before they are printed.
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private long given;

        private record Pending(long after, String file, List<Diagnostic> diagnostics) {
        }

        Diagnostics(Context ctx, MarcWriter writer) {
            this.ctx = ctx;
            this.writer = writer;
        }

        /// The diagnostics of the record about to be written (printed before it is written).
        void beforeWrite(String file, List<Diagnostic> diagnostics) {
            if (!diagnostics.isEmpty()) {
                pending.add(new Pending(given, file, diagnostics));
            }
            given++;
            printUpTo(writer.recordsWritten() + 1);
        }

        /// `n` records without diagnostics were written (in bulk, by this thread).
        void took(long n) {
            given += n;
        }

        /// Diagnostics that follow the records given so far (an input's trailing bytes).
        void afterRecords(String file, List<Diagnostic> diagnostics) {
            if (!diagnostics.isEmpty()) {
                pending.add(new Pending(given, file, diagnostics));
            }
            printUpTo(writer.recordsWritten() + 1);
        }

        /// Prints what the records written so far allow.
        void written() {
            printUpTo(writer.recordsWritten() + 1);
        }

        /// Writing failed at record `index`: print what came before it and its own.
        void failedAt(long index) {
            printUpTo(index + 1);
            pending.clear();
        }

        /// Prints the pending lines of records before `limit`.
        private void printUpTo(long limit) {
            while (!pending.isEmpty() && pending.peekFirst().after() < limit) {
                Pending p = pending.removeFirst();
                Inputs.report(ctx, p.file(), p.diagnostics());
            }
        }
    }
}
