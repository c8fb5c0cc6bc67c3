package org.marcloom.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Errors as users see them: strict exceptions with the exact code, record index and byte offset
/// (or line and column), lenient diagnostics that lose nothing, writer errors, and the builders'
/// refusal of conflicting settings. Expected positions are computed from the fixture's bytes.
class ErrorsTest {

    @Test
    void strictIso2709StopsAtTheFirstBadRecordWithItsExactPlace() throws IOException {
        byte[] b = Fixtures.bytes(Fixtures.CAMEL_EOF);
        long junk = Fixtures.positionsOf(b, 0x1A).getFirst();
        assertEquals(Fixtures.recordLength(b, 0), junk, "the 0x1A follows record 0");
        List<MarcRecord> before = new ArrayList<>();
        MarcParseException e;
        try (MarcReader r = MarcReader.open(Fixtures.CAMEL_EOF)) {
            e = assertThrows(MarcParseException.class, () -> r.forEach(before::add));
        }
        assertEquals(1, before.size(), "record 0 was returned before the error");
        assertEquals(ErrorCode.RECORD_LENGTH_INVALID, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(junk, e.byteOffset());
        assertEquals(-1, e.line());
        assertNull(e.tag());
        assertEquals(Fixtures.CAMEL_EOF.toString(), e.source());
        assertEquals(Severity.FATAL, e.diagnostic().severity());
        assertEquals(Fixtures.CAMEL_EOF + ": RECORD_LENGTH_INVALID at record 1, byte 755: leader/00-04 should be the"
                + " record length in five digits, found \"\\x1A0064\"", e.getMessage());
    }

    @Test
    void strictMarcxmlNamesTheLineAndColumn() throws IOException {
        int[] where = Fixtures.lineAndColumnOf(Fixtures.XML_SECOND_BAD, '\u0007');
        MarcParseException e;
        try (MarcReader r = MarcReader.builder().detectFormat().open(Fixtures.XML_SECOND_BAD)) {
            e = assertThrows(MarcParseException.class, () -> r.forEach(rec -> { }));
            assertEquals(1, r.recordsRead(), "the first record was read");
        }
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(where[0], e.line());
        assertEquals(where[1], e.column());
        assertEquals(-1, e.byteOffset());
        assertEquals("afc99990058366", e.controlNumber());
    }

    @Test
    void lenientIso2709ReportsEverySkippedByteOnTheRecordAfterIt() throws IOException {
        byte[] b = Fixtures.bytes(Fixtures.CAMEL_EOF);
        List<Long> junk = Fixtures.positionsOf(b, 0x1A);
        List<Diagnostic> found = new ArrayList<>();
        List<Long> onRecord = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(true).open(Fixtures.CAMEL_EOF)) {
            long i = 0;
            for (MarcRecord rec : r) {
                for (Diagnostic d : rec.diagnostics()) {
                    found.add(d);
                    onRecord.add(i);
                }
                i++;
            }
            assertEquals(10, i);
            assertEquals(List.of(), r.trailingDiagnostics());
        }
        assertEquals(3, junk.size());
        assertEquals(junk, found.stream().map(Diagnostic::byteOffset).toList());
        List<Long> expectedRecords = junk.stream().map(p -> Fixtures.recordsBefore(b, p)).toList();
        assertEquals(List.of(1L, 4L, 7L), expectedRecords);
        assertEquals(expectedRecords, found.stream().map(Diagnostic::recordIndex).toList());
        assertEquals(expectedRecords, onRecord, "each diagnostic is attached to the record it names");
        for (Diagnostic d : found) {
            assertEquals(ErrorCode.JUNK_SKIPPED, d.code());
            assertEquals(Severity.WARNING, d.severity());
            assertNull(d.tag());
        }
    }

    @Test
    void lenientReadingKeepsEveryRecordOfADamagedFileAndSaysWhatItRepaired() throws IOException {
        int clean;
        try (MarcReader r = MarcReader.open(Fixtures.PRIDE)) {
            clean = (int) r.stream().count();
        }
        List<Diagnostic> all = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(true).open(Fixtures.PRIDE_ERRORS)) {
            assertEquals(clean, r.stream().peek(rec -> all.addAll(rec.diagnostics())).count());
        }
        Diagnostic first = all.getFirst();
        assertEquals(ErrorCode.INVALID_UTF8, first.code());
        assertEquals(Severity.ERROR, first.severity());
        assertEquals(1, first.recordIndex());
        assertEquals(1234, first.byteOffset());
        assertEquals("350", first.tag());
        assertEquals("byte 0xB9 is not valid UTF-8; replaced with U+FFFD", first.message());
        assertEquals(0xB9, Fixtures.bytes(Fixtures.PRIDE_ERRORS)[1234] & 0xFF, "the offset is the bad byte's");
        MarcParseException strict = assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.open(Fixtures.PRIDE_ERRORS)) {
                r.forEach(rec -> { });
            }
        });
        assertEquals("byte 0xB9 is not valid UTF-8", strict.diagnostic().problem(), "strict mode: the problem alone");
        assertEquals(first.code(), strict.code());
        assertEquals(first.recordIndex(), strict.recordIndex());
        assertEquals(first.byteOffset(), strict.byteOffset());
        assertEquals(first.tag(), strict.tag());
    }

    @Test
    void aFieldTooLongForIso2709IsAWriteErrorAndNothingOfItIsWritten() throws IOException {
        MarcRecord ok = MarcRecord.builder().addControlField("001", "ok").build();
        MarcRecord big = MarcRecord.builder().addControlField("001", "x1")
                .addDataField("505", '0', ' ', Subfield.of('a', "y".repeat(12_000))).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriteException e;
        try (MarcWriter w = MarcWriter.builder().open(out)) {
            w.write(ok);
            e = assertThrows(MarcWriteException.class, () -> w.write(big));
            assertEquals(1, w.recordsWritten());
        }
        int fieldBytes = 2 + 2 + 12_000 + 1;   // indicators, $a, the value, the field terminator
        assertEquals(ErrorCode.RECORD_TOO_LARGE, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals("505", e.tag());
        assertEquals("x1", e.controlNumber());
        assertEquals("field 2 of 2 is " + fieldBytes + " bytes; ISO 2709 allows at most 9,999 bytes per field"
                + " (WriterOptions.allowOversize writes it anyway, with its length written as 9999)", e.problem());
        try (MarcReader r = MarcReader.builder().open(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(List.of(ok.fields()), r.stream().map(MarcRecord::fields).toList(),
                    "only the record before it was written");
        }
    }

    @Test
    void aSettingGivenTwiceWithDifferentValuesIsRefusedNamingBothCalls() {
        MarcReader.Builder b = MarcReader.builder().lenient(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.options(ReaderOptions.DEFAULTS));
        assertEquals("options(" + ReaderOptions.DEFAULTS + ") conflicts with lenient(true), given before: each setting"
                + " may be given once (lenient was true, now false)", e.getMessage());
        IllegalStateException f = assertThrows(IllegalStateException.class,
                () -> MarcReader.builder().detectFormat().format(MarcFormat.MARCXML));
        assertEquals("format(MARCXML) conflicts with detectFormat(), given before: each setting may be given once"
                + " (format was detected, now MARCXML)", f.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> MarcWriter.builder().concurrency(0));
        assertEquals("'concurrency' must be at least 1, was 0", g.getMessage());
        assertEquals(ReaderOptions.builder().lenient(true).build(),
                MarcReader.builder().lenient(true).lenient(true).readerOptions(), "the same value again is fine");
    }
}
