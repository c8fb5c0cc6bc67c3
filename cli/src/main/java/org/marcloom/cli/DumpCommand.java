package org.marcloom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.marcloom.Diagnostic;

/// `marcloom dump`: records as MARCMaker-like text, for people.
final class DumpCommand extends Command {

    @Override
    String name() {
        return "dump";
    }

    @Override
    boolean printsDiagnostics() {
        return false; // they are part of the output
    }

    @Override
    String summary() {
        return "Print records as readable MARCMaker-like text, a blank line between records.";
    }

    @Override
    String synopsis() {
        return "[--lenient] [--from FORMAT] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(LENIENT, LIMIT, FROM, CONCURRENCY);
    }

    @Override
    String details() {
        return """
                One line per field: =LDR, then =TAG, two spaces, the indicators (\\ for blank) and $-prefixed
                subfields. With --lenient, each record's diagnostics come first as '# SEVERITY ...' lines.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        List<String> inputs = inputs(args);
        PrintStream out = ctx.stdout();
        boolean several = inputs.size() > 1;
        long[] written = {0};
        Inputs.Readers readers = Inputs.readers(name(), args, inputs);
        RecordLoop.run(inputs, readers, ctx, false, new RecordLoop.Handler() {
            private String current;

            @Override
            public void record(Inputs.Input in, org.marcloom.record.MarcRecord rec) {
                if (written[0]++ > 0) {
                    out.print('\n');
                }
                if (several && !in.name.equals(current)) {
                    current = in.name;
                    out.print("# file " + in.name + '\n');
                }
                comments(out, rec.diagnostics());
                out.print(rec.toString());
                out.print('\n');
            }

            @Override
            public void endOfInput(Inputs.Input in, long records) {
                List<Diagnostic> trailing = in.reader.trailingDiagnostics();
                if (!trailing.isEmpty()) {
                    out.print('\n');
                    comments(out, trailing);
                }
            }
        });
        return 0;
    }

    private static void comments(PrintStream out, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            out.print("# " + d + '\n');
        }
    }
}
