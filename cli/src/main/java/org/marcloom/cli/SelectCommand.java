package org.marcloom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.MarcSpec;

/// `marcloom select`: the values a MARCspec references, one line per record.
final class SelectCommand extends Command {

    @Override
    String name() {
        return "select";
    }

    @Override
    String summary() {
        return "Print the values a MARCspec selects (245$a, 650$a{$2=\\lcsh}), one line per record.";
    }

    @Override
    String synopsis() {
        return "SPEC [--format text|tsv] [--id SPEC] [--separator S] [--lenient] [--from FORMAT] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.value("format", "FORMAT", "text (default): the values joined by the separator; tsv: an id,"
                        + " then one value per column"),
                Args.value("id", "SPEC", "the id column of --format tsv: the first value of SPEC (default: the"
                        + " record's number in its file, from 0)"),
                Args.value("separator", "S", "between the values of a record in text format (default ' | ')"),
                LENIENT, LIMIT, FROM, CONCURRENCY);
    }

    @Override
    String details() {
        return """
                SPEC is a MARCspec (see docs/marcspec.md): 245$a, 650$a$x, 008/35-37, 020[0]$a, 100$a:700$a,
                700$a{$4=\\aut}, 880$a{$6~\\245}. Quote it for the shell. Line N is record N: a record with no
                values gives an empty line (text) or an id alone (tsv). In tsv, tab, newline, carriage return
                and backslash in a value are written \\t, \\n, \\r and \\\\.""";
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        List<String> positionals = args.positionals();
        if (positionals.isEmpty()) {
            throw new Args.UsageException(name(), "no SPEC given (for example '245$a')");
        }
        MarcSpec spec = spec(name(), "SPEC", positionals.getFirst());
        String format = args.value("format", "text");
        if (!format.equals("text") && !format.equals("tsv")) {
            throw new Args.UsageException(name(), "unknown --format '" + format + "' (use text or tsv)");
        }
        boolean tsv = format.equals("tsv");
        MarcSpec id = args.has("id") ? spec(name(), "--id", args.value("id")) : null;
        if (id != null && !tsv) {
            throw new Args.UsageException(name(), "--id is for --format tsv");
        }
        String separator = args.value("separator", " | ");
        List<String> inputs = inputs(name(), positionals.subList(1, positionals.size()));
        PrintStream out = ctx.stdout();
        Inputs.Readers readers = Inputs.readers(name(), args, inputs);
        RecordLoop.run(inputs, readers, ctx, true, new RecordLoop.Handler() {
            private long index;

            @Override
            public void record(Inputs.Input in, MarcRecord rec) {
                List<String> values = spec.values(rec);
                StringBuilder line = new StringBuilder();
                if (tsv) {
                    line.append(id == null ? String.valueOf(index) : tsv(id.value(rec).orElse("")));
                    for (String v : values) {
                        line.append('\t').append(tsv(v));
                    }
                } else {
                    for (int k = 0; k < values.size(); k++) {
                        if (k > 0) {
                            line.append(separator);
                        }
                        line.append(values.get(k));
                    }
                }
                out.print(line.append('\n'));
                index++;
            }

            @Override
            public void endOfInput(Inputs.Input in, long records) {
                index = 0;
            }
        });
        return 0;
    }

    /// A spec from the command line; a spec that is not MARCspec is a usage error with a caret.
    static MarcSpec spec(String command, String what, String text) throws Args.UsageException {
        try {
            return MarcSpec.compile(text);
        } catch (org.marcloom.record.MarcSpecException e) {
            throw new Args.UsageException(command, what + " is not a MARCspec: " + e.getMessage());
        }
    }

    static String tsv(String v) {
        StringBuilder sb = null;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            String esc = switch (c) {
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\\' -> "\\\\";
                default -> null;
            };
            if (esc != null && sb == null) {
                sb = new StringBuilder(v.substring(0, k));
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? v : sb.toString();
    }
}
