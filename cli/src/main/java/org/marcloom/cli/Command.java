package org.marcloom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.marcloom.Limits;

/// One `marcloom` subcommand: its name, help and behaviour.
abstract class Command {

    /// What a command runs with: the three standard streams, the shared flags, and where worker
    /// threads come from (`null`: the library's default, virtual threads; tests inject a factory
    /// that counts them).
    /// @param diagnostics prints the readers' diagnostics on `stderr` ([DiagnosticPrinter])
    /// @param outputToFile the command writes its output to a file (`-o FILE`), not to standard output
    record Context(InputStream stdin, PrintStream stdout, PrintStream stderr, boolean debug, ThreadFactory threads,
                   DiagnosticPrinter diagnostics, boolean outputToFile) {

        /// The same context, with `outputToFile` as given.
        Context withOutputToFile(boolean value) {
            return new Context(stdin, stdout, stderr, debug, threads, diagnostics, value);
        }
    }

    static final Args.Option HELP = new Args.Option("help", "h", null, "show this help");
    static final Args.Option DEBUG = Args.flag("debug", "print stack traces of errors");
    static final Args.Option LENIENT = Args.flag("lenient",
            "recover from bad data: report diagnostics and keep the good records");
    static final Args.Option LIMIT = Args.value("limit", "NAME=N", "set an input limit (may be repeated): "
            + String.join(", ", Limits.settings().subList(0, Limits.settings().size() - 1)) + " or "
            + Limits.settings().getLast());
    static final Args.Option FROM = Args.value("from", "FORMAT",
            "input format: marc, marcxml, json, ndjson or mrk (default: detected)");

    static final Args.Option VERBOSE = Args.flag("verbose",
            "print every diagnostic (default: the first 5 of each code, then a count per code)");
    static final Args.Option DIAGNOSTICS = Args.value("diagnostics", "FORMAT",
            "diagnostics on standard error as text (default) or json (one object per line, all of them)");

    static final Args.Option CONCURRENCY = Args.value("concurrency", "N",
            "decode on N threads (default: with 4 or more cores, one per core for inputs over 8 MiB; else 1); the output is the same");

    abstract String name();

    /// Whether the command prints the readers' diagnostics on standard error (and so takes
    /// `--verbose` and `--diagnostics`).
    boolean printsDiagnostics() {
        return true;
    }

    /// One line for `marcloom --help`.
    abstract String summary();

    /// The argument synopsis after the command name.
    abstract String synopsis();

    /// The command's own options, without `--help` and `--debug`.
    abstract List<Args.Option> options();

    /// Extra lines printed under the options in `--help`, or empty.
    String details() {
        return "";
    }

    /// Runs the command; returns the exit status.
    abstract int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException;

    final List<Args.Option> allOptions() {
        List<Args.Option> all = new ArrayList<>(options());
        if (printsDiagnostics()) {
            all.add(VERBOSE);
            all.add(DIAGNOSTICS);
        }
        all.add(DEBUG);
        all.add(HELP);
        return all;
    }

    final String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: marcloom ").append(name()).append(' ').append(synopsis()).append('\n');
        sb.append(summary()).append("\n\nOptions:\n");
        int width = 0;
        for (Args.Option o : allOptions()) {
            width = Math.max(width, o.synopsis().length());
        }
        for (Args.Option o : allOptions()) {
            sb.append("  ").append(pad(o.synopsis(), width)).append("  ").append(o.help()).append('\n');
        }
        if (!details().isEmpty()) {
            sb.append('\n').append(details());
            if (!details().endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /// Requires at least one input name.
    final List<String> inputs(Args.Parsed args) throws Args.UsageException {
        return inputs(name(), args.positionals());
    }

    /// Requires at least one input name among `in`.
    static List<String> inputs(String name, List<String> in) throws Args.UsageException {
        if (in.isEmpty()) {
            throw new Args.UsageException(name, "no input file given (use - for standard input)");
        }
        if (in.stream().filter("-"::equals).count() > 1) {
            throw new Args.UsageException(name, "standard input (-) can be read only once");
        }
        return in;
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
