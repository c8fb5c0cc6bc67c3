package org.marcloom.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/// The input channel of every [org.marcloom.MarcReader]: counts the bytes read so that an I/O
/// error says where it happened. A failed read throws an [IOException] "reading NAME failed at
/// byte N: ..." whose cause is the channel's own exception; [ClosedChannelException]s (closed,
/// closed by interrupt, closed asynchronously) pass through unchanged, since their type is their
/// meaning. Confined like the reader (one reading thread; `close()` from any thread).
public final class OffsetChannel implements ReadableByteChannel {

    private final ReadableByteChannel channel;
    private final String name;
    private long offset;

    /// @param channel the input
    /// @param name    its name for messages, or `null`
    public OffsetChannel(ReadableByteChannel channel, String name) {
        this.channel = channel;
        this.name = name == null ? "the input" : name;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n;
        try {
            n = channel.read(dst);
        } catch (ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("reading " + name + " failed at byte " + offset + ": " + e.getMessage(), e);
        }
        if (n > 0) {
            offset += n;
        }
        return n;
    }

    /// The bytes read so far.
    public long offset() {
        return offset;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
