package org.marcloom.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

/// A channel that first replays bytes already read from another channel (the head a format
/// sniffer peeked at), then reads on from that channel. Closing it closes the other channel.
/// Not thread-safe.
public final class PrefixedChannel implements ReadableByteChannel {

    private final byte[] prefix;
    private final int length;
    private final ReadableByteChannel rest;
    private int pos;
    private boolean open = true;

    /// @param prefix the bytes to replay first (not copied; not to be changed afterwards)
    /// @param length how many bytes of `prefix` to replay
    /// @param rest   the channel to read after the prefix
    public PrefixedChannel(byte[] prefix, int length, ReadableByteChannel rest) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        Objects.checkFromIndexSize(0, length, prefix.length);
        this.length = length;
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        if (pos < length) {
            int n = Math.min(length - pos, dst.remaining());
            dst.put(prefix, pos, n);
            pos += n;
            return n;
        }
        return rest.read(dst);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            rest.close();
        }
    }
}
