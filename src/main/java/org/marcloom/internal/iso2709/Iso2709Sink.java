package org.marcloom.internal.iso2709;

import java.io.IOException;
import java.io.OutputStream;
import org.marcloom.WriterOptions;
import org.marcloom.internal.RecordSink;
import org.marcloom.record.MarcRecord;

/// ISO 2709 writer. (Being written on a branch.)
public final class Iso2709Sink implements RecordSink {
    public Iso2709Sink(OutputStream out, WriterOptions options, boolean ownTarget) {
        throw new UnsupportedOperationException("ISO 2709 writing is not available yet");
    }

    @Override
    public void write(MarcRecord record) throws IOException {
    }

    @Override
    public void flush() throws IOException {
    }

    @Override
    public void close() throws IOException {
    }
}
