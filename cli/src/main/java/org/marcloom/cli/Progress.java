package org.marcloom.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/// A one-line progress display on standard error for long jobs: records, records per second, and
/// bytes read out of the total when known. Shown only when the process has an interactive
/// terminal and the command writes to the real standard error; silent otherwise (pipes, tests).
/// Redrawn at most every 200 ms. Not thread-safe: the reading thread updates it.
final class Progress implements AutoCloseable {

    private static final long INTERVAL_NANOS = 200_000_000L;
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private boolean drawn;

    private Progress(PrintStream err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    /// A progress display, or a silent one when there is no terminal to draw on.
    ///
    /// @param totalBytes the input size, or -1 when unknown
    static Progress start(Command.Context ctx, long totalBytes) {
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal() && ctx.stderr() == System.err;
        return new Progress(terminal ? ctx.stderr() : null, totalBytes);
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
        double seconds = (now - start) / 1e9;
        StringBuilder sb = new StringBuilder("\r").append(String.format(Locale.ROOT, "%,d records  %,.0f rec/s  %s",
                records, records / seconds, mib(bytes)));
        if (totalBytes > 0) {
            sb.append(" / ").append(mib(totalBytes))
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytes * 100 / totalBytes)));
        }
        sb.append("   ");
        err.print(sb);
        err.flush();
        drawn = true;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /// Clears the line if anything was drawn.
    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
        }
    }
}
