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
            case MARC_JSON -> json(out, options, false, ownTarget);
            case MARC_JSON_LINES -> json(out, options, true, ownTarget);
            case MARCXML -> new org.marcloom.internal.xml.MarcXmlSink(out, options, ownTarget);
            case MARCMAKER -> new org.marcloom.internal.mrk.MrkSink(out, options, ownTarget);
        };
    }

    private static RecordSink json(OutputStream out, WriterOptions options, boolean lines, boolean ownTarget) {
        try {
            return new org.marcloom.internal.json.JsonSink(out, options, lines, ownTarget);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
