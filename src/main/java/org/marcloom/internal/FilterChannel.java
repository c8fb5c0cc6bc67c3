package org.marcloom.internal;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/// A readable channel that reads through another one (counting, watching or adding to its bytes):
/// it is open as long as that channel is, and closing it closes that channel. Subclasses implement
/// [#read(java.nio.ByteBuffer)] on [#in].
public abstract class FilterChannel implements ReadableByteChannel {

    /// The channel read through.
    protected final ReadableByteChannel in;

    /// @param in the channel to read through
    protected FilterChannel(ReadableByteChannel in) {
        this.in = in;
    }

    @Override
    public boolean isOpen() {
        return in.isOpen();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
