package org.marcloom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.batch.Pipeline;
import org.marcloom.record.MarcRecord;
import org.marcloom.validation.Marc21Validator;

/// `marcloom validate`: a structural report of every problem the lenient reader finds and, with
/// `--marc21`, of every place where a record does not follow its MARC 21 format.
final class ValidateCommand extends Command {

    @Override
    String name() {
        return "validate";
    }

    @Override
    boolean printsDiagnostics() {
        return false; // they are part of the output
    }

    @Override
    String summary() {
        return "Check files and report every structural problem, and with --marc21 every departure from MARC 21.";
    }

    @Override
    String synopsis() {
        return "[--marc21 [--format text|json|csv] [--profile FILE]... [--no-local] [--concurrency N]]"
                + " [--max-errors N] [--from FORMAT] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.value("max-errors", "N", "print at most N problems (all are still counted)"),
                FROM, LIMIT,
                Args.flag("marc21", "check the records against the MARC 21 definitions too (tags, repeatability,"
                        + " indicators, subfield codes, leader/006/007/008 positions, required fields, 880 links)"),
                Args.value("format", "FORMAT", "with --marc21: text (default), json (one object per line) or csv"),
                Args.value("profile", "FILE", "with --marc21: an Avram JSON profile merged over the bibliographic"
                        + " definitions (may be repeated)"),
                Args.flag("no-local", "with --marc21: report local fields (9XX, X9X, $9) as undefined"),
                Args.value("concurrency", "N", "with --marc21: decode and check on N threads (default: every"
                        + " processor); the report is the same as with 1"));
    }

    @Override
    String details() {
        return """
                One line per problem: FILE: record N, byte OFFSET, tag TAG: CODE: message (record numbers
                start at 0), then a summary line. Exit status 0 when nothing is worse than a warning, else 1.

                With --marc21: for each record with a problem, a line FILE: record N (001 ID): K problems, then
                one indented line per reader diagnostic and per finding (CODE, where, message); at the end a
                summary: the counts, then the counts per code and per code and tag. --format json writes one
                JSON object per record with problems and a last {"summary": ...} line; --format csv writes the
                problems as rows, an empty line, then the code,tag,count rows. Exit status 1 when anything is
                found, 0 when nothing is. See docs/validation.md.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        if (args.has("marc21")) {
            return marc21(args, ctx);
        }
        for (String option : List.of("format", "profile", "no-local", "concurrency")) {
            if (args.has(option)) {
                throw new Args.UsageException(name(), "--" + option + " needs --marc21");
            }
        }
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

    /// A record and its index in its file.
    private record Indexed(long index, MarcRecord record) {
    }

    private int marc21(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        int maxPrinted = args.intValue("max-errors", 0, Integer.MAX_VALUE);
        Marc21Report.Format format = switch (args.value("format", "text").toLowerCase(Locale.ROOT)) {
            case "text" -> Marc21Report.Format.TEXT;
            case "json" -> Marc21Report.Format.JSON;
            case "csv" -> Marc21Report.Format.CSV;
            default -> throw new Args.UsageException(name(), "unknown --format '" + args.value("format")
                    + "' (use text, json or csv)");
        };
        int concurrency = args.intValue("concurrency", 1, Runtime.getRuntime().availableProcessors());
        List<String> inputs = inputs(args);
        Marc21Validator.Builder builder = Marc21Validator.builder().allowLocal(!args.has("no-local"));
        for (String profile : args.values("profile")) {
            builder.profile(Path.of(profile));
        }
        Marc21Validator validator;
        try {
            validator = builder.build();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        Inputs.Readers readers = Inputs.readers(name(), args).withLenient(true).withConcurrency(concurrency);
        Marc21Report report = new Marc21Report(ctx.stdout(), format, maxPrinted);
        Function<Indexed, Marc21Report.Result> check = x -> new Marc21Report.Result(x.index(),
                x.record().controlNumber().orElse(""), validator.covers(x.record()),
                validator.validate(x.record(), x.index()), x.record().diagnostics());
        long[] done = {0};
        try (Progress progress = Progress.start(ctx, RecordLoop.totalSize(inputs))) {
            for (String name : inputs) {
                Inputs.Input opened;
                try {
                    opened = Inputs.open(name, readers, ctx);
                } catch (MarcParseException e) {
                    // A file in no format marcloom reads: reported like the rest, the other files go on.
                    report.trailing(name, List.of(e.diagnostic()));
                    report.file();
                    continue;
                }
                try (Inputs.Input in = opened) {
                    try {
                        Iterable<Indexed> records = () -> indexed(in.reader);
                        if (concurrency > 1) {
                            Pipeline.Builder pipeline = Pipeline.builder().concurrency(concurrency).ordered(true);
                            if (ctx.threads() != null) {
                                pipeline.threadFactory(ctx.threads());
                            }
                            pipeline.run(records, check, r -> {
                                report.record(in.name, r);
                                progress.update(++done[0], in.bytesRead());
                            });
                        } else {
                            for (Indexed x : records) {
                                report.record(in.name, check.apply(x));
                                progress.update(++done[0], in.bytesRead());
                            }
                        }
                        report.trailing(in.name, in.reader.trailingDiagnostics());
                    } catch (MarcParseException e) {
                        // Even a lenient reader can give up on a file (a limit, unframeable bytes).
                        report.trailing(in.name, List.of(e.diagnostic()));
                    }
                }
                report.file();
            }
        }
        report.summary();
        return report.anyProblem() ? 1 : 0;
    }

    /// The reader's records with their indexes, read on the calling thread.
    private static Iterator<Indexed> indexed(MarcReader reader) {
        return new Iterator<>() {
            private MarcRecord next;
            private long index;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = reader.read();
                }
                return next != null;
            }

            @Override
            public Indexed next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Indexed x = new Indexed(index++, next);
                next = null;
                return x;
            }
        };
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
