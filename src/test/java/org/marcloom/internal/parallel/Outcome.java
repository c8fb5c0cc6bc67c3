package org.marcloom.internal.parallel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.RecordSource;
import org.marcloom.record.MarcRecord;

/// Everything a read produced: each record with its diagnostics, the trailing diagnostics, and
/// the strict-mode error (code, record index, offset, message) if one ended the read.
record Outcome(List<String> records, List<Diagnostic> trailing, String error) {

    static String describe(MarcRecord r) {
        return r + " " + r.diagnostics();
    }

    static String describe(MarcParseException e) {
        return e.code() + " #" + e.recordIndex() + " @" + e.byteOffset() + " line " + e.line() + ":" + e.column()
                + " " + e.getMessage();
    }

    static Outcome sequential(byte[] bytes, ReaderOptions options) throws IOException {
        return sequential(bytes, options, MarcFormat.ISO_2709);
    }

    static Outcome sequential(byte[] bytes, ReaderOptions options, MarcFormat format) throws IOException {
        return read(MarcReader.builder().options(options).format(format), bytes);
    }

    /// The parallel reader through the public builder.
    static Outcome parallel(byte[] bytes, ReaderOptions options, MarcFormat format, int concurrency)
            throws IOException {
        return read(MarcReader.builder().options(options).format(format).concurrency(concurrency), bytes);
    }

    private static Outcome read(MarcReader.Builder builder, byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (MarcReader reader = builder.sourceName("gen").open(Channels.newChannel(new ByteArrayInputStream(bytes)))) {
            try {
                for (MarcRecord r = reader.read(); r != null; r = reader.read()) {
                    out.add(describe(r));
                }
            } catch (MarcParseException e) {
                return new Outcome(out, reader.trailingDiagnostics(), describe(e));
            }
            return new Outcome(out, reader.trailingDiagnostics(), null);
        }
    }

    /// The parallel source itself, with its tuning knobs.
    static Outcome parallel(byte[] bytes, ReaderOptions options, MarcFormat format, int workers,
                            ParallelSource.Tuning tuning) throws IOException {
        List<String> out = new ArrayList<>();
        try (ParallelSource source = ParallelSource.create(format, options,
                Channels.newChannel(new ByteArrayInputStream(bytes)), "gen", true, workers,
                Thread.ofVirtual().factory(), tuning)) {
            return drain(source, out);
        }
    }

    private static Outcome drain(RecordSource source, List<String> out) {
        try {
            for (MarcRecord r = source.next(); r != null; r = source.next()) {
                out.add(describe(r));
            }
        } catch (MarcParseException e) {
            return new Outcome(out, ((ParallelSource) source).trailingDiagnostics(), describe(e));
        }
        return new Outcome(out, ((ParallelSource) source).trailingDiagnostics(), null);
    }
}
