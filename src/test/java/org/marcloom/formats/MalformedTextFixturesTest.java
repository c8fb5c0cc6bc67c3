package org.marcloom.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// Every MARCXML and MARC-in-JSON fixture, through the front door with format detection:
///
/// - each of the ten files the strict reader rejects fails with a [MarcParseException] (never
///   another exception) with the exact code, record index, line, column, tag and 001 (read off
///   the file), after the exact number of records, and names the file; in lenient mode it never
///   throws, returns every record the strict reader returned before its error (equal), and
///   reports exactly the listed diagnostics; every other file is read without an error;
/// - every file, with one byte of the leader of the last record read leniently replaced by the
///   invalid byte 0xFF: strict mode
///   fails with INVALID_UTF8 at that record, line, column and byte offset; lenient mode returns
///   the same records as the intact file read leniently, with the leader character read as
///   U+FFFD and one INVALID_UTF8 diagnostic more on that record.
class MalformedTextFixturesTest {

    private static final Pattern XML_LEADER = Pattern.compile("<([A-Za-z_][\\w.-]*:)?leader>");
    private static final Pattern JSON_LEADER = Pattern.compile("\"leader\"\\s*:\\s*\"");

    static List<Path> textFixtures() {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("xml", "json")) {
            try (Stream<Path> s = Files.list(Path.of("fixtures", dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /// What a read gave: the records before the end or the error, and the error.
    record Outcome(List<MarcRecord> records, RuntimeException error, List<Diagnostic> trailing) {
    }

    static Outcome read(byte[] bytes, boolean lenient, String name) {
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().detectFormat().lenient(lenient).sourceName(name)
                .open(new ByteArrayInputStream(bytes))) {
            try {
                MarcRecord rec;
                while ((rec = r.read()) != null) {
                    records.add(rec);
                }
            } catch (RuntimeException e) {
                return new Outcome(records, e, List.of());
            }
            return new Outcome(records, null, r.trailingDiagnostics());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// A diagnostic as `SEVERITY CODE recordIndex line:column [tag]`: everything it says but its
    /// text (the byte offset is -1 for these problems, checked separately).
    static String tuple(Diagnostic d) {
        return d.severity() + " " + d.code() + " " + d.recordIndex() + " " + d.line() + ":" + d.column()
                + (d.tag() == null ? "" : " " + d.tag());
    }

    /// What one rejected file gives: the records strict mode returns before it throws, its
    /// exception (as a tuple, and the 001 it names), the records lenient mode returns, and every
    /// diagnostic lenient mode reports (the records', then the trailing ones). Each position was
    /// read off the file: for a problem with an element (an unexpected one, a missing attribute)
    /// it is where the element's start tag ends, which is where the XML parser stands after
    /// reading it; for malformed XML or JSON it is the parser's error position (the offending
    /// character, or the end of an unrecognised JSON token).
    record Rejected(int strictRecords, String strict, String controlNumber, int lenientRecords, List<String> lenient) {
    }

    static final java.util.Map<String, Rejected> REJECTED = java.util.Map.of(
            // Line 117, column 3: a second <record> root element after the first one ended (its 001,
            // 21061, is record 0's: nothing of record 1 was read).
            "evergreen__serials_marc21.xml", new Rejected(1, "FATAL SYNTAX_ERROR 1 117:3", null,
                    1, List.of("FATAL SYNTAX_ERROR 1 117:3")),
            // Line 2: an OAI-PMH <identifier> (ends at column 224) and <datestamp> (258) inside the record.
            "marc4j__1474920681_KOHA_LFL_6_with_comment.xml", new Rejected(0, "FATAL STRUCTURE_INVALID 0 2:225", null,
                    1, List.of("ERROR STRUCTURE_INVALID 0 2:225", "ERROR STRUCTURE_INVALID 0 2:259")),
            // Line 8: <subfields code="a"> (ends at column 26) in the 020.
            "marc4j__chabon-bad-subfields-element.xml", new Rejected(0, "FATAL STRUCTURE_INVALID 0 8:27 020",
                    "11939876", 1, List.of("ERROR STRUCTURE_INVALID 0 8:27 020")),
            // The same <subfields>, and line 61: <datafield ind1=" " ind2="7"> (33 characters) with no tag.
            "marc4j__chabon-missing-datafield-tag.xml", new Rejected(0, "FATAL STRUCTURE_INVALID 0 8:27 020",
                    "11939876", 1, List.of("ERROR STRUCTURE_INVALID 0 8:27 020", "ERROR TAG_INVALID 0 61:34")),
            // Line 8: <subfield> (ends at column 16) with no code, in the 020.
            "marc4j__chabon-missing-subfield-code.xml", new Rejected(0, "FATAL SUBFIELD_CODE_INVALID 0 8:17 020",
                    "11939876", 1, List.of("ERROR SUBFIELD_CODE_INVALID 0 8:17 020")),
            // Line 51: <datafield tag="911"> (ends at column 29) with neither indicator.
            "marc4j__cruel-cruel-indicatorless-summerland.xml", new Rejected(0, "FATAL INDICATOR_INVALID 0 51:30 911",
                    "12883376", 1, List.of("ERROR INDICATOR_INVALID 0 51:30 911", "ERROR INDICATOR_INVALID 0 51:30 911")),
            // Line 72, column 29: the character U+0007 in a code attribute of record 1 (whose 001,
            // on line 57, was read); lenient mode drops the incomplete record 1 and ends.
            "ruby-marc__three-records-second-bad.xml", new Rejected(1, "FATAL SYNTAX_ERROR 1 72:29", "afc99990058366",
                    1, List.of("FATAL SYNTAX_ERROR 1 72:29")),
            // Line 1, column 2: the unquoted key leader (marc4j's legacy "MARC-JSON" is not JSON).
            "marc4j__summerland-marc-json.json", new Rejected(0, "FATAL SYNTAX_ERROR 0 1:2", null,
                    0, List.of("ERROR SYNTAX_ERROR 0 1:2")),
            // An array whose first record has a line feed inside a string (line 170, column 36, the
            // end of "a":"Dylan,): an array cannot be resynchronised, so nothing is read.
            "pymarc__test.json", new Rejected(0, "FATAL SYNTAX_ERROR 0 170:36", null,
                    0, List.of("FATAL SYNTAX_ERROR 0 170:36")));

    /// marc4j__illegal-marc-in-json.json: the same record as pymarc__test.json without the array,
    /// so read as one record object per line: after the line feed at 170:36 every line is
    /// resynchronised on and reported (line 171 "Bob," is an unrecognised token, ending at column
    /// 30; line 172 holds a lone string at column 25), and no record survives: the first 100
    /// diagnostics, then DIAGNOSTICS_TRUNCATED where the 101st would have been (line 357, column
    /// 13: the `{` of a 952 without indicators, which the abandoned record 15 had collected and
    /// which is kept with the error that abandoned it).
    @org.junit.jupiter.api.Test
    void illegalMarcInJsonLinesReportsEveryLineItSkips() throws IOException {
        Path p = Path.of("fixtures/json/marc4j__illegal-marc-in-json.json");
        String name = p.getFileName().toString();
        Outcome strict = read(Files.readAllBytes(p), false, name);
        MarcParseException e = assertInstanceOf(MarcParseException.class, strict.error());
        assertEquals("FATAL SYNTAX_ERROR 0 170:36", tuple(e.diagnostic()));
        Outcome lenient = read(Files.readAllBytes(p), true, name);
        assertEquals(List.of(), lenient.records());
        List<String> t = lenient.trailing().stream().map(MalformedTextFixturesTest::tuple).toList();
        assertEquals(101, t.size(), t.toString());
        assertEquals(List.of("ERROR SYNTAX_ERROR 0 170:36", "ERROR SYNTAX_ERROR 1 171:30", "ERROR STRUCTURE_INVALID 1 172:25"),
                t.subList(0, 3));
        assertEquals("WARNING DIAGNOSTICS_TRUNCATED 15 357:13", t.getLast());
    }

    @TestFactory
    Stream<DynamicTest> rejectedFilesFailClearlyStrictAndKeepTheGoodRecordsLenient() {
        return textFixtures().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            Outcome strict = read(bytes, false, name);
            Outcome lenient = read(bytes, true, name);
            assertEquals(null, lenient.error(), "lenient mode never throws");
            Rejected expected = REJECTED.get(name);
            if (name.equals("marc4j__illegal-marc-in-json.json")) {
                return; // illegalMarcInJsonLinesReportsEveryLineItSkips
            }
            if (expected == null) {
                assertEquals(null, strict.error(), name + " is read without an error");
                assertEquals(strict.records(), lenient.records());
                return;
            }
            MarcParseException e = assertInstanceOf(MarcParseException.class, strict.error());
            assertEquals(expected.strictRecords(), strict.records().size(), "records before the error");
            assertEquals(expected.strict(), tuple(e.diagnostic()), e.getMessage());
            assertEquals(-1, e.byteOffset());
            assertEquals(expected.controlNumber(), e.controlNumber());
            assertEquals(name, e.source());
            assertEquals(expected.lenientRecords(), lenient.records().size());
            assertEquals(strict.records(), lenient.records().subList(0, strict.records().size()),
                    "the records before the error are read alike");
            List<Diagnostic> all = new ArrayList<>();
            lenient.records().forEach(r -> all.addAll(r.diagnostics()));
            all.addAll(lenient.trailing());
            assertEquals(expected.lenient(), all.stream().map(MalformedTextFixturesTest::tuple).toList());
            assertEquals(List.of(), all.stream().filter(d -> d.byteOffset() != -1).toList());
        }));
    }

    @TestFactory
    Stream<DynamicTest> aBadByteInTheLastLeaderIsAnExactError() {
        return textFixtures().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            boolean xml = name.endsWith(".xml");
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            Outcome intact = read(bytes, true, name);
            int k = intact.records().size();
            if (k == 0) {
                return; // nothing is read from this file (marc4j's legacy non-JSON "MARC-JSON", say)
            }
            // the leader of the last record the lenient reader returns
            Matcher m = (xml ? XML_LEADER : JSON_LEADER).matcher(text);
            for (int i = 0; i < k; i++) {
                assertTrue(m.find(), name + ": leader " + i);
            }
            int value = m.end();
            int at = value + 5; // leader/05
            assertTrue(bytes[at] > 0x20 && bytes[at] < 0x7F, name + ": an ASCII leader byte");
            byte[] bad = bytes.clone();
            bad[at] = (byte) 0xFF;
            Outcome lenient = read(bad, true, name);
            assertEquals(null, lenient.error());
            assertEquals(intact.records().size(), lenient.records().size());
            // the record holding the leader: the one whose diagnostics gained INVALID_UTF8
            int index = -1;
            for (int i = 0; i < lenient.records().size(); i++) {
                MarcRecord a = intact.records().get(i);
                MarcRecord b = lenient.records().get(i);
                if (!a.leader().equals(b.leader())) {
                    assertEquals(-1, index, "one leader changed");
                    index = i;
                    assertEquals('\uFFFD', b.leader().toString().charAt(5));
                    assertEquals(a.fields(), b.fields());
                    assertEquals(a.diagnostics().size() + 1, b.diagnostics().size(), b.diagnostics().toString());
                    assertEquals(1, b.diagnostics().stream().filter(d -> d.code() == ErrorCode.INVALID_UTF8).count(),
                            b.diagnostics().toString());
                    Diagnostic d = b.diagnostics().stream().filter(x -> x.code() == ErrorCode.INVALID_UTF8)
                            .findFirst().orElseThrow();
                    assertEquals(at, d.byteOffset());
                    assertEquals(i, d.recordIndex());
                    assertEquals(line(bytes, at), d.line());
                    assertEquals(column(bytes, at, xml), d.column());
                } else {
                    assertEquals(a, b);
                }
            }
            assertEquals(k - 1, index, name + ": the leader of the last record changed");
            Outcome strictIntact = read(bytes, false, name);
            Outcome strict = read(bad, false, name);
            if (strictIntact.error() == null || strictIntact.records().size() > index) {
                MarcParseException e = assertInstanceOf(MarcParseException.class, strict.error());
                assertEquals(ErrorCode.INVALID_UTF8, e.code(), e.getMessage());
                assertEquals(index, e.recordIndex());
                assertEquals(at, e.byteOffset());
                assertEquals(line(bytes, at), e.line());
                assertEquals(column(bytes, at, xml), e.column());
            } else {
                assertInstanceOf(MarcParseException.class, strict.error(), "fails as the intact file does");
            }
        }));
    }

    private static int line(byte[] b, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /// One-based column: UTF-16 units for XML (as the XML parser counts), bytes for JSON (as Jackson does).
    private static int column(byte[] b, int at, boolean xml) {
        int start = at;
        while (start > 0 && b[start - 1] != '\n') {
            start--;
        }
        if (!xml) {
            return at - start + 1;
        }
        String before = new String(b, start, at - start, StandardCharsets.UTF_8);
        if (start == 0 && before.startsWith("\uFEFF")) {
            before = before.substring(1);
        }
        return before.length() + 1;
    }
}
