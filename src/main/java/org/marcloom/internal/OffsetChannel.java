package org.marcloom.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/// The input channel of every [org.marcloom.MarcReader]: counts the bytes read and remembers at
/// which byte a read failed, so that the reader's [java.io.UncheckedIOException] can say where
/// (the channel's own exception stays its cause, unchanged). Confined like the reader (one reading
/// thread at a time; `close()` from any thread).
public final class OffsetChannel extends FilterChannel {

    private final String name;
    private volatile long offset;
    private volatile long failedAt = -1;

    /// @param channel the input
    /// @param name    its name for messages, or `null`
    public OffsetChannel(ReadableByteChannel channel, String name) {
        super(channel);
        this.name = name == null ? "the input" : name;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n;
        try {
            n = in.read(dst);
        } catch (ClosedChannelException e) {
            throw e; // closed, closed by an interrupt or by another thread: the type says it all
        } catch (IOException e) {
            failedAt = offset;
            throw e;
        }
        if (n > 0) {
            offset += n;
        }
        return n;
    }

    /// The byte at which the last failed read started, or -1.
    public long failedAt() {
        return failedAt;
    }

    /// The input's name for messages.
    public String name() {
        return name;
    }

    /// The bytes read so far.
    public long offset() {
        return offset;
    }
}
