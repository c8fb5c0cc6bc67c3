package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Limits;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;

/// The text-format [Limits] on the JDK's StAX parser, which reads documents with a document type
/// declaration or in XML 1.1: nesting, attributes per element, names and attribute values are held
/// to the same settings as on [MarcXmlScanner], with the same code and (but for attribute
/// values, which the scanner bounds as part of the whole start tag) the same message; the
/// position is where the JDK's parser stands, the end of the start tag. (The scanner checks a
/// token only when it outgrows its 64 Ki-character buffer; the JDK's parser gives each attribute
/// value whole, so it is checked against `maxTokenLength` itself.)
class StaxLimitsTest {

    private static final String RECORD = "<record><leader>00000nam a2200000 a 4500</leader>"
            + "<controlfield tag=\"001\">1</controlfield>"
            + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">T</subfield></datafield></record>";

    private static String doc(String doctype, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "\n" + body;
    }

    /// The strict read's error, through the scanner or forced through the JDK's parser.
    private static Diagnostic error(String xml, Limits limits, boolean stax) {
        MarcXmlSource source = new MarcXmlSource(Channels.newChannel(new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8))), true, ReaderOptions.builder().limits(limits).build(), null);
        source.forceStax = stax;
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            try (source) {
                while (source.next() != null) {
                    // read on to the error
                }
            }
        });
        return e.diagnostic();
    }

    private record Case(String body, Limits limits, int record, String message) { }

    private static final List<Case> SAME_AS_SCANNER = List.of(
            new Case("<a><b><c><d><e><f><collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + RECORD
                    + "</collection></f></e></d></c></b></a>", Limits.builder().maxNestingDepth(8).build(), 0,
                    "element \"leader\" is nested deeper than 8 elements, the maximum allowed (from"
                            + " Limits.maxNestingDepth)"),
            new Case("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + RECORD.replace("ind2=\"0\"",
                    "ind2=\"0\" a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\"") + "</collection>",
                    Limits.builder().maxAttributesPerElement(8).build(), 0,
                    "element \"datafield\" has more than 8 attributes, the maximum allowed (from"
                            + " Limits.maxAttributesPerElement)"),
            new Case("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + RECORD
                    + "<anEnvelopeOfSeven/></collection>", Limits.builder().maxNameLength(16).build(), 1,
                    "an element name is longer than 16 characters, the maximum allowed (from Limits.maxNameLength)"),
            new Case("<collection xmlns=\"http://www.loc.gov/MARC21/slim\""
                    + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"x\">" + RECORD
                    + "</collection>", Limits.builder().maxNameLength(16).build(), 0,
                    "an attribute name of element \"collection\" is longer than 16 characters, the maximum allowed"
                            + " (from Limits.maxNameLength)"));

    @Test
    void theJdkParserIsHeldToTheSameLimitsAsTheScanner() {
        for (Case c : SAME_AS_SCANNER) {
            Diagnostic scanner = error(doc("", c.body()), c.limits(), false);
            Diagnostic stax = error(doc("", c.body()), c.limits(), true);
            for (Diagnostic d : List.of(scanner, stax)) {
                assertEquals(ErrorCode.LIMIT_EXCEEDED, d.code(), c.message());
                assertEquals(Severity.FATAL, d.severity(), c.message());
                assertEquals(c.record(), d.recordIndex(), c.message());
                assertEquals(c.message(), d.problem(), c.message());
            }
        }
    }

    /// A name or an attribute list more than one past the limit stops the JDK's parser itself (its
    /// own limits are set one above, for names at least its default 1,000, because it counts the
    /// MARC namespace URI as a name): the same code and setting, without the element's name.
    @Test
    void whatTheJdkParserStopsFirstIsTheSameLimit() {
        String body = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">" + RECORD + "<anEnvelopeOfTwentyOne/>"
                + "</collection>";
        Limits sixteen = Limits.builder().maxNameLength(16).build();
        assertEquals("an element name is longer than 16 characters, the maximum allowed (from Limits.maxNameLength)",
                error(doc("", body), sixteen, true).problem());
        Diagnostic name = error(doc("", body.replace("anEnvelopeOfTwentyOne", "n".repeat(1002))), sixteen, true);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, name.code());
        assertEquals(1, name.recordIndex());
        assertEquals("a name is longer than 16 characters, the maximum allowed (from Limits.maxNameLength)",
                name.problem());
        Diagnostic attributes = error(doc("", "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                + RECORD.replace("<record>", "<record a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\""
                        + " h=\"8\" i=\"9\" j=\"10\" k=\"11\">") + "</collection>"),
                Limits.builder().maxAttributesPerElement(8).build(), true);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, attributes.code());
        assertEquals(0, attributes.recordIndex());
        assertEquals("an element has more than 8 attributes, the maximum allowed (from"
                + " Limits.maxAttributesPerElement)", attributes.problem());
    }

    @Test
    void anAttributeValueIsBoundedByMaxTokenLength() {
        String body = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                + RECORD.replace("<record>", "<record id=\"" + "x".repeat(1025) + "\">") + "</collection>";
        Limits limits = Limits.builder().maxTokenLength(1024).build();
        Diagnostic stax = error(doc("", body), limits, true);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, stax.code());
        assertEquals("the value of attribute \"id\" of element \"record\" is longer than 1024 characters, the maximum"
                + " allowed (from Limits.maxTokenLength)", stax.problem());
        assertEquals(2, stax.line());
        assertEquals(1091, stax.column(), "just after the start tag");
    }

    /// A `DOCTYPE` sends the document to the JDK's parser through the public reader, strict and
    /// lenient; with the default limits it reads.
    @Test
    void aDocumentWithADoctypeIsHeldToTheLimits() throws IOException {
        String xml = doc("<!DOCTYPE a>", SAME_AS_SCANNER.getFirst().body());
        Limits eight = Limits.builder().maxNestingDepth(8).build();
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).limits(eight)
                    .open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
                r.read();
            }
        });
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals(SAME_AS_SCANNER.getFirst().message(), e.diagnostic().problem());
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).lenient(true).limits(eight)
                .open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(null, r.read());
            List<Diagnostic> trailing = r.trailingDiagnostics();
            assertEquals(1, trailing.size());
            assertEquals(ErrorCode.LIMIT_EXCEEDED, trailing.getFirst().code());
        }
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML)
                .open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals("1", r.read().controlNumber().orElseThrow());
            assertEquals(null, r.read());
        }
    }
}
