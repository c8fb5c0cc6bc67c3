package org.marcloom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcException;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.BytesChannel;
import org.marcloom.testing.QuarantineTiles;

/// The harness the fuzz targets share: reading an input through the public reader in several ways
/// and checking the invariants every reader promises (docs/reliability.md):
///
/// - only documented exceptions escape: a [MarcException] in strict mode (and in lenient mode only
///   for a limit, [ErrorCode#LIMIT_EXCEEDED]); anything else (NullPointerException,
///   IndexOutOfBoundsException, ClassCastException, OutOfMemoryError, StackOverflowError, ...)
///   propagates to Jazzer as a finding;
/// - the outcome (records, their diagnostics, the trailing diagnostics, the error) is the same
///   whether the channel hands out the whole input at once or a few bytes per read, and with a
///   concurrency of 2 as with one thread;
/// - a strict read that succeeds gives the same records as a lenient one;
/// - every position a diagnostic names lies inside the input.
///
/// Inputs above [#MAX_INPUT] bytes are ignored, so that memory stays bounded.
final class FuzzSupport {

    /// Inputs above this size are not read (libFuzzer's default max_len is 4096).
    static final int MAX_INPUT = 64 * 1024;

    /// The codes a lenient reader may still throw: only limits.
    private static final Set<ErrorCode> LENIENT_THROWS = Set.of(ErrorCode.LIMIT_EXCEEDED);

    private FuzzSupport() {
    }

    /// What one read of a whole input gave: the records with their diagnostics, the trailing
    /// diagnostics, and the error that ended it (`null` when none).
    record Outcome(List<MarcRecord> records, List<List<Diagnostic>> diagnostics, List<Diagnostic> trailing,
                   String error) {
        int count() {
            return records.size();
        }
    }

    /// The seed inputs of one corpus folder under fixtures/fuzz, sorted by name.
    static Stream<byte[]> seeds(String folder) {
        Path dir = Path.of("fixtures", "fuzz", folder);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
            List<byte[]> out = new ArrayList<>();
            for (Path p : sorted) {
                out.add(Files.readAllBytes(p));
            }
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// A channel over `data` that returns at most `perRead` bytes from each read.
    static ReadableByteChannel channel(byte[] data, int perRead) {
        return new BytesChannel(data, perRead);
    }

    /// Reads every record of `data` in `format`.
    ///
    /// @param perRead     the most bytes one channel read returns (Integer.MAX_VALUE: all at once)
    /// @param concurrency the reader's concurrency
    static Outcome read(byte[] data, MarcFormat format, boolean lenient, int perRead, int concurrency) {
        return read(data, format, ReaderOptions.DEFAULTS, lenient, perRead, concurrency);
    }

    /// Reads every record of `data` in `format` with `base` (its lenient setting replaced).
    static Outcome read(byte[] data, MarcFormat format, ReaderOptions base, boolean lenient, int perRead,
                        int concurrency) {
        List<MarcRecord> records = new ArrayList<>();
        List<List<Diagnostic>> diagnostics = new ArrayList<>();
        List<Diagnostic> trailing = List.of();
        String error = null;
        MarcReader reader = MarcReader.builder().format(format).options(base.toBuilder().lenient(lenient).build())
                .concurrency(concurrency).open(channel(data, perRead));
        try (reader) {
            MarcRecord r;
            while ((r = reader.read()) != null) {
                records.add(r);
                diagnostics.add(r.diagnostics());
            }
            trailing = reader.trailingDiagnostics();
            assertEquals(records.size(), reader.recordsRead(), "recordsRead()");
        } catch (MarcException e) {
            error = describe(e);
            if (lenient && !LENIENT_THROWS.contains(e.code())) {
                throw new AssertionError("a lenient " + format + " reader threw " + error, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(List.copyOf(records), List.copyOf(diagnostics), trailing, error);
    }

    /// The exception as the outcome compares it: its type, code, record index, position and message.
    static String describe(MarcException e) {
        String where = e instanceof MarcParseException p
                ? " byte " + p.byteOffset() + " line " + p.line() + " column " + p.column() : "";
        return e.getClass().getSimpleName() + " " + e.code() + " record " + e.recordIndex() + where + ": "
                + e.getMessage();
    }

    /// The checks every reading target makes: strict and lenient, whole buffer and small reads
    /// (and concurrency 2 where the format has a parallel reader) give the same outcome; lenient
    /// never throws but for a limit; strict success means lenient gives the same records.
    ///
    /// @return the lenient outcome read from the whole buffer, or `null` for an input too large
    static Outcome checkReader(byte[] data, MarcFormat format, boolean parallel) {
        return checkReader(data, format, parallel, ReaderOptions.DEFAULTS);
    }

    /// [#checkReader(byte[], MarcFormat, boolean)] with other reader options (lenient replaced).
    static Outcome checkReader(byte[] data, MarcFormat format, boolean parallel, ReaderOptions base) {
        if (data.length > MAX_INPUT) {
            return null;
        }
        int small = 1 + (data.length == 0 ? 0 : (data[data.length - 1] & 7)); // 1 to 8 bytes a read
        Outcome strict = read(data, format, base, false, Integer.MAX_VALUE, 1);
        Outcome lenient = read(data, format, base, true, Integer.MAX_VALUE, 1);
        assertEquals(strict, read(data, format, base, false, small, 1), "strict, " + small + " bytes a read");
        assertEquals(lenient, read(data, format, base, true, small, 1), "lenient, " + small + " bytes a read");
        if (parallel) {
            assertEquals(strict, read(data, format, base, false, small, 2), "strict, concurrency 2");
            assertEquals(lenient, read(data, format, base, true, Integer.MAX_VALUE, 2), "lenient, concurrency 2");
        }
        if (strict.error() == null) {
            assertEquals(strict.records(), lenient.records(), "strict success: lenient gives the same records");
            assertEquals(strict.trailing(), lenient.trailing(), "strict success: the same trailing diagnostics");
        } else {
            // Strict stops at the first error: the records before it are the lenient reader's first ones
            // when lenient reading repaired nothing in them.
            assertTrue(strict.count() <= lenient.count() || lenient.error() != null,
                    () -> "strict read " + strict.count() + " records before its error, lenient only "
                            + lenient.count() + ": " + strict.error());
        }
        checkPositions(lenient, data.length);
        checkPositions(strict, data.length);
        return lenient;
    }

    /// The text formats' quarantine: a lenient read with one puts every byte into a record span, a
    /// quarantined region or markup ([QuarantineTiles]), with the same spans whether the input comes
    /// whole or a few bytes per read (and, `parallel`, at concurrency 2), and as many record spans
    /// as the lenient `outcome` has records. Input the quarantine refuses (UTF-16 JSON, MARCXML it
    /// cannot map to bytes) and a read that ends in a limit's error are not checked.
    static void checkTextQuarantine(byte[] data, MarcFormat format, boolean parallel, Outcome outcome) {
        if (outcome == null || outcome.error() != null) {
            return;
        }
        ReaderOptions lenient = ReaderOptions.DEFAULTS.toBuilder().lenient(true).build();
        QuarantineTiles.Result whole;
        try {
            whole = QuarantineTiles.read(format, lenient, data, 0, 1);
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().startsWith("quarantine(...) keeps the bytes of"), refused.getMessage());
            return;
        }
        assertEquals(outcome.count(), whole.records(), "records with a quarantine");
        QuarantineTiles.assertTiles(format, data, whole);
        int small = 1 + (data.length == 0 ? 0 : (data[data.length - 1] & 7));
        assertEquals(whole, QuarantineTiles.read(format, lenient, data, small, 1), "quarantine, " + small
                + " bytes a read");
        if (parallel) {
            QuarantineTiles.Result two = QuarantineTiles.read(format, lenient, data, 0, 2);
            assertEquals(whole.regions(), two.regions(), "quarantine, concurrency 2");
            assertEquals(whole.records(), two.records(), "quarantine, concurrency 2");
        }
    }

    /// Every byte offset a diagnostic names lies in the input (the end of input included), lines
    /// and columns are positive or -1, and each record's diagnostics name that record.
    static void checkPositions(Outcome o, int length) {
        for (int i = 0; i < o.count(); i++) {
            for (Diagnostic d : o.diagnostics().get(i)) {
                checkPosition(d, length);
            }
        }
        for (Diagnostic d : o.trailing()) {
            checkPosition(d, length);
        }
    }

    private static void checkPosition(Diagnostic d, int length) {
        assertTrue(d.byteOffset() >= -1 && d.byteOffset() <= length, () -> "byte offset outside the input: " + d);
        assertTrue(d.line() == -1 || d.line() >= 1, () -> "line: " + d);
        assertTrue(d.column() == -1 || d.column() >= 1, () -> "column: " + d);
        assertTrue(!d.problem().isEmpty(), () -> "empty problem: " + d);
    }

    /// ISO 2709 lenient byte accounting: the raw records (offset, length), the junk skipped before
    /// them (JUNK_SKIPPED: offset, "N bytes ...") and the bytes after the last one (TRAILING_BYTES)
    /// tile the input exactly, in order, without gap or overlap; and decoding each raw record gives
    /// the record and diagnostics that [MarcReader#read()] gave.
    static void checkIsoAccounting(byte[] data, Outcome lenient) {
        List<long[]> spans = new ArrayList<>(); // {offset, length, what}
        int index = 0;
        try (MarcReader reader = MarcReader.builder().lenient(true).open(channel(data, Integer.MAX_VALUE))) {
            RawRecord raw;
            while ((raw = reader.readRaw()) != null) {
                assertEquals(index, raw.index(), "raw record index");
                for (Diagnostic d : raw.diagnostics()) {
                    if (d.code() == ErrorCode.JUNK_SKIPPED) {
                        spans.add(new long[] {d.byteOffset(), leadingCount(d), 'J'});
                    }
                }
                spans.add(new long[] {raw.offset(), raw.length(), 'R'});
                MarcRecord decoded = reader.decode(raw);
                assertTrue(index < lenient.count(), "readRaw() framed more records than read()");
                assertEquals(lenient.records().get(index), decoded, "decode(readRaw()) vs read(), record " + index);
                assertEquals(lenient.diagnostics().get(index), decoded.diagnostics(),
                        "decode(readRaw()) diagnostics vs read(), record " + index);
                index++;
            }
            assertEquals(lenient.count(), index, "records framed by readRaw() vs read()");
            assertEquals(lenient.trailing(), reader.trailingDiagnostics(), "trailing diagnostics, readRaw()");
            for (Diagnostic d : reader.trailingDiagnostics()) {
                if (d.code() == ErrorCode.TRAILING_BYTES) {
                    spans.add(new long[] {d.byteOffset(), leadingCount(d), 'T'});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spans.sort(Comparator.comparingLong(s -> s[0]));
        long at = 0;
        for (long[] s : spans) {
            if (s[0] != at) {
                fail("bytes " + at + " to " + s[0] + " are in no record and no diagnostic (next: " + (char) s[2]
                        + " at " + s[0] + ", " + s[1] + " bytes)");
            }
            at += s[1];
        }
        assertEquals(data.length, at, "bytes accounted for by records, junk and trailing diagnostics");
    }

    /// The byte count a JUNK_SKIPPED or TRAILING_BYTES diagnostic's problem starts with.
    private static long leadingCount(Diagnostic d) {
        String p = d.problem();
        int space = p.indexOf(' ');
        try {
            return Long.parseLong(p.substring(0, space));
        } catch (RuntimeException e) {
            throw new AssertionError("no byte count at the start of " + d, e);
        }
    }
}
