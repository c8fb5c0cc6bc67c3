package org.marcloom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/// A file that appears whole or not at all: what is written goes to a hidden temporary file in the
/// target's directory (`.NAME.NNNN.part`), and [#commit()] flushes it, forces it to the device
/// (fsync) and renames it over the target in one atomic step; [#close()] without a commit deletes
/// it, so a failed run leaves the target as it was and no temporary file behind.
///
/// {@snippet class="org.marcloom.snippets.WriterSnippets" region="atomic"}
///
/// - **Mode**: a new file gets the mode a plain create gives (0666 less the umask, not the 0600 of
///   `Files.createTempFile`); a replaced file keeps its POSIX permissions.
/// - **Symbolic links**: a target that is a link (through any number of links) replaces the file
///   the link points to; the link stays a link.
/// - **Not a regular file**: a target that exists and is a FIFO, a character or block device
///   (`/dev/null`, `/dev/stdout`) or a socket is written directly, without a temporary file:
///   renaming over it would replace the device. [#isDirect()] tells; commit then only flushes.
///   A directory is refused.
///
/// Writes are buffered (64 KiB). One thread writes and commits. [#close()] may also be called from
/// another thread, such as a shutdown hook on SIGTERM, to abandon the output: it then only deletes
/// the temporary file (a write racing with it fails or goes to the unlinked file); a close that
/// meets a commit in progress leaves the commit alone.
public final class AtomicOutput extends OutputStream {

    private static final int OPEN = 0;
    private static final int COMMITTING = 1;
    private static final int DONE = 2;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final AtomicInteger state = new AtomicInteger(OPEN);

    private AtomicOutput(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /// Opens `target` for writing: a temporary file next to the file it names (after symbolic
    /// links), or the target itself when it is a FIFO, a device or a socket.
    ///
    /// @param target the file to write
    /// @return the output; nothing is visible at `target` until [#commit()] (unless [#isDirect()])
    /// @throws FileSystemException when `target` is a directory
    /// @throws IOException         when the temporary file (or the direct target) cannot be opened,
    ///                             for example when the directory does not exist or is not writable
    public static AtomicOutput open(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path file = resolveLinks(target.toAbsolutePath());
        if (Files.isDirectory(file)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            FileChannel direct = FileChannel.open(file, StandardOpenOption.WRITE);
            return new AtomicOutput(file, null, direct);
        }
        Path dir = file.getParent();
        String prefix = "." + file.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(prefix + ThreadLocalRandom.current().nextInt(1000, 1_000_000_000) + ".part");
            try {
                // No attributes: the mode is 0666 less the umask, as for any new file.
                FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    copyPermissions(file, temp);
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    Files.deleteIfExists(temp);
                    throw e;
                }
                return new AtomicOutput(file, temp, ch);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /// The file that is written: the target after symbolic links.
    ///
    /// @return the absolute path
    public Path target() {
        return target;
    }

    /// Whether the target is written directly (a FIFO, a device, a socket): no temporary file, and
    /// [#close()] without a commit cannot take back what was written.
    ///
    /// @return true when there is no temporary file
    public boolean isDirect() {
        return temp == null;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len >= buffer.capacity()) {
            drain();
            writeFully(ByteBuffer.wrap(b, off, len));
            return;
        }
        if (len > buffer.remaining()) {
            drain();
        }
        buffer.put(b, off, len);
    }

    /// Writes the buffered bytes to the temporary file (or the direct target).
    ///
    /// @throws IOException when writing fails
    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain();
    }

    /// Makes the output the target: flushes, forces the bytes to the device, renames the temporary
    /// file over the target atomically (a plain replacing rename where the file system has no
    /// atomic one) and forces the directory. For a direct target: flushes and closes.
    ///
    /// @throws IOException          when writing, forcing or renaming fails; the temporary file is
    ///                              then deleted and the target is as it was
    /// @throws IllegalStateException when the output was already committed or closed
    public void commit() throws IOException {
        if (!state.compareAndSet(OPEN, COMMITTING)) {
            throw new IllegalStateException("the output to " + target + " was already committed or closed");
        }
        try {
            drain();
            if (temp != null) {
                channel.force(true);
            }
            channel.close();
            if (temp != null) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                forceDirectory(target.getParent());
            }
        } catch (IOException | RuntimeException | Error e) {
            discard(e);
            throw e;
        } finally {
            state.set(DONE);
        }
    }

    /// Abandons the output unless it was committed: closes the file and deletes the temporary file
    /// (a direct target keeps what was written). Idempotent; callable from another thread.
    ///
    /// @throws IOException when the temporary file cannot be deleted
    @Override
    public void close() throws IOException {
        if (!state.compareAndSet(OPEN, DONE)) {
            return;
        }
        IOException failure = null;
        try {
            channel.close();
        } catch (IOException e) {
            failure = e;
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void discard(Throwable cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (state.get() != OPEN) {
            throw new IOException("the output to " + target + " was already committed or closed");
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /// `path` with every symbolic link along its last element followed (at most 40, as the kernel);
    /// the result may not exist yet (a dangling link names the file to create).
    private static Path resolveLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; i < 40 && Files.isSymbolicLink(p); i++) {
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
        }
        Path parent = p.getParent();
        if (parent != null && Files.isDirectory(parent)) {
            p = parent.toRealPath().resolve(p.getFileName());
        }
        return p;
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && dest != null) {
            dest.setPermissions(source.readAttributes().permissions());
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform opens a directory; the rename is done either way.
        }
    }
}
