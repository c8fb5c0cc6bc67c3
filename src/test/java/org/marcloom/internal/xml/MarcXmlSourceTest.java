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
import org.marcloom.Severity;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;

/// The MARCXML reader through the front door: document shapes, envelopes, repairs and errors.
class MarcXmlSourceTest {

    private static final String LEADER = "00000nam a2200000 a 4500";

    private static String record(String body) {
        return "<record><leader>" + LEADER + "</leader>" + body + "</record>";
    }

    @Test
    void readsCollectionThroughTheFrontDoor() throws IOException {
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML)
                .open(XmlTestSupport.fixture("marc4j__chabon.xml"))) {
            MarcRecord first = r.read();
            assertEquals("11939876", first.controlNumber().orElseThrow());
            assertEquals(1, r.recordsRead());
            assertTrue(r.read() != null);
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
        String doc = "<x:record xmlns:x=\"urn:other\"><x:leader>not marc</x:leader></x:record>";
        assertEquals(List.of(), XmlTestSupport.readAll(doc, false));
    }

    @Test
    void shortLeaderIsAnErrorInStrictModeAndPaddedInLenientMode() {
        String doc = XmlTestSupport.collection("<record>\n<leader>00000nam a22</leader></record>");
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false));
        assertEquals(ErrorCode.STRUCTURE_INVALID, e.code());
        assertEquals(0, e.recordIndex());
        assertEquals(4, e.line());
        assertTrue(e.column() > 0);
        MarcRecord r = XmlTestSupport.readAll(doc, true).get(0);
        assertEquals("00000nam a22            ", r.leader().toString());
        assertEquals(ErrorCode.STRUCTURE_INVALID, r.diagnostics().get(0).code());
        assertEquals(Severity.ERROR, r.diagnostics().get(0).severity());

        String longLeader = XmlTestSupport.collection("<record><leader>" + LEADER + "xyz</leader></record>");
        assertEquals(LEADER, XmlTestSupport.readAll(longLeader, true).get(0).leader().toString());
        assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(longLeader, false));
    }

    @Test
    void missingLeaderGetsTheDefault() {
        String doc = XmlTestSupport.collection("<record><controlfield tag=\"001\">x</controlfield></record>");
        assertEquals(ErrorCode.STRUCTURE_INVALID,
                assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false)).code());
        MarcRecord r = XmlTestSupport.readAll(doc, true).get(0);
        assertEquals("00000nam a2200000   4500", r.leader().toString());
        assertEquals(1, r.diagnostics().size());
    }

    @Test
    void badAttributesAreErrorsInStrictModeAndRepairedInLenientMode() {
        String doc = XmlTestSupport.collection(record(
                "<controlfield tag=\"1\">a</controlfield>"
                        + "<datafield tag=\"24\" ind1=\"10\"><subfield code=\"ab\">x</subfield>"
                        + "<subfield>y</subfield></datafield>"
                        + "<datafield tag=\"2450\" ind1=\" \" ind2=\" \"/><datafield ind1=\" \" ind2=\" \"/>"));
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false));
        assertEquals(ErrorCode.TAG_INVALID, e.code());
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
        List<ErrorCode> codes = r.diagnostics().stream().map(Diagnostic::code).toList();
        assertEquals(List.of(ErrorCode.TAG_INVALID, ErrorCode.TAG_INVALID, ErrorCode.INDICATOR_INVALID,
                ErrorCode.INDICATOR_INVALID, ErrorCode.SUBFIELD_CODE_INVALID, ErrorCode.SUBFIELD_CODE_INVALID,
                ErrorCode.TAG_INVALID, ErrorCode.TAG_INVALID), codes);
        assertTrue(r.diagnostics().stream().allMatch(d -> d.line() == 3 && d.recordIndex() == 0));
    }

    @Test
    void malformedCorpusFilesInStrictMode() {
        assertStrict("marc4j__chabon-bad-subfields-element.xml", ErrorCode.STRUCTURE_INVALID, 8);
        assertStrict("marc4j__chabon-missing-subfield-code.xml", ErrorCode.SUBFIELD_CODE_INVALID, 8);
        // this hand-edited file also has the misspelled <subfields> element before the tagless field
        assertStrict("marc4j__chabon-missing-datafield-tag.xml", ErrorCode.STRUCTURE_INVALID, 8);
        assertStrict("marc4j__cruel-cruel-indicatorless-summerland.xml", ErrorCode.INDICATOR_INVALID, -1);
        assertStrict("ruby-marc__three-records-second-bad.xml", ErrorCode.SYNTAX_ERROR, -1);
        assertStrict("evergreen__serials_marc21.xml", ErrorCode.SYNTAX_ERROR, -1);
    }

    private static void assertStrict(String file, ErrorCode code, int line) {
        Path path = XmlTestSupport.fixture(file);
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(path, false), file);
        assertEquals(code, e.code(), file + ": " + e.getMessage());
        assertTrue(e.line() > 0 && e.column() > 0, file + ": " + e.getMessage());
        if (line > 0) {
            assertEquals(line, e.line(), e.getMessage());
        }
        assertTrue(e.getMessage().contains(file), e.getMessage());
    }

    @Test
    void malformedCorpusFilesInLenientModeKeepTheRecordsWithDiagnostics() throws IOException {
        for (String file : List.of("marc4j__chabon-bad-subfields-element.xml", "marc4j__chabon-missing-subfield-code.xml",
                "marc4j__chabon-missing-datafield-tag.xml", "marc4j__cruel-cruel-indicatorless-summerland.xml")) {
            List<MarcRecord> records = XmlTestSupport.readAll(XmlTestSupport.fixture(file), true);
            assertEquals(1, records.size(), file);
            assertFalse(records.get(0).diagnostics().isEmpty(), file);
            assertTrue(records.get(0).diagnostics().stream().allMatch(d -> d.line() > 0), file);
            assertTrue(records.get(0).fields().size() > 10, file);
        }
        MarcRecord bad = XmlTestSupport.readAll(
                XmlTestSupport.fixture("marc4j__chabon-bad-subfields-element.xml"), true).get(0);
        assertEquals(8, bad.diagnostics().get(0).line());
        assertEquals(List.of(), bad.dataField("020").orElseThrow().subfields(), "the misspelled element is skipped");
        MarcRecord tagless = XmlTestSupport.readAll(
                XmlTestSupport.fixture("marc4j__chabon-missing-datafield-tag.xml"), true).get(0);
        assertEquals(List.of(ErrorCode.STRUCTURE_INVALID, ErrorCode.TAG_INVALID),
                tagless.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(61, tagless.diagnostics().get(1).line());
        assertEquals(1, tagless.fields("000").size(), "the tagless field is kept as 000");
    }

    @Test
    void notWellFormedXmlEndsTheDocumentInLenientMode() throws IOException {
        assertLenientSyntaxError("ruby-marc__three-records-second-bad.xml", 1);
        assertLenientSyntaxError("evergreen__serials_marc21.xml", 1);
    }

    private static void assertLenientSyntaxError(String file, int good) throws IOException {
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).lenient(true)
                .open(XmlTestSupport.fixture(file))) {
            for (int i = 0; i < good; i++) {
                MarcRecord rec = r.read();
                assertTrue(rec != null && rec.diagnostics().isEmpty(), file);
            }
            assertEquals(List.of(), r.trailingDiagnostics());
            assertNull(r.read(), file);
            assertNull(r.read(), file + ": stays at the end");
            List<Diagnostic> t = r.trailingDiagnostics();
            assertEquals(1, t.size(), file);
            assertEquals(ErrorCode.SYNTAX_ERROR, t.get(0).code());
            assertEquals(Severity.FATAL, t.get(0).severity());
            assertTrue(t.get(0).line() > 0 && t.get(0).column() > 0);
            assertEquals(good, t.get(0).recordIndex());
        }
    }

    @Test
    void truncatedDocumentReportsTheDroppedRecord() {
        String doc = XmlTestSupport.collection(record("<controlfield tag=\"001\">one</controlfield>"))
                .replace("</collection>\n", "") + "<record><leader>" + LEADER + "</leader><controlfield tag=\"001\">tw";
        try (MarcReader r = XmlTestSupport.reader(doc, true)) {
            assertEquals("one", r.read().controlNumber().orElseThrow());
            assertNull(r.read());
            Diagnostic d = r.trailingDiagnostics().get(0);
            assertEquals(1, d.recordIndex());
            assertEquals("the incomplete record 1 was dropped and the rest of the document was not read (XML allows no"
                    + " recovery)", d.repair());
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
        assertEquals(1, r.diagnostics().size());

        MarcReader.Builder subfields = MarcReader.builder().format(MarcFormat.MARCXML).lenient(true)
                .limits(Limits.builder().maxSubfieldsPerField(2).build());
        MarcRecord s = subfields.open(XmlTestSupport.utf8(doc)).read();
        assertEquals(2, s.dataField("245").orElseThrow().subfields().size());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, s.diagnostics().get(0).code());

        MarcReader.Builder size = MarcReader.builder().format(MarcFormat.MARCXML)
                .limits(Limits.builder().maxRecordBytes(28).build());
        MarcParseException big = assertThrows(MarcParseException.class,
                () -> size.open(XmlTestSupport.utf8(doc)).read());
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
        assertEquals(4, r.diagnostics().size());
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, r.diagnostics().get(3).code());
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
            assertEquals(0, e.recordIndex());
            assertEquals("245", e.tag());
            assertEquals("second", r.read().controlNumber().orElseThrow());
            assertNull(r.read());
        }
    }
}
