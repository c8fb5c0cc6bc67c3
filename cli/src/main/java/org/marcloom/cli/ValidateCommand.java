package org.marcloom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.record.MarcRecord;

/// `marcloom validate`: a structural report of every problem the lenient reader finds.
final class ValidateCommand extends Command {

    @Override
    String name() {
        return "validate";
    }

    @Override
    String summary() {
        return "Check files and report every structural problem; exit 1 when there are errors.";
    }

    @Override
    String synopsis() {
        return "[--max-errors N] [--from FORMAT] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.value("max-errors", "N", "print at most N problems (all are still counted)"),
                FROM);
    }

    @Override
    String details() {
        return """
                One line per problem: FILE: record N, byte OFFSET, tag TAG: CODE: message (record numbers
                start at 0), then a summary line. Exit status 0 when nothing is worse than a warning, else 1.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        int maxPrinted = args.intValue("max-errors", 0, Integer.MAX_VALUE);
        List<String> inputs = inputs(args);
        Inputs.Readers readers = Inputs.readers(name(), args).withLenient(true);
        Report report = new Report(ctx.stdout(), maxPrinted);
        try (Progress progress = Progress.start(ctx, RecordLoop.totalSize(inputs))) {
            for (String name : inputs) {
                try (Inputs.Input in = Inputs.open(name, readers, ctx)) {
                    try {
                        MarcRecord rec;
                        while ((rec = in.reader.read()) != null) {
                            report.records++;
                            if (!rec.diagnostics().isEmpty()) {
                                report.recordsWithProblems++;
                            }
                            for (Diagnostic d : rec.diagnostics()) {
                                report.add(in.name, d);
                            }
                            progress.update(report.records, in.bytesRead());
                        }
                        for (Diagnostic d : in.reader.trailingDiagnostics()) {
                            report.add(in.name, d);
                        }
                    } catch (MarcParseException e) {
                        // Even a lenient reader can give up on a file (a limit, unframeable bytes).
                        report.add(in.name, e.diagnostic());
                    }
                }
                report.files++;
            }
        }
        report.summary();
        return report.errors + report.fatal == 0 ? 0 : 1;
    }

    private static final class Report {
        private final PrintStream out;
        private final int maxPrinted;
        long files;
        long records;
        long recordsWithProblems;
        long warnings;
        long errors;
        long fatal;
        long printed;

        Report(PrintStream out, int maxPrinted) {
            this.out = out;
            this.maxPrinted = maxPrinted;
        }

        void add(String file, Diagnostic d) {
            switch (d.severity()) {
                case WARNING -> warnings++;
                case ERROR -> errors++;
                case FATAL -> fatal++;
            }
            if (printed < maxPrinted) {
                printed++;
                out.println(file + ": " + d.location() + ": " + d.code() + ": " + d.message());
            }
        }

        void summary() {
            long total = warnings + errors + fatal;
            StringBuilder sb = new StringBuilder();
            sb.append(errors + fatal == 0 ? "valid: " : "INVALID: ")
                    .append(records).append(records == 1 ? " record" : " records")
                    .append(" in ").append(files).append(files == 1 ? " file, " : " files, ")
                    .append(recordsWithProblems).append(" with problems; ")
                    .append(fatal).append(" fatal, ")
                    .append(errors).append(errors == 1 ? " error, " : " errors, ")
                    .append(warnings).append(warnings == 1 ? " warning" : " warnings");
            if (total > printed) {
                sb.append(" (").append(total - printed).append(" not shown, see --max-errors)");
            }
            out.println(sb);
        }
    }
}
