package org.marcloom.cli;

import java.io.IOException;
import java.util.List;
import org.marcloom.RawRecord;
import org.marcloom.internal.bulk.BulkAccess;
import org.marcloom.record.MarcRecord;

/// `marcloom count`: the number of records in each input.
///
/// ISO 2709 input is framed and each record's structure checked on its bytes in the reader's
/// buffer ([BulkAccess#skipWellFormed]); only a record that fails the check is decoded, by the
/// library, for its exact diagnostics (strict: its error). `--decode` decodes every record (finds text encoding
/// errors too). Other formats are always decoded, on several threads for large inputs.
final class CountCommand extends Command {

    /// Records passed over between two updates of the progress display.
    private static final long SKIP_AT_ONCE = 4096;

    @Override
    String name() {
        return "count";
    }

    @Override
    String summary() {
        return "Print the number of records in each file (count, a tab, the file name).";
    }

    @Override
    String synopsis() {
        return "[--lenient] [--decode] [--from FORMAT] [--concurrency N] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(LENIENT, LIMIT, FROM,
                Args.flag("decode", "decode every record's text too (finds encoding errors); default for ISO 2709:"
                        + " frame and check the structure only"),
                CONCURRENCY);
    }

    @Override
    String details() {
        return """
                ISO 2709 records are framed and their structure checked (leader, directory, field and subfield
                delimiters) without decoding their text; a record with a structural problem is decoded to report
                it exactly. --decode decodes every record. Other formats are decoded (with 4 or more cores, on all of them for inputs
                over 8 MiB) unless --concurrency says otherwise.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        List<String> inputs = inputs(args);
        Inputs.Readers readers = Inputs.readers(name(), args);
        boolean decode = args.has("decode");
        if (!decode && Inputs.isIso2709(readers.format())) {
            // Raw framing: one thread, whatever --concurrency says (framing is not the bottleneck).
            return raw(inputs, readers.withConcurrency(1), ctx, Inputs.concurrency(name(), args, inputs));
        }
        decoded(inputs, readers.withConcurrency(Inputs.concurrency(name(), args, inputs)), ctx);
        return 0;
    }

    private void decoded(List<String> inputs, Inputs.Readers readers, Context ctx) throws IOException {
        RecordLoop.run(inputs, readers, ctx, true, new RecordLoop.Handler() {
            @Override
            public void record(Inputs.Input in, MarcRecord rec) {
            }

            @Override
            public void endOfInput(Inputs.Input in, long records) {
                ctx.stdout().println(records + "\t" + in.name);
            }
        });
    }

    /// Counts with [org.marcloom.MarcReader#readRaw()]; an input detected as another format is
    /// counted by decoding it (on `concurrency` threads).
    private int raw(List<String> inputs, Inputs.Readers readers, Context ctx, int concurrency) throws IOException {
        long total = 0;
        long doneBytes = 0;
        try (Progress progress = Progress.start(ctx, RecordLoop.totalSize(inputs))) {
            for (String name : inputs) {
                long count = 0;
                boolean other = false;
                try (Inputs.Input in = Inputs.open(name, readers, ctx)) {
                    RawRecord r;
                    while (true) {
                        try {
                            // In place in the reader's buffer, up to a record that needs decoding.
                            long want = SKIP_AT_ONCE - count % SKIP_AT_ONCE;
                            long skipped = BulkAccess.skipWellFormed(in.reader, want);
                            count += skipped;
                            if (skipped == want) {
                                progress.update(total + count, doneBytes + in.bytesRead());
                                continue;
                            }
                            r = in.reader.readRaw();
                        } catch (UnsupportedOperationException e) {
                            other = true; // detected as MARCXML, JSON or MARCMaker: decode it below
                            break;
                        }
                        if (r == null) {
                            break;
                        }
                        // Framing diagnostics or a structure that is not well formed: decode it.
                        Inputs.report(ctx, in.name, in.reader.decode(r).diagnostics());
                        count++;
                    }
                    if (other && name.equals("-")) {
                        // Standard input cannot be read again: decode the rest of it with this reader.
                        MarcRecord rec;
                        while ((rec = in.reader.read()) != null) {
                            Inputs.report(ctx, in.name, rec.diagnostics());
                            count++;
                        }
                        other = false;
                    }
                    if (!other) {
                        Inputs.report(ctx, in.name, in.reader.trailingDiagnostics());
                        ctx.stdout().println(count + "\t" + in.name);
                        total += count;
                        doneBytes += in.bytesRead();
                    }
                }
                if (other) {
                    decoded(List.of(name), readers.withConcurrency(concurrency), ctx);
                }
            }
        }
        return 0;
    }
}
