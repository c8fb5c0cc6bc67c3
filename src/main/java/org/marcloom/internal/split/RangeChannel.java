package org.marcloom.internal.split;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import org.marcloom.internal.ReadOnlyChannel;

/// A read-only view of the bytes `[from, to)` of a seekable channel, with its own position, so
/// that several views of one channel can be read in turn by one thread (each read sets the
/// channel's position first; a [FileChannel] is read with positional reads). Closing a view does
/// not close the channel. Not thread-safe.
final class RangeChannel extends ReadOnlyChannel {

    private final SeekableByteChannel base;
    private final long to;
    private long position;

    /// @param to one past the last byte to read (at most the channel's size)
    RangeChannel(SeekableByteChannel base, long from, long to) {
        this.base = base;
        this.position = from;
        this.to = to;
    }

    long position() {
        return position;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        long left = to - position;
        if (left <= 0) {
            return -1;
        }
        int room = dst.remaining();
        if (room == 0) {
            return 0;
        }
        ByteBuffer view = dst;
        if (room > left) {
            view = dst.slice(dst.position(), (int) left);
        }
        int n;
        if (base instanceof FileChannel f) {
            n = f.read(view, position);
        } else {
            base.position(position);
            n = base.read(view);
        }
        if (n < 0) {
            return -1; // the channel is shorter than the range: its end
        }
        if (view != dst) {
            dst.position(dst.position() + n);
        }
        position += n;
        return n;
    }
}
