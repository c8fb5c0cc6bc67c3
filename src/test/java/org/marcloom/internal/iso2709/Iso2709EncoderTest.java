package org.marcloom.internal.iso2709;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.OutputEncoding;
import org.marcloom.WriterOptions;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.junit.jupiter.api.Test;

/// The ISO 2709 encoder through [MarcWriter]: bytes, lengths, oversize records, refusals with codes.
class Iso2709EncoderTest {

    /// Writing `r` with the default options is refused with `code` and `message`.
    private static MarcWriteException assertRefused(MarcRecord r, ErrorCode code, String message) {
        MarcWriteException e = assertThrows(MarcWriteException.class, () -> write(r, WriterOptions.DEFAULTS));
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
        return e;
    }

    private static byte[] write(MarcRecord r, WriterOptions o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().options(o).open(bytes)) {
            w.write(r);
        }
        return bytes.toByteArray();
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesLeaderDirectoryAndDataByteForByte() throws IOException {
        MarcRecord r = MarcRecord.builder()
                .leader("99999cam  2299999 a 9999") // wrong structural positions on purpose
                .addControlField("001", "abc")
                .addDataField("245", '1', '0', Subfield.of('a', "Hi"), Subfield.of('b', "x"))
                .build();
        byte[] b = write(r, WriterOptions.DEFAULTS);
        // data: "abc" FT = 4 bytes; "10" SD a H i SD b x FT = 10 bytes; base = 24 + 2*12 + 1 = 49
        String expected = "00064cam a2200049 a 4500"
                + "001000400000" + "245001000004" + "\u001e"
                + "abc\u001e" + "10\u001faHi\u001fbx\u001e" + "\u001d";
        assertEquals(expected, ascii(b));
        assertEquals(64, b.length);
    }

    @Test
    void countsUtf8BytesNotChars() throws IOException {
        // "é" = 2 bytes, "中" = 3 bytes, "😀" = 4 bytes (a surrogate pair, 2 chars)
        MarcRecord r = MarcRecord.builder()
                .addDataField("245", ' ', ' ', Subfield.of('a', "é中😀"))
                .build();
        byte[] b = write(r, WriterOptions.DEFAULTS);
        // field: 2 indicators + SD + code + 9 bytes + FT = 14
        assertEquals("00052nam a2200037   4500", ascii(b).substring(0, 24));
        assertEquals("245001400000", ascii(b).substring(24, 36));
        byte[] value = "é中😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(9, value.length);
        byte[] field = new byte[14];
        System.arraycopy(b, 37, field, 0, 14);
        byte[] want = new byte[14];
        want[0] = ' ';
        want[1] = ' ';
        want[2] = 0x1F;
        want[3] = 'a';
        System.arraycopy(value, 0, want, 4, 9);
        want[13] = 0x1E;
        assertArrayEquals(want, field);
        assertEquals(0x1D, b[b.length - 1]);
        assertEquals(52, b.length);
    }

    @Test
    void unpairedSurrogateBecomesReplacementCharacter() throws IOException {
        MarcRecord r = MarcRecord.builder().addControlField("001", "a\uD800b\uDC00").build();
        byte[] b = write(r, WriterOptions.DEFAULTS);
        String data = new String(b, 37, b.length - 39, StandardCharsets.UTF_8);
        assertEquals("a\uFFFDb\uFFFD", data);
    }

    @Test
    void emptyRecordIsLeaderAndTerminators() throws IOException {
        byte[] b = write(MarcRecord.builder().build(), WriterOptions.DEFAULTS);
        assertEquals("00026nam a2200025   4500\u001e\u001d", ascii(b));
    }

    @Test
    void emptySubfieldValueAndNoSubfields() throws IOException {
        MarcRecord r = MarcRecord.builder()
                .addDataField("500", 'a', 'b', Subfield.of('a', ""))
                .add(DataField.of("600", ' ', '1'))
                .build();
        String s = ascii(write(r, WriterOptions.DEFAULTS));
        assertEquals("500000500000" + "600000300005", s.substring(24, 48));
        assertTrue(s.endsWith("\u001eab\u001fa\u001e 1\u001e\u001d"));
    }

    @Test
    void writesRecordsBackToBackAndReadsThemWithMarcReader() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MarcRecord a = MarcRecord.builder().addControlField("001", "one")
                .addDataField("245", '0', '0', Subfield.of('a', "Ελληνικά")).build();
        MarcRecord b = MarcRecord.builder().addControlField("001", "two")
                .addDataField("245", '0', '0', Subfield.of('a', "עברית")).build();
        try (MarcWriter w = MarcWriter.builder().open(bytes)) {
            w.write(a);
            w.write(b);
        }
        try (MarcReader r = MarcReader.builder().open(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(a.fields(), r.read().fields());
            assertEquals(b.fields(), r.read().fields());
            assertEquals(null, r.read());
        }
    }

    @Test
    void oversizeFieldIsRefusedWithTheOptionNamed() {
        MarcRecord r = MarcRecord.builder().addControlField("001", "x")
                .addDataField("520", ' ', ' ', Subfield.of('a', "y".repeat(10_000))).build();
        MarcWriteException e = assertRefused(r, ErrorCode.RECORD_TOO_LARGE, "RECORD_TOO_LARGE at record 0 (001 x),"
                + " tag 520: field 2 of 2 is 10005 bytes; ISO 2709 allows at most 9,999 bytes per field"
                + " (WriterOptions.allowOversize writes it anyway, with its length written as 9999)");
        assertEquals(0, e.recordIndex());
        assertEquals("520", e.tag());
        assertEquals("x", e.controlNumber());
    }

    @Test
    void oversizeRecordIsRefusedThroughMarcWriter() {
        MarcRecord.Builder rb = MarcRecord.builder().addControlField("001", "big");
        for (int i = 0; i < 12; i++) {
            rb.addDataField("500", ' ', ' ', Subfield.of('a', "z".repeat(9_000)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MarcWriter w = MarcWriter.builder().open(bytes);
        MarcWriteException e = assertThrows(MarcWriteException.class, () -> w.write(rb.build()));
        assertEquals(ErrorCode.RECORD_TOO_LARGE, e.code());
        assertEquals("RECORD_TOO_LARGE at record 0 (001 big): the record is 108246 bytes; ISO 2709 allows at most"
                + " 99,999 bytes per record (WriterOptions.allowOversize writes it anyway, with its length written as"
                + " 99999)", e.getMessage());
        w.flush();
        assertEquals(0, bytes.size(), "a refused record writes nothing");
    }

    @Test
    void allowOversizeWritesClampedLengthsAndExactStarts() throws IOException {
        MarcRecord.Builder rb = MarcRecord.builder().addControlField("001", "big");
        rb.addDataField("520", ' ', ' ', Subfield.of('a', "y".repeat(10_000)));
        for (int i = 0; i < 11; i++) {
            rb.addDataField("500", ' ', ' ', Subfield.of('a', "z".repeat(9_000)));
        }
        MarcRecord r = rb.build();
        byte[] b = write(r, WriterOptions.builder().allowOversize(true).build());
        String s = ascii(b);
        assertTrue(b.length > 99_999);
        assertEquals("99999", s.substring(0, 5));
        int base = 24 + 13 * 12 + 1;
        assertEquals(String.format("%05d", base), s.substring(12, 17));
        assertEquals("001000400000", s.substring(24, 36));
        assertEquals("520999900004", s.substring(36, 48), "field length clamped, start exact");
        // 3rd field starts at 4 + 10005 = 10009
        assertEquals("500900510009", s.substring(48, 60));
        // a start past 99,999 is clamped: field 13 starts at 10009 + 10*9005 = 100059
        assertEquals("500900599999", s.substring(24 + 12 * 12, 24 + 13 * 12));
        assertEquals(0x1D, b[b.length - 1]);
        assertEquals(1 + 4 + 10_005 + 11 * 9_005 + base, b.length);
    }

    @Test
    void delimiterInDataIsRefused() {
        MarcRecord r = MarcRecord.builder().addDataField("245", ' ', ' ', Subfield.of('a', "a\u001fb")).build();
        MarcWriteException e = assertRefused(r, ErrorCode.CHARACTER_NOT_ALLOWED, "CHARACTER_NOT_ALLOWED at record 0,"
                + " tag 245: the value of 245 $a contains U+001F at character 1, an ISO 2709 delimiter; such a value"
                + " cannot be written as ISO 2709");
        assertEquals("245", e.tag());
    }

    @Test
    void nonAsciiIndicatorIsRefused() {
        MarcRecord r = MarcRecord.builder().addDataField("245", 'é', ' ', Subfield.of('a', "x")).build();
        assertRefused(r, ErrorCode.INDICATOR_INVALID, "INDICATOR_INVALID at record 0, tag 245: first indicator U+00E9"
                + " is not a printable ASCII character; ISO 2709 holds it in one byte");
    }

    @Test
    void aBlankSubfieldCodeIsRefusedBecauseTheStrictReaderWouldRefuseIt() {
        MarcRecord r = MarcRecord.builder().addDataField("245", '1', '0', Subfield.of(' ', "x")).build();
        assertRefused(r, ErrorCode.SUBFIELD_CODE_INVALID, "SUBFIELD_CODE_INVALID at record 0, tag 245: subfield code"
                + " U+0020 is not a printable, non-blank ASCII character; an ISO 2709 reader would not read it back");
    }

    @Test
    void marc8OutputHasBlankLeader09AndAnselBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter sink = MarcWriter.builder().encoding(OutputEncoding.MARC_8).open(out)) {
            sink.write(MarcRecord.builder().addDataField("245", '1', '0', new Subfield('a', "caf\u00e9")).build());
        }
        byte[] b = out.toByteArray();
        assertEquals(' ', (char) b[9], "leader/09 blank: MARC-8");
        // "café" in MARC-8: the ANSEL acute (0xE2) comes before its base letter.
        byte[] expected = {0x1F, 'a', 'c', 'a', 'f', (byte) 0xE2, 'e', 0x1E};
        int at = b.length - 1 - expected.length;
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(b, at, at + expected.length));
    }

    @Test
    void closeClosesOnlyAnOwnedTargetAndFlushesAlways() throws IOException {
        TrackingStream owned = new TrackingStream();
        MarcWriter s1 = MarcWriter.builder().open(owned);
        s1.write(MarcRecord.builder().build());
        assertEquals(0, owned.bytes.size(), "buffered until flush or close");
        s1.close();
        assertTrue(owned.closed);
        assertEquals(26, owned.bytes.size());

        TrackingStream borrowed = new TrackingStream();
        MarcWriter s2 = MarcWriter.builder().keepOpen(true).open(borrowed);
        s2.write(MarcRecord.builder().build());
        s2.flush();
        assertEquals(26, borrowed.bytes.size());
        assertTrue(borrowed.flushed);
        s2.close();
        s2.close();
        assertTrue(!borrowed.closed);
        assertThrows(IllegalStateException.class, () -> s2.write(MarcRecord.builder().build()));
    }

    @Test
    void manyRecordsCrossTheOutputBufferIntact() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int count = 3_000;
        try (MarcWriter w = MarcWriter.builder().format(MarcFormat.ISO_2709).open(bytes)) {
            for (int i = 0; i < count; i++) {
                w.write(MarcRecord.builder().addControlField("001", "r" + i)
                        .addDataField("245", '1', '0', Subfield.of('a', "Título " + i)).build());
            }
        }
        try (MarcReader r = MarcReader.builder().open(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int i = 0; i < count; i++) {
                MarcRecord rec = r.read();
                assertEquals("r" + i, rec.controlNumber().orElseThrow());
                assertEquals("Título " + i, rec.value("245$a").orElseThrow());
            }
            assertEquals(null, r.read());
        }
    }

    private static final class TrackingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;
        boolean flushed;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
