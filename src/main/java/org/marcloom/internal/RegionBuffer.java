package org.marcloom.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.marcloom.Diagnostic;

/// The bytes of one region being skipped, gathered until it ends: in memory up to
/// [Capture#MEMORY_BYTES], then in a temporary file (deleted by [#close()]), so that a region of
/// any size costs bounded memory; [#quarantine] streams it to the sink. Not thread-safe.
public final class RegionBuffer implements AutoCloseable {

    private byte[] bytes = new byte[256];
    private int length;
    private FileChannel file;
    private long fileLength;

    /// Appends `count` bytes of `b` from `from`.
    ///
    /// @throws UncheckedIOException when the temporary file cannot be written
    public void write(byte[] b, int from, int count) {
        if (file == null && length + count <= Capture.MEMORY_BYTES) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
            }
            System.arraycopy(b, from, bytes, length, count);
            length += count;
            return;
        }
        try {
            if (file == null) {
                Path f = Files.createTempFile("marcloom-quarantine-", ".bytes");
                file = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                fileLength = 0;
                writeFile(bytes, 0, length);
                length = 0;
            }
            writeFile(b, from, count);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the quarantine's temporary file", e);
        }
    }

    private void writeFile(byte[] b, int from, int count) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, from, count);
        while (buf.hasRemaining()) {
            fileLength += file.write(buf, fileLength);
        }
    }

    /// How many bytes the region has so far.
    public long size() {
        return file == null ? length : fileLength;
    }

    /// Hands the region to `sink` as found at input offset `offset`, then empties this buffer.
    ///
    /// @throws UncheckedIOException when the temporary file cannot be read
    public void quarantine(QuarantineSink sink, String source, long offset, List<Diagnostic> why) {
        if (file == null) {
            sink.put(source, offset, bytes, 0, length, why);
        } else {
            try {
                file.position(0);
                sink.putToEnd(source, offset, bytes, 0, 0, new Bounded(file, fileLength), why);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the quarantine's temporary file", e);
            }
        }
        reset();
    }

    /// Empties the buffer (the temporary file is truncated, kept for the next region).
    public void reset() {
        length = 0;
        if (file != null) {
            try {
                file.truncate(0);
            } catch (IOException e) {
                throw new UncheckedIOException("truncating the quarantine's temporary file", e);
            }
            fileLength = 0;
            // the next region starts in memory again: move to the file only when it grows past the bound
            closeQuietly();
        }
        if (bytes.length > 64 * 1024) {
            bytes = new byte[256];
        }
    }

    private void closeQuietly() {
        try {
            file.close();
        } catch (IOException ignored) {
            // deleted on close; nothing else to release
        }
        file = null;
    }

    /// Deletes the temporary file, if any.
    @Override
    public void close() {
        if (file != null) {
            closeQuietly();
        }
    }

    /// The first `length` bytes of the file, read from its position.
    private record Bounded(FileChannel file, long length) implements ReadableByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            long left = length - file.position();
            if (left <= 0) {
                return -1;
            }
            int limit = dst.limit();
            if (dst.remaining() > left) {
                dst.limit(dst.position() + (int) left);
            }
            try {
                return file.read(dst);
            } finally {
                dst.limit(limit);
            }
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // the buffer closes the file
        }
    }
}
