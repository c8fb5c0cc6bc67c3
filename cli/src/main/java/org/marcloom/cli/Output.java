package org.marcloom.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Where a command writes: standard output, or a file that appears only when the run succeeds.
///
/// A file target is written to a temporary file in the same directory and moved into place by
/// [#commit()] (an atomic move where the file system allows it, else a replacing move); closing an
/// output that was not committed deletes the temporary file, so a failed run never leaves a
/// half-written file behind. Not thread-safe.
final class Output implements Closeable {

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private final PrintStream stdout;
    private boolean committed;

    private Output(Path target, Path temp, OutputStream stream, PrintStream stdout) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
        this.stdout = stdout;
    }

    /// Opens `name` for writing; `null` or `-` is standard output.
    static Output open(String name, PrintStream stdout) {
        if (name == null || name.equals("-")) {
            return new Output(null, null, new FilterOutputStream(stdout) {
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
        Path target = Path.of(name).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw CliFailure.io(name + ": is a directory, not a file", null);
        }
        Path dir = target.getParent();
        try {
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            return new Output(target, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), null);
        } catch (IOException e) {
            throw CliFailure.io(Inputs.describe(name, e), e);
        }
    }

    /// The stream to write to; closing it does not close standard output.
    OutputStream stream() {
        return stream;
    }

    /// Finishes the output: moves the file into place, or checks standard output for errors.
    void commit() throws IOException {
        stream.close();
        if (target == null) {
            if (stdout.checkError()) {
                throw Main.stdoutFailure(stdout);
            }
        } else {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
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
            stream.close();
        } catch (IOException ignored) {
            // the run already failed; the temporary file goes anyway
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
