package org.marcloom.internal.bulk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcException;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.WriterOptions;
import org.marcloom.record.MarcRecord;

/// Runs an input through a reader and a writer the plain way (`write(read())` for every record) or
/// with [BulkAccess] between the reads, and records everything a caller sees: the bytes written,
/// each record's diagnostics and write error in order, the trailing diagnostics, the error that
/// ended the read, and the records read.
final class BulkPaths {

    private BulkPaths() {
    }

    /// What a run gave.
    ///
    /// @param output the bytes written
    /// @param events each record's diagnostics (or write error), the trailing diagnostics, then
    ///               the error that ended the read, if any, as text
    /// @param read   [MarcReader#recordsRead()] at the end
    /// @param bulk   how many records [BulkAccess] took
    record Run(byte[] output, List<String> events, long read, long bulk) {
    }

    /// Reads `input` with `options` and writes every record in `format` with `writerOptions`;
    /// with `max` above 0, [BulkAccess#transfer] takes up to `max` records before each read.
    static Run convert(byte[] input, ReaderOptions options, MarcFormat format, WriterOptions writerOptions, long max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        long bulk = 0;
        long read;
        MarcReader r = MarcReader.builder().options(options).open(new ByteArrayInputStream(input));
        try (r; MarcWriter w = MarcWriter.builder().format(format).options(writerOptions).open(out)) {
            try {
                while (true) {
                    if (max > 0) {
                        long n = BulkAccess.transfer(r, w, max);
                        bulk += n;
                        for (long k = 0; k < n; k++) {
                            events.add("[]"); // written from its bytes: it had no diagnostics
                        }
                        if (n == max) {
                            continue;
                        }
                    }
                    MarcRecord rec = r.read();
                    if (rec == null) {
                        break;
                    }
                    events.add(rec.diagnostics().toString());
                    try {
                        w.write(rec);
                    } catch (MarcWriteException e) {
                        events.add("not written: " + e.getMessage());
                    }
                }
                events.add("trailing " + r.trailingDiagnostics());
            } catch (MarcException e) {
                events.add("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read = r.recordsRead();
        return new Run(out.toByteArray(), events, read, bulk);
    }

    /// Counts the records of `input` as `marcloom count` did before [BulkAccess#skipWellFormed]:
    /// [MarcReader#readRaw()] every record and decode those that `wellFormed` rejects (with
    /// `wellFormed` null, those [BulkAccess#skipWellFormed] would not pass over, `max` at a time).
    static Run count(byte[] input, ReaderOptions options, java.util.function.Predicate<RawRecord> wellFormed,
                     long max) {
        List<String> events = new ArrayList<>();
        long count = 0;
        long bulk = 0;
        MarcReader r = MarcReader.builder().options(options).open(new ByteArrayInputStream(input));
        try (r) {
            try {
                while (true) {
                    if (wellFormed == null) {
                        long n = BulkAccess.skipWellFormed(r, max);
                        count += n;
                        bulk += n;
                        if (n == max) {
                            continue;
                        }
                    }
                    RawRecord raw = r.readRaw();
                    if (raw == null) {
                        break;
                    }
                    if (wellFormed == null || !raw.diagnostics().isEmpty() || !wellFormed.test(raw)) {
                        events.add(count + " " + r.decode(raw).diagnostics());
                    }
                    count++;
                }
                events.add("trailing " + r.trailingDiagnostics());
            } catch (MarcException e) {
                events.add("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.add("count " + count);
        return new Run(new byte[0], events, r.recordsRead(), bulk);
    }
}
