package org.marcloom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// One test per finding of the fuzz targets, each on the input the fuzzer found (kept in
/// fixtures/fuzz/findings/), with the exact behaviour the fix gives. See
/// docs/reliability.md.
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

    /// FuzzLinearityTest (the pattern `[` over and over): JSON nested deeper
    /// than Jackson's 1,000 levels threw an UncheckedIOException ("reading input", caused by
    /// Jackson's StreamConstraintsException), in lenient mode too, as if the input could not be
    /// read. Now it is a data error: strict throws MarcParseException LIMIT_EXCEEDED, lenient
    /// reports it and goes on as after a syntax error. The input: a record whose unknown key "x"
    /// (skipped) holds 1,001 nested arrays. (Helper `hostile` makes the depth a
    /// Limits setting, maxNestingDepth; this test holds either way.)
    @Test
    void jsonDeepNestingIsADataError() throws IOException {
        byte[] json = finding("json-deep-nesting.json");
        for (MarcFormat format : List.of(MarcFormat.MARC_JSON, MarcFormat.MARC_JSON_LINES)) {
            FuzzSupport.Outcome strict = FuzzSupport.read(json, format, false, Integer.MAX_VALUE, 1);
            assertEquals(List.of(), strict.records(), format.toString());
            assertEquals(true, strict.error().startsWith("MarcParseException LIMIT_EXCEEDED record 0 byte 1041 line 1 column 1042: "),
                    format + ": " + strict.error());
            assertEquals(true, strict.error().contains("nesting depth (1001)"), strict.error());
            FuzzSupport.Outcome lenient = FuzzSupport.read(json, format, true, Integer.MAX_VALUE, 1);
            assertEquals(null, lenient.error(), format.toString());
            assertEquals(List.of(), lenient.records(), format.toString());
            assertEquals(List.of("WARNING STRUCTURE_INVALID 1:42", "ERROR LIMIT_EXCEEDED 1:1042"), lenient.trailing()
                    .stream().map(d -> d.severity() + " " + d.code() + " " + d.line() + ":" + d.column()).toList(),
                    format + ": " + lenient.trailing());
            FuzzSupport.checkReader(json, format, format == MarcFormat.MARC_JSON_LINES);
        }
    }

    /// WriterRoundTripFuzzTest#iso2709 and #mrk: a field whose kind its tag contradicts (a data
    /// field tagged 00X; the readers of both formats take 00X for control fields) was written and
    /// read back as a control field holding its indicators and delimiters (ISO 2709 strict: a
    /// CONTROL_FIELD_INVALID error; MARCMaker: another record than the one written). A tag with a
    /// blank was written to ISO 2709 and refused by its strict reader (TAG_INVALID). Now both
    /// writers refuse such a record (TAG_INVALID, naming the tag), write nothing of it and go on.
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "iso2709-datafield-tagged-008.bin|ISO_2709|008|a data field tagged 008 cannot be written in ISO 2709: its readers take tags 00X for control fields",
            "iso2709-datafield-tagged-007.bin|ISO_2709|007|a data field tagged 007 cannot be written in ISO 2709: its readers take tags 00X for control fields",
            "iso2709-tag-with-blank.bin|ISO_2709|'78 '|tag \"78 \" has a character that is not an ASCII letter or digit; an ISO 2709 reader takes only such tags",
            "mrk-datafield-tagged-000.bin|MARCMAKER|000|a data field tagged 000 cannot be written in MARCMaker: its readers take tags 00X for control fields",
            "mrk-datafield-tagged-005.bin|MARCMAKER|005|a data field tagged 005 cannot be written in MARCMaker: its readers take tags 00X for control fields",
            "mrk-datafield-tagged-000-surrogates.bin|MARCMAKER|000|a data field tagged 000 cannot be written in MARCMaker: its readers take tags 00X for control fields"})
    void writerRefusesWhatItsReaderWouldReadOtherwise(String name, MarcFormat format, String tag, String problem)
            throws IOException {
        byte[] data = finding(name);
        MarcRecord record = WriterRoundTripFuzzTest.build(new WriterRoundTripFuzzTest.Bytes(data));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(format).open(out)) {
            MarcWriteException e = assertThrows(MarcWriteException.class, () -> w.write(record));
            assertEquals(ErrorCode.TAG_INVALID, e.code());
            assertEquals(0, e.recordIndex());
            assertEquals(tag, e.tag());
            assertEquals(problem, e.problem());
        }
        assertEquals(0, out.size(), "nothing of the refused record is written");
        WriterRoundTripFuzzTest.roundTrip(data, format);
    }

    /// ReaderFuzzTest#iso2709Strict (lenient, maxRecordBytes 200): a record whose leader's length is
    /// wrong runs to the next terminator, 369 bytes on. Read whole, that was "record of 369 bytes
    /// exceeds the maximum allowed"; 6 bytes a read, "no record terminator within 200 bytes": the
    /// framer looked for the terminator in whatever its window held. Now it looks within
    /// maxRecordBytes of the record's start only, and every read size gives the same diagnostics.
    @Test
    void isoOverLimitReportedTheSameForAnyReadSize() throws IOException {
        byte[] data = finding("iso2709-over-limit-window.mrc");
        org.marcloom.ReaderOptions options = ReaderFuzzTest.options(data[0]);
        assertEquals(200, options.limits().maxRecordBytes());
        for (int perRead : new int[] {Integer.MAX_VALUE, 6, 1}) {
            FuzzSupport.Outcome lenient = FuzzSupport.read(data, MarcFormat.ISO_2709, options, true, perRead, 1);
            assertEquals(List.of(), lenient.records(), "records, " + perRead + " bytes a read");
            assertEquals(List.of("ERROR LIMIT_EXCEEDED at record 0, byte 34: no record terminator within 200 bytes"
                    + " (the maximum allowed, from Limits.maxRecordBytes); skipped to the next valid leader",
                    "ERROR TRAILING_BYTES at record 0, byte 0: 547 bytes after the last record are not a record;"
                    + " skipped"), lenient.trailing().stream().map(Object::toString).toList(),
                    perRead + " bytes a read");
        }
        FuzzSupport.checkReader(data, MarcFormat.ISO_2709, false, options);
    }
}
