package org.marcloom.internal;

import java.io.OutputStream;
import org.marcloom.MarcFormat;
import org.marcloom.WriterOptions;

/// Creates the [RecordSink] for a format.
public final class Sinks {

    private Sinks() {
    }

    /// @param out       the target; the sink buffers, so pass it unbuffered
    /// @param ownTarget close `out` when the sink is closed
    public static RecordSink create(MarcFormat format, WriterOptions options, OutputStream out, boolean ownTarget) {
        return switch (format) {
            case ISO_2709 -> new org.marcloom.internal.iso2709.Iso2709Sink(out, options, ownTarget);
            case MARCXML -> new org.marcloom.internal.xml.MarcXmlSink(out, options, ownTarget);
            case MARC_JSON, MARC_JSON_LINES, MARCMAKER ->
                    throw new UnsupportedOperationException(format + " writing is not available yet");
        };
    }
}
