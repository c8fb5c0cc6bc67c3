package org.marcloom.cli;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.marcloom.AtomicOutput;

/// Where a command writes: standard output, or a file that appears only when the run succeeds.
///
/// A file target is an [AtomicOutput]: a hidden temporary file next to the target, renamed over
/// it by [#commit()]; closing an output that was not committed deletes the temporary file, so a
/// failed run never leaves a half-written file behind. A FIFO or device is written directly, a
/// symbolic link is written through (its target replaced, the link kept), and the file gets the
/// umask's mode (or keeps the replaced file's). While the output is open a shutdown hook abandons
/// it, so that SIGINT or SIGTERM does not leave the temporary file either. Not thread-safe.
final class Output implements Closeable {

    private final AtomicOutput file;
    private final OutputStream stream;
    private final PrintStream stdout;
    private final Thread hook;
    private boolean committed;

    private Output(AtomicOutput file, OutputStream stream, PrintStream stdout) {
        this.file = file;
        this.stream = stream;
        this.stdout = stdout;
        this.hook = file == null ? null : Thread.ofPlatform().name("marcloom-output-cleanup").unstarted(() -> {
            try {
                file.close();
            } catch (IOException ignored) {
                // the JVM is going down; nothing more to do
            }
        });
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /// Opens `name` for writing; `null` or `-` is standard output.
    ///
    /// @throws CliFailure (status 3) when the file cannot be opened
    static Output open(String name, PrintStream stdout) {
        if (name == null || name.equals("-")) {
            return new Output(null, new FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) {
                    stdout.write(b, off, len);
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            }, stdout);
        }
        try {
            AtomicOutput file = AtomicOutput.open(Path.of(name));
            return new Output(file, file, null);
        } catch (IOException e) {
            String m = e instanceof java.nio.file.FileSystemException fs && "is a directory".equals(fs.getReason())
                    ? name + ": is a directory, not a file" : Inputs.describe(name, e);
            throw CliFailure.io(m, e);
        }
    }

    /// The stream to write to; closing it does not close standard output or commit a file.
    OutputStream stream() {
        return file != null ? new FilterOutputStream(file) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        } : stream;
    }

    /// Finishes the output: moves the file into place, or checks standard output for errors.
    void commit() throws IOException {
        if (file == null) {
            stream.close();
            if (stdout.checkError()) {
                throw Main.stdoutFailure(stdout);
            }
        } else {
            file.commit();
            removeHook();
        }
        committed = true;
    }

    /// Discards the temporary file unless [#commit()] succeeded.
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            if (file != null) {
                file.close();
            } else {
                stream.close();
            }
        } finally {
            removeHook();
        }
    }

    private void removeHook() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it closes the output, which is idempotent
            }
        }
    }
}
