package org.marcloom.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/// A one-line progress display on standard error for long jobs, redrawn in place:
/// `  54% [##########..........]  39.9/73.4 MiB  53,888 records  29,874/s  ETA 0:01` when the
/// input size is known, `53,888 records  29,874/s  39.9 MiB  0:02` when it is not (standard
/// input). It fits the terminal's width (`COLUMNS`, else 80) so that it never wraps, erases itself
/// before a diagnostic is printed and when the command ends (nothing is left on the screen), and
/// appears only after the first second.
///
/// Shown only when standard error is a terminal and the output goes to a file (`-o`, or standard
/// output redirected to a file or `/dev/null`): records printed on the terminal, or by a pager or
/// `head` reading a pipe, would run into it. Silent otherwise (pipes, redirected standard error,
/// tests). Not thread-safe: the reading thread updates it.
final class Progress implements AutoCloseable {

    private static final long INTERVAL_NANOS = 200_000_000L;
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    /// Erase from the cursor to the end of the line (ANSI, every terminal emulator).
    private static final String ERASE = "\r\033[K";

    private final PrintStream err;
    private final Command.Context ctx;
    private final long totalBytes;
    /// The terminal's columns, found at the first drawing (0 until then).
    private int width;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private boolean drawn;

    private Progress(PrintStream err, Command.Context ctx, long totalBytes) {
        this.err = err;
        this.ctx = ctx;
        this.totalBytes = totalBytes;
        if (err != null) {
            ctx.diagnostics().beforeLine(this::erase);
        }
    }

    /// A progress display, or a silent one when there is no terminal to draw on.
    ///
    /// @param totalBytes the input size, or -1 when unknown
    static Progress start(Command.Context ctx, long totalBytes) {
        boolean show = ctx.stderr() == System.err && Terminal.stderrIsTerminal()
                && (ctx.outputToFile() || !Terminal.stdoutIsTerminalOrPipe());
        return new Progress(show ? ctx.stderr() : null, ctx, totalBytes);
    }

    /// Records the state; redraws when 200 ms have passed since the last drawing.
    void update(long records, long bytes) {
        if (err == null || (records & 63) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < INTERVAL_NANOS || now - start < SHOW_AFTER_NANOS) {
            return;
        }
        lastDraw = now;
        if (width == 0) {
            width = Terminal.columns(); // a second in: a job long enough to pay for asking
        }
        err.print(ERASE + line(records, bytes, totalBytes, now - start, width));
        err.flush();
        drawn = true;
    }

    /// The progress line for `width` columns (at most `width - 1` characters, so that the cursor
    /// stays on the line): percentage, bar, bytes, records, rate and time left when the size is
    /// known; records, rate, bytes and time so far when not. Parts are dropped from the right,
    /// the bar shrinks first, when the terminal is narrow.
    static String line(long records, long bytes, long totalBytes, long elapsedNanos, int width) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        String rate = String.format(Locale.ROOT, "%,.0f/s", records / seconds);
        String count = String.format(Locale.ROOT, "%,d records", records);
        int max = Math.max(width - 1, 10);
        if (totalBytes <= 0) {
            return fit(max, count, rate, mib(bytes), clock(elapsedNanos / 1_000_000_000L));
        }
        long done = Math.min(bytes, totalBytes);
        int percent = (int) (done * 100 / totalBytes);
        String pct = String.format(Locale.ROOT, "%3d%%", percent);
        String size = String.format(Locale.ROOT, "%.1f/%.1f MiB", done / 1048576.0, totalBytes / 1048576.0);
        String eta = done == 0 ? "ETA -:--" : "ETA " + clock((long) (seconds * (totalBytes - done) / done));
        String rest = "  " + size + "  " + count + "  " + rate + "  " + eta;
        int bar = Math.min(30, max - pct.length() - 3 - rest.length());
        if (bar < 10) {
            return fit(max, pct, size, count, rate, eta);
        }
        int filled = (int) ((long) bar * done / totalBytes);
        return pct + " [" + "#".repeat(filled) + ".".repeat(bar - filled) + "]" + rest;
    }

    /// The parts joined by two spaces, as many as fit in `max` characters.
    private static String fit(int max, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            int add = (sb.isEmpty() ? 0 : 2) + p.length();
            if (sb.length() + add > max) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append("  ");
            }
            sb.append(p);
        }
        return sb.toString();
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /// Erases the line if anything is drawn (before a diagnostic line; redrawn at the next update).
    private void erase() {
        if (drawn) {
            err.print(ERASE);
            err.flush();
            drawn = false;
        }
    }

    /// Erases the line if anything was drawn: the terminal is left as without a progress display.
    @Override
    public void close() {
        if (err != null) {
            erase();
            ctx.diagnostics().beforeLine(null);
        }
    }

    /// Whether the process's standard streams are terminals.
    static final class Terminal {
        private Terminal() {
        }

        static boolean stderrIsTerminal() {
            return isTerminal(2);
        }

        /// Whether standard output is a terminal, or a pipe (whose reader, `less` or `head`, may be
        /// drawing on the terminal too); false when it is redirected to a file or `/dev/null`.
        static boolean stdoutIsTerminalOrPipe() {
            Path fds = Path.of("/proc/self/fd");
            if (Files.isDirectory(fds)) {
                try {
                    String target = Files.readSymbolicLink(fds.resolve("1")).toString();
                    return target.startsWith("pipe:") || target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
                } catch (IOException | UnsupportedOperationException e) {
                    return true;
                }
            }
            return isTerminal(1);
        }

        /// On Linux, from `/proc/self/fd/N` (a terminal is `/dev/pts/*` or `/dev/tty*`); elsewhere
        /// [Console#isTerminal()], which says whether standard input and output both are.
        private static boolean isTerminal(int fd) {
            Path link = Path.of("/proc/self/fd/" + fd);
            if (Files.isDirectory(Path.of("/proc/self/fd"))) {
                try {
                    String target = Files.readSymbolicLink(link).toString();
                    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            }
            Console console = System.console();
            return console != null && console.isTerminal();
        }

        /// The terminal's width: `COLUMNS` when the shell exported it, else what `stty size` says
        /// of `/dev/tty`, else 80.
        static int columns() {
            String c = System.getenv("COLUMNS");
            if (c != null) {
                try {
                    int n = Integer.parseInt(c.trim());
                    if (n >= 20 && n <= 1000) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                if (p.waitFor() == 0) {
                    String[] rowsCols = out.trim().split("\\s+");
                    int n = Integer.parseInt(rowsCols[rowsCols.length - 1]);
                    if (n >= 20 && n <= 1000) {
                        return n;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no stty, no /dev/tty: the default
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 80;
        }
    }
}
