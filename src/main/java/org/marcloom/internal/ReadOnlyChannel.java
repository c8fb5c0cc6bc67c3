package org.marcloom.internal;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/// A readable channel that keeps its own open state: [#close()] marks it closed and releases
/// nothing underneath (a view of part of another channel, a channel over bytes in memory), and a
/// subclass's read starts with [#ensureOpen()]. A subclass that holds something to release on
/// close overrides [#close()] and calls it.
public abstract class ReadOnlyChannel implements ReadableByteChannel {

    private volatile boolean open = true;

    /// For subclasses.
    protected ReadOnlyChannel() {
    }

    /// @throws ClosedChannelException once the channel is closed
    protected final void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
