package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marcloom.testing.ByteArrays.indexOf;

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

    /// The diagnostic expected, every field given (-1 for a position that does not apply).
    private static Diagnostic expected(Severity severity, ErrorCode code, long byteOffset, int line, int column,
                                       String tag, String problem, String repair) {
        return Diagnostic.builder(severity, code).recordIndex(0).byteOffset(byteOffset).line(line).column(column)
                .tag(tag).problem(problem).repair(repair).build();
    }

    /// The strict error is the lenient diagnostic, FATAL and without its repair, from the input "in".
    private static void assertStrictIsTheProblemOnly(Diagnostic lenient, MarcParseException e) {
        assertEquals(Diagnostic.builder(Severity.FATAL, lenient.code()).recordIndex(lenient.recordIndex())
                .byteOffset(lenient.byteOffset()).line(lenient.line()).column(lenient.column()).tag(lenient.tag())
                .problem(lenient.problem()).build(), e.diagnostic());
        assertEquals("in", e.source());
    }

    private static int patch(byte[] b, String placeholder, int... bytes) {
        int at = indexOf(b, placeholder.getBytes(StandardCharsets.US_ASCII));
        for (int k = 0; k < bytes.length; k++) {
            b[at + k] = (byte) bytes[k];
        }
        return at;
    }

    @Test
    void iso2709IllFormedUtf8NamesTheFirstBadRunAndCountsTheOthers() throws IOException {
        MarcRecord rec = MarcRecord.builder().addControlField("001", "ocm1")
                .addDataField("245", '1', '0', new Subfield('a', "XqqA~")).build();
        byte[] b = Iso2709Bytes.encode(rec);
        int at = patch(b, "qq", 0xE2, 0x82);
        patch(b, "~", 0xFF);
        Diagnostic d = expected(Severity.ERROR, ErrorCode.INVALID_UTF8, at, -1, -1, "245",
                "bytes 0xE2 0x82 are not valid UTF-8 (and 1 more bad sequence in this value)", "replaced with U+FFFD");
        assertEquals(List.of(d), lenient(MarcFormat.ISO_2709, b));
        MarcParseException e = strict(MarcFormat.ISO_2709, b);
        assertStrictIsTheProblemOnly(d, e);
        assertEquals("in: INVALID_UTF8 at record 0, byte " + at + ", tag 245 (001 ocm1): bytes 0xE2 0x82 are not"
                + " valid UTF-8 (and 1 more bad sequence in this value)", e.getMessage());
        try (MarcReader r = MarcReader.builder().lenient(true).open(new ByteArrayInputStream(b))) {
            assertEquals("X\uFFFDA\uFFFD", ((DataField) r.read().fields().get(1)).value('a'));
        }
    }

    @Test
    void iso2709StructuralProblemAndFramingRepair() throws IOException {
        MarcRecord rec = MarcRecord.builder().addControlField("001", "ocm2")
                .addDataField("245", '#', '0', new Subfield('a', "title")).build();
        byte[] b = Iso2709Bytes.encode(rec);
        int at = patch(b, "#0", 0x01);
        Diagnostic d = expected(Severity.ERROR, ErrorCode.INDICATOR_INVALID, at, -1, -1, "245",
                "indicator is the byte 0x01, not a printable character", "read as blank");
        assertEquals(List.of(d), lenient(MarcFormat.ISO_2709, b));
        assertStrictIsTheProblemOnly(d, strict(MarcFormat.ISO_2709, b));

        // The input ends 10 bytes before the end its leader declares.
        byte[] good = Iso2709Bytes.encode(rec);
        byte[] cut = Arrays.copyOf(good, good.length - 10);
        assertEquals(expected(Severity.ERROR, ErrorCode.RECORD_TRUNCATED, 0, -1, -1, null,
                "the input ends inside this record, after " + cut.length + " bytes of the " + good.length
                        + " its leader declares", "read as far as it goes"),
                lenient(MarcFormat.ISO_2709, cut).getFirst());
    }

    /// The subfield limit holds also for a field whose data does not start with a delimiter (the
    /// text before the first one is kept as subfield `a`).
    @Test
    void iso2709SubfieldLimitHoldsWhenDataPrecedesTheFirstDelimiter() throws IOException {
        MarcRecord rec = MarcRecord.builder().addControlField("001", "ocm3").addDataField("245", '1', '0',
                new Subfield('a', "zzone"), new Subfield('b', "two"), new Subfield('c', "three")).build();
        byte[] b = Iso2709Bytes.encode(rec);
        int at = patch(b, "\u001Fazzone", 'q', 'q') - 2; // the field starts at its indicators
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(true).limits(Limits.builder().maxSubfieldsPerField(2).build())
                .open(new ByteArrayInputStream(b))) {
            r.forEach(records::add);
        }
        MarcRecord read = records.getFirst();
        assertEquals(List.of(new Subfield('a', "qqzzone"), new Subfield('b', "two")),
                ((DataField) read.fields().get(1)).subfields());
        assertEquals(List.of(
                expected(Severity.ERROR, ErrorCode.SUBFIELD_DELIMITER_MISSING, at + 2, -1, -1, "245",
                        "7 bytes of data after the indicators are not in a subfield", "kept as subfield 'a'"),
                expected(Severity.FATAL, ErrorCode.LIMIT_EXCEEDED, at, -1, -1, "245",
                        "the field has 3 subfields, more than the maximum allowed (2, from Limits.maxSubfieldsPerField)",
                        "the rest were ignored")), read.diagnostics());
    }

    @Test
    void marcJsonWarningAndBadByte() throws IOException {
        String json = "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"j1\"},"
                + "{\"245\":{\"ind2\":\"0\",\"subfields\":[{\"a\":\"t~\"}]}}]}\n";
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int bad = patch(b, "~", 0xFF);
        // At the data field object's closing brace; the U+FFFD before it counts its three bytes.
        Diagnostic warning = expected(Severity.WARNING, ErrorCode.INDICATOR_INVALID, -1, 1, json.indexOf("]}") + 4,
                "245", "field 245 has no ind1", "read as blank");
        Diagnostic utf8 = expected(Severity.ERROR, ErrorCode.INVALID_UTF8, bad, 1, bad + 1, "245",
                "byte 0xFF is not valid UTF-8", "replaced with U+FFFD");
        assertEquals(List.of(warning, utf8), lenient(MarcFormat.MARC_JSON_LINES, b));
        MarcParseException e = strict(MarcFormat.MARC_JSON_LINES, b);
        assertStrictIsTheProblemOnly(utf8, e);
        assertEquals("j1", e.controlNumber());
    }

    @Test
    void marcXmlRepairOfAShortTag() throws IOException {
        String line3 = "<controlfield tag=\"001\">x1</controlfield><datafield tag=\"24\" ind1=\"0\" ind2=\"0\">"
                + "<subfield code=\"a\">t</subfield></datafield></record>";
        String xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n<record><leader>" + LEADER + "</leader>\n"
                + line3 + "\n</collection>\n";
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        // Where the scanner stands: just after the data field's start tag.
        Diagnostic d = expected(Severity.ERROR, ErrorCode.TAG_INVALID, -1, 3, line3.indexOf("<subfield") + 1, "24",
                "tag \"24\" is not three characters", "read as \"024\"");
        assertEquals(List.of(d), lenient(MarcFormat.MARCXML, b));
        MarcParseException e = strict(MarcFormat.MARCXML, b);
        assertStrictIsTheProblemOnly(d, e);
        assertEquals("x1", e.controlNumber());
    }

    @Test
    void marcMakerShortLeaderAndBadByte() throws IOException {
        String mrk = "=LDR  00000nam\n=001  m1\n=245  00$at~\n";
        byte[] b = mrk.getBytes(StandardCharsets.UTF_8);
        int bad = patch(b, "~", 0xFF);
        Diagnostic leader = expected(Severity.ERROR, ErrorCode.LEADER_INVALID, -1, 1, 7, null,
                "leader is 8 characters, not 24", "padded with blanks");
        Diagnostic utf8 = expected(Severity.ERROR, ErrorCode.INVALID_UTF8, bad, 3, bad - mrk.indexOf("=245") + 1,
                "245", "byte 0xFF is not valid UTF-8", "the line was decoded as windows-1252");
        assertEquals(List.of(leader, utf8), lenient(MarcFormat.MARCMAKER, b));
        MarcParseException e = strict(MarcFormat.MARCMAKER, b);
        assertStrictIsTheProblemOnly(leader, e);
        assertEquals("in: LEADER_INVALID at record 0, line 1, column 7: leader is 8 characters, not 24",
                e.getMessage());
    }
}
