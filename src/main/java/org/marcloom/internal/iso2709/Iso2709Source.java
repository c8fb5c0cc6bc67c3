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
    private final ReaderOptions options;
    /// [RawCheck] for [#skipWellFormed], made at its first call.
    private RawCheck check;
    /// The record framed last is still to be returned (a skip or a transfer stopped before it).
    private boolean held;
    /// What framing threw after a skip or a transfer had passed records: thrown by the next call,
    /// so that those records count as read, as they would have one by one.
    private RuntimeException deferred;

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
        this.options = options;
    }

    /// Frames the next record, or takes the one a skip or a transfer stopped before.
    private boolean frame() {
        if (held) {
            held = false;
            return true;
        }
        RuntimeException e = deferred;
        if (e != null) {
            deferred = null;
            throw e;
        }
        return input.next();
    }

    /// [#frame()] for a skip or a transfer that has passed `n` records so far: a framing error
    /// after some is deferred to the next call.
    private boolean frameAfter(long n) {
        try {
            return frame();
        } catch (RuntimeException e) {
            if (n == 0) {
                throw e;
            }
            deferred = e;
            return false;
        }
    }

    @Override
    public MarcRecord next() {
        FramedInput in = input;
        if (!frame()) {
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
        return frame() ? input.raw() : null;
    }

    @Override
    public long skipWellFormed(long max) {
        FramedInput in = input;
        if (!RawLayout.limitsUnreachable(options)) {
            return 0;
        }
        RawCheck c = check;
        if (c == null) {
            check = c = new RawCheck();
        }
        long n = 0;
        while (n < max && frameAfter(n)) {
            if (!in.framing().isEmpty() || !c.wellFormed(in.buffer(), in.start(), in.end())) {
                held = true;
                break;
            }
            n++;
        }
        return n;
    }

    @Override
    public long transfer(org.marcloom.internal.RawTarget target, long max) {
        FramedInput in = input;
        long n = 0;
        while (n < max && frameAfter(n)) {
            if (!in.framing().isEmpty() || !target.write(in.buffer(), in.start(), in.end())) {
                held = true;
                break;
            }
            n++;
        }
        return n;
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
