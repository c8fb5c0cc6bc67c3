package org.marcloom.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.marcloom.MarcFormat;
import org.marcloom.RawRecord;

/// `marcloom split`: one ISO 2709 file into numbered chunks, the records' bytes passed through
/// untouched, never splitting a record.
final class SplitCommand extends Command {

    /// The one limit that applies to records copied as they are.
    private static final List<String> SPLIT_LIMITS = List.of("maxRecordBytes");

    @Override
    String name() {
        return "split";
    }

    @Override
    String summary() {
        return "Split an ISO 2709 file into PREFIX-0001.mrc, PREFIX-0002.mrc, ... by record count or size.";
    }

    @Override
    String synopsis() {
        return "(--records N | --size BYTES[k|m|g]) [--lenient] [--prefix PREFIX] IN";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.value("records", "N", "at most N records per chunk"),
                Args.value("size", "BYTES", "at most BYTES per chunk (suffix k, m or g for KiB, MiB, GiB)"),
                LENIENT,
                Args.value("limit", "maxRecordBytes=N", "the largest record to take, in bytes (split copies records"
                        + " without decoding them: the other limits do not apply)"),
                Args.value("prefix", "PREFIX", "chunk name prefix, may include a directory "
                        + "(default: the input's name without extension, in the current directory)"));
    }

    @Override
    String details() {
        return """
                Records are copied byte for byte (no decoding). A chunk holds at least one record, so a single
                record larger than --size gets a chunk of its own. Prints each chunk's record count and name.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        boolean byRecords = args.has("records");
        boolean bySize = args.has("size");
        if (byRecords == bySize) {
            throw new Args.UsageException(name(), "give exactly one of --records N or --size BYTES");
        }
        int maxRecords = args.intValue("records", 1, Integer.MAX_VALUE);
        long maxBytes = bySize ? Formats.size(name(), args.value("size")) : Long.MAX_VALUE;
        List<String> inputs = inputs(args);
        if (inputs.size() != 1) {
            throw new Args.UsageException(name(), "split takes one input file, not " + inputs.size());
        }
        String input = inputs.getFirst();
        String prefix = args.value("prefix", defaultPrefix(input));
        Inputs.Readers readers = new Inputs.Readers(args.has("lenient"), MarcFormat.ISO_2709, null, 1,
                Inputs.limits(name(), args, SPLIT_LIMITS));
        int chunkNumber = 0;
        Output chunk = null;
        String chunkName = null;
        long chunkRecords = 0;
        long chunkBytes = 0;
        try (Inputs.Input in = Inputs.open(input, readers, ctx);
             Progress progress = Progress.start(ctx, in.size)) {
            RawRecord r;
            long count = 0;
            while ((r = in.reader.readRaw()) != null) {
                Inputs.report(ctx, in.name, r.diagnostics());
                boolean full = chunkRecords >= maxRecords
                        || (chunkRecords > 0 && chunkBytes + r.length() > maxBytes);
                if (chunk == null || full) {
                    if (chunk != null) {
                        finish(ctx, chunk, chunkName, chunkRecords);
                    }
                    chunkName = String.format(Locale.ROOT, "%s-%04d.mrc", prefix, ++chunkNumber);
                    chunk = Output.open(chunkName, ctx.stdout());
                    chunkRecords = 0;
                    chunkBytes = 0;
                }
                chunk.stream().write(r.bytes());
                chunkRecords++;
                chunkBytes += r.length();
                progress.update(++count, in.bytesRead());
            }
            Inputs.report(ctx, in.name, in.reader.trailingDiagnostics());
            if (chunk != null) {
                finish(ctx, chunk, chunkName, chunkRecords);
                chunk = null;
            }
        } finally {
            if (chunk != null) {
                chunk.close(); // a failed run: drop the unfinished chunk
            }
        }
        return 0;
    }

    private static void finish(Context ctx, Output chunk, String name, long records) throws IOException {
        chunk.commit();
        chunk.close();
        ctx.stdout().println(records + "\t" + name);
    }

    private static String defaultPrefix(String input) {
        if (input.equals("-")) {
            return "split";
        }
        String file = Path.of(input).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
