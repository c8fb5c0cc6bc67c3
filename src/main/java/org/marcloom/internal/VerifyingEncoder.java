package org.marcloom.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcWriteException;
import org.marcloom.ReaderOptions;
import org.marcloom.WriterOptions;
import org.marcloom.internal.iso2709.Iso2709Parser;
import org.marcloom.record.MarcRecord;

/// Verify on write: encodes each record with the format's encoder, then reads the bytes back with
/// the strict reader of that format ([ReaderOptions#DEFAULTS]) and refuses the record
/// ([ErrorCode#ROUND_TRIP_MISMATCH], nothing of it written) when they do not read back or read back
/// different: other fields, or another leader apart from what a writer computes (the record length
/// 00-04, the coding scheme 09, 10-11, the base address 12-16 and 20-23). ISO 2709 bytes are
/// decoded where they were encoded; the other formats' record is encoded again alone, as a
/// one-record document, and read with that format's reader. One per thread, like the encoder.
public final class VerifyingEncoder implements RecordEncoder {

    private final MarcFormat format;
    private final WriterOptions options;
    private final RecordEncoder encoder;
    private final Iso2709Parser iso;

    /// @param encoder the format's encoder, whose output is checked
    public VerifyingEncoder(MarcFormat format, WriterOptions options, RecordEncoder encoder) {
        this.format = format;
        this.options = options;
        this.encoder = encoder;
        this.iso = format == MarcFormat.ISO_2709 ? new Iso2709Parser(ReaderOptions.DEFAULTS) : null;
    }

    @Override
    public void start(OutputBuffer out) {
        encoder.start(out);
    }

    @Override
    public void end(long count, OutputBuffer out) {
        encoder.end(count, out);
    }

    @Override
    public void record(MarcRecord record, long index, OutputBuffer out) {
        int before = out.size;
        encoder.record(record, index, out);
        MarcRecord back;
        try {
            back = iso != null ? iso.parse(out.data, before, out.size, index, 0, List.of()) : readAlone(record);
        } catch (MarcParseException e) {
            out.size = before;
            throw new MarcWriteException(ErrorCode.ROUND_TRIP_MISMATCH, index, e.tag(), null,
                    "verify: the record as written in " + format + " does not read back: " + e.code() + ": "
                            + e.diagnostic().problem());
        }
        String difference = difference(record, back);
        if (difference != null) {
            out.size = before;
            throw new MarcWriteException(ErrorCode.ROUND_TRIP_MISMATCH, index, null, null,
                    "verify: the record as written in " + format + " reads back different: " + difference);
        }
    }

    private MarcRecord readAlone(MarcRecord record) {
        RecordEncoder alone = Sinks.encoder(format, options);
        OutputBuffer b = new OutputBuffer(4096);
        alone.start(b);
        alone.record(record, 0, b);
        alone.end(1, b);
        try (RecordSource source = Sources.create(format, ReaderOptions.DEFAULTS,
                Channels.newChannel(new ByteArrayInputStream(b.data, 0, b.size)), null, true)) {
            MarcRecord back = source.next();
            if (back == null || source.next() != null) {
                throw new MarcWriteException(ErrorCode.ROUND_TRIP_MISMATCH, -1, null, null, "verify: the record as"
                        + " written in " + format + " reads back as " + (back == null ? "no record" : "two records"));
            }
            return back;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Where `back` differs from `record`, or `null`.
    static String difference(MarcRecord record, MarcRecord back) {
        String a = record.leader().toString();
        String b = back.leader().toString();
        for (int i = 5; i < 24; i++) {
            boolean computed = i == 9 || i == 10 || i == 11 || (i >= 12 && i <= 16) || i >= 20;
            if (!computed && a.charAt(i) != b.charAt(i)) {
                return "leader/" + (i < 10 ? "0" : "") + i + " '" + a.charAt(i) + "' reads back as '" + b.charAt(i) + "'";
            }
        }
        var fa = record.fields();
        var fb = back.fields();
        for (int i = 0; i < Math.min(fa.size(), fb.size()); i++) {
            if (!fa.get(i).equals(fb.get(i))) {
                return "field " + i + " " + fa.get(i) + " reads back as " + fb.get(i);
            }
        }
        if (fa.size() != fb.size()) {
            return fa.size() + " fields read back as " + fb.size();
        }
        return null;
    }
}
