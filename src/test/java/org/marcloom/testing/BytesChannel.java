package org.marcloom.testing;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.marcloom.internal.ReadOnlyChannel;

/// Test support: a read-only [SeekableByteChannel] over bytes in memory (not a FileChannel, so
/// the readers take their other read path) that returns at most `perRead` bytes from each read,
/// to exercise the readers on inputs that arrive a few bytes at a time. Not thread-safe.
public final class BytesChannel extends ReadOnlyChannel implements SeekableByteChannel {

    private final byte[] bytes;
    private final int perRead;
    private long position;

    /// A channel that fills each read's buffer as far as the bytes go.
    public BytesChannel(byte[] bytes) {
        this(bytes, Integer.MAX_VALUE);
    }

    /// @param perRead the most bytes one read returns (at least 1)
    public BytesChannel(byte[] bytes, int perRead) {
        if (perRead < 1) {
            throw new IllegalArgumentException("perRead " + perRead);
        }
        this.bytes = bytes;
        this.perRead = perRead;
    }

    @Override
    public int read(ByteBuffer dst) throws ClosedChannelException {
        ensureOpen();
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(Math.min(perRead, dst.remaining()), bytes.length - position);
        dst.put(bytes, (int) position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }
}
