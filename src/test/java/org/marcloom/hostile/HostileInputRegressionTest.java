package org.marcloom.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Limits;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// Regression tests for the findings of probing the readers with hostile input (docs/reliability.md,
/// "Found by probing"): each method is named after its finding and asserts the exact code, position
/// and setting name. The small-heap proofs run in a forked JVM ([SmallHeapLimitsTest]).
class HostileInputRegressionTest {

    static final String LEADER = "00000nam a2200000 a 4500";

    static String jsonRecord(int i, String title) {
        return "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r" + i + "\"},"
                + "{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"" + title + "\"}]}}]}";
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    record Read(List<MarcRecord> records, List<Diagnostic> trailing) {
    }

    static Read read(MarcFormat format, byte[] bytes, boolean lenient, Limits limits) {
        try (MarcReader r = MarcReader.builder().format(format).lenient(lenient).limits(limits)
                .open(new ByteArrayInputStream(bytes))) {
            List<MarcRecord> out = new ArrayList<>();
            r.forEach(out::add);
            return new Read(out, List.copyOf(r.trailingDiagnostics()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(MarcFormat format, byte[] bytes, boolean lenient) {
        return read(format, bytes, lenient, Limits.DEFAULTS);
    }

    static MarcParseException strict(MarcFormat format, byte[] bytes, Limits limits) {
        return assertThrows(MarcParseException.class, () -> read(format, bytes, false, limits));
    }

    // ------------------------------------------------------------------ finding 12

    /// Finding 12: a lenient read stopped at the first record over `maxRecordBytes`, losing the good
    /// records after it. Now the oversize record is reported (`LIMIT_EXCEEDED`, naming the setting,
    /// at its first byte), skipped without being held, and reading goes on; the same at any
    /// concurrency. marc-perl__test.mrc's nine records are 1470, 1593, 1426, 1440, 1597, 1531,
    /// 1318, 1921 and 1692 bytes long (at 0, 1470, 3063, 4489, 5929, 7526, 9057, 10375, 12296);
    /// with a limit of 1500 the four that fit are read.
    @Test
    void finding12_lenientReadGoesOnAfterARecordOverMaxRecordBytes() throws IOException {
        byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("fixtures", "iso2709", "marc-perl__test.mrc"));
        Limits limits = Limits.builder().maxRecordBytes(1500).build();
        for (int concurrency : new int[] {1, 2}) {
            List<String> seen = new ArrayList<>();
            List<Long> lengths = new ArrayList<>();
            try (MarcReader r = MarcReader.builder().lenient(true).limits(limits).concurrency(concurrency)
                    .open(new ByteArrayInputStream(file))) {
                for (MarcRecord rec : r) {
                    lengths.add((long) rec.leader().recordLength());
                    rec.diagnostics().forEach(d -> seen.add(d.code() + " " + d.recordIndex() + " @" + d.byteOffset()));
                }
                r.trailingDiagnostics().forEach(d -> seen.add(d.code() + " " + d.recordIndex() + " @" + d.byteOffset()
                        + (d.code() == ErrorCode.LIMIT_EXCEEDED ? " " + d.message().contains("Limits.maxRecordBytes") : "")));
            }
            assertEquals(List.of(1470L, 1426L, 1440L, 1318L), lengths, "concurrency " + concurrency);
            assertEquals(List.of(
                    "LIMIT_EXCEEDED 1 @1470", "JUNK_SKIPPED 1 @1470",
                    "LIMIT_EXCEEDED 3 @5929", "LIMIT_EXCEEDED 3 @7526", "JUNK_SKIPPED 3 @5929",
                    "LIMIT_EXCEEDED 4 @10375 true", "LIMIT_EXCEEDED 4 @12296 true", "TRAILING_BYTES 4 @10375"),
                    seen, "concurrency " + concurrency);
        }
        MarcParseException e = strict(MarcFormat.ISO_2709, file, limits);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(1470, e.byteOffset());
    }

    // ------------------------------------------------------------------ finding 6

    /// Finding 6: a flood of bad UTF-8 bytes in MARC-in-JSON was quadratic (the buffer was shifted
    /// once per bad byte: 1 MB took 9 s). 4 MB of 0xFF inside one subfield now reads in linear time:
    /// the record keeps its 4 Mi U+FFFD characters, the first 100 bad bytes have a diagnostic each
    /// (exact byte offsets), then the record's cap marker, and the next record is intact.
    @Test
    void finding06_badUtf8FloodInJsonIsLinear() {
        int flood = 4 * 1024 * 1024;
        byte[] head = utf8(jsonRecord(0, "first") + "\n" + jsonRecord(1, "#").substring(0, jsonRecord(1, "#").indexOf('#')));
        byte[] bad = new byte[flood];
        Arrays.fill(bad, (byte) 0xFF);
        String r1 = jsonRecord(1, "#");
        byte[] tail = utf8(r1.substring(r1.indexOf('#') + 1) + "\n" + jsonRecord(2, "third") + "\n");
        byte[] doc = concat(head, bad, tail);
        // the subfield is 4 Mi characters: over the default maxTokenLength (1 MiB)
        Limits limits = Limits.builder().maxTokenLength(8 * 1024 * 1024).build();
        Read read = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> read(MarcFormat.MARC_JSON, doc, true, limits));
        assertEquals(3, read.records().size());
        MarcRecord flooded = read.records().get(1);
        String title = flooded.dataFields("245").getFirst().subfields().getFirst().value();
        assertEquals(flood, title.length());
        assertEquals(flood, title.chars().filter(c -> c == 0xFFFD).count());
        List<Diagnostic> ds = flooded.diagnostics();
        assertEquals(101, ds.size());
        for (int k = 0; k < 100; k++) {
            assertEquals(ErrorCode.INVALID_UTF8, ds.get(k).code());
            assertEquals(head.length + k, ds.get(k).byteOffset());
            assertEquals(1, ds.get(k).recordIndex());
        }
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, ds.get(100).code());
        // the runs beyond the decoder's 10,000 waiting ones are counted, in one warning at the end
        assertEquals(1, read.trailing().size());
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, read.trailing().getFirst().code());
        assertTrue(read.trailing().getFirst().problem().startsWith((flood - 10_000) + " further bad byte sequences"),
                read.trailing().getFirst().problem());
        assertEquals(List.of(), read.records().get(2).diagnostics().stream()
                .filter(d -> d.code() == ErrorCode.INVALID_UTF8).toList());
        assertEquals("third", read.records().get(2).dataFields("245").getFirst().subfields().getFirst().value());
    }
    // ------------------------------------------------------------------ finding 5 (JSON)

    /// A record line of `subfields` subfields `{"a":"xxxxxxxxxx"}` (record index `i`).
    static String bigJsonRecord(int i, int subfields) {
        StringBuilder b = new StringBuilder("{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r" + i
                + "\"},{\"500\":{\"ind1\":\" \",\"ind2\":\" \",\"subfields\":[");
        for (int k = 0; k < subfields; k++) {
            b.append(k == 0 ? "" : ",").append("{\"a\":\"xxxxxxxxxx\"}");
        }
        return b.append("]}}]}").toString();
    }

    /// Finding 5: maxRecordBytes was not enforced for MARC-in-JSON (a 90 MB record loaded, then
    /// OOM). A record over it is now LIMIT_EXCEEDED naming the setting: strict throws with the
    /// record index, line and column of the subfield that went over; lenient skips the rest of the
    /// record (holding nothing) and reads on.
    @Test
    void finding05_jsonRecordOverMaxRecordBytes() {
        Limits limits = Limits.builder().maxRecordBytes(10_000).build();
        String big = bigJsonRecord(1, 2_000);
        for (boolean array : new boolean[] {false, true}) {
            String doc = array
                    ? "[" + jsonRecord(0, "first") + ",\n" + big + ",\n" + jsonRecord(2, "third") + "]\n"
                    : jsonRecord(0, "first") + "\n" + big + "\n" + jsonRecord(2, "third") + "\n";
            // the check runs at each field and subfield: the first subfield object whose '{' ends
            // past byte 10,000 of the record
            int first = big.indexOf("{\"a\"");
            int over = first;
            while (over + 1 <= 10_000) {
                over += "{\"a\":\"xxxxxxxxxx\"},".length();
            }
            int column = over + 2;
            MarcParseException e = strict(MarcFormat.MARC_JSON, utf8(doc), limits);
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
            assertEquals(1, e.recordIndex());
            assertEquals(2, e.line());
            assertEquals(column, e.column());
            // the byte after the '{' (line 2 starts after line 1, or after "[" and line 1 and ",")
            long line2 = doc.indexOf('\n') + 1;
            assertEquals(line2 + column - 1, e.byteOffset());
            assertEquals("r1", e.controlNumber());
            assertTrue(e.getMessage().contains("record 1 is longer than 10000 bytes, the maximum allowed"
                    + " (from Limits.maxRecordBytes)"), e.getMessage());

            Read read = read(MarcFormat.MARC_JSON, utf8(doc), true, limits);
            assertEquals(List.of("r0", "r2"), read.records().stream().map(r -> r.controlNumber().orElseThrow()).toList());
            List<Diagnostic> ds = read.records().get(1).diagnostics();
            assertEquals(1, ds.size(), ds::toString);
            assertEquals(ErrorCode.LIMIT_EXCEEDED, ds.getFirst().code());
            assertEquals(1, ds.getFirst().recordIndex());
            assertEquals(2, ds.getFirst().line());
            assertEquals(column, ds.getFirst().column());
            assertEquals(List.of(), read.trailing());
        }
    }

    // ------------------------------------------------------------------ finding 7

    /// A line that breaks one of Jackson's read constraints, as the second of three lines.
    static void assertJsonLimit(String badLine, Limits limits, String expected) {
        String doc = jsonRecord(0, "first") + "\n" + badLine + "\n" + jsonRecord(2, "third") + "\n";
        MarcParseException e = strict(MarcFormat.MARC_JSON, utf8(doc), limits);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e::getMessage);
        assertEquals(1, e.recordIndex());
        assertEquals(2, e.line());
        // the position is on line 2, where Jackson stood: the offset agrees with line and column
        assertEquals(jsonRecord(0, "first").length() + 1 + e.column() - 1, e.byteOffset());
        assertTrue(e.getMessage().contains(expected), e.getMessage());

        Read read = read(MarcFormat.MARC_JSON, utf8(doc), true, limits);
        assertEquals(List.of("r0", "r2"), read.records().stream().map(r -> r.controlNumber().orElseThrow()).toList());
        // the lost record's warnings (an unknown key) come first, then the error
        List<Diagnostic> ds = read.records().get(1).diagnostics();
        assertEquals(List.of(ErrorCode.LIMIT_EXCEEDED), ds.stream()
                .filter(d -> d.severity() != org.marcloom.Severity.WARNING).map(Diagnostic::code).toList(), ds::toString);
        Diagnostic d = ds.getLast();
        assertEquals(1, d.recordIndex());
        assertEquals(2, d.line());
        assertEquals("skipped to the next line", d.repair());
        assertTrue(d.problem().contains(expected), d.problem());
    }

    static String withSubfield(int i, String valueJson) {
        return "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r" + i + "\"},"
                + "{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\",\"subfields\":[{\"a\":" + valueJson + "}]}}]}";
    }

    /// Finding 7: Jackson's constraint errors surfaced as an UncheckedIOException ("reading
    /// FILE"), and lenient reading stopped. They are now LIMIT_EXCEEDED data errors naming the
    /// Limits setting Jackson's constraint comes from: nesting deeper than maxNestingDepth.
    @Test
    void finding07_jsonNestingOverMaxNestingDepth() {
        String deep = "[".repeat(1_000) + "]".repeat(1_000);
        String line = "{\"leader\":\"" + LEADER + "\",\"x\":" + deep + ",\"fields\":[{\"001\":\"r1\"}]}";
        assertJsonLimit(line, Limits.DEFAULTS,
                "Document nesting depth (1001) exceeds the maximum allowed (1000, from Limits.maxNestingDepth)");
    }

    /// Finding 7: a number longer than maxTokenLength (Jackson's maxNumberLength).
    @Test
    void finding07_jsonNumberOverMaxTokenLength() {
        Limits limits = Limits.builder().maxTokenLength(1_024).build();
        assertJsonLimit(withSubfield(1, "1".repeat(5_000)), limits,
                "exceeds the maximum allowed (1024, from Limits.maxTokenLength)");
    }

    /// Finding 7: a string longer than maxTokenLength (Jackson's maxStringLength; its default, 20 MB,
    /// is now 1 MiB).
    @Test
    void finding07_jsonStringOverMaxTokenLength() {
        assertJsonLimit(withSubfield(1, "\"" + "x".repeat(2 * 1024 * 1024) + "\""), Limits.DEFAULTS,
                "exceeds the maximum allowed (1048576, from Limits.maxTokenLength)");
    }

    /// Finding 7: a key longer than maxNameLength (Jackson's maxNameLength, 50,000, is now 1,000).
    @Test
    void finding07_jsonKeyOverMaxNameLength() {
        String line = "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r1\"},{\"" + "9".repeat(50_000)
                + "\":\"x\"}]}";
        assertJsonLimit(line, Limits.DEFAULTS,
                "exceeds the maximum allowed (1000, from Limits.maxNameLength)");
    }

    // ------------------------------------------------------------------ finding 15 (JSON keys)

    /// Finding 15: a repeated "leader", "ind1", "ind2" or "subfields" key in MARC-in-JSON silently
    /// won, even in strict mode. Now: strict STRUCTURE_INVALID; lenient keeps the first value and
    /// says so.
    @Test
    void finding15_jsonRepeatedKeys() {
        String leader2 = "00000cam a2200000 a 4500";
        String[][] cases = {
            {"{\"leader\":\"" + LEADER + "\",\"leader\":\"" + leader2 + "\",\"fields\":[{\"001\":\"r0\"}]}",
                "the record has a second \"leader\"", null},
            {"{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r0\"},{\"245\":{\"ind1\":\"0\",\"ind1\":\"1\","
                + "\"ind2\":\"0\",\"subfields\":[{\"a\":\"t\"}]}}]}", "field 245 has a second \"ind1\"", "245"},
            {"{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r0\"},{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\","
                + "\"ind2\":\"1\",\"subfields\":[{\"a\":\"t\"}]}}]}", "field 245 has a second \"ind2\"", "245"},
            {"{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r0\"},{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\","
                + "\"subfields\":[{\"a\":\"t\"}],\"subfields\":[{\"a\":\"u\"}]}}]}", "field 245 has a second \"subfields\"",
                "245"},
        };
        for (String[] c : cases) {
            MarcParseException e = strict(MarcFormat.MARC_JSON, utf8(c[0] + "\n"), Limits.DEFAULTS);
            assertEquals(ErrorCode.STRUCTURE_INVALID, e.code(), e::getMessage);
            assertEquals(0, e.recordIndex());
            assertEquals(c[2], e.tag());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            Read read = read(MarcFormat.MARC_JSON, utf8(c[0] + "\n"), true);
            MarcRecord r = read.records().getFirst();
            assertEquals(List.of(c[1]), r.diagnostics().stream().map(Diagnostic::problem).toList());
            assertEquals("the first was kept", r.diagnostics().getFirst().repair());
            assertEquals(LEADER, r.leader().toString());
            if (c[2] != null) {
                var f = r.dataFields("245").getFirst();
                assertEquals('0', f.indicator1());
                assertEquals('0', f.indicator2());
                assertEquals("t", f.subfields().getFirst().value());
                assertEquals(1, f.subfields().size());
            }
        }
    }
    // ------------------------------------------------------------------ finding 4

    static final String XML_RECORD = "<record><leader>" + LEADER + "</leader><controlfield tag=\"001\">r%d"
            + "</controlfield><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">t</subfield>"
            + "</datafield></record>";

    static String xmlRecord(int i) {
        return XML_RECORD.formatted(i);
    }

    static final String COLLECTION = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">";

    /// Reads `doc` both ways; lenient must give `records` records and end with one FATAL trailing
    /// diagnostic of `code` whose problem contains `problem`; strict must throw the same.
    static Diagnostic assertXmlEnds(byte[] doc, int records, ErrorCode code, String problem) {
        Read read = read(MarcFormat.MARCXML, doc, true);
        assertEquals(records, read.records().size());
        assertEquals(1, read.trailing().size(), read.trailing()::toString);
        Diagnostic d = read.trailing().getFirst();
        assertEquals(code, d.code(), d::toString);
        assertEquals(records, d.recordIndex());
        assertTrue(d.problem().contains(problem), d.problem());
        MarcParseException e = strict(MarcFormat.MARCXML, doc, Limits.DEFAULTS);
        assertEquals(code, e.code());
        assertEquals(records, e.recordIndex());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        return d;
    }

    static byte[] repeat(char c, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    /// Finding 4: the MARCXML scanner held a whole comment: a 200 MB comment between records was an
    /// OutOfMemoryError under -Xmx64m (the forked-JVM proof is in [SmallHeapLimitsTest]). Comments
    /// now stream past: 8 MB of comment between two records is read with no diagnostic.
    @Test
    void finding04_xmlHugeCommentBetweenRecordsStreams() {
        byte[] doc = concat(utf8(COLLECTION + xmlRecord(0) + "<!--"), repeat('c', 8 << 20),
                utf8("-->" + xmlRecord(1) + "<?pi "), repeat('p', 8 << 20), utf8("?>" + xmlRecord(2) + "</collection>"));
        Read read = read(MarcFormat.MARCXML, doc, false);
        assertEquals(List.of("r0", "r1", "r2"), read.records().stream().map(r -> r.controlNumber().orElseThrow()).toList());
        assertEquals(List.of(), read.records().stream().flatMap(r -> r.diagnostics().stream()).toList());
    }

    /// Finding 4: an unterminated comment, or processing instruction, ends in a syntax error at the
    /// end of the input (streamed, not held).
    @Test
    void finding04_xmlUnterminatedCommentAndPi() {
        for (String open : new String[] {"<!--", "<?pi "}) {
            byte[] doc = concat(utf8(COLLECTION + xmlRecord(0) + open), repeat('c', 8 << 20));
            Diagnostic d = assertXmlEnds(doc, 1, ErrorCode.SYNTAX_ERROR,
                    "XML document structures must start and end within the same entity.");
            assertEquals(1, d.line());
            assertEquals(doc.length + 1, d.column());
        }
    }

    /// Finding 4: an unterminated CDATA section (content: it has to be held) is LIMIT_EXCEEDED
    /// naming maxTokenLength once it is longer.
    @Test
    void finding04_xmlUnterminatedCdataOverMaxTokenLength() {
        byte[] doc = concat(utf8(COLLECTION + xmlRecord(0) + "<record><leader><![CDATA["), repeat('c', 4 << 20));
        assertXmlEnds(doc, 1, ErrorCode.LIMIT_EXCEEDED,
                "a CDATA section is longer than 1048576 characters, the maximum allowed (from Limits.maxTokenLength)");
    }

    /// Finding 4: a 4 MB attribute value: the start tag is over maxTokenLength.
    @Test
    void finding04_xmlHugeAttributeOverMaxTokenLength() {
        byte[] doc = concat(utf8(COLLECTION + xmlRecord(0) + "<record type=\""), repeat('v', 4 << 20),
                utf8("\">" + "</record></collection>"));
        assertXmlEnds(doc, 1, ErrorCode.LIMIT_EXCEEDED,
                "a start tag is longer than 1048576 characters, the maximum allowed (from Limits.maxTokenLength)");
    }

    /// Finding 4: a 4 MB element name (and attribute name) is over maxNameLength, reported at the
    /// name's first character.
    @Test
    void finding04_xmlHugeNameOverMaxNameLength() {
        String head = COLLECTION + xmlRecord(0) + "<";
        Diagnostic d = assertXmlEnds(concat(utf8(head), repeat('n', 4 << 20), utf8("/></collection>")), 1,
                ErrorCode.LIMIT_EXCEEDED,
                "an element name is longer than 1000 characters, the maximum allowed (from Limits.maxNameLength)");
        assertEquals(head.length() + 1, d.column());
        String head2 = COLLECTION + xmlRecord(0) + "<record ";
        Diagnostic d2 = assertXmlEnds(concat(utf8(head2), repeat('n', 4 << 20), utf8("=\"x\"/></collection>")), 1,
                ErrorCode.LIMIT_EXCEEDED, "an attribute name of element \"record\" is longer than 1000 characters,"
                        + " the maximum allowed (from Limits.maxNameLength)");
        assertEquals(head2.length() + 1, d2.column());
    }

    /// Finding 4: 1,000,000 nested elements read without a crash before; now the 1,000th level
    /// ends the document naming maxNestingDepth (never a StackOverflowError or OOM).
    @Test
    void finding04_xmlDeepNestingOverMaxNestingDepth() {
        String head = COLLECTION + xmlRecord(0);
        byte[] doc = concat(utf8(head), utf8("<a>".repeat(1_000_000)));
        Diagnostic d = assertXmlEnds(doc, 1, ErrorCode.LIMIT_EXCEEDED,
                "element \"a\" is nested deeper than 1000 elements, the maximum allowed (from Limits.maxNestingDepth)");
        // the collection is level 1: the 1,000th <a> would be level 1,001
        assertEquals(head.length() + 3 * 999 + 2, d.column());
    }

    /// Finding 4: 100,000 attributes on one element: the 1,001st ends the document naming
    /// maxAttributesPerElement.
    @Test
    void finding04_xmlManyAttributesOverMaxAttributesPerElement() {
        StringBuilder b = new StringBuilder(COLLECTION + xmlRecord(0) + "<record");
        int[] at = new int[1];
        for (int k = 0; k < 100_000; k++) {
            if (k == 1_000) {
                at[0] = b.length() + 1;
            }
            b.append(" a").append(k).append("=\"x\"");
        }
        b.append("/></collection>");
        Diagnostic d = assertXmlEnds(utf8(b.toString()), 1, ErrorCode.LIMIT_EXCEEDED,
                "element \"record\" has more than 1000 attributes, the maximum allowed (from"
                        + " Limits.maxAttributesPerElement)");
        assertEquals(at[0] + 1, d.column());
    }
    // ------------------------------------------------------------------ finding 5 (MARCMaker)

    /// Finding 5: MARCMaker held maxRecordBytes only per line: a record of many lines loaded
    /// whole. Now the record's lines are counted: the line that goes over is LIMIT_EXCEEDED (with
    /// its line number and byte offset) naming the setting; lenient keeps the fields before it,
    /// skips the record's other lines and reads the next record.
    @Test
    void finding05_mrkRecordOverMaxRecordBytes() {
        Limits limits = Limits.builder().maxRecordBytes(10_000).build();
        String line = "=500  \\\\$a" + "x".repeat(89) + "\n"; // 100 bytes with the line end
        StringBuilder doc = new StringBuilder("=LDR  " + LEADER.replace(' ', '\\') + "\n=001  r0\n\n");
        int start = doc.length();
        doc.append("=LDR  ").append(LEADER.replace(' ', '\\')).append("\n=001  r1\n");
        int header = doc.length() - start; // 31 + 9 bytes
        for (int k = 0; k < 500; k++) {
            doc.append(line);
        }
        doc.append("\n=LDR  ").append(LEADER.replace(' ', '\\')).append("\n=001  r2\n");
        // record 1 is lines 4 and 5 (40 bytes), then 100-byte lines: the 100th (line 105) goes over
        int overLine = 5 + 100;
        long overOffset = start + header + 99L * 100;
        MarcParseException e = strict(MarcFormat.MARCMAKER, utf8(doc.toString()), limits);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(overLine, e.line());
        assertEquals(overOffset, e.byteOffset());
        assertTrue(e.getMessage().contains("record is longer than 10000 bytes, the maximum allowed"
                + " (from Limits.maxRecordBytes)"), e.getMessage());

        Read read = read(MarcFormat.MARCMAKER, utf8(doc.toString()), true, limits);
        assertEquals(List.of("r0", "r1", "r2"), read.records().stream().map(r -> r.controlNumber().orElseThrow()).toList());
        MarcRecord r1 = read.records().get(1);
        assertEquals(98, r1.dataFields("500").size());
        assertEquals(1, r1.diagnostics().size());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, r1.diagnostics().getFirst().code());
        assertEquals(overLine, r1.diagnostics().getFirst().line());
        assertEquals(List.of(), read.records().get(2).diagnostics());
    }

    // ------------------------------------------------------------------ finding 15 (MARCMaker 000)

    /// Finding 15: a field tagged 000 written to .mrk read back as the leader of a second record.
    /// `=000` is now a leader only where a record starts: the round trip keeps one record with
    /// its field 000.
    @Test
    void finding15_mrkField000RoundTrip() throws IOException {
        MarcRecord r = MarcRecord.builder().leader(org.marcloom.record.Leader.of(LEADER))
                .addControlField("001", "r0").addControlField("000", "not a leader")
                .addDataField("245", '0', '0', new org.marcloom.record.Subfield('a', "t")).build();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.marcloom.MarcWriter w = org.marcloom.MarcWriter.builder().format(MarcFormat.MARCMAKER).open(out)) {
            w.write(r);
        }
        Read read = read(MarcFormat.MARCMAKER, out.toByteArray(), false);
        assertEquals(1, read.records().size());
        assertEquals(r.fields(), read.records().getFirst().fields());
        assertEquals(List.of(), read.records().getFirst().diagnostics());
    }
    // ------------------------------------------------------------------ finding 11

    /// Finding 11: MARCXML in the MarcXchange namespace (SRU, OAI-PMH) read as zero records, exit
    /// 0, no diagnostic. It is now read like MARC 21 slim: the fixtures give the records of their
    /// MARC 21 slim originals.
    @Test
    void finding11_marcXchangeIsRead() throws IOException {
        for (String[] pair : new String[][] {{"marcxchange-summerland.xml", "marc4j__summerland.xml"},
            {"marcxchange-sru-response.xml", "sru-response.xml"}}) {
            byte[] mx = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("fixtures/xml", pair[0]));
            byte[] slim = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("fixtures/xml", pair[1]));
            Read a = read(MarcFormat.MARCXML, mx, false);
            Read b = read(MarcFormat.MARCXML, slim, false);
            assertEquals(b.records().size(), a.records().size(), pair[0]);
            assertTrue(a.records().size() >= 1, pair[0]);
            for (int i = 0; i < a.records().size(); i++) {
                assertEquals(b.records().get(i).leader(), a.records().get(i).leader());
                assertEquals(b.records().get(i).fields(), a.records().get(i).fields());
                assertEquals(List.of(), a.records().get(i).diagnostics());
            }
        }
    }

    /// Finding 11: a record in another namespace (here a typo in the MARC namespace) whose children
    /// are leader/controlfield/datafield is STRUCTURE_INVALID naming the namespace URI, never zero
    /// records in silence; lenient skips it and reads the others.
    @Test
    void finding11_recordInUnknownNamespaceIsReported() {
        String typo = "http://www.loc.gov/MARC21/slim/";
        String head = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + xmlRecord(0)
                + "<m:record xmlns:m=\"" + typo + "\">";
        String doc = head + "<m:leader>" + LEADER + "</m:leader><m:controlfield tag=\"001\">x</m:controlfield>"
                + "</m:record>" + xmlRecord(2) + "</collection>";
        String problem = "a <record> in namespace \"" + typo + "\" holds <leader>";
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML)
                    .open(new ByteArrayInputStream(utf8(doc)))) {
                assertEquals("r0", r.read().controlNumber().orElseThrow());
                r.read();
            }
        });
        assertEquals(ErrorCode.STRUCTURE_INVALID, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(1, e.line());
        assertEquals(head.length() + "<m:leader>".length() + 1, e.column());
        assertTrue(e.getMessage().contains(problem), e.getMessage());

        Read read = read(MarcFormat.MARCXML, utf8(doc), true);
        assertEquals(List.of("r0", "r2"), read.records().stream().map(r -> r.controlNumber().orElseThrow()).toList());
        assertEquals(1, read.trailing().size());
        assertEquals(ErrorCode.STRUCTURE_INVALID, read.trailing().getFirst().code());
        assertTrue(read.trailing().getFirst().problem().contains(problem), read.trailing().getFirst().problem());
    }
    // ------------------------------------------------------------------ finding 15 (wide XML)

    static List<MarcRecord> readDetected(byte[] bytes) {
        try (MarcReader r = MarcReader.builder().detectFormat().open(new ByteArrayInputStream(bytes))) {
            List<MarcRecord> out = new ArrayList<>();
            r.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Finding 15: MARCXML in UTF-16 (LE, BE, with and without a byte order mark, with and
    /// without a declaration), UTF-32 or EBCDIC was not recognised by format detection (only
    /// `--from marcxml` read it). Detection now decodes such a head first: each reads as the
    /// UTF-8 original does.
    @Test
    void finding15_utf16Utf32EbcdicXmlIsDetected() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("fixtures/xml/marc4j__summerland.xml"));
        List<MarcRecord> expected = readDetected(utf8(doc));
        assertEquals(1, expected.size());
        String body = doc.substring(doc.indexOf("?>") + 2);
        for (String cs : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
            java.nio.charset.Charset charset = java.nio.charset.Charset.forName(cs);
            String declared = doc.replace("encoding=\"UTF-8\"", "encoding=\"" + cs.substring(0, 6) + "\"");
            byte[] bom = "\uFEFF".getBytes(charset);
            for (byte[] bytes : List.of(declared.getBytes(charset), concat(bom, declared.getBytes(charset)),
                    body.getBytes(charset), concat(bom, body.getBytes(charset)))) {
                assertEquals(java.util.Optional.of(MarcFormat.MARCXML), org.marcloom.FormatDetector.detectFormat(bytes,
                        Math.min(bytes.length, 8192)), cs);
                List<MarcRecord> got = readDetected(bytes);
                assertEquals(expected.size(), got.size(), cs);
                assertEquals(expected.getFirst().fields(), got.getFirst().fields(), cs);
            }
        }
        java.nio.charset.Charset ebcdic = java.nio.charset.Charset.forName("IBM037");
        byte[] e = doc.replace("encoding=\"UTF-8\"", "encoding=\"IBM037\"").getBytes(ebcdic);
        assertEquals(java.util.Optional.of(MarcFormat.MARCXML), org.marcloom.FormatDetector.detectFormat(e,
                Math.min(e.length, 8192)));
        assertEquals(expected.getFirst().fields(), readDetected(e).getFirst().fields());
    }
    /// Finding 4, found again while proving the limits under a small heap: one text value was held
    /// up to maxRecordBytes (16 Mi characters: an OutOfMemoryError under -Xmx64m). One value is
    /// now held to maxTokenLength: strict throws at it, lenient keeps its first part and reads on.
    @Test
    void finding04_xmlHugeTextValueOverMaxTokenLength() {
        String head = COLLECTION + xmlRecord(0) + "<record><leader>" + LEADER + "</leader><controlfield tag=\"001\">r1"
                + "</controlfield><datafield tag=\"500\" ind1=\" \" ind2=\" \"><subfield code=\"a\">";
        byte[] doc = concat(utf8(head), repeat('t', 4 << 20),
                utf8("</subfield></datafield></record>" + xmlRecord(2) + "</collection>"));
        String problem = "a value is longer than 1048576 characters, the maximum allowed (from Limits.maxTokenLength)";
        MarcParseException e = strict(MarcFormat.MARCXML, doc, Limits.DEFAULTS);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals("500", e.tag());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        Read read = read(MarcFormat.MARCXML, doc, true);
        assertEquals(List.of("r0", "r1", "r2"), read.records().stream().map(r -> r.controlNumber().orElseThrow()).toList());
        List<Diagnostic> ds = read.records().get(1).diagnostics();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, ds.getFirst().code());
        assertEquals("500", ds.getFirst().tag());
        assertEquals(problem, ds.getFirst().problem());
        String kept = read.records().get(1).dataFields("500").getFirst().subfields().getFirst().value();
        assertTrue(kept.length() <= 1 << 20, () -> String.valueOf(kept.length()));
        assertEquals(kept.length(), kept.chars().filter(c -> c == 't').count());
    }
}
