package org.marcloom.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import org.marcloom.MarcParseException;
import org.marcloom.MarcWriteException;

/// The `marcloom` command-line tool: count, convert, dump, split, validate, describe, select from
/// and filter MARC files.
///
/// Exit status ([#OK], [#DATA_ERROR], [#USAGE], [#IO_ERROR], [#INTERNAL_ERROR]): 0 success; 1 bad
/// data (a strict read error, a record that cannot be written, failed validation); 2 a command line
/// that cannot be obeyed; 3 an I/O failure (an input that cannot be opened or read, an output that
/// cannot be created or written, such as a full disk); 4 an internal error (a bug). Errors are one
/// line on standard error starting with `marcloom: `; stack traces only with `--debug`.
///
/// For tests and embedding, [#run(String[], InputStream, PrintStream, PrintStream)] does everything
/// but exit. Not thread-safe in the sense that commands share the given streams.
public final class Main {

    /// Exit status: success.
    static final int OK = 0;
    /// Exit status: bad data found (strict mode), a record that cannot be written, failed validation.
    static final int DATA_ERROR = 1;
    /// Exit status: a command line that cannot be obeyed.
    static final int USAGE = 2;
    /// Exit status: an input or output that cannot be opened, read or written.
    static final int IO_ERROR = 3;
    /// Exit status: an internal error (a bug in marcloom).
    static final int INTERNAL_ERROR = 4;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new CountCommand(), new ConvertCommand(), new DumpCommand(), new SplitCommand(),
                new ValidateCommand(), new StatsCommand(), new SelectCommand(), new FilterCommand())) {
            COMMANDS.put(c.name(), c);
        }
        Command completion = new CompletionCommand(java.util.Collections.unmodifiableCollection(COMMANDS.values()));
        COMMANDS.put(completion.name(), completion);
    }

    private Main() {
    }

    /// Runs the command line and exits with its status.
    ///
    /// @param args the command and its options and files
    public static void main(String[] args) {
        ProcessStreams.RecordingPrintStream out = ProcessStreams.stdout();
        System.setOut(out);
        int status = run(args, System.in, out, System.err);
        out.flush();
        if (status != OK) {
            System.exit(status);
        }
        // Status 0: return, and the JVM ends when main does (no worker thread outlives a command);
        // System.exit would also start the JDK's logging of Runtime.exit, a few milliseconds.
    }

    /// Runs one command line and returns its exit status; never calls `System.exit`.
    ///
    /// @param args   the arguments after `marcloom`
    /// @param stdin  standard input
    /// @param stdout standard output
    /// @param stderr standard error
    /// @return the exit status
    public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return run(args, stdin, stdout, stderr, null);
    }

    /// [#run(String[], InputStream, PrintStream, PrintStream)] with the worker threads of
    /// `--concurrency` taken from `threads` (for tests that count them).
    static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr, ThreadFactory threads) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        boolean debug = list.contains("--debug");
        if (list.isEmpty()) {
            stderr.print(overview());
            return USAGE;
        }
        String first = list.getFirst();
        if (first.equals("--version") || first.equals("-V")) {
            stdout.println("marcloom " + version());
            return finish(stdout, stderr, OK);
        }
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (first.equals("help") && list.size() > 1 && COMMANDS.containsKey(list.get(1))) {
                stdout.print(COMMANDS.get(list.get(1)).help());
            } else {
                stdout.print(overview());
            }
            return finish(stdout, stderr, OK);
        }
        Command command = COMMANDS.get(first);
        if (command == null) {
            stderr.println("marcloom: " + (first.startsWith("-") ? "unknown option " : "unknown command ") + first
                    + " (see marcloom --help)");
            return USAGE;
        }
        List<String> rest = list.subList(1, list.size());
        Command.Context ctx = new Command.Context(stdin, stdout, stderr, debug, threads, new DiagnosticPrinter(stderr),
                false);
        try {
            Args.Parsed parsed = Args.parse(command.name(), command.allOptions(), rest);
            if (parsed.has("help")) {
                stdout.print(command.help());
                return finish(stdout, stderr, OK);
            }
            ctx.diagnostics().mode(diagnosticsMode(command.name(), parsed));
            String output = parsed.value("output");
            ctx = ctx.withOutputToFile(output != null && !output.equals("-"));
            int status = command.execute(parsed, ctx);
            ctx.diagnostics().finish();
            return finish(stdout, stderr, status);
        } catch (Args.UsageException e) {
            // A message of several lines (a spec with a caret under the fault) keeps its lines.
            String m = e.getMessage();
            int nl = m.indexOf('\n');
            stderr.println("marcloom " + command.name() + ": " + (nl < 0 ? m : m.substring(0, nl))
                    + " (see marcloom " + command.name() + " --help)");
            if (nl >= 0) {
                stderr.println(m.substring(nl + 1));
            }
            return USAGE;
        } catch (MarcParseException | MarcWriteException e) {
            return fail(ctx, e.getMessage(), e, DATA_ERROR);
        } catch (CliFailure e) {
            return fail(ctx, e.getMessage(), e, e.status());
        } catch (UncheckedIOException e) {
            return fail(ctx, ioMessage(e.getMessage(), e.getCause()), e, IO_ERROR);
        } catch (IOException e) {
            return fail(ctx, ioMessage(null, e), e, IO_ERROR);
        } catch (UnsupportedOperationException | IllegalArgumentException | IllegalStateException e) {
            return fail(ctx, e.getMessage(), e, DATA_ERROR);
        } catch (RuntimeException e) {
            return fail(ctx, "internal error: " + e, e, INTERNAL_ERROR);
        } finally {
            stdout.flush();
        }
    }

    /// Flushes standard output; a write error there (a full disk, a closed pipe) turns the status
    /// into [#IO_ERROR] with one line on standard error.
    private static int finish(PrintStream stdout, PrintStream stderr, int status) {
        if (stdout.checkError()) {
            stderr.println("marcloom: " + stdoutFailure(stdout).getMessage());
            return IO_ERROR;
        }
        return status;
    }

    /// The failure to report when standard output could not be written, with the system's reason
    /// when the stream kept it.
    static CliFailure stdoutFailure(PrintStream stdout) {
        IOException e = stdout instanceof ProcessStreams.RecordingPrintStream r ? r.failure() : null;
        String why = e == null || e.getMessage() == null ? "write error" : e.getMessage();
        return CliFailure.io("error writing standard output: " + why, e);
    }

    /// The version from the jar's manifest, else from the build's `version.properties`.
    static String version() {
        String v = Main.class.getPackage() == null ? null : Main.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    private static String ioMessage(String context, IOException e) {
        String m = e == null ? null : e.getMessage();
        String what = m == null ? (e == null ? "I/O error" : e.getClass().getSimpleName()) : m;
        return context == null ? "I/O error: " + what : context + ": " + what;
    }

    private static DiagnosticPrinter.Mode diagnosticsMode(String command, Args.Parsed parsed) throws Args.UsageException {
        String format = parsed.value("diagnostics", "text");
        return switch (format) {
            case "text" -> parsed.has("verbose") ? DiagnosticPrinter.Mode.VERBOSE : DiagnosticPrinter.Mode.SUMMARY;
            case "json" -> DiagnosticPrinter.Mode.JSON;
            default -> throw new Args.UsageException(command, "unknown --diagnostics '" + format + "' (use text or json)");
        };
    }

    private static int fail(Command.Context ctx, String message, Throwable e, int status) {
        ctx.stdout().flush();
        ctx.diagnostics().finish();
        ctx.stderr().println("marcloom: " + (message == null ? e.getClass().getSimpleName() : message));
        if (ctx.debug()) {
            e.printStackTrace(ctx.stderr());
        }
        return status;
    }

    static String overview() {
        StringBuilder sb = new StringBuilder("""
                Usage: marcloom COMMAND [OPTIONS] FILE...
                Reads, converts and checks MARC records (ISO 2709, MARCXML, MARC-in-JSON, MARCMaker).

                Commands:
                """);
        int width = COMMANDS.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command c : COMMANDS.values()) {
            sb.append("  ").append(Command.pad(c.name(), width)).append("  ").append(c.summary()).append('\n');
        }
        sb.append("""

                Files: several may be given; - reads standard input. Output goes to standard output unless -o names a file.
                Exit status: 0 success, 1 bad data, 2 bad command line, 3 I/O failure, 4 internal error.
                Run 'marcloom COMMAND --help' for a command's options; 'marcloom --version' for the version.
                """);
        return sb.toString();
    }
}
