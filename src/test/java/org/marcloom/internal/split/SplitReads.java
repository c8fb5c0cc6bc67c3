package org.marcloom.internal.split;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.MarcSplitter;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.BytesChannel;

/// Test helper: reads an input sequentially and by splits, into comparable outcomes.
public final class SplitReads {

    private SplitReads() {
    }

    /// Everything a read produced: one line per record (decoded, or raw: index, offset, bytes and
    /// framing diagnostics), the trailing diagnostics, and the error that ended it.
    public record Outcome(List<String> records, List<Diagnostic> trailing, String error) {
    }

    static String describe(MarcRecord r) {
        return r + " " + r.diagnostics();
    }

    static String describe(RawRecord r) {
        return r.index() + "@" + r.offset() + " " + java.util.HexFormat.of().formatHex(r.bytes()) + " "
                + r.diagnostics();
    }

    static String describe(MarcParseException e) {
        return e.code() + " #" + e.recordIndex() + " @" + e.byteOffset() + " line " + e.line() + ":" + e.column()
                + " " + e.getMessage();
    }

    public static Outcome sequential(byte[] bytes, ReaderOptions options, MarcFormat format, boolean raw)
            throws IOException {
        try (MarcReader reader = MarcReader.builder().options(options).format(format).sourceName("gen")
                .open(Channels.newChannel(new ByteArrayInputStream(bytes)))) {
            List<String> out = new ArrayList<>();
            String error = drain(reader, raw, out);
            return new Outcome(out, error == null ? reader.trailingDiagnostics() : List.of(), error);
        }
    }

    private static String drain(MarcReader reader, boolean raw, List<String> out) {
        try {
            if (raw) {
                for (RawRecord r = reader.readRaw(); r != null; r = reader.readRaw()) {
                    out.add(describe(r));
                }
            } else {
                for (MarcRecord r = reader.read(); r != null; r = reader.read()) {
                    out.add(describe(r));
                }
            }
            return null;
        } catch (MarcParseException e) {
            return describe(e);
        }
    }

    /// By splits of `splitSize` bytes, surveyed in a shuffled order (as parallel workers would),
    /// planned, and each split read on its own. The outcome is the splits' records in order up to
    /// the first split that failed, and that error. Every split that fails must fail with the same
    /// error, else this throws.
    public static Outcome bySplits(SeekableByteChannel channel, ReaderOptions options, MarcFormat format,
                                   long splitSize, boolean raw, long shuffleSeed) throws IOException {
        MarcSplitter splitter = MarcSplitter.builder().format(format).options(options).sourceName("gen")
                .keepOpen(true).build();
        List<long[]> ranges = MarcSplitter.ranges(channel.size(), splitSize);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(shuffleSeed));
        MarcSplitter.Survey[] surveys = new MarcSplitter.Survey[ranges.size()];
        for (int i : order) {
            surveys[i] = splitter.survey(channel, ranges.get(i)[0], ranges.get(i)[1]);
        }
        List<MarcSplitter.Split> splits = splitter.plan(List.of(surveys), channel);
        List<String> out = new ArrayList<>();
        List<Diagnostic> trailing = new ArrayList<>();
        String firstError = null;
        for (MarcSplitter.Split split : splits) {
            try (MarcReader reader = splitter.open(channel, split)) {
                List<String> own = new ArrayList<>();
                String error = drain(reader, raw, own);
                if (firstError == null) {
                    out.addAll(own);
                }
                if (error != null) {
                    if (firstError != null && !firstError.equals(error)) {
                        throw new AssertionError("split " + split + " failed with " + error + ", an earlier one with "
                                + firstError);
                    }
                    firstError = error;
                } else if (split.toEnd()) {
                    trailing.addAll(reader.trailingDiagnostics());
                } else if (split.records() != own.size()) {
                    throw new AssertionError("split " + split + " returned " + own.size() + " records");
                }
            }
        }
        return new Outcome(out, firstError == null ? trailing : List.of(), firstError);
    }

    /// A read-only [SeekableByteChannel] over bytes (not a FileChannel: the other read path).
    public static SeekableByteChannel channel(byte[] bytes) {
        return new BytesChannel(bytes);
    }
}
