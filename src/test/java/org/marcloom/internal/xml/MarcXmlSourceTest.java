package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Limits;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;

/// The MARCXML reader through the front door: document shapes, envelopes, repairs and errors.
class MarcXmlSourceTest {

    private static final String LEADER = "00000nam a2200000 a 4500";

    private static String record(String body) {
        return "<record><leader>" + LEADER + "</leader>" + body + "</record>";
    }

    /// A diagnostic as `SEVERITY CODE recordIndex line:column [tag]`, all it says but its text.
    /// The position of a problem with an element is where the parser stands after the tag that
    /// holds it: after the start tag for an attribute or an unexpected element, after the end tag
    /// for the text (a leader). The documents below are built by [XmlTestSupport#collection]: the
    /// XML declaration is line 1, the `<collection>` tag line 2, the records start on line 3.
    private static String tuple(Diagnostic d) {
        return d.severity() + " " + d.code() + " " + d.recordIndex() + " " + d.line() + ":" + d.column()
                + (d.tag() == null ? "" : " " + d.tag());
    }

    private static List<String> tuples(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(MarcXmlSourceTest::tuple).toList();
    }

    @Test
    void readsCollectionThroughTheFrontDoor() throws IOException {
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML)
                .open(XmlTestSupport.fixture("marc4j__chabon.xml"))) {
            MarcRecord first = r.read();
            assertEquals("11939876", first.controlNumber().orElseThrow());
            assertEquals(1, r.recordsRead());
            assertEquals(java.util.Optional.of("12883376"), r.read().controlNumber());
            assertNull(r.read());
            assertEquals(2, r.recordsRead());
            assertEquals(List.of(), r.trailingDiagnostics());
        }
    }

    @Test
    void readsASingleRecordRootWithTypeAttribute() throws IOException {
        List<MarcRecord> records = XmlTestSupport.readAll(
                XmlTestSupport.fixture("marc4j__summerland-record-with-type.xml"), false);
        assertEquals(1, records.size());
        assertEquals("Summerland /", records.get(0).value("245$a").orElseThrow());
    }

    @Test
    void readsPrefixedAndUnqualifiedElements() throws IOException {
        assertEquals(10, XmlTestSupport.readAll(XmlTestSupport.fixture("marc-perl__batch-ns.xml"), false).size());
        assertEquals(7, XmlTestSupport.readAll(XmlTestSupport.fixture("evergreen__serials_mfhd.xml"), false).size());
        // <record xmlns=""> inside a MARC-namespace collection
        List<MarcRecord> ns = XmlTestSupport.readAll(XmlTestSupport.fixture("marc-perl__namespace.xml"), false);
        assertEquals(1, ns.size());
        DataField f022 = ns.get(0).dataField("022").orElseThrow();
        assertEquals(' ', f022.indicator1(), "an empty ind1 attribute reads as a blank");
        assertEquals(' ', f022.indicator2());
    }

    @Test
    void skipsAUtf8ByteOrderMark() {
        byte[] doc = XmlTestSupport.collection(record("<controlfield tag=\"001\">bom</controlfield>"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[doc.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(doc, 0, withBom, 3, doc.length);
        List<MarcRecord> records = XmlTestSupport.readAll(withBom, false);
        assertEquals("bom", records.get(0).controlNumber().orElseThrow());
    }

    @Test
    void readsRecordsInsideAnSruEnvelope() throws IOException {
        List<MarcRecord> records = XmlTestSupport.readAll(XmlTestSupport.fixture("sru-response.xml"), false);
        assertEquals(2, records.size());
        assertEquals("sru-1", records.get(0).controlNumber().orElseThrow());
        assertEquals("First SRU record & more", records.get(0).title().orElseThrow());
        assertEquals("sru-2", records.get(1).controlNumber().orElseThrow());
    }

    @Test
    void readsRecordsInsideAnUnqualifiedSruEnvelope() throws IOException {
        List<MarcRecord> records = XmlTestSupport.readAll(
                XmlTestSupport.fixture("sru-response-unqualified.xml"), false);
        assertEquals(2, records.size());
        assertEquals("plain-1", records.get(0).controlNumber().orElseThrow());
        assertEquals("00000cam a2200000 a 4500", records.get(1).leader().toString());
        assertEquals("Second unqualified record, fields before the leader", records.get(1).title().orElseThrow());
        assertEquals(List.of(), records.get(1).diagnostics());
    }

    @Test
    void readsRecordsInsideAnOaiPmhEnvelope() throws IOException {
        List<MarcRecord> records = XmlTestSupport.readAll(XmlTestSupport.fixture("oai-pmh-listrecords.xml"), false);
        assertEquals(List.of("oai-1", "oai-3"), records.stream().map(r -> r.controlNumber().orElseThrow()).toList());
    }

    @Test
    void unqualifiedOaiEnvelopeRecordIsNotAMarcRecord() {
        String doc = "<OAI-PMH><ListRecords><record><header><identifier>x</identifier></header>"
                + "<metadata>" + record("<controlfield tag=\"001\">inner</controlfield>") + "</metadata></record>"
                + "<record><header status=\"deleted\"/></record><record/></ListRecords></OAI-PMH>";
        List<MarcRecord> records = XmlTestSupport.readAll(doc, false);
        assertEquals(1, records.size());
        assertEquals("inner", records.get(0).controlNumber().orElseThrow());
    }

    @Test
    void otherNamespacesRecordIsNeverAMarcRecord() {
        // never read as a record, and never in silence (finding 11): the namespace is named
        String doc = "<x:record xmlns:x=\"urn:other\"><x:leader>not marc</x:leader></x:record>";
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false));
        assertEquals("FATAL STRUCTURE_INVALID 0 1:41", tuple(e.diagnostic()));
        assertTrue(e.getMessage().contains("namespace \"urn:other\""), e.getMessage());
        assertEquals(List.of(), XmlTestSupport.readAll(doc, true));
    }

    @Test
    void shortLeaderIsAnErrorInStrictModeAndPaddedInLenientMode() {
        // line 4: "<leader>00000nam a22</leader>" ends at column 29
        String doc = XmlTestSupport.collection("<record>\n<leader>00000nam a22</leader></record>");
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false));
        assertEquals("FATAL STRUCTURE_INVALID 0 4:30", tuple(e.diagnostic()));
        MarcRecord r = XmlTestSupport.readAll(doc, true).get(0);
        assertEquals("00000nam a22            ", r.leader().toString());
        assertEquals(List.of("ERROR STRUCTURE_INVALID 0 4:30"), tuples(r.diagnostics()));

        // line 3: "<record><leader>" + 27 characters + "</leader>" ends at column 52
        String longLeader = XmlTestSupport.collection("<record><leader>" + LEADER + "xyz</leader></record>");
        MarcRecord l = XmlTestSupport.readAll(longLeader, true).get(0);
        assertEquals(LEADER, l.leader().toString());
        assertEquals(List.of("ERROR STRUCTURE_INVALID 0 3:53"), tuples(l.diagnostics()));
        assertEquals("FATAL STRUCTURE_INVALID 0 3:53",
                tuple(assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(longLeader, false)).diagnostic()));
    }

    @Test
    void missingLeaderGetsTheDefault() {
        // reported where the record's start tag ends (line 3, column 9), with the 001 read by then
        String doc = XmlTestSupport.collection("<record><controlfield tag=\"001\">x</controlfield></record>");
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false));
        assertEquals("FATAL STRUCTURE_INVALID 0 3:9", tuple(e.diagnostic()));
        assertEquals("x", e.controlNumber());
        MarcRecord r = XmlTestSupport.readAll(doc, true).get(0);
        assertEquals("00000nam a2200000   4500", r.leader().toString());
        assertEquals(List.of("ERROR STRUCTURE_INVALID 0 3:9"), tuples(r.diagnostics()));
    }

    @Test
    void badAttributesAreErrorsInStrictModeAndRepairedInLenientMode() {
        String doc = XmlTestSupport.collection(record(
                "<controlfield tag=\"1\">a</controlfield>"
                        + "<datafield tag=\"24\" ind1=\"10\"><subfield code=\"ab\">x</subfield>"
                        + "<subfield>y</subfield></datafield>"
                        + "<datafield tag=\"2450\" ind1=\" \" ind2=\" \"/><datafield ind1=\" \" ind2=\" \"/>"));
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false));
        assertEquals("FATAL TAG_INVALID 0 3:72 1", tuple(e.diagnostic()));
        MarcRecord r = XmlTestSupport.readAll(doc, true).get(0);
        assertEquals("001", r.fields().get(0).tag());
        DataField f = (DataField) r.fields().get(1);
        assertEquals("024", f.tag());
        assertEquals('1', f.indicator1());
        assertEquals(' ', f.indicator2());
        assertEquals('a', f.subfields().get(0).code());
        assertEquals(' ', f.subfields().get(1).code());
        assertEquals("y", f.subfields().get(1).value());
        assertEquals("245", r.fields().get(2).tag());
        assertEquals("000", r.fields().get(3).tag());
        // Line 3: the leader ends at column 49; then <controlfield tag="1"> ends at 71,
        // <datafield tag="24" ind1="10"> at 117, <subfield code="ab"> at 137, <subfield> at 159,
        // <datafield tag="2450" .../> at 224 and <datafield .../> at 254. A tag that is wrong is
        // named as written; the field's problems after it name the tag it was read as.
        assertEquals(List.of("ERROR TAG_INVALID 0 3:72 1", "ERROR TAG_INVALID 0 3:118 24",
                "ERROR INDICATOR_INVALID 0 3:118 024", "ERROR INDICATOR_INVALID 0 3:118 024",
                "ERROR SUBFIELD_CODE_INVALID 0 3:138 024", "ERROR SUBFIELD_CODE_INVALID 0 3:160 024",
                "ERROR TAG_INVALID 0 3:225 2450", "ERROR TAG_INVALID 0 3:255"), tuples(r.diagnostics()));
    }

    @Test
    void malformedCorpusFilesInStrictMode() {
        // line 8: <subfields code="a"> ends at column 26
        assertStrict("marc4j__chabon-bad-subfields-element.xml", "FATAL STRUCTURE_INVALID 0 8:27 020");
        // line 8: <subfield> ends at column 16
        assertStrict("marc4j__chabon-missing-subfield-code.xml", "FATAL SUBFIELD_CODE_INVALID 0 8:17 020");
        // this hand-edited file also has the misspelled <subfields> element before the tagless field
        assertStrict("marc4j__chabon-missing-datafield-tag.xml", "FATAL STRUCTURE_INVALID 0 8:27 020");
        // line 51: <datafield tag="911"> ends at column 29
        assertStrict("marc4j__cruel-cruel-indicatorless-summerland.xml", "FATAL INDICATOR_INVALID 0 51:30 911");
        // line 72, column 29: U+0007 in the code attribute of record 1
        assertStrict("ruby-marc__three-records-second-bad.xml", "FATAL SYNTAX_ERROR 1 72:29");
        // line 117, column 3: a second root element
        assertStrict("evergreen__serials_marc21.xml", "FATAL SYNTAX_ERROR 1 117:3");
    }

    private static void assertStrict(String file, String expected) {
        Path path = XmlTestSupport.fixture(file);
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(path, false), file);
        assertEquals(expected, tuple(e.diagnostic()), file + ": " + e.getMessage());
        assertEquals(-1, e.byteOffset(), file);
        assertEquals(path.toString(), e.source());
    }

    @Test
    void malformedCorpusFilesInLenientModeKeepTheRecordsWithDiagnostics() throws IOException {
        // each holds one record of 17 fields (16 in the summerland one), counted in the file
        for (String file : List.of("marc4j__chabon-bad-subfields-element.xml", "marc4j__chabon-missing-subfield-code.xml",
                "marc4j__chabon-missing-datafield-tag.xml", "marc4j__cruel-cruel-indicatorless-summerland.xml")) {
            List<MarcRecord> records = XmlTestSupport.readAll(XmlTestSupport.fixture(file), true);
            assertEquals(1, records.size(), file);
            assertEquals(file.contains("summerland") ? 16 : 17, records.get(0).fields().size(), file);
        }
        assertEquals(List.of("ERROR SUBFIELD_CODE_INVALID 0 8:17 020"), tuples(XmlTestSupport.readAll(
                XmlTestSupport.fixture("marc4j__chabon-missing-subfield-code.xml"), true).get(0).diagnostics()));
        assertEquals(List.of("ERROR INDICATOR_INVALID 0 51:30 911", "ERROR INDICATOR_INVALID 0 51:30 911"),
                tuples(XmlTestSupport.readAll(XmlTestSupport.fixture("marc4j__cruel-cruel-indicatorless-summerland.xml"),
                        true).get(0).diagnostics()));
        MarcRecord bad = XmlTestSupport.readAll(
                XmlTestSupport.fixture("marc4j__chabon-bad-subfields-element.xml"), true).get(0);
        assertEquals(List.of("ERROR STRUCTURE_INVALID 0 8:27 020"), tuples(bad.diagnostics()));
        assertEquals(List.of(), bad.dataField("020").orElseThrow().subfields(), "the misspelled element is skipped");
        MarcRecord tagless = XmlTestSupport.readAll(
                XmlTestSupport.fixture("marc4j__chabon-missing-datafield-tag.xml"), true).get(0);
        // line 61: <datafield ind1=" " ind2="7"> ends at column 33
        assertEquals(List.of("ERROR STRUCTURE_INVALID 0 8:27 020", "ERROR TAG_INVALID 0 61:34"),
                tuples(tagless.diagnostics()));
        assertEquals(1, tagless.fields("000").size(), "the tagless field is kept as 000");
    }

    @Test
    void notWellFormedXmlEndsTheDocumentInLenientMode() throws IOException {
        assertLenientSyntaxError("ruby-marc__three-records-second-bad.xml", 1, "FATAL SYNTAX_ERROR 1 72:29");
        assertLenientSyntaxError("evergreen__serials_marc21.xml", 1, "FATAL SYNTAX_ERROR 1 117:3");
    }

    private static void assertLenientSyntaxError(String file, int good, String expected) throws IOException {
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).lenient(true)
                .open(XmlTestSupport.fixture(file))) {
            for (int i = 0; i < good; i++) {
                MarcRecord rec = r.read();
                assertTrue(rec != null && rec.diagnostics().isEmpty(), file);
            }
            assertEquals(List.of(), r.trailingDiagnostics());
            assertNull(r.read(), file);
            assertNull(r.read(), file + ": stays at the end");
            assertEquals(List.of(expected), tuples(r.trailingDiagnostics()), file);
        }
    }

    @Test
    void truncatedDocumentReportsTheDroppedRecord() {
        String doc = XmlTestSupport.collection(record("<controlfield tag=\"001\">one</controlfield>"))
                .replace("</collection>\n", "") + "<record><leader>" + LEADER + "</leader><controlfield tag=\"001\">tw";
        // line 4 ends after "<controlfield tag=\"001\">tw" at column 75: the error is at the end
        // of the input, column 76
        try (MarcReader r = XmlTestSupport.reader(doc, true)) {
            assertEquals("one", r.read().controlNumber().orElseThrow());
            assertNull(r.read());
            assertEquals(List.of("FATAL SYNTAX_ERROR 1 4:76"), tuples(r.trailingDiagnostics()));
            assertEquals("the incomplete record 1 was dropped and the rest of the document was not read (XML allows no"
                    + " recovery)", r.trailingDiagnostics().get(0).repair());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void limitsAreEnforced() {
        String doc = XmlTestSupport.collection(record("<controlfield tag=\"001\">1</controlfield>"
                + "<controlfield tag=\"003\">2</controlfield><controlfield tag=\"005\">3</controlfield>"
                + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">1</subfield>"
                + "<subfield code=\"b\">2</subfield><subfield code=\"c\">3</subfield></datafield>"));
        MarcReader.Builder fields = MarcReader.builder().format(MarcFormat.MARCXML)
                .limits(Limits.builder().maxFieldsPerRecord(2).build());
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> fields.open(XmlTestSupport.utf8(doc)).read());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("Limits.maxFieldsPerRecord"), e.getMessage());
        MarcRecord r = fields.lenient(true).open(XmlTestSupport.utf8(doc)).read();
        assertEquals(2, r.fields().size());
        assertEquals(List.of(ErrorCode.LIMIT_EXCEEDED), r.diagnostics().stream().map(Diagnostic::code).toList());

        MarcReader.Builder subfields = MarcReader.builder().format(MarcFormat.MARCXML).lenient(true)
                .limits(Limits.builder().maxSubfieldsPerField(2).build());
        MarcRecord s = subfields.open(XmlTestSupport.utf8(doc)).read();
        assertEquals(2, s.dataField("245").orElseThrow().subfields().size());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, s.diagnostics().get(0).code());

        MarcReader.Builder size = MarcReader.builder().format(MarcFormat.MARCXML)
                .limits(Limits.builder().maxRecordBytes(28).build());
        MarcParseException big = assertThrows(MarcParseException.class,
                () -> size.open(XmlTestSupport.utf8(doc)).read());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, big.code());
        assertTrue(big.getMessage().contains("Limits.maxRecordBytes"), big.getMessage());
    }

    @Test
    void diagnosticsAreCappedPerRecord() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            body.append("<datafield tag=\"245\"/>");
        }
        MarcRecord r = MarcReader.builder().format(MarcFormat.MARCXML).lenient(true).maxDiagnosticsPerRecord(3)
                .open(XmlTestSupport.utf8(XmlTestSupport.collection(record(body.toString())))).read();
        // each <datafield tag="245"/> (22 characters, the first from column 50) lacks both
        // indicators: the first three diagnostics are kept, then the marker where the fourth was
        assertEquals(List.of("ERROR INDICATOR_INVALID 0 3:72 245", "ERROR INDICATOR_INVALID 0 3:72 245",
                "ERROR INDICATOR_INVALID 0 3:94 245", "WARNING DIAGNOSTICS_TRUNCATED 0 3:94"), tuples(r.diagnostics()));
    }

    /// The reader returns records while the input is still being produced: it never needs the
    /// whole document. The input here never ends.
    @Test
    void streamsAnEndlessDocument() throws IOException {
        InputStream endless = new InputStream() {
            private final byte[] head = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                    .getBytes(StandardCharsets.UTF_8);
            private final byte[] rec = record("<controlfield tag=\"001\">n</controlfield>")
                    .getBytes(StandardCharsets.UTF_8);
            private long pos;

            @Override
            public int read() {
                long p = pos++;
                return p < head.length ? head[(int) p] : rec[(int) ((p - head.length) % rec.length)];
            }
        };
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).open(endless)) {
            for (int i = 0; i < 1000; i++) {
                assertEquals("n", r.read().controlNumber().orElseThrow());
            }
        }
    }

    @Test
    void externalEntitiesAndDtdsAreNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String uri = secret.toUri().toString();
        String general = "<?xml version=\"1.0\"?>\n<!DOCTYPE collection [<!ENTITY xxe SYSTEM \"" + uri + "\">]>\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>" + LEADER + "</leader>"
                + "<controlfield tag=\"001\">&xxe;</controlfield></record></collection>";
        String parameter = "<?xml version=\"1.0\"?>\n<!DOCTYPE collection [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>" + LEADER + "</leader>"
                + "<controlfield tag=\"001\">ok</controlfield></record></collection>";
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE collection SYSTEM \"" + uri + "\">\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>" + LEADER + "</leader>"
                + "<controlfield tag=\"001\">ok</controlfield></record></collection>";
        for (String doc : List.of(general, parameter, external)) {
            Path file = dir.resolve("doc.xml");
            Files.writeString(file, doc);
            for (boolean lenient : new boolean[] {false, true}) {
                try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).lenient(lenient).open(file)) {
                    MarcRecord rec;
                    while ((rec = r.read()) != null) {
                        assertFalse(rec.toString().contains("TOP-SECRET"), rec.toString());
                    }
                    assertFalse(r.trailingDiagnostics().toString().contains("TOP-SECRET"));
                } catch (MarcParseException e) {
                    assertFalse(lenient, "lenient mode reports, never throws: " + e.getMessage());
                    assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
                    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
                }
            }
        }
        // The external DTD and the parameter entity hold text that is not DTD syntax: had the
        // parser loaded them, these documents would fail. They read because nothing was loaded.
        assertEquals("ok", XmlTestSupport.readAll(parameter, false).get(0).controlNumber().orElseThrow());
        assertEquals("ok", XmlTestSupport.readAll(external, false).get(0).controlNumber().orElseThrow());
        // The general entity cannot be resolved, so that document is a syntax error.
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(general, false));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    }

    /// The issue's own example (`<!ENTITY x SYSTEM "file:///etc/passwd">`) and the same over HTTP to
    /// a local socket that records connections: the entity is never resolved and nothing is
    /// fetched (a fetch would also hang on the silent socket; the timeout would catch that).
    @Test
    void theIssuesExternalEntityExampleIsRefusedAndNothingIsFetched() throws IOException {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            String http = "http://127.0.0.1:" + server.getLocalPort() + "/x";
            for (String system : List.of("file:///etc/passwd", http)) {
                String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE collection [<!ENTITY x SYSTEM \"" + system + "\">]>\n"
                        + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>" + LEADER
                        + "</leader><controlfield tag=\"001\">&x;</controlfield></record></collection>";
                String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE collection SYSTEM \"" + system + "\">\n"
                        + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>" + LEADER
                        + "</leader><controlfield tag=\"001\">ok</controlfield></record></collection>";
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                    MarcParseException e = assertThrows(MarcParseException.class,
                            () -> XmlTestSupport.readAll(doc, false));
                    assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
                    assertFalse(e.getMessage().contains("root:"), e.getMessage());
                    try (MarcReader r = XmlTestSupport.reader(doc, true)) {
                        assertNull(r.read(), "the record with the unresolved entity is dropped");
                        assertEquals(ErrorCode.SYNTAX_ERROR, r.trailingDiagnostics().get(0).code());
                    }
                    assertEquals("ok", XmlTestSupport.readAll(external, false).get(0).controlNumber().orElseThrow());
                });
            }
            server.setSoTimeout(1);
            assertThrows(java.net.SocketTimeoutException.class, server::accept, "nothing connected to " + http);
        }
    }

    /// The parser hands text over in several events (entity and character references, CDATA,
    /// buffer ends): a value is joined whole, and misplaced text is reported once per run.
    @Test
    void textInSeveralEventsIsJoinedAndMisplacedTextReportedOnce() {
        String longText = "x".repeat(20_000) + "&amp;" + "y".repeat(20_000);
        String doc = XmlTestSupport.collection(record("<datafield tag=\"245\" ind1=\"0\" ind2=\"0\">"
                + "stray &amp; text<![CDATA[ more ]]>&#65;"
                + "<subfield code=\"a\">a &amp; b <![CDATA[<c>]]> &#x263A;&#65;</subfield>"
                + "<subfield code=\"b\">" + longText + "</subfield></datafield>"
                + "loose &lt;text&gt;"));
        MarcRecord r = XmlTestSupport.readAll(doc, true).get(0);
        DataField f = r.dataField("245").orElseThrow();
        assertEquals("a & b <c> \u263AA", f.value('a'));
        assertEquals("x".repeat(20_000) + "&" + "y".repeat(20_000), f.value('b'));
        assertEquals(List.of("text outside any subfield in a data field; skipped",
                "text outside any field in a record; skipped"),
                r.diagnostics().stream().map(Diagnostic::message).toList());
    }

    @Test
    void strictReaderGoesOnWithTheNextRecordAfterADataError() throws IOException {
        String doc = XmlTestSupport.collection(record("<datafield tag=\"245\"><subfield code=\"a\">x</subfield></datafield>")
                + record("<controlfield tag=\"001\">second</controlfield>"));
        try (MarcReader r = XmlTestSupport.reader(doc, false)) {
            MarcParseException e = assertThrows(MarcParseException.class, r::read);
            // <datafield tag="245"> without indicators ends at line 3, column 70
            assertEquals("FATAL INDICATOR_INVALID 0 3:71 245", tuple(e.diagnostic()));
            assertEquals("second", r.read().controlNumber().orElseThrow());
            assertNull(r.read());
        }
    }
}
