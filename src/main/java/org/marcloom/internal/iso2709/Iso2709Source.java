package org.marcloom.internal.iso2709;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.RecordSource;
import org.marcloom.record.MarcRecord;

/// ISO 2709 reader. (Being written on main.)
public final class Iso2709Source implements RecordSource {
    public Iso2709Source(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        throw new UnsupportedOperationException("ISO 2709 reading is not available yet");
    }

    @Override
    public MarcRecord next() {
        return null;
    }

    @Override
    public long recordsRead() {
        return 0;
    }

    @Override
    public void close() throws IOException {
    }
}
