package org.marcloom.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.Marc4jView;

/// Real MARC-in-JSON files (fixtures/json, see fixtures/README.md), good and malformed.
class JsonFixturesTest {

    private static final Path DIR = Path.of("fixtures/json");

    private static List<MarcRecord> readAll(String file, MarcFormat format, boolean lenient) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(format).lenient(lenient).open(DIR.resolve(file))) {
            r.forEach(out::add);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
            // file, records, field objects in all its records (counted in the JSON), marc4j reads it
            "marc4j__summerland-marc-in-json.json, 1, 15, true",
            "marc4j__summerland-marc-in-json-indented.json, 1, 15, true",
            "marc4j__marc-in-json.json, 1, 27, true",
            "marc4j__legal-json-marc-in-json.json, 1, 27, true",
            "pymarc__one.json, 1, 18, true",
            "yaz__marc5.json, 1, 10, false",
            "yaz__marc12.json, 1, 42, true",
            "pymarc__batch.json, 2, 45, false",
            "marc-perl__test.ndj, 9, 320, true",
            "traject__test_data.utf8.json, 30, 705, true",
    })
    void goodFilesReadStrictlyAndMatchMarc4j(String file, int count, int fields, boolean marc4jCan) throws IOException {
        List<MarcRecord> records = readAll(file, MarcFormat.MARC_JSON_LINES, false);
        assertEquals(count, records.size());
        for (MarcRecord r : records) {
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.severity() != org.marcloom.Severity.WARNING),
                    r.diagnostics().toString());
        }
        assertEquals(fields, records.stream().mapToInt(r -> r.fields().size()).sum());
        // Both format names read both forms.
        assertEquals(records, readAll(file, MarcFormat.MARC_JSON, false));
        if (marc4jCan) {
            try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
                org.marc4j.MarcJsonReader m = new org.marc4j.MarcJsonReader(in);
                for (MarcRecord want : records) {
                    assertTrue(m.hasNext());
                    org.marc4j.marc.Record got = m.next();
                    assertEquals(got.getLeader().toString(), want.leader().toString());
                    assertEquals(Marc4jView.of(got), Marc4jView.of(want));
                }
            }
        }
    }

    /// yaz's marc5 has a 250 whose only "subfield" is the text itself with code 'η' (the ISO 2709
    /// original lacks a delimiter); marc4j drops it, marcloom keeps what the JSON says.
    @Test
    void aNonAsciiSubfieldCodeIsKept() throws IOException {
        MarcRecord r = readAll("yaz__marc5.json", MarcFormat.MARC_JSON, false).getFirst();
        assertEquals(" εκδ.", r.dataField("250").orElseThrow().value('η'));
    }

    @Test
    void summerlandMatchesItsKnownContent() throws IOException {
        MarcRecord r = readAll("marc4j__summerland-marc-in-json.json", MarcFormat.MARC_JSON, false).getFirst();
        assertEquals("00714cam a2200205 a 4500", r.leader().toString());
        assertEquals("12883376", r.controlNumber().orElseThrow());
        assertEquals("Summerland", r.title().orElseThrow());
    }

    /// Line 170, column 36: the line feed that ends `"a":"Dylan,` inside a string (the same record
    /// in both files, one with and one without the enclosing array); line 1, column 2: the
    /// unquoted key `leader` of marc4j's legacy "MARC-JSON".
    @ParameterizedTest
    @CsvSource({"marc4j__illegal-marc-in-json.json, 170, 36", "pymarc__test.json, 170, 36",
            "marc4j__summerland-marc-json.json, 1, 2"})
    void malformedFilesThrowInStrictModeWithLineAndColumn(String file, int line, int column) {
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> readAll(file, MarcFormat.MARC_JSON, false));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(0, e.recordIndex());
        assertEquals(List.of(line, column), List.of(e.line(), e.column()), e.getMessage());
        assertEquals(-1, e.byteOffset());
        assertTrue(e.getMessage().contains(file), e.getMessage());
    }

    @Test
    void illegalMarcInJsonStrictLocation() {
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> readAll("marc4j__illegal-marc-in-json.json", MarcFormat.MARC_JSON, false));
        // The first raw line break inside a string.
        List<String> lines;
        try {
            lines = Files.readAllLines(DIR.resolve("marc4j__illegal-marc-in-json.json"));
        } catch (IOException io) {
            throw new AssertionError(io);
        }
        String line = lines.get(e.line() - 1);
        assertEquals(line.chars().filter(c -> c == '"').count() % 2, 1, "the error line opens a string it does not close: " + line);
    }

    /// Lenient mode reports, first, the error strict mode throws. In the array (pymarc) it is
    /// fatal: nothing after it can be read. Read as one object per line (marc4j's file, and the
    /// legacy file's one line), each line after a syntax error is resynchronised on: the legacy
    /// file has nothing more; marc4j's reports every line it skips, 100 diagnostics and the cap.
    @ParameterizedTest
    @CsvSource({"marc4j__illegal-marc-in-json.json, ERROR SYNTAX_ERROR 0 170:36, 101",
            "pymarc__test.json, FATAL SYNTAX_ERROR 0 170:36, 1",
            "marc4j__summerland-marc-json.json, ERROR SYNTAX_ERROR 0 1:2, 1"})
    void malformedFilesInLenientModeReportEverythingAndNeverThrow(String file, String first, int count) throws IOException {
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARC_JSON).lenient(true).open(DIR.resolve(file))) {
            List<Diagnostic> all = new ArrayList<>();
            for (MarcRecord rec : r) {
                all.addAll(rec.diagnostics());
            }
            assertEquals(0, r.recordsRead(), "no record survives");
            all.addAll(r.trailingDiagnostics());
            Diagnostic d = all.getFirst();
            assertEquals(first, d.severity() + " " + d.code() + " " + d.recordIndex() + " " + d.line() + ":" + d.column());
            assertEquals(count, all.size(), all.toString());
        }
    }

    private static MarcReader lenient(String text) {
        return MarcReader.builder().format(MarcFormat.MARC_JSON_LINES).lenient(true)
                .open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String GOOD1 = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"one\"}]}";
    private static final String GOOD2 = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"two\"}]}";

    @Test
    void lenientNdjsonSkipsABadLineAndAttachesItsDiagnosticToTheNextRecord() throws IOException {
        String text = GOOD1 + "\n" + "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\" \"x\"}]}\n" + GOOD2 + "\n";
        try (MarcReader r = lenient(text)) {
            MarcRecord a = r.read();
            assertEquals("one", a.controlNumber().orElseThrow());
            assertEquals(List.of(), a.diagnostics());
            MarcRecord b = r.read();
            assertEquals("two", b.controlNumber().orElseThrow());
            Diagnostic d = b.diagnostics().getFirst();
            assertEquals(ErrorCode.SYNTAX_ERROR, d.code());
            assertEquals(2, d.line());
            assertEquals(1, d.recordIndex());
            assertEquals(null, r.read());
            assertEquals(List.of(), r.trailingDiagnostics());
        }
        // Strict: the same input throws at line 2, record 1.
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.builder().format(MarcFormat.MARC_JSON_LINES)
                    .open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
                r.forEach(x -> { });
            }
        });
        assertEquals(2, e.line());
        assertEquals(1, e.recordIndex());
    }

    @Test
    void aBadLastLineIsATrailingDiagnostic() throws IOException {
        try (MarcReader r = lenient(GOOD1 + "\n{\"leader\": \"trunc")) {
            assertEquals("one", r.read().controlNumber().orElseThrow());
            assertEquals(null, r.read());
            assertEquals(ErrorCode.SYNTAX_ERROR, r.trailingDiagnostics().getFirst().code());
            assertEquals(2, r.trailingDiagnostics().getFirst().line());
        }
    }

    @Test
    void lenientArrayRecoversFromAWronglyShapedRecord() throws IOException {
        String text = "[" + GOOD1 + ", {\"leader\": 5, \"fields\": {\"001\": \"x\"}}, 42, "
                + "{\"leader\":\"short\",\"fields\":[{\"245\":{\"ind1\":\"\",\"subfields\":[{\"a\":\"t\"},{\"\":\"lost\"}],"
                + "\"extra\":1}}, {\"24\": \"bad tag\"}]}, " + GOOD2 + "]";
        List<MarcRecord> got = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARC_JSON).lenient(true)
                .open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            r.forEach(got::add);
        }
        assertEquals(4, got.size());
        assertEquals("one", got.get(0).controlNumber().orElseThrow());
        List<ErrorCode> second = got.get(1).diagnostics().stream().map(Diagnostic::code).toList();
        assertTrue(second.contains(ErrorCode.STRUCTURE_INVALID), second.toString());
        MarcRecord third = got.get(2);
        List<ErrorCode> codes = third.diagnostics().stream().map(Diagnostic::code).toList();
        // the orphan "42" first, then this record's own problems
        assertEquals(ErrorCode.STRUCTURE_INVALID, codes.getFirst());
        assertTrue(codes.containsAll(List.of(ErrorCode.LEADER_INVALID, ErrorCode.INDICATOR_INVALID,
                ErrorCode.SUBFIELD_CODE_INVALID, ErrorCode.TAG_INVALID)), codes.toString());
        assertEquals("short                   ", third.leader().toString());
        assertEquals(' ', third.dataField("245").orElseThrow().indicator1());
        // Indexes count record objects: "42" is not one, so this is record 2.
        assertTrue(third.diagnostics().stream().filter(d -> d.code() == ErrorCode.LEADER_INVALID)
                .allMatch(d -> d.recordIndex() == 2 && d.line() == 1 && d.column() > 1));
        assertEquals("two", got.get(3).controlNumber().orElseThrow());
        assertEquals(List.of(), got.get(3).diagnostics());
    }

    @Test
    void strictRejectsAShortLeaderAndAcceptsMissingIndicatorsWithAWarning() throws IOException {
        String text = "{\"leader\":\"short\",\"fields\":[]}";
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.builder().format(MarcFormat.MARC_JSON_LINES)
                    .open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
                r.read();
            }
        });
        assertEquals(ErrorCode.LEADER_INVALID, e.code());
        assertEquals(1, e.line());
        String noInd = "{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"245\":{\"subfields\":[{\"a\":\"t\"}]}}]}";
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARC_JSON_LINES)
                .open(new ByteArrayInputStream(noInd.getBytes(StandardCharsets.UTF_8)))) {
            MarcRecord rec = r.read();
            assertEquals(' ', rec.dataField("245").orElseThrow().indicator1());
            assertEquals(2, rec.diagnostics().size());
            assertTrue(rec.diagnostics().stream().allMatch(d -> d.severity() == org.marcloom.Severity.WARNING));
        }
    }
}
