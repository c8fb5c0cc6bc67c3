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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.testing.QuarantineTiles;

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
    /// (skipped) holds 1,001 nested arrays; the depth is the Limits setting maxNestingDepth.
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

    /// ReaderFuzzTest#marcJson and #parallelJson: MARC-in-JSON whose outcome depended on how many
    /// bytes each channel read returned (whole, 6, 3, 1) or on the concurrency. The causes, each
    /// fixed so that the decision depends on the bytes alone: the input's encoding was decided on
    /// whatever the first read returned (now on its first two bytes, whatever the reads); Jackson's
    /// own UTF-16/UTF-32 decoding reported other positions for other reads (it now always gets as
    /// many bytes as it asks for); bad UTF-8 just past a syntax error was claimed before it only
    /// when it had been validated ahead of the parser (now only bytes the parser took are claimed,
    /// and they go to the record being read, in order); a line lenient reading restarted on that
    /// began with NUL bytes was taken for UTF-32 (input validated as UTF-8 is now always parsed as
    /// UTF-8: a syntax error, skipped to the next line). For each input: the strict error exactly,
    /// the lenient summary ([#jsonSummary]), and the whole outcome the same for every read size, in
    /// both JSON formats, and with concurrency 2.
    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("jsonReadSizeFindings")
    void jsonOutcomeDoesNotDependOnTheReadSize(String name, String found, String strictError, String lenientSummary)
            throws IOException {
        byte[] data = finding(name);
        for (MarcFormat format : List.of(MarcFormat.MARC_JSON, MarcFormat.MARC_JSON_LINES)) {
            FuzzSupport.Outcome strict = FuzzSupport.read(data, format, false, Integer.MAX_VALUE, 1);
            FuzzSupport.Outcome lenient = FuzzSupport.read(data, format, true, Integer.MAX_VALUE, 1);
            assertEquals(strictError, strict.error(), format + " strict");
            assertEquals(List.of(), strict.records(), format + " strict");
            assertEquals(lenientSummary, jsonSummary(lenient), format + " lenient");
            for (int concurrency : format == MarcFormat.MARC_JSON_LINES ? new int[] {1, 2} : new int[] {1}) {
                for (int perRead : new int[] {Integer.MAX_VALUE, 6, 3, 1}) {
                    String how = format + ", " + perRead + " bytes a read, concurrency " + concurrency;
                    assertEquals(strict, FuzzSupport.read(data, format, false, perRead, concurrency), "strict, " + how);
                    assertEquals(lenient, FuzzSupport.read(data, format, true, perRead, concurrency), "lenient, " + how);
                }
            }
        }
        new ReaderFuzzTest().marcJson(data);
        new ReaderFuzzTest().parallelJson(data);
    }

    static Stream<Arguments> jsonReadSizeFindings() {
        return Stream.of(
                // A malformed record array, or content after its end, gives up the rest of the input; bad bytes
                // after that point were reported (trailing INVALID_UTF8) only when the reads had validated them
                // ahead of the parser.
                Arguments.of("json-array-fatal-then-bad-utf8.json", "marcJson 631f576d",
                        "MarcParseException STRUCTURE_INVALID record 0 byte -1 line 2 column 11: STRUCTURE_INVALID at record 0, line 2, column 11: the record has no \"leader\"", "0 records, 7 diagnostics, 0 INVALID_UTF8: []"),
                Arguments.of("json-content-after-array-then-bad-utf8.json", "marcJson 494b8a32",
                        "MarcParseException TRAILING_BYTES record 0 byte -1 line 1 column 4: TRAILING_BYTES at record 0, line 1, column 4: content after the end of the record array (an object)", "0 records, 1 diagnostics, 0 INVALID_UTF8: []"),
                Arguments.of("json-array-fatal-then-bad-utf8-short.json", "parallelJson 48fc304d",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 1 column 9: SYNTAX_ERROR at record 0, line 1, column 9: malformed JSON: Unrecognized token 'leader': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", "0 records, 1 diagnostics, 0 INVALID_UTF8: []"),
                // The encoding was decided on what the channel's first read returned (one byte: taken for UTF-8; more:
                // a NUL second byte, taken for UTF-16/32), and Jackson's UTF-32 decoding reported other positions as
                // the bytes came in other reads.
                Arguments.of("json-nul-second-byte-utf32-eof.bin", "marcJson 576a28ec",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 1 column 11: SYNTAX_ERROR at record 0, line 1, column 11: malformed JSON: NUL bytes made the JSON parser read UTF-32, which the bytes are not (Unexpected EOF in the middle of a 4-byte UTF-32 char: got 3, needed 4, at char #5, byte #23))",
                        "0 records, 1 diagnostics, 0 INVALID_UTF8: [SYNTAX_ERROR 0@-1 1:11]"),
                Arguments.of("json-nul-second-byte-utf32-invalid.bin", "marcJson 98f66b1b",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 1 column 1: SYNTAX_ERROR at record 0, line 1, column 1: malformed JSON: NUL bytes made the JSON parser read UTF-32, which the bytes are not (Invalid UTF-32 character 0x22716564 (above 0x0010ffff) at char #2, byte #11))",
                        "0 records, 1 diagnostics, 0 INVALID_UTF8: [SYNTAX_ERROR 0@-1 1:1]"),
                Arguments.of("json-nul-first-byte-ucs4.bin", "marcJson 959ed636",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 1 column -1: SYNTAX_ERROR at record 0, line 1: malformed JSON: NUL bytes made the JSON parser read UTF-32, which the bytes are not (Unsupported UCS-4 endianness (3412) detected)",
                        "0 records, 1 diagnostics, 0 INVALID_UTF8: [SYNTAX_ERROR 0@-1 1:-1]"),
                Arguments.of("json-lines-nul-second-byte-utf32.json", "parallelJson f460a1d7",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 1 column 1: SYNTAX_ERROR at record 0, line 1, column 1: malformed JSON: NUL bytes made the JSON parser read UTF-32, which the bytes are not (Invalid UTF-32 character 0x201f0a00 (above 0x0010ffff) at char #7, byte #31))",
                        "0 records, 1 diagnostics, 0 INVALID_UTF8: [SYNTAX_ERROR 0@-1 1:1]"),
                // Bad bytes just past a syntax error were claimed before it only when they had been read ahead
                // (validated), and were put before the diagnostics of the record being read.
                Arguments.of("json-bad-utf8-at-syntax-error.json", "marcJson 9d98190b",
                        "MarcParseException INVALID_UTF8 record 0 byte 169 line 11 column 25: INVALID_UTF8 at record 0, byte 169, line 11, column 25, tag 008 (001 000277485): byte 0xC5 is not valid UTF-8",
                        "0 records, 101 diagnostics, 12 INVALID_UTF8: [INVALID_UTF8 0@169 11:25, INVALID_UTF8 0@170 11:28, INVALID_UTF8 8@949 57:18, INVALID_UTF8 9@950 57:21, INVALID_UTF8 9@951 57:24, INVALID_UTF8 9@952 57:27]"),
                Arguments.of("json-ctrl-char-before-bad-utf8.json", "marcJson a3e12090",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 8 column 3: SYNTAX_ERROR at record 0, line 8, column 3: malformed JSON: Illegal character ((CTRL-CHAR, code 17)): only regular white space (\\r, \\n, \\t) is allowed between tokens",
                        "0 records, 101 diagnostics, 60 INVALID_UTF8: [INVALID_UTF8 1@102 8:3, INVALID_UTF8 5@464 25:19, INVALID_UTF8 7@682 37:19, INVALID_UTF8 9@880 49:20, INVALID_UTF8 9@881 49:23, INVALID_UTF8 9@882 49:26]"),
                Arguments.of("json-lines-ctrl-char-before-bad-utf8.json", "parallelJson 97106157",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 2 column 56: SYNTAX_ERROR at record 0, line 2, column 56: malformed JSON: Illegal character ((CTRL-CHAR, code 18)): only regular white space (\\r, \\n, \\t) is allowed between tokens",
                        "0 records, 38 diagnostics, 3 INVALID_UTF8: [INVALID_UTF8 1@57 2:56, INVALID_UTF8 1@1289 12:21, INVALID_UTF8 1@1290 12:24, SYNTAX_ERROR 4@-1 50:18]"),
                // A line lenient reading restarted on began with NUL bytes: Jackson's detection took it for UTF-32 and
                // stopped; now it is read as the UTF-8 it was validated as (a syntax error, skipped to the next line).
                Arguments.of("json-nul-line-after-resync.json", "marcJson 8dbde7a0",
                        "MarcParseException STRUCTURE_INVALID record 0 byte -1 line 11 column 14: STRUCTURE_INVALID at record 0, line 11, column 14, tag 010 (001    11224466 ): field 010 has a string value, which only control fields (00X) have",
                        "0 records, 101 diagnostics, 83 INVALID_UTF8: [INVALID_UTF8 1@703 43:67, SYNTAX_ERROR 1@-1 44:2, INVALID_UTF8 1@803 44:99, INVALID_UTF8 1@804 44:102, INVALID_UTF8 1@805 44:105, INVALID_UTF8 1@806 44:108]"),
                Arguments.of("json-nul-line-after-resync-unquoted-keys.json", "marcJson b4ede2ee",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 1 column 2: SYNTAX_ERROR at record 0, line 1, column 2: malformed JSON: Unexpected character ('l' (code 108)): was expecting double-quote to start field name",
                        "0 records, 83 diagnostics, 5 INVALID_UTF8: [INVALID_UTF8 6@1411 28:520, SYNTAX_ERROR 6@-1 29:2, INVALID_UTF8 6@1588 29:176, INVALID_UTF8 6@1943 29:533, INVALID_UTF8 10@2742 79:7, INVALID_UTF8 11@2743 79:10]"),
                Arguments.of("json-lines-nul-line-after-resync.json", "parallelJson 75ba143a",
                        "MarcParseException TAG_INVALID record 0 byte -1 line 1 column 88: TAG_INVALID at record 0, line 1, column 88, tag ind2: tag \"ind2\" is not three characters",
                        "0 records, 9 diagnostics, 4 INVALID_UTF8: [INVALID_UTF8 1@148 1:149, SYNTAX_ERROR 1@-1 2:2, INVALID_UTF8 1@215 2:66, INVALID_UTF8 1@313 2:166, INVALID_UTF8 1@316 2:171]"),
                Arguments.of("json-lines-nul-line-after-bad-utf8.json", "parallelJson efcc3e43",
                        "MarcParseException SYNTAX_ERROR record 0 byte -1 line 2 column 314: SYNTAX_ERROR at record 0, line 2, column 314: malformed JSON: Unexpected character ('Ô' (code 212)): was expecting comma to separate Array entries",
                        "0 records, 37 diagnostics, 2 INVALID_UTF8: [INVALID_UTF8 1@1289 12:21, INVALID_UTF8 1@1290 12:24, SYNTAX_ERROR 4@-1 50:18]"),
                Arguments.of("json-lines-nul-line-bad-utf8-order.json", "parallelJson e9de53ad",
                        "MarcParseException STRUCTURE_INVALID record 0 byte -1 line 52 column 17: STRUCTURE_INVALID at record 0, line 52, column 17, tag 040 (001 fol05731351 ): field 040 has a second \"ind2\"",
                        "0 records, 54 diagnostics, 2 INVALID_UTF8: [INVALID_UTF8 0@1254 81:13, INVALID_UTF8 7@2599 162:9, SYNTAX_ERROR 8@-1 163:2]"),
                // Read the same for every read size already before these fixes; kept for the bad-byte log.
                Arguments.of("json-bad-utf8-long-leader.json", "marcJson 94c5f2d8",
                        "MarcParseException LEADER_INVALID record 0 byte -1 line 1 column 1: LEADER_INVALID at record 0, line 1, column 1: the leader is 84 characters, not 24: \"01470nam^a2200445lf world romantic attitude nature expression element mean principle\"",
                        "1 records, 103 diagnostics, 96 INVALID_UTF8: [INVALID_UTF8 1@481 2:367, INVALID_UTF8 2@1513 2:1401, INVALID_UTF8 2@1514 2:1404, INVALID_UTF8 2@1515 2:1407, INVALID_UTF8 2@1516 2:1410, INVALID_UTF8 2@1517 2:1413]"),
                Arguments.of("json-lines-bad-utf8-runs.json", "parallelJson 29aee24e",
                        "MarcParseException SUBFIELD_CODE_INVALID record 0 byte -1 line 1 column 2439: SUBFIELD_CODE_INVALID at record 0, line 1, column 2439, tag 974 (001 000000040): subfield code \"ind1\" of field 974 is not one character",
                        "0 records, 75 diagnostics, 61 INVALID_UTF8: [INVALID_UTF8 2@2664 10:34, INVALID_UTF8 2@2665 10:37, INVALID_UTF8 2@2666 10:40, INVALID_UTF8 2@2667 10:43, INVALID_UTF8 2@2668 10:46, INVALID_UTF8 2@2669 10:49]")
        );
    }

    /// ReaderFuzzTest#marcXml (61c7b9c1): a NUL byte after a lone carriage return in the XML
    /// declaration gave a SYNTAX_ERROR at line 2, column 0 (columns are -1 or at least 1). The
    /// declaration (version "1.\r...") sends the document to the JDK's parser, which counts the
    /// columns after a lone CR one short there. The replayed input now has each lone CR as a line
    /// feed (XML's own end-of-line handling, the same document), and the NUL is at column 1.
    @Test
    void xmlNulAfterLoneCarriageReturnInTheDeclaration() throws IOException {
        byte[] data = finding("marcxml-nul-after-lone-cr-in-declaration.xml");
        String problem = "XML is not well-formed: An invalid XML character (Unicode: 0x0) was found in the XML"
                + " declaration.";
        for (int perRead : new int[] {Integer.MAX_VALUE, 6, 3, 1}) {
            FuzzSupport.Outcome strict = FuzzSupport.read(data, MarcFormat.MARCXML, false, perRead, 1);
            assertEquals("MarcParseException SYNTAX_ERROR record 0 byte -1 line 2 column 1: SYNTAX_ERROR at record 0,"
                    + " line 2, column 1: " + problem, strict.error(), perRead + " bytes a read");
            FuzzSupport.Outcome lenient = FuzzSupport.read(data, MarcFormat.MARCXML, true, perRead, 1);
            assertEquals(null, lenient.error());
            assertEquals(List.of(), lenient.records());
            assertEquals(List.of("FATAL SYNTAX_ERROR at record 0, line 2, column 1: " + problem
                    + "; the rest of the document was not read (XML allows no recovery)"),
                    lenient.trailing().stream().map(Object::toString).toList(), perRead + " bytes a read");
        }
        new ReaderFuzzTest().marcXml(data);
    }

    /// Found by `ReaderFuzzTest#marcXml` once it checked the quarantine: MARC fields in an element
    /// that is not a record (here a misspelt `<recore>`) were skipped without a word, so the
    /// record's bytes were in no record, no region and no diagnostic. Such fields are now an ERROR
    /// STRUCTURE_INVALID (strict throws), and lenient mode skips (and quarantines) the element that
    /// holds them.
    @Test
    void xmlFieldsOutsideAnyRecordAreNeverSilent() throws IOException {
        byte[] data = finding("marcxml-fields-in-misspelt-record.xml");
        FuzzSupport.Outcome lenient = FuzzSupport.read(data, MarcFormat.MARCXML, true, Integer.MAX_VALUE, 1);
        assertEquals("ERROR STRUCTURE_INVALID at record 0, line 3, column 13: <leader> outside any MARC record (in"
                + " <recore>); the element <recore> was skipped", lenient.trailing().getFirst().toString());
        new ReaderFuzzTest().marcXml(data);
        // the same in a mistyped namespace (the collection's default one)
        byte[] foreign = finding("marcxml-fields-in-foreign-namespace-outside-records.xml");
        FuzzSupport.Outcome f = FuzzSupport.read(foreign, MarcFormat.MARCXML, true, Integer.MAX_VALUE, 1);
        assertEquals("ERROR STRUCTURE_INVALID at record 0, line 3, column 11: <leader> in namespace"
                + " \"httpv//www.loc.gov/MARC42/slim\" outside any MARC record (in <reco>); the element <reco> was"
                + " skipped", f.trailing().getFirst().toString());
        new ReaderFuzzTest().marcXml(foreign);

        String doc = "<collection><recrod><leader>00000nam a2200000 a 4500</leader></recrod>"
                + "<record><leader>00000nam a2200000 a 4500</leader></record>"
                + "<controlfield tag=\"001\">loose</controlfield></collection>";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        FuzzSupport.Outcome o = FuzzSupport.read(bytes, MarcFormat.MARCXML, true, Integer.MAX_VALUE, 1);
        assertEquals(1, o.count());
        assertEquals(List.of("ERROR STRUCTURE_INVALID at record 0, line 1, column 29: <leader> outside any MARC"
                        + " record (in <recrod>); the element <recrod> was skipped",
                "ERROR STRUCTURE_INVALID at record 1, line 1, column 153: <controlfield> outside any MARC record (in"
                        + " <collection>); the element was skipped"),
                o.trailing().stream().map(Object::toString).toList());
        FuzzSupport.Outcome strict = FuzzSupport.read(bytes, MarcFormat.MARCXML, false, Integer.MAX_VALUE, 1);
        assertEquals("MarcParseException STRUCTURE_INVALID record 0 byte -1 line 1 column 29: STRUCTURE_INVALID at"
                + " record 0, line 1, column 29: <leader> outside any MARC record (in <recrod>)", strict.error());
        ReaderOptions lenientOptions = ReaderOptions.builder().lenient(true).build();
        QuarantineTiles.Result q = QuarantineTiles.read(MarcFormat.MARCXML, lenientOptions, bytes, 0, 1);
        int loose = doc.indexOf("<controlfield");
        assertEquals(List.of(new QuarantineTiles.Span(12, 58, doc.substring(12, 70).getBytes(StandardCharsets.UTF_8),
                        List.of("STRUCTURE_INVALID")),
                new QuarantineTiles.Span(70, 58, null, List.of()),
                new QuarantineTiles.Span(loose, 44, doc.substring(loose, loose + 44).getBytes(StandardCharsets.UTF_8),
                        List.of("STRUCTURE_INVALID"))), q.spans());
    }

    /// Found by `ReaderFuzzTest#marcXml` checking the quarantine, both in its own harness (the
    /// readers were right): a record's end tag may hold white space (`</record\n>`), and MARC
    /// field tags inside a processing instruction (here a `<?x` that runs to the `?>` of a later
    /// XML declaration) are its text, not fields. Both inputs now tile: records, regions, markup.
    @ParameterizedTest
    @CsvSource({"marcxml-end-tag-with-white-space.xml, 2", "marcxml-fields-inside-a-processing-instruction.xml, 0"})
    void xmlQuarantineHarnessFindings(String file, int records) throws IOException {
        byte[] data = finding(file);
        FuzzSupport.Outcome lenient = FuzzSupport.read(data, MarcFormat.MARCXML, true, Integer.MAX_VALUE, 1);
        assertEquals(records, lenient.count());
        new ReaderFuzzTest().marcXml(data);
    }

    /// Found by `ReaderFuzzTest#marcXml` checking the quarantine: a MARC field loose in an SRU
    /// envelope `record`, after the MARC record inside it, skips the rest of the envelope; the
    /// region's start, the envelope's start tag, lies before the record already read, and mapping it
    /// to bytes threw the character-to-byte walk off, so the region ran to the end of the document
    /// and the next record's span was wrong. The region now starts where the record read ends, and
    /// every input tiles. The first input: the exact spans.
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void xmlStrayFieldInAnEnvelopeAfterARecord(int n) throws IOException {
        byte[] data = finding("marcxml-stray-field-in-envelope-after-a-record-" + n + ".xml");
        new ReaderFuzzTest().marcXml(data);
        if (n == 1) {
            QuarantineTiles.Result q = QuarantineTiles.read(MarcFormat.MARCXML,
                    ReaderOptions.builder().lenient(true).build(), data, 0, 1);
            assertEquals("[record 287+276, region 563+180 [STRUCTURE_INVALID], record 944+182, region 1129+37 [SYNTAX_ERROR]]",
                    q.spans().toString());
        }
    }

    /// What the bad-byte tests compare of a lenient MARC-in-JSON outcome: the records, all the
    /// diagnostics (the records' and the trailing ones), how many are INVALID_UTF8, and the first
    /// six that are INVALID_UTF8 or a syntax error about NUL bytes or UTF-32, each as `CODE
    /// record@byte line:column`.
    static String jsonSummary(FuzzSupport.Outcome o) {
        List<org.marcloom.Diagnostic> all = new java.util.ArrayList<>();
        o.diagnostics().forEach(all::addAll);
        all.addAll(o.trailing());
        long utf8 = all.stream().filter(d -> d.code() == ErrorCode.INVALID_UTF8).count();
        List<String> first = all.stream()
                .filter(d -> d.code() == ErrorCode.INVALID_UTF8 || d.problem().contains("code 0)")
                        || d.problem().contains("UTF-32"))
                .limit(6).map(d -> d.code() + " " + d.recordIndex() + "@" + d.byteOffset() + " " + d.line() + ":"
                        + d.column()).toList();
        return o.count() + " records, " + all.size() + " diagnostics, " + utf8 + " INVALID_UTF8: " + first;
    }

    /// ReaderFuzzTest#parallelJson 48fc304d: a record array that is malformed at its first token; the
    /// rest of the input (with a byte 0x8B that is not UTF-8 at byte 262) is given up and not
    /// reported, whatever the read size: one FATAL diagnostic, nothing after it.
    @Test
    void jsonArrayGivenUpAtAnErrorReportsNothingAfterIt() throws IOException {
        byte[] data = finding("json-array-fatal-then-bad-utf8-short.json");
        for (int perRead : new int[] {Integer.MAX_VALUE, 6, 3, 1}) {
            FuzzSupport.Outcome lenient = FuzzSupport.read(data, MarcFormat.MARC_JSON, true, perRead, 1);
            assertEquals(List.of("FATAL SYNTAX_ERROR at record 0, line 1, column 9: malformed JSON: Unrecognized token"
                    + " 'leader': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false');"
                    + " the rest of the record array could not be read"),
                    lenient.trailing().stream().map(Object::toString).toList(), perRead + " bytes a read");
        }
    }
}
