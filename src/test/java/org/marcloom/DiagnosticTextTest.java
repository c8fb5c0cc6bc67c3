package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.fixtures.Iso2709Bytes;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Real diagnostics of every format, with the problem and the repair as separate, exact texts; a
/// strict reader's exception carries the same problem and no repair.
class DiagnosticTextTest {

    private static final String LEADER = "00000nam a2200000 a 4500";

    /// Every record's diagnostics, then the trailing ones.
    private static List<Diagnostic> lenient(MarcFormat format, byte[] input) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(format).lenient(true).open(new ByteArrayInputStream(input))) {
            for (MarcRecord rec : r) {
                out.addAll(rec.diagnostics());
            }
            out.addAll(r.trailingDiagnostics());
        }
        return out;
    }

    private static MarcParseException strict(MarcFormat format, byte[] input) {
        return assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.builder().format(format).sourceName("in").open(
                    new ByteArrayInputStream(input))) {
                while (r.read() != null) {
                    // until the error
                }
            }
        });
    }

    private static void assertStrictCarriesTheProblemOnly(Diagnostic lenient, MarcParseException e) {
        assertEquals(lenient.code(), e.code());
        assertEquals(lenient.recordIndex(), e.recordIndex());
        assertEquals(lenient.byteOffset(), e.byteOffset());
        assertEquals(lenient.line(), e.line());
        assertEquals(lenient.column(), e.column());
        assertEquals(lenient.tag(), e.tag());
        assertEquals(Severity.FATAL, e.diagnostic().severity());
        assertEquals(lenient.problem(), e.diagnostic().problem());
        assertEquals("", e.diagnostic().repair());
        assertEquals("in", e.source());
    }

    private static int indexOf(byte[] b, String s) {
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + t.length <= b.length; i++) {
            for (int k = 0; k < t.length; k++) {
                if (b[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(s + " not found");
    }

    private static void patch(byte[] b, String placeholder, int... bytes) {
        int at = indexOf(b, placeholder);
        for (int k = 0; k < bytes.length; k++) {
            b[at + k] = (byte) bytes[k];
        }
    }

    @Test
    void iso2709IllFormedUtf8NamesTheFirstBadRunAndCountsTheOthers() throws IOException {
        MarcRecord rec = MarcRecord.builder().addControlField("001", "ocm1")
                .addDataField("245", '1', '0', new Subfield('a', "XqqA~")).build();
        byte[] b = Iso2709Bytes.encode(rec);
        int at = indexOf(b, "qq");
        patch(b, "qq", 0xE2, 0x82);
        patch(b, "~", 0xFF);
        List<Diagnostic> d = lenient(MarcFormat.ISO_2709, b);
        assertEquals(1, d.size());
        Diagnostic x = d.getFirst();
        assertEquals(ErrorCode.INVALID_UTF8, x.code());
        assertEquals(Severity.ERROR, x.severity());
        assertEquals(0, x.recordIndex());
        assertEquals(at, x.byteOffset());
        assertEquals("245", x.tag());
        assertEquals("bytes 0xE2 0x82 are not valid UTF-8 (and 1 more bad sequence in this value)", x.problem());
        assertEquals("replaced with U+FFFD", x.repair());
        assertStrictCarriesTheProblemOnly(x, strict(MarcFormat.ISO_2709, b));
        assertEquals("in: INVALID_UTF8 at record 0, byte " + at + ", tag 245 (001 ocm1): bytes 0xE2 0x82 are not"
                + " valid UTF-8 (and 1 more bad sequence in this value)", strict(MarcFormat.ISO_2709, b).getMessage());
        try (MarcReader r = MarcReader.builder().lenient(true).open(new ByteArrayInputStream(b))) {
            assertEquals("X\uFFFDA\uFFFD", ((DataField) r.read().fields().get(1)).value('a'));
        }
    }

    @Test
    void iso2709StructuralProblemAndFramingRepair() throws IOException {
        MarcRecord rec = MarcRecord.builder().addControlField("001", "ocm2")
                .addDataField("245", '#', '0', new Subfield('a', "title")).build();
        byte[] b = Iso2709Bytes.encode(rec);
        int at = indexOf(b, "#0");
        patch(b, "#0", 0x01);
        Diagnostic x = lenient(MarcFormat.ISO_2709, b).getFirst();
        assertEquals(ErrorCode.INDICATOR_INVALID, x.code());
        assertEquals(at, x.byteOffset());
        assertEquals("245", x.tag());
        assertEquals("indicator is the byte 0x01, not a printable character", x.problem());
        assertEquals("read as blank", x.repair());
        assertStrictCarriesTheProblemOnly(x, strict(MarcFormat.ISO_2709, b));

        // The input ends 10 bytes before the end its leader declares.
        byte[] good = Iso2709Bytes.encode(rec);
        byte[] cut = Arrays.copyOf(good, good.length - 10);
        Diagnostic t = lenient(MarcFormat.ISO_2709, cut).getFirst();
        assertEquals(ErrorCode.RECORD_TRUNCATED, t.code());
        assertEquals(0, t.byteOffset());
        assertEquals("the input ends inside this record, after " + cut.length + " bytes of the " + good.length
                + " its leader declares", t.problem());
        assertEquals("read as far as it goes", t.repair());
    }

    @Test
    void marcJsonWarningAndBadByte() throws IOException {
        String json = "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"j1\"},"
                + "{\"245\":{\"ind2\":\"0\",\"subfields\":[{\"a\":\"t~\"}]}}]}\n";
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int bad = json.indexOf('~');
        b[bad] = (byte) 0xFF;
        List<Diagnostic> d = lenient(MarcFormat.MARC_JSON_LINES, b);
        assertEquals(2, d.size(), d.toString());
        Diagnostic warning = d.get(0);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(ErrorCode.INDICATOR_INVALID, warning.code());
        assertEquals("245", warning.tag());
        assertEquals(1, warning.line());
        // At the data field object's closing brace; the U+FFFD before it counts its three bytes.
        assertEquals(json.indexOf("]}") + 2 + 2, warning.column());
        assertEquals("field 245 has no ind1", warning.problem());
        assertEquals("read as blank", warning.repair());
        Diagnostic utf8 = d.get(1);
        assertEquals(ErrorCode.INVALID_UTF8, utf8.code());
        assertEquals(bad, utf8.byteOffset());
        assertEquals(1, utf8.line());
        assertEquals(bad + 1, utf8.column());
        assertEquals("245", utf8.tag());
        assertEquals("byte 0xFF is not valid UTF-8", utf8.problem());
        assertEquals("replaced with U+FFFD", utf8.repair());
        assertStrictCarriesTheProblemOnly(utf8, strict(MarcFormat.MARC_JSON_LINES, b));
        assertEquals("j1", strict(MarcFormat.MARC_JSON_LINES, b).controlNumber());
    }

    @Test
    void marcXmlRepairOfAShortTag() throws IOException {
        String xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n<record><leader>" + LEADER + "</leader>\n"
                + "<controlfield tag=\"001\">x1</controlfield><datafield tag=\"24\" ind1=\"0\" ind2=\"0\">"
                + "<subfield code=\"a\">t</subfield></datafield></record>\n</collection>\n";
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        Diagnostic x = lenient(MarcFormat.MARCXML, b).getFirst();
        assertEquals(ErrorCode.TAG_INVALID, x.code());
        assertEquals(Severity.ERROR, x.severity());
        assertEquals(0, x.recordIndex());
        assertEquals(3, x.line());
        String line3 = xml.split("\n")[2];
        assertEquals(line3.indexOf("<subfield") + 1, x.column(), "where the scanner stands: after the start tag");
        assertEquals("24", x.tag());
        assertEquals("tag \"24\" is not three characters", x.problem());
        assertEquals("read as \"024\"", x.repair());
        MarcParseException e = strict(MarcFormat.MARCXML, b);
        assertStrictCarriesTheProblemOnly(x, e);
        assertEquals("x1", e.controlNumber());
    }

    @Test
    void marcMakerShortLeaderAndBadByte() throws IOException {
        String mrk = "=LDR  00000nam\n=001  m1\n=245  00$at~\n";
        byte[] b = mrk.getBytes(StandardCharsets.UTF_8);
        int bad = mrk.indexOf('~');
        b[bad] = (byte) 0xFF;
        List<Diagnostic> d = lenient(MarcFormat.MARCMAKER, b);
        assertEquals(2, d.size(), d.toString());
        Diagnostic leader = d.get(0);
        assertEquals(ErrorCode.LEADER_INVALID, leader.code());
        assertEquals(1, leader.line());
        assertEquals(7, leader.column());
        assertEquals("leader is 8 characters, not 24", leader.problem());
        assertEquals("padded with blanks", leader.repair());
        Diagnostic utf8 = d.get(1);
        assertEquals(ErrorCode.INVALID_UTF8, utf8.code());
        assertEquals(bad, utf8.byteOffset());
        assertEquals(3, utf8.line());
        assertEquals(bad - mrk.indexOf("=245") + 1, utf8.column());
        assertEquals("245", utf8.tag());
        assertEquals("byte 0xFF is not valid UTF-8", utf8.problem());
        assertEquals("the line was decoded as windows-1252", utf8.repair());
        MarcParseException e = strict(MarcFormat.MARCMAKER, b);
        assertStrictCarriesTheProblemOnly(leader, e);
        assertEquals("in: LEADER_INVALID at record 0, line 1, column 7: leader is 8 characters, not 24",
                e.getMessage());
    }
}
