package org.marcloom.internal;

import java.nio.channels.ReadableByteChannel;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.iso2709.Iso2709Source;

/// Creates the [RecordSource] for a format.
public final class Sources {

    /// A source that can report diagnostics belonging to no record (trailing bytes).
    public interface HasTrailing {
        List<Diagnostic> trailingDiagnostics();
    }

    private Sources() {
    }

    /// @param name  the input's name for error messages, or `null`
    /// @param owns  close the channel when the source is closed
    public static RecordSource create(MarcFormat format, ReaderOptions options, ReadableByteChannel channel,
                                      String name, boolean owns) {
        return switch (format) {
            case ISO_2709 -> new Iso2709Source(channel, owns, options, name);
            case MARCXML -> new org.marcloom.internal.xml.MarcXmlSource(channel, owns, options, name);
            case MARC_JSON, MARC_JSON_LINES, MARCMAKER ->
                    throw new UnsupportedOperationException(format + " reading is not available yet");
        };
    }

    /// Detects the format from the first bytes, then creates the source.
    public static RecordSource sniffAndCreate(ReaderOptions options, ReadableByteChannel channel, String name,
                                              boolean owns) {
        return create(MarcFormat.ISO_2709, options, channel, name, owns);
    }
}
