package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.internal.Utf8;
import org.marcloom.record.MarcRecord;

/// Bytes that are not valid in a MARCXML document's encoding: an exact error in strict mode, U+FFFD
/// plus a diagnostic in lenient mode, and never a line on standard error.
class MarcXmlMalformedBytesTest {

    private static final String LEADER = "00000nam a2200000 a 4500";
    /// Stands for the bad byte in the documents below; replaced by 0xC3 0x28 (a two-byte lead
    /// followed by an ASCII byte) when the bytes are made.
    private static final String MARK = "#BAD#";

    /// Three records, one per line from line 3; `title1` is the second record's 245 $a.
    private static String threeRecords(String title1) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n");
        String[] titles = {"first", title1, "third"};
        for (int i = 0; i < 3; i++) {
            sb.append("<record><leader>").append(LEADER).append("</leader><controlfield tag=\"001\">r").append(i)
                    .append("</controlfield><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">")
                    .append(titles[i]).append("</subfield></datafield></record>\n");
        }
        return sb.append("</collection>\n").toString();
    }

    /// The document's bytes with [#MARK] replaced by the given bytes.
    private static byte[] withBadBytes(String doc, byte... bad) {
        int at = doc.indexOf(MARK);
        byte[] head = doc.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = doc.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
    }

    /// Line and column (one-based) of the mark in the document.
    private static int[] position(String doc) {
        int at = doc.indexOf(MARK);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (doc.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }

    private static final byte[] C3_28 = {(byte) 0xC3, (byte) 0x28};

    @Test
    void strictModeThrowsInvalidUtf8WithRecordIndexLineColumnAndByteOffset() throws IOException {
        String doc = threeRecords("bad " + MARK + " title");
        byte[] bytes = withBadBytes(doc, C3_28);
        int[] pos = position(doc);
        try (MarcReader r = XmlTestSupport.reader(bytes, false)) {
            assertEquals("r0", r.read().controlNumber().orElseThrow());
            MarcParseException e = assertThrows(MarcParseException.class, r::read);
            assertEquals(ErrorCode.INVALID_UTF8, e.code(), e.getMessage());
            assertEquals(1, e.recordIndex());
            assertEquals(4, pos[0]);
            assertEquals(pos[0], e.line());
            assertEquals(pos[1], e.column());
            assertEquals(doc.indexOf(MARK), e.byteOffset(), "all bytes before the mark are ASCII");
            assertEquals("245", e.tag());
            assertEquals("r1", e.controlNumber());
            assertTrue(e.getMessage().contains("0xC3"), e.getMessage());
            // The error is a data error: the reader goes on with the next record.
            assertEquals("r2", r.read().controlNumber().orElseThrow());
            assertNull(r.read());
        }
    }

    @Test
    void lenientModeReadsUFffdAndAttachesADiagnosticToThatRecordOnly() throws IOException {
        String doc = threeRecords("bad " + MARK + " title");
        int[] pos = position(doc);
        List<MarcRecord> records = XmlTestSupport.readAll(withBadBytes(doc, C3_28), true);
        assertEquals(3, records.size());
        assertEquals(List.of(), records.get(0).diagnostics());
        assertEquals(List.of(), records.get(2).diagnostics());
        assertEquals("third", records.get(2).dataField("245").orElseThrow().value('a'));
        MarcRecord bad = records.get(1);
        // 0xC3 is a lead byte whose continuation is missing: one U+FFFD, then the '(' it was followed by
        assertEquals("bad \uFFFD( title", bad.dataField("245").orElseThrow().value('a'));
        assertEquals(1, bad.diagnostics().size(), bad.diagnostics().toString());
        Diagnostic d = bad.diagnostics().get(0);
        assertEquals(ErrorCode.INVALID_UTF8, d.code());
        assertEquals(1, d.recordIndex());
        assertEquals(pos[0], d.line());
        assertEquals(pos[1], d.column());
        assertEquals(doc.indexOf(MARK), d.byteOffset());
        assertEquals("245", d.tag());
    }

    @Test
    void badBytesInTheLeaderAndInAnAttributeAreFoundToo() throws IOException {
        String doc = threeRecords("fine").replace("<controlfield tag=\"001\">r2", "<controlfield tag=\"001\" x=\""
                + MARK + "\">r2");
        List<MarcRecord> records = XmlTestSupport.readAll(withBadBytes(doc, (byte) 0xFF), true);
        assertEquals(3, records.size());
        assertEquals(ErrorCode.INVALID_UTF8, records.get(2).diagnostics().get(0).code());
        assertEquals(position(doc)[1], records.get(2).diagnostics().get(0).column());

        String leader = threeRecords("fine").replaceFirst(LEADER, "00000nam " + MARK + "200000 a 4500");
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> XmlTestSupport.readAll(withBadBytes(leader, (byte) 0x80), false));
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(0, e.recordIndex());
        assertEquals(position(leader)[1], e.column());
    }

    @Test
    void badBytesAfterTheLastRecordAreTrailingDiagnosticsOrAStrictError() throws IOException {
        String doc = threeRecords("fine").replace("</collection>", "<!-- " + MARK + " --></collection>");
        byte[] bytes = withBadBytes(doc, (byte) 0xE2, (byte) 0x82);
        try (MarcReader r = XmlTestSupport.reader(bytes, true)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of(), r.read().diagnostics());
            }
            assertNull(r.read());
            List<Diagnostic> t = r.trailingDiagnostics();
            assertEquals(1, t.size(), t.toString());
            assertEquals(ErrorCode.INVALID_UTF8, t.get(0).code());
            assertEquals(3, t.get(0).recordIndex());
            assertEquals(position(doc)[0], t.get(0).line());
            assertTrue(t.get(0).message().contains("0xE2 0x82"), t.get(0).message());
        }
        try (MarcReader r = XmlTestSupport.reader(bytes, false)) {
            r.read();
            r.read();
            r.read();
            MarcParseException e = assertThrows(MarcParseException.class, r::read);
            assertEquals(ErrorCode.INVALID_UTF8, e.code());
            assertEquals(3, e.recordIndex());
        }
    }

    @Test
    void badBytesInMarkupAreReportedBeforeTheSyntaxErrorTheyCause() throws IOException {
        // U+FFFD cannot stand between attributes: the document is not well-formed from there
        String doc = threeRecords("fine").replace("<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">fine",
                "<datafield tag=\"245\" " + MARK + " ind1=\"0\" ind2=\"0\"><subfield code=\"a\">fine");
        byte[] bytes = withBadBytes(doc, (byte) 0xFE);
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(bytes, false));
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(position(doc)[1], e.column());
        try (MarcReader r = XmlTestSupport.reader(bytes, true)) {
            assertEquals("r0", r.read().controlNumber().orElseThrow());
            assertNull(r.read());
            assertEquals(List.of(ErrorCode.INVALID_UTF8, ErrorCode.SYNTAX_ERROR),
                    r.trailingDiagnostics().stream().map(Diagnostic::code).toList());
        }
    }

    @Test
    void aSequenceCutOffByTheEndOfTheInputIsMalformed() {
        byte[] doc = "<record><leader>00000nam a2200000 a 4500</leader></record>".getBytes(StandardCharsets.UTF_8);
        byte[] cut = new byte[doc.length + 2];
        System.arraycopy(doc, 0, cut, 0, doc.length);
        cut[doc.length] = (byte) 0xF0;
        cut[doc.length + 1] = (byte) 0x9F;
        try (MarcReader r = XmlTestSupport.reader(cut, true)) {
            assertEquals(List.of(), r.read().diagnostics());
            assertNull(r.read());
            assertEquals(ErrorCode.INVALID_UTF8, r.trailingDiagnostics().get(0).code());
            assertEquals(doc.length, r.trailingDiagnostics().get(0).byteOffset());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// The JDK's parser, handed bad bytes, prints `[Fatal Error] ...` on standard error. marcloom
    /// hands it characters, so nothing is printed, in either mode, for bad bytes or for XML that
    /// is not well-formed. The first assertion shows the capture would see the JDK's line.
    @Test
    void nothingIsPrintedOnStandardError() throws Exception {
        byte[] bad = withBadBytes(threeRecords("bad " + MARK), C3_28);
        String jdk = captureStandardError(() -> {
            XMLInputFactory f = MarcXmlSource.newFactory();
            try {
                XMLStreamReader x = f.createXMLStreamReader(new ByteArrayInputStream(bad));
                while (x.hasNext()) {
                    x.next();
                }
            } catch (XMLStreamException expected) {
                // the JDK's parser fails (and prints)
            }
        });
        assertTrue(jdk.contains("[Fatal Error]"), "the capture sees what the JDK prints: " + jdk);

        byte[] notWellFormed = threeRecords("a & b").getBytes(StandardCharsets.UTF_8);
        String ours = captureStandardError(() -> {
            for (byte[] doc : List.of(bad, notWellFormed)) {
                for (boolean lenient : new boolean[] {false, true}) {
                    try (MarcReader r = XmlTestSupport.reader(doc, lenient)) {
                        while (true) {
                            try {
                                if (r.read() == null) {
                                    break;
                                }
                            } catch (MarcParseException e) {
                                assertFalse(lenient, e.getMessage());
                            }
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        });
        assertEquals("", ours);
    }

    private static synchronized String captureStandardError(Runnable body) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void otherDeclaredEncodingsAreDecodedAsDeclared() throws IOException {
        String doc = threeRecords("caf\u00e9 \u00fcber");
        byte[] latin1 = doc.replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9 \u00fcber", XmlTestSupport.readAll(latin1, false).get(1).dataField("245")
                .orElseThrow().value('a'));
        for (Charset cs : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16)) {
            byte[] utf16 = doc.replace("UTF-8", "UTF-16").getBytes(cs);
            List<MarcRecord> records = XmlTestSupport.readAll(utf16, false);
            assertEquals("caf\u00e9 \u00fcber", records.get(1).dataField("245").orElseThrow().value('a'),
                    cs.name());
        }
        // A byte above 0x7F in a document declared US-ASCII: the XML rule broken is the encoding's.
        String asciiDoc = doc.replace("UTF-8", "US-ASCII");
        byte[] ascii = asciiDoc.getBytes(StandardCharsets.ISO_8859_1);
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(ascii, false));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(4, e.line());
        assertEquals(asciiDoc.indexOf("\u00e9"), e.byteOffset());
        assertTrue(e.getMessage().contains("US-ASCII"), e.getMessage());
    }

    @Test
    void anUnknownEncodingIsASyntaxErrorAtLineOne() throws IOException {
        byte[] doc = threeRecords("x").replace("UTF-8", "X-NO-SUCH-CHARSET").getBytes(StandardCharsets.UTF_8);
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(doc, false));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("X-NO-SUCH-CHARSET"), e.getMessage());
        try (MarcReader r = XmlTestSupport.reader(doc, true)) {
            assertNull(r.read());
            assertEquals(ErrorCode.SYNTAX_ERROR, r.trailingDiagnostics().get(0).code());
        }
    }

    /// Valid text of every length class (1 to 4 bytes) crosses the decoder's 64 KiB buffer
    /// boundaries at every offset: read back exactly.
    @Test
    void multiByteCharactersAcrossBufferBoundaries() throws IOException {
        String[] texts = {"a\u00e9", "\u4e2d\u6587", "\uD83D\uDE00x", "\u00e9\uD83D\uDE00\u4e2d"};
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            String t = texts[i % texts.length] + "z".repeat(i % 7);
            expected.add(t);
            body.append("<record><leader>").append(LEADER).append("</leader><controlfield tag=\"001\">")
                    .append(t).append("</controlfield></record>\n");
        }
        byte[] doc = XmlTestSupport.collection(body.toString()).getBytes(StandardCharsets.UTF_8);
        assertTrue(doc.length > 8 * 64 * 1024);
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).open(new ByteArrayInputStream(doc))) {
            List<String> got = new ArrayList<>();
            for (MarcRecord rec : r) {
                got.add(rec.controlNumber().orElseThrow());
            }
            assertEquals(expected, got);
        }
    }

    /// Any bytes in a subfield value (letters and bytes 0x80 to 0xFF): lenient mode reads exactly
    /// what the JDK's UTF-8 decoder makes of them (one U+FFFD per maximal ill-formed subpart, an
    /// encoded surrogate as one) and
    /// reports INVALID_UTF8 exactly when the bytes are not UTF-8; strict mode throws then.
    @Property(tries = 300)
    void anyBytesDecodeLikeTheJdkWithADiagnosticWhenInvalid(@ForAll("valueBytes") byte[] value) {
        // In the document the value is followed by '<' (which ends a truncated sequence).
        byte[] followed = java.util.Arrays.copyOf(value, value.length + 1);
        followed[value.length] = '<';
        String decoded = new String(followed, StandardCharsets.UTF_8);
        decoded = decoded.substring(0, decoded.length() - 1);
        // U+FFFE and U+FFFF are well-formed UTF-8 but not XML characters
        Assume.that(decoded.indexOf('\uFFFE') < 0 && decoded.indexOf('\uFFFF') < 0);
        String doc = threeRecords(MARK);
        byte[] bytes = withBadBytes(doc, value);
        boolean invalid = Utf8.firstInvalid(value, 0, value.length) >= 0;
        List<MarcRecord> records = XmlTestSupport.readAll(bytes, true);
        assertEquals(3, records.size());
        MarcRecord r = records.get(1);
        assertEquals(decoded, r.dataField("245").orElseThrow().value('a'));
        assertEquals(invalid, !r.diagnostics().isEmpty(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().allMatch(d -> d.code() == ErrorCode.INVALID_UTF8
                || d.code() == ErrorCode.DIAGNOSTICS_TRUNCATED));
        if (invalid) {
            MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(bytes, false));
            assertEquals(ErrorCode.INVALID_UTF8, e.code());
            assertEquals(1, e.recordIndex());
            assertEquals(doc.indexOf(MARK) + Utf8.firstInvalid(value, 0, value.length), e.byteOffset());
        }
    }

    @Provide
    Arbitrary<byte[]> valueBytes() {
        Arbitrary<Byte> high = Arbitraries.integers().between(0x80, 0xFF).map(i -> (byte) (int) i);
        Arbitrary<Byte> letter = Arbitraries.of((byte) 'a', (byte) 'b', (byte) ' ');
        Arbitrary<Byte> b = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, high), net.jqwik.api.Tuple.of(1, letter));
        return b.list().ofMinSize(1).ofMaxSize(12).map(l -> {
            byte[] out = new byte[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = l.get(i);
            }
            return out;
        });
    }
}
