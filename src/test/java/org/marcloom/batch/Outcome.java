package org.marcloom.batch;

import java.io.IOException;
import java.nio.channels.Channels;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// Everything a read produced: each record with its diagnostics, the trailing diagnostics, and
/// the strict-mode error (code, record index, offset, message) if one ended the read.
record Outcome(List<String> records, List<Diagnostic> trailing, String error) {

    static String describe(MarcRecord r) {
        return r + " " + r.diagnostics().stream().map(Outcome::describe).toList();
    }

    /// Every field of a diagnostic (its `toString` leaves some out).
    static String describe(Diagnostic d) {
        return d.severity() + " " + d.code() + " #" + d.recordIndex() + " @" + d.byteOffset() + " line " + d.line()
                + ":" + d.column() + " tag " + d.tag() + ": " + d.message();
    }

    static String describe(MarcParseException e) {
        return e.code() + " #" + e.recordIndex() + " @" + e.byteOffset() + " line " + e.line() + ":" + e.column()
                + " " + e.getMessage();
    }

    static Outcome sequential(byte[] bytes, ReaderOptions options) throws IOException {
        return sequential(bytes, options, org.marcloom.MarcFormat.ISO_2709);
    }

    static Outcome sequential(byte[] bytes, ReaderOptions options, org.marcloom.MarcFormat format) throws IOException {
        List<String> out = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().options(options).format(format).sourceName("gen")
                .open(Channels.newChannel(new ByteArrayInputStream(bytes)))) {
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

    static Outcome parallel(byte[] bytes, ParallelMarcReader.Builder builder) throws IOException {
        List<String> out = new ArrayList<>();
        try (ParallelMarcReader reader = builder.sourceName("gen")
                .open(Channels.newChannel(new ByteArrayInputStream(bytes)))) {
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
}
