package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriter;
import org.marcloom.WriterOptions;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.w3c.dom.Document;

/// The MARCXML writer: layout, escaping, the forbidden-character policy, and readability by
/// marcloom and marc4j.
class MarcXmlSinkTest {

    private static MarcRecord sample(String value) {
        return MarcRecord.builder().leader("01234nam  2200289 a 4500")
                .addControlField("001", "id<1>")
                .addDataField("245", '1', '0', new Subfield('a', value), new Subfield('b', ""))
                .build();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void writesACompactCollection() {
        String out = new String(XmlTestSupport.write(List.of(sample("A & B <c> \"d\"")), false), StandardCharsets.UTF_8);
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                <record><leader>01234nam  2200289 a 4500</leader><controlfield tag="001">id&lt;1&gt;</controlfield>\
                <datafield tag="245" ind1="1" ind2="0"><subfield code="a">A &amp; B &lt;c&gt; "d"</subfield>\
                <subfield code="b"></subfield></datafield></record>
                </collection>
                """, out);
    }

    @Test
    void indentsWithTwoSpacesAndStaysWellFormed() throws Exception {
        byte[] bytes = XmlTestSupport.write(List.of(sample("x"), sample("y")), true);
        String out = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(out.contains("""
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                  <record>
                    <leader>01234nam  2200289 a 4500</leader>
                    <controlfield tag="001">id&lt;1&gt;</controlfield>
                    <datafield tag="245" ind1="1" ind2="0">
                      <subfield code="a">x</subfield>
                      <subfield code="b"></subfield>
                    </datafield>
                  </record>
                """), out);
        Document doc = parse(bytes);
        assertEquals(2, doc.getElementsByTagNameNS(MarcXmlSource.MARC_NS, "record").getLength());
        assertEquals(List.of(sample("x"), sample("y")), XmlTestSupport.readAll(bytes, false));
    }

    @Test
    void emptyCollectionIsAValidDocument() throws Exception {
        byte[] bytes = XmlTestSupport.write(List.of(), false);
        assertEquals("collection", parse(bytes).getDocumentElement().getLocalName());
        assertEquals(List.of(), XmlTestSupport.readAll(bytes, false));
        assertEquals(0, Marc4jOracle.read(new ByteArrayInputStream(bytes)).size());
    }

    /// Characters XML 1.0 cannot hold become U+FFFD; tab, line feed and carriage return survive.
    @Test
    void forbiddenCharactersBecomeTheReplacementCharacter() throws Exception {
        String bad = "a\u0000b\u001Bc\u0007d\uFFFEe\uFFFFf\uD800g\uDC00h\uD83D";
        String kept = "tab\tlf\ncr\r.\u007F\uFFFD\uD83D\uDE00";
        MarcRecord in = MarcRecord.builder().leader("01234nam a2200289 a 4500")
                .addControlField("001", bad)
                .addDataField("245", '\u0001', '"', new Subfield('a', kept), new Subfield('\u001F', "&")).build();
        byte[] bytes = XmlTestSupport.write(List.of(in), false);
        parse(bytes);
        MarcRecord back = XmlTestSupport.readAll(bytes, false).get(0);
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFD", back.controlNumber().orElseThrow());
        DataField f = back.dataField("245").orElseThrow();
        assertEquals('\uFFFD', f.indicator1());
        assertEquals('"', f.indicator2());
        assertEquals(kept, f.subfields().get(0).value());
        assertEquals('\uFFFD', f.subfields().get(1).code());
    }

    @Test
    void leaderIsWrittenAsItIs() {
        MarcRecord marc8 = MarcRecord.builder().leader("00000cam  2200000   4500").build();
        assertEquals(List.of(marc8), XmlTestSupport.readAll(XmlTestSupport.write(List.of(marc8), false), false));
    }

    @Test
    void corpusRecordsSurviveTheRoundTripAndMarc4jReadsTheOutput() throws Exception {
        for (String file : List.of("traject__test_data.utf8.marc.xml", "marc2bibframe2__gwu.xml",
                "marc2bibframe2__princeton.xml", "marc4j__sample1a.xml", "ruby-marc__messed_up_leader.xml")) {
            List<MarcRecord> records = XmlTestSupport.readAll(XmlTestSupport.fixture(file), false);
            for (boolean indent : new boolean[] {false, true}) {
                byte[] bytes = XmlTestSupport.write(records, indent);
                assertEquals(records, XmlTestSupport.readAll(bytes, false), file);
                Marc4jOracle.assertSame(Marc4jOracle.read(new ByteArrayInputStream(bytes)), records, file);
            }
        }
    }

    @Test
    void outputLargerThanTheBufferIsComplete() {
        String big = "\u00e9\u4e2d\uD83D\uDE00&".repeat(40_000);
        List<MarcRecord> records = List.of(sample(big), sample("small"), sample(big));
        assertEquals(records, XmlTestSupport.readAll(XmlTestSupport.write(records, false), false));
    }

    @Test
    void closeWritesTheEndTagOnceAndKeepsACallersStreamOpenWhenAsked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter w = MarcWriter.builder().format(MarcFormat.MARCXML).options(WriterOptions.DEFAULTS)
                .keepOpen(true).open(out);
        w.write(sample("x"));
        w.flush();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("</record>"));
        w.close();
        w.close();
        String s = out.toString(StandardCharsets.UTF_8);
        assertEquals(s.indexOf("</collection>"), s.lastIndexOf("</collection>"));
        assertTrue(s.endsWith("</collection>\n"));
    }
}
