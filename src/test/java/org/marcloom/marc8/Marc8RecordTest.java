package org.marcloom.marc8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcloom.marc8.Marc8DecoderTest.bytes;
import static org.marcloom.testing.ByteArrays.indexOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.OutputEncoding;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// MARC-8 through the public reader and writer: records with leader/09 blank are decoded as
/// MARC-8; bad bytes throw (strict) or become U+FFFD with a diagnostic (lenient), both giving the
/// absolute byte offset and the tag; MARC-8 output has leader/09 blank and returns to the default
/// sets at the end of every value. Records are built byte by byte here, not by the writer.
class Marc8RecordTest {

    private static final int ESC = 0x1B;
    private static final int SF = 0x1F;

    /// One field: tag and its data bytes, without the field terminator.
    record RawField(String tag, byte[] data) {
    }

    /// A field with indicators `1 ` and the given subfields' bytes (code then data).
    static RawField dataField(String tag, byte[]... subfields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('1');
        out.write(' ');
        for (byte[] s : subfields) {
            out.write(SF);
            out.writeBytes(s);
        }
        return new RawField(tag, out.toByteArray());
    }

    /// ISO 2709 bytes with leader/09 blank (MARC-8).
    static byte[] record(RawField... fields) {
        int base = 24 + 12 * fields.length + 1;
        int length = base + 1;
        for (RawField f : fields) {
            length += f.data().length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.format("%05dnam  22%05d i 4500", length, base).getBytes(StandardCharsets.US_ASCII));
        int start = 0;
        for (RawField f : fields) {
            out.writeBytes(String.format("%s%04d%05d", f.tag(), f.data().length + 1, start)
                    .getBytes(StandardCharsets.US_ASCII));
            start += f.data().length + 1;
        }
        out.write(0x1E);
        for (RawField f : fields) {
            out.writeBytes(f.data());
            out.write(0x1E);
        }
        out.write(0x1D);
        byte[] b = out.toByteArray();
        assertEquals(length, b.length);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }


    static List<MarcRecord> readAll(byte[] bytes, ReaderOptions options) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().options(options).open(new ByteArrayInputStream(bytes))) {
            MarcRecord rec;
            while ((rec = r.read()) != null) {
                out.add(rec);
            }
        }
        return out;
    }

    static String value(MarcRecord rec, String tag, char code) {
        return rec.dataField(tag).orElseThrow().subfields().stream().filter(s -> s.code() == code).findFirst()
                .orElseThrow().value();
    }

    private static final byte[] FIRST = record(new RawField("001", bytes("rec1")),
            dataField("245", bytes("a", "caf", 0xE2, "e")));

    @Test
    void blankLeader09RecordsAreDecodedAsMarc8() throws IOException {
        byte[] rec = record(new RawField("001", bytes("x", 0xA1)),
                dataField("245", bytes("a", 0xE2, "etude ", ESC, "(N", 0x6D, 0x49, 0x52, ESC, "(B"),
                        bytes("b", ESC, "$1", "!04!BX", ESC, "(B", " &#x0250;")));
        MarcRecord r = readAll(rec, ReaderOptions.DEFAULTS).getFirst();
        // ANSEL A1 U+0141; E2 U+0301; Basic Cyrillic 6D 49 52 U+041C U+0438 U+0440; EACC 213034 214258.
        assertEquals("x\u0141", r.controlValue("001").orElseThrow());
        assertEquals("e\u0301tude \u041C\u0438\u0440", value(r, "245", 'a'));
        assertEquals("\u4E2D\u6587 \u0250", value(r, "245", 'b'));
        assertEquals(List.of(), r.diagnostics());
    }

    @Test
    void readerOptionsNfcAndReferences() throws IOException {
        byte[] rec = record(dataField("245", bytes("a", 0xE2, "e &#x0250;")));
        assertEquals("e\u0301 \u0250", value(readAll(rec, ReaderOptions.DEFAULTS).getFirst(), "245", 'a'));
        ReaderOptions nfc = ReaderOptions.builder().normalizeNfc(true).build();
        assertEquals("\u00E9 \u0250", value(readAll(rec, nfc).getFirst(), "245", 'a'));
        ReaderOptions literal = ReaderOptions.builder().decodeNumericCharacterReferences(false).build();
        assertEquals("e\u0301 &#x0250;", value(readAll(rec, literal).getFirst(), "245", 'a'));
        byte[] asciiOnly = record(dataField("245", bytes("a", "AT&T &#x0250;")));
        assertEquals("AT&T &#x0250;", value(readAll(asciiOnly, literal).getFirst(), "245", 'a'));
        assertEquals("AT&T \u0250", value(readAll(asciiOnly, ReaderOptions.DEFAULTS).getFirst(), "245", 'a'));
    }

    @Test
    void eachFieldAndEachSubfieldStartsInTheDefaultSets() throws IOException {
        // Field 100 and subfield $a end in Basic Cyrillic without ESC ( B; the next field and the
        // next subfield are read with G0 = ASCII and G1 = ANSEL again (as marc4j and pymarc do).
        byte[] rec = record(dataField("100", bytes("a", ESC, "(N", 0x61), bytes("b", 0x61, ESC, ")Q", 0xC0)),
                dataField("245", bytes("a", 0x61, 0xC0)));
        MarcRecord r = readAll(rec, ReaderOptions.DEFAULTS).getFirst();
        assertEquals("\u0410", value(r, "100", 'a')); // Basic Cyrillic 61 U+0410
        assertEquals("a\u0491", value(r, "100", 'b')); // ASCII a; Extended Cyrillic C0 U+0491
        assertEquals("a\u00B0", value(r, "245", 'a')); // ASCII a; ANSEL C0 U+00B0
    }

    @Test
    void strictReadingThrowsWithTheAbsoluteOffsetAndTag() {
        byte[] second = record(new RawField("001", bytes("rec2")),
                dataField("100", bytes("a", "ok")),
                dataField("245", bytes("a", "The ", 0xE2, "etude"), bytes("b", "x", 0xAF, "y")));
        byte[] all = concat(FIRST, second);
        int bad = FIRST.length + indexOf(second, bytes("x", 0xAF)) + 1; // ANSEL AF has no character
        MarcParseException e = assertThrows(MarcParseException.class, () -> readAll(all, ReaderOptions.DEFAULTS));
        assertEquals(ErrorCode.INVALID_MARC8, e.code());
        assertEquals(bad, e.byteOffset());
        assertEquals(1, e.recordIndex());
        assertEquals("245", e.diagnostic().tag());
        assertTrue(e.getMessage().contains("0xAF"), e.getMessage());
    }

    @Test
    void lenientReadingSubstitutesAndAddsADiagnostic() throws IOException {
        byte[] second = record(new RawField("001", bytes("rec2")),
                dataField("245", bytes("a", "The ", 0xE2, "etude"), bytes("b", "x", 0xAF, "y")));
        byte[] all = concat(FIRST, second);
        int bad = FIRST.length + indexOf(second, bytes("x", 0xAF)) + 1;
        List<MarcRecord> records = readAll(all, ReaderOptions.builder().lenient(true).build());
        assertEquals(2, records.size());
        MarcRecord r = records.get(1);
        assertEquals("e\u0301tude", value(r, "245", 'a').substring(4));
        assertEquals("x\uFFFDy", value(r, "245", 'b'));
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
        Diagnostic d = r.diagnostics().getFirst();
        assertEquals(ErrorCode.INVALID_MARC8, d.code());
        assertEquals(Severity.ERROR, d.severity());
        assertEquals(bad, d.byteOffset());
        assertEquals(1, d.recordIndex());
        assertEquals("245", d.tag());
    }

    @Test
    void invalidSequencesInRecordsAreReportedWhereTheyStart() throws IOException {
        record Case(String what, byte[] subfield, byte[] badAt) {
        }
        List<Case> cases = List.of(
                new Case("escape cut by the end of the subfield", bytes("a", "xy", ESC, "("), bytes(ESC, "(")),
                new Case("unknown final byte", bytes("a", "x", ESC, "(Z", "y"), bytes(ESC, "(Z")),
                new Case("EACC triple cut by the end of the subfield", bytes("a", ESC, "$1", "!0!", "!0"),
                        bytes("!0!", "!0")),
                new Case("EACC code not in the table", bytes("a", ESC, "$1", "~~~"), bytes("~~~")),
                new Case("DEL in otherwise ASCII text", bytes("a", "ab", 0x7F, "c"), bytes(0x7F)),
                new Case("0xFF", bytes("a", "ab", 0xFF), bytes(0xFF)));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            byte[] rec = record(new RawField("001", bytes("id")), dataField("500", c.subfield()),
                    dataField("650", bytes("a", "fine")));
            int at = indexOf(rec, c.badAt()) + (c.what().startsWith("EACC triple") ? 3 : 0);
            try {
                readAll(rec, ReaderOptions.DEFAULTS);
                failures.add(c.what() + ": strict reading did not throw");
            } catch (MarcParseException e) {
                if (e.code() != ErrorCode.INVALID_MARC8 || e.byteOffset() != at || !"500".equals(e.diagnostic().tag())) {
                    failures.add(c.what() + ": " + e.code() + " at " + e.byteOffset() + " tag " + e.diagnostic().tag()
                            + ", expected " + at);
                }
            }
            MarcRecord r = readAll(rec, ReaderOptions.builder().lenient(true).build()).getFirst();
            if (r.diagnostics().isEmpty() || r.diagnostics().getFirst().byteOffset() != at
                    || r.diagnostics().getFirst().code() != ErrorCode.INVALID_MARC8) {
                failures.add(c.what() + ": lenient diagnostics " + r.diagnostics());
            }
            if (value(r, "500", 'a').indexOf('\uFFFD') < 0) {
                failures.add(c.what() + ": no U+FFFD in " + value(r, "500", 'a'));
            }
            if (!value(r, "650", 'a').equals("fine")) {
                failures.add(c.what() + ": the next field was not read");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void writerMarc8OutputHasBlankLeader09AndDefaultSetsAtTheEndOfEachValue() throws IOException {
        MarcRecord rec = MarcRecord.builder().leader("00000nam a2200000 i 4500")
                .add(DataField.of("245", '1', '0', new Subfield('a', "\u041C\u0438\u0440"),
                        new Subfield('b', "\u0491 caf\u00E9 \u0250 \u4E2D")))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().encoding(OutputEncoding.MARC_8).open(out)) {
            w.write(rec);
        }
        byte[] b = out.toByteArray();
        assertEquals(' ', (char) b[9], "leader/09 blank: MARC-8");
        // Basic Cyrillic 6D 49 52; Extended Cyrillic C0; ANSEL E2; EACC 213034; U+0250 as a reference.
        // A set stays designated until a character needs another (G1 goes back to ANSEL for E2).
        byte[] expected = bytes(SF, "a", ESC, "(N", 0x6D, 0x49, 0x52, ESC, "(B",
                SF, "b", ESC, ")Q", 0xC0, " caf", ESC, ")!E", 0xE2, "e &#x0250; ", ESC, "$1", "!04", ESC, "(B", 0x1E, 0x1D);
        byte[] tail = Arrays.copyOfRange(b, b.length - expected.length, b.length);
        assertArrayEquals(expected, tail, () -> org.marcloom.testing.ByteArrays.hex(tail));
        assertEquals(Integer.parseInt(new String(b, 0, 5, StandardCharsets.US_ASCII)), b.length, "leader/00-04");
        // And it reads back.
        MarcRecord back = readAll(b, ReaderOptions.builder().normalizeNfc(true).build()).getFirst();
        assertEquals(rec.fields(), back.fields());
    }
}
