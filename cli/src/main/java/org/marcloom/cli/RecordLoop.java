package org.marcloom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marcloom.record.MarcRecord;

/// Reads every record of every input in order, with progress, and lenient diagnostics reported
/// on standard error unless the command handles them itself.
final class RecordLoop {

    /// What a command does with each record and at the end of each input.
    interface Handler {
        void record(Inputs.Input in, MarcRecord rec) throws IOException;

        /// Takes up to `max` of the input's next records without their being read here (written
        /// from their bytes, see [org.marcloom.internal.bulk.BulkAccess#transfer]); they have no
        /// diagnostics. Returns how many: below `max` before a record to read as usual, or at the end.
        default long bulk(Inputs.Input in, long max) {
            return 0;
        }

        default void endOfInput(Inputs.Input in, long records) throws IOException {
        }
    }

    /// Records between two checks of standard output in bulk (as every 4,096 records read).
    private static final long BULK = 4096;

    private RecordLoop() {
    }

    /// @param reportDiagnostics print each record's diagnostics and the trailing ones on standard error
    /// @return the number of records read from all inputs
    static long run(List<String> names, Inputs.Readers readers, Command.Context ctx, boolean reportDiagnostics,
                    Handler handler) throws IOException {
        long total = 0;
        long doneBytes = 0;
        try (Progress progress = Progress.start(ctx, totalSize(names))) {
            for (String name : names) {
                try (Inputs.Input in = Inputs.open(name, readers, ctx)) {
                    long count = 0;
                    MarcRecord rec;
                    while (true) {
                        long want = BULK - count % BULK;
                        long taken = handler.bulk(in, want);
                        if (taken > 0) {
                            count += taken;
                            progress.update(total + count, doneBytes + in.bytesRead());
                            if (taken == want) {
                                if (ctx.stdout().checkError()) {
                                    throw Main.stdoutFailure(ctx.stdout());
                                }
                                continue;
                            }
                        }
                        if ((rec = in.reader.read()) == null) {
                            break;
                        }
                        if (reportDiagnostics) {
                            Inputs.report(ctx, in.name, rec.diagnostics());
                        }
                        handler.record(in, rec);
                        count++;
                        progress.update(total + count, doneBytes + in.bytesRead());
                        if ((count & 4095) == 0 && ctx.stdout().checkError()) {
                            throw Main.stdoutFailure(ctx.stdout()); // a full disk: stop now, not at the end
                        }
                    }
                    if (reportDiagnostics) {
                        Inputs.report(ctx, in.name, in.reader.trailingDiagnostics());
                    }
                    handler.endOfInput(in, count);
                    total += count;
                    doneBytes += in.bytesRead();
                }
            }
        }
        return total;
    }

    /// The summed size of the named files, or -1 when one is standard input or cannot be sized.
    static long totalSize(List<String> names) {
        long sum = 0;
        for (String n : names) {
            if (n.equals("-")) {
                return -1;
            }
            try {
                sum += Files.size(Path.of(n));
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return sum;
    }
}
