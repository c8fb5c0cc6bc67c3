package org.marcloom.internal;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import org.marcloom.record.MarcRecord;

/// What a [org.marcloom.MarcWriter] writes through: records encoded by one format's
/// [RecordEncoder], on the writing thread or on workers. Not thread-safe.
///
/// `close()` writes any closing markup (a JSON array's `]`, `</collection>`), flushes, and closes
/// the target when the sink owns it.
public interface RecordSink extends Closeable, Flushable {

    /// @throws org.marcloom.MarcWriteException when a record cannot be written in this format
    ///         (the sequential sink: this record; the parallel one: the first refused record, once
    ///         every record before it was written)
    void write(MarcRecord record) throws IOException;

    /// How many records were written: encoded (the sequential sink) or encoded and handed to the
    /// target (the parallel sink, where the records after them are still being encoded).
    long recordsWritten();

    /// Where a reader with `readerOptions` may hand ISO 2709 records as their bytes, for this sink
    /// to write those it can write so with the output [#write] gives for the decoded record
    /// ([RawEncoder]); `null` when it writes none so (the format, the settings, or a parallel sink).
    ///
    /// @param readerOptions how the reader decodes the records it would otherwise hand to [#write]
    /// @return the target, or `null`
    default RawTarget rawTarget(org.marcloom.ReaderOptions readerOptions) {
        return null;
    }

    @Override
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
