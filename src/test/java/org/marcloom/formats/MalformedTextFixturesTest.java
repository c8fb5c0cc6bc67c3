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
/// - a file the strict reader rejects fails with a [MarcParseException] (never another
///   exception) that has a line, a column and the file name; in lenient mode the same file never
///   throws, returns every record the strict reader returned before its error (equal), and
///   reports a diagnostic with the strict error's code and a line;
/// - every file, with one byte of the leader of the last record read leniently replaced by the invalid byte 0xFF: strict mode
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

    @TestFactory
    Stream<DynamicTest> rejectedFilesFailClearlyStrictAndKeepTheGoodRecordsLenient() {
        return textFixtures().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            Outcome strict = read(bytes, false, name);
            Outcome lenient = read(bytes, true, name);
            assertEquals(null, lenient.error(), "lenient mode never throws");
            if (strict.error() == null) {
                assertEquals(strict.records(), lenient.records());
                return;
            }
            MarcParseException e = assertInstanceOf(MarcParseException.class, strict.error());
            assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
            assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
            assertTrue(lenient.records().size() >= strict.records().size(), e.getMessage());
            assertEquals(strict.records(), lenient.records().subList(0, strict.records().size()),
                    "the records before the error are read alike");
            List<Diagnostic> all = new ArrayList<>(lenient.trailing());
            lenient.records().forEach(r -> all.addAll(r.diagnostics()));
            assertTrue(all.stream().anyMatch(d -> d.code() == e.code() && d.line() >= 1),
                    "lenient reports " + e.code() + ": " + all);
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
