package org.marcloom.internal;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import org.marcloom.record.MarcRecord;

/// One format's writer behind [org.marcloom.MarcWriter]. Not thread-safe.
///
/// A sink writes to a [java.nio.channels.WritableByteChannel] or `OutputStream` it was given;
/// `close()` writes any closing markup (a JSON array's `]`, `</collection>`), flushes, and closes
/// the target when the sink owns it.
public interface RecordSink extends Closeable, Flushable {

    /// @throws IllegalArgumentException when the record cannot be written in this format (with why)
    void write(MarcRecord record) throws IOException;

    @Override
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
