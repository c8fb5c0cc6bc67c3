package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.fixtures.Iso2709Bytes;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// [MarcReader#recordsRead()] counts the records returned, in every format and with a concurrency
/// above 1: not a record whose reading threw.
class RecordsReadTest {

    /// Three records in `format`; the second has a strict-mode error (a byte that is not UTF-8 in
    /// ISO 2709, MARC-in-JSON and MARCMaker, a tag that is not three characters in MARCXML).
    private static byte[] input(MarcFormat format) {
        return switch (format) {
            case ISO_2709 -> iso2709();
            case MARC_JSON_LINES -> withBadByte("""
                    {"leader":"00000nam a2200000 a 4500","fields":[{"001":"r0"}]}
                    {"leader":"00000nam a2200000 a 4500","fields":[{"001":"r1"},{"245":{"ind1":"0","ind2":"0","subfields":[{"a":"~"}]}}]}
                    {"leader":"00000nam a2200000 a 4500","fields":[{"001":"r2"}]}
                    """);
            case MARCXML -> """
                    <collection xmlns="http://www.loc.gov/MARC21/slim">
                    <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">r0</controlfield></record>
                    <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">r1</controlfield>
                    <datafield tag="24" ind1="0" ind2="0"><subfield code="a">t</subfield></datafield></record>
                    <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">r2</controlfield></record>
                    </collection>
                    """.getBytes(StandardCharsets.UTF_8);
            case MARCMAKER -> withBadByte("""
                    =LDR  00000nam\\\\2200000\\a\\4500
                    =001  r0

                    =LDR  00000nam\\\\2200000\\a\\4500
                    =001  r1
                    =245  00$a~

                    =LDR  00000nam\\\\2200000\\a\\4500
                    =001  r2
                    """);
            default -> throw new IllegalArgumentException(format.toString());
        };
    }

    private static byte[] iso2709() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            MarcRecord.Builder b = MarcRecord.builder().addControlField("001", "r" + i);
            if (i == 1) {
                b.addDataField("245", '0', '0', new Subfield('a', "~"));
            }
            out.writeBytes(Iso2709Bytes.encode(b.build()));
        }
        return replaceTilde(out.toByteArray());
    }

    private static byte[] withBadByte(String text) {
        return replaceTilde(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] replaceTilde(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '~') {
                b[i] = (byte) 0xFF;
            }
        }
        return b;
    }

    private static MarcReader open(MarcFormat format, boolean lenient, int concurrency) throws IOException {
        return MarcReader.builder().format(format).lenient(lenient).concurrency(concurrency)
                .open(new ByteArrayInputStream(input(format)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO_2709", "MARC_JSON_LINES", "MARCXML", "MARCMAKER"})
    void aRecordWhoseReadThrowsIsNotCounted(MarcFormat format) throws IOException {
        try (MarcReader r = open(format, false, 1)) {
            assertEquals(0, r.recordsRead());
            assertEquals("r0", r.read().controlNumber().orElseThrow());
            assertEquals(1, r.recordsRead());
            MarcParseException e = assertThrows(MarcParseException.class, r::read);
            assertEquals(1, e.recordIndex());
            assertEquals(1, r.recordsRead(), "the record that threw is not counted");
            if (format == MarcFormat.MARCXML) {
                // MARCXML goes on with the next record after a strict-mode data error.
                assertEquals("r2", r.read().controlNumber().orElseThrow());
                assertEquals(2, r.recordsRead());
            }
            assertNull(r.read());
            assertEquals(format == MarcFormat.MARCXML ? 2 : 1, r.recordsRead());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO_2709", "MARC_JSON_LINES", "MARCXML", "MARCMAKER"})
    void lenientReadingCountsEveryRecordReturned(MarcFormat format) throws IOException {
        try (MarcReader r = open(format, true, 1)) {
            int n = 0;
            while (r.read() != null) {
                n++;
                assertEquals(n, r.recordsRead());
            }
            assertEquals(3, n);
            assertEquals(3, r.recordsRead(), "the end of the input counts nothing");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO_2709", "MARC_JSON_LINES"})
    void theParallelReaderCountsTheSame(MarcFormat format) throws IOException {
        try (MarcReader r = open(format, false, 2)) {
            assertEquals("r0", r.read().controlNumber().orElseThrow());
            assertThrows(MarcParseException.class, r::read);
            assertEquals(1, r.recordsRead());
        }
        try (MarcReader r = open(format, true, 2)) {
            while (r.read() != null) {
                // drain
            }
            assertEquals(3, r.recordsRead());
        }
    }
}
