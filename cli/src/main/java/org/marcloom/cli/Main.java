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

/// The `marcloom` command-line tool: count, convert, dump, split, validate, describe, select from
/// and filter MARC files.
///
/// Exit status: 0 success; 1 bad data (strict mode), failed validation or an I/O error; 2 a command
/// line that cannot be obeyed. Errors are one line on standard error starting with `marcloom: `;
/// stack traces only with `--debug`.
///
/// For tests and embedding, [#run(String[], InputStream, PrintStream, PrintStream)] does everything
/// but exit. Not thread-safe in the sense that commands share the given streams.
public final class Main {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new CountCommand(), new ConvertCommand(), new DumpCommand(), new SplitCommand(),
                new ValidateCommand(), new StatsCommand(), new SelectCommand(), new FilterCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Main() {
    }

    /// Runs the command line and exits with its status.
    ///
    /// @param args the command and its options and files
    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(status);
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
            return 2;
        }
        String first = list.getFirst();
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (first.equals("help") && list.size() > 1 && COMMANDS.containsKey(list.get(1))) {
                stdout.print(COMMANDS.get(list.get(1)).help());
            } else {
                stdout.print(overview());
            }
            return 0;
        }
        Command command = COMMANDS.get(first);
        if (command == null) {
            stderr.println("marcloom: " + (first.startsWith("-") ? "unknown option " : "unknown command ") + first
                    + " (see marcloom --help)");
            return 2;
        }
        List<String> rest = list.subList(1, list.size());
        Command.Context ctx = new Command.Context(stdin, stdout, stderr, debug, threads);
        try {
            Args.Parsed parsed = Args.parse(command.name(), command.allOptions(), rest);
            if (parsed.has("help")) {
                stdout.print(command.help());
                return 0;
            }
            int status = command.execute(parsed, ctx);
            stdout.flush();
            return status;
        } catch (Args.UsageException e) {
            // A message of several lines (a spec with a caret under the fault) keeps its lines.
            String m = e.getMessage();
            int nl = m.indexOf('\n');
            stderr.println("marcloom " + command.name() + ": " + (nl < 0 ? m : m.substring(0, nl))
                    + " (see marcloom " + command.name() + " --help)");
            if (nl >= 0) {
                stderr.println(m.substring(nl + 1));
            }
            return 2;
        } catch (MarcParseException e) {
            return fail(ctx, e.getMessage(), e);
        } catch (CliFailure e) {
            return fail(ctx, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            return fail(ctx, ioMessage(e.getMessage(), e.getCause()), e);
        } catch (IOException e) {
            return fail(ctx, ioMessage(null, e), e);
        } catch (UnsupportedOperationException | IllegalArgumentException | IllegalStateException e) {
            return fail(ctx, e.getMessage(), e);
        } catch (RuntimeException e) {
            return fail(ctx, "internal error: " + e, e);
        } finally {
            stdout.flush();
        }
    }

    private static String ioMessage(String context, IOException e) {
        String m = e == null ? null : e.getMessage();
        String what = m == null ? (e == null ? "I/O error" : e.getClass().getSimpleName()) : m;
        return context == null ? "I/O error: " + what : context + ": " + what;
    }

    private static int fail(Command.Context ctx, String message, Throwable e) {
        ctx.stdout().flush();
        ctx.stderr().println("marcloom: " + (message == null ? e.getClass().getSimpleName() : message));
        if (ctx.debug()) {
            e.printStackTrace(ctx.stderr());
        }
        return 1;
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
                Exit status: 0 success, 1 bad data or I/O error, 2 bad command line.
                Run 'marcloom COMMAND --help' for a command's options.
                """);
        return sb.toString();
    }
}
