package org.marcloom.internal.iso2709;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.record.MarcRecord;

/// Streams ISO 2709 records from a channel: [FramedInput] frames each record in one reused,
/// growable buffer, [Iso2709Parser] decodes it in place. Memory stays at the size of the largest
/// record (bounded by [org.marcloom.Limits#maxRecordBytes()]) plus the read buffer, whatever the
/// input size.
public final class Iso2709Source implements RecordSource, Sources.HasTrailing {

    private final FramedInput input;
    private final String name;
    private final Iso2709Parser parser;

    public Iso2709Source(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this(channel, owns, options, name, null);
    }

    /// @param quarantine where skipped bytes go, or `null`
    public Iso2709Source(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name,
                         org.marcloom.internal.QuarantineSink quarantine) {
        this.input = new FramedInput(channel, owns, options, name);
        if (quarantine != null) {
            input.quarantine(quarantine);
        }
        this.name = name;
        this.parser = new Iso2709Parser(options, name);
    }

    @Override
    public MarcRecord next() {
        FramedInput in = input;
        if (!in.next()) {
            return null;
        }
        try {
            return parser.parse(in);
        } catch (MarcParseException e) {
            in.markDone();
            throw e;
        }
    }

    @Override
    public RawRecord nextRaw() {
        return input.next() ? input.raw() : null;
    }

    @Override
    public MarcRecord decode(RawRecord raw) {
        try {
            return parser.parse(raw);
        } catch (MarcParseException e) {
            throw name == null ? e : e.withSource(name);
        }
    }

    @Override
    public List<Diagnostic> trailingDiagnostics() {
        return input.trailingDiagnostics();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
