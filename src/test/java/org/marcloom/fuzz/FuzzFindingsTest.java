package org.marcloom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// One test per finding of the fuzz targets, each on the input the fuzzer found (kept in
/// fixtures/fuzz/findings/), with the exact behaviour the fix gives. See
/// docs/reliability-fuzzing.md.
class FuzzFindingsTest {

    private static byte[] finding(String name) throws IOException {
        return Files.readAllBytes(Path.of("fixtures", "fuzz", "findings", name));
    }

    /// WriterRoundTripFuzzTest#json: a data field whose indicator is U+0000 was written as
    /// `"ind2":"\u0000"` and read back as a blank with a WARNING "field 245 has no ind2": the reader
    /// took U+0000 for "no ind2 key seen". Now the indicator is kept and nothing is reported.
    @Test
    void jsonIndicatorNulKept() throws IOException {
        byte[] json = finding("json-indicator-nul.json");
        List<MarcRecord> records;
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARC_JSON).open(new ByteArrayInputStream(json))) {
            records = r.stream().toList();
        }
        assertEquals(1, records.size());
        DataField f = records.get(0).dataFields("245").get(0);
        assertEquals(' ', f.indicator1());
        assertEquals('\u0000', f.indicator2());
        assertEquals(List.of(new Subfield('a', "x")), f.subfields());
        assertEquals(List.of(), records.get(0).diagnostics());
        FuzzSupport.checkReader(json, MarcFormat.MARC_JSON, false);
    }

    /// WriterRoundTripFuzzTest#mrk: an unpaired UTF-16 surrogate in a value was written as `?`
    /// (String.getBytes' replacement) where the ISO 2709, MARCXML and JSON writers write U+FFFD.
    /// The fuzz input builds `245 _0 $a` followed by U+D800.
    @Test
    void mrkWriterUnpairedSurrogate() throws IOException {
        byte[] data = finding("mrk-unpaired-surrogate.bin");
        MarcRecord record = WriterRoundTripFuzzTest.build(new WriterRoundTripFuzzTest.Bytes(data));
        assertEquals(List.of(DataField.of("245", ' ', '0', new Subfield('a', "\uD800"))), record.fields());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(MarcFormat.MARCMAKER).open(out)) {
            w.write(record);
        }
        assertEquals("=LDR  00000nam\\a2200000\\\\\\4500\r\n=245  \\0$a\uFFFD\r\n\r\n",
                out.toString(StandardCharsets.UTF_8));
        WriterRoundTripFuzzTest.roundTrip(data, MarcFormat.MARCMAKER);
    }
}
