package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.record.MarcRecord;

/// The malformed fixtures: in strict mode the exact error code, record index, byte offset and tag
/// (the offset computed here from the bytes, independently of the reader); in lenient mode every
/// diagnostic exactly (severity, code, record index, byte offset, tag; read off the bytes or
/// computed from them), at least as many records as marc4j's permissive reader, the same 001s,
/// and nothing lost silently. No test here looks at the diagnostics' wording.
class MalformedFilesTest {

    static final Path DIR = Marc4jOracle.DIR;

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// Start of record `i` when the records before it are framed by their 0x1D.
    static long start(byte[] b, int i) {
        return Bytes.recordStarts(b).get(i);
    }

    /// Offset of the first data byte of the `occurrence`-th field `tag` of the record at `recStart`.
    static long fieldStart(byte[] b, long recStart, String tag, int occurrence) {
        byte[] rec = java.util.Arrays.copyOfRange(b, (int) recStart, b.length);
        int base = Bytes.number(rec, 12, 5);
        int seen = 0;
        for (Bytes.Entry e : Bytes.directory(rec)) {
            if (e.tag().equals(tag) && seen++ == occurrence) {
                return recStart + base + e.start();
            }
        }
        throw new AssertionError("no " + tag + " #" + occurrence);
    }

    /// Offset of the record's first subfield code byte with a value in `[lo, hi]`.
    static long firstCodeByte(byte[] b, long recStart, int lo, int hi) {
        int len = Bytes.number(b, (int) recStart, 5);
        for (long i = recStart; i < recStart + len - 1; i++) {
            if (b[(int) i] == 0x1F) {
                int c = b[(int) i + 1] & 0xFF;
                if (c >= lo && c <= hi) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError("no such subfield code");
    }

    record Case(String file, ErrorCode code, long recordIndex, ToLongFunction<byte[]> expectedOffset, String tag,
                String why) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> strictCases() {
        return Stream.of(
                // Record 1's leader/12-16 is "99937", beyond its 127 bytes: the base address is the
                // first wrong value, so the error points at leader/12.
                new Case("pymarc__bad_records.mrc", ErrorCode.BASE_ADDRESS_INVALID, 1,
                        b -> start(b, 1) + 12, null, "base address 99937 > record length 127"),
                // Record 1 (leader/09 "a") has the Latin-1 byte 0xB9 in its 350 field: the first byte of
                // the record's data area that is not well-formed UTF-8.
                new Case("marc4j__pride-and-prejudice-with-many-errors.mrc", ErrorCode.INVALID_UTF8, 1,
                        b -> firstInvalidUtf8(b, start(b, 1)), "350", "0xB9 in 350"),
                // The first record declares 23375 bytes (123,375 wrapped to five digits); byte 23374
                // is not 0x1D, so the record's declared last byte is the first wrong one.
                new Case("marc4j__bad_too_long_plus_2.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, null, "wrapped length"),
                // Record 1: base address 242, so a 217-byte directory (not a multiple of 12).
                new Case("marc4j__bad_oversize_field_bad_directory.mrc", ErrorCode.DIRECTORY_INVALID, 1,
                        b -> start(b, 1) + 24, null, "directory of 217 bytes"),
                // The file is cut at 65,536 bytes: the 19th record (index 18) starts after the last
                // 0x1D and has fewer bytes than its leader declares; the error points at its start.
                new Case("marc4j__008008027.mrc", ErrorCode.RECORD_TRUNCATED, 18,
                        b -> start(b, 18), null, "cut at 64 KiB"),
                // Records 0 and 1 are clean (240 + 232 bytes); byte 472 is a stray 0x1D where the
                // third record's length should start.
                new Case("marc-perl__badldr.usmarc", ErrorCode.RECORD_LENGTH_INVALID, 2,
                        b -> Bytes.number(b, 0, 5) + Bytes.number(b, Bytes.number(b, 0, 5), 5), null, "stray 0x1D"),
                // Leader/12-16 says 00145, and the ten 12-byte entries before it point at fields that
                // all end with 0x1E at that base address: the base address is right, but byte 144,
                // the directory's terminator, is 0x1F.
                new Case("marc-perl__baddir.usmarc", ErrorCode.DIRECTORY_INVALID, 0, b -> Bytes.number(b, 12, 5) - 1,
                        null, "0x1F ends the directory"),
                // A DOS end-of-file byte (0x1A) follows the first record: no record length there.
                new Case("marc-perl__cameleof.usmarc", ErrorCode.RECORD_LENGTH_INVALID, 1,
                        b -> Bytes.number(b, 0, 5), null, "0x1A between records"),
                // A NUL byte before the first record.
                new Case("marc-perl__filler.usmarc", ErrorCode.RECORD_LENGTH_INVALID, 0, b -> 0, null, "leading NUL"),
                // A line feed after each record: the first one follows record 0.
                new Case("qa-catalogue__000-line-seperated.mrc", ErrorCode.RECORD_LENGTH_INVALID, 1,
                        b -> Bytes.number(b, 0, 5), null, "LF between records"),
                // Leader says 755 bytes, the 0x1D is at byte 755 (756 bytes): byte 754 is wrong.
                new Case("pymarc__bad_subfield_code.dat", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, null, "length off by one"),
                new Case("marc4j__error.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, null, "length off by one"),
                new Case("ruby-marc__marc_with_bad_utf8.utf8.marc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, null, "length off by two"),
                new Case("yaz__marc4.marc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, null, "garbage leader"),
                // Oversize records that say 99999: byte 99,998 of the record is not 0x1D.
                new Case("marc4j__datos-20161010-slice.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> 99_998, null, "oversize record"),
                new Case("marc4j__bad_hathi_records.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 3,
                        b -> start(b, 3) + 99_998, null, "1.1 MB record declared as 99999"),
                // Leader bytes that are not printable ASCII: leader/09 0x14, leader/22 0x02, leader/22 0x92.
                new Case("marc4j__bad-characters-in-various-fields.mrc", ErrorCode.LEADER_INVALID, 0, b -> 9, null,
                        "0x14"),
                new Case("marc4j__sample1.mrc", ErrorCode.LEADER_INVALID, 0, b -> 22, null, "0x02 at leader/22"),
                new Case("evergreen__oss.marc", ErrorCode.LEADER_INVALID, 27, b -> start(b, 27) + 22, null,
                        "0x92 at leader/22"),
                // Leader/10-11 blank instead of "22".
                new Case("marc4j__bad_leaders_10_11.mrc", ErrorCode.LEADER_INVALID, 0, b -> 10, null,
                        "blank leader/10-11"),
                // Directory entry 0 has the tag "0 2" (a blank): reported at the entry, byte 24; a tag
                // that is not valid is not named as the field's tag.
                new Case("pymarc__bad_indicator.dat", ErrorCode.TAG_INVALID, 0, b -> 24, null, "tag with a blank"),
                // Data fields whose data does not start with 0x1F after the two indicators: the
                // first wrong byte is the one right after the indicators.
                new Case("evergreen__nepali.marc", ErrorCode.SUBFIELD_DELIMITER_MISSING, 15,
                        b -> firstUndelimited(b, start(b, 15), "260"), "260", "260 without $"),
                new Case("evergreen__sample_acq_order.mrc", ErrorCode.SUBFIELD_DELIMITER_MISSING, 1,
                        b -> firstUndelimited(b, start(b, 1), "970"), "970", "970 without $"),
                new Case("pymarc__regression45.dat", ErrorCode.SUBFIELD_DELIMITER_MISSING, 0,
                        b -> firstUndelimited(b, 0, "752"), "752", "752 without $"),
                new Case("yaz__marc5.marc", ErrorCode.SUBFIELD_DELIMITER_MISSING, 0,
                        b -> firstUndelimited(b, 0, "250"), "250", "250 without $"),
                // An indicator byte outside printable ASCII (first indicator of the field at fault,
                // the 082).
                new Case("marc4j__185258.mrc", ErrorCode.INDICATOR_INVALID, 0,
                        b -> firstNonPrintableIndicator(b), "082", "control byte as indicator"),
                // Subfield codes that are bytes outside printable ASCII: the code byte itself.
                new Case("marc4j__not_unimarc_errors_3.mrc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x80, 0xFF), "776", "0xB9 as subfield code"),
                new Case("pymarc__utf8_invalid.mrc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x80, 0xFF), "260", "0xEF as subfield code"),
                new Case("traject__bad_subfield_code.marc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x80, 0xFF), "260", "0xE2 as subfield code"),
                new Case("yaz__marc12.marc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x1B, 0x1B), "880", "ESC as subfield code"),
                // Leader/09 "a" and a byte that starts no valid UTF-8 sequence: that byte.
                new Case("ruby-marc__utf8_with_bad_bytes.marc", ErrorCode.INVALID_UTF8, 0,
                        b -> firstInvalidUtf8(b, 0), "245", "bad UTF-8"),
                new Case("traject__bad_utf_byte.utf8.marc", ErrorCode.INVALID_UTF8, 0,
                        b -> firstInvalidUtf8(b, 0), "300", "lone bad byte"),
                new Case("ruby-marc__marc8_accented_chars.marc", ErrorCode.INVALID_UTF8, 0,
                        b -> firstInvalidUtf8(b, 0), "100", "MARC-8 bytes behind leader/09 a"));
    }

    /// The tag of the field that holds byte `offset` of the record at `recStart`, by its directory.
    static String tagAt(byte[] b, long recStart, long offset) {
        byte[] rec = java.util.Arrays.copyOfRange(b, (int) recStart, b.length);
        int base = Bytes.number(rec, 12, 5);
        for (Bytes.Entry e : Bytes.directory(rec)) {
            long from = recStart + base + e.start();
            if (offset >= from && offset < from + e.length()) {
                return e.tag();
            }
        }
        throw new AssertionError("no field holds byte " + offset);
    }

    /// The byte after the indicators of the first `tag` field (in directory order) of the record at
    /// `recStart` whose data does not go on with 0x1F there.
    static long firstUndelimited(byte[] b, long recStart, String tag) {
        byte[] rec = java.util.Arrays.copyOfRange(b, (int) recStart, b.length);
        int base = Bytes.number(rec, 12, 5);
        for (Bytes.Entry e : Bytes.directory(rec)) {
            if (e.tag().equals(tag) && rec[base + e.start() + 2] != 0x1F) {
                return recStart + base + e.start() + 2;
            }
        }
        throw new AssertionError("every " + tag + " has a delimiter");
    }

    /// First indicator byte (data byte 0 or 1 of a data field) outside 0x20-0x7E in record 0.
    static long firstNonPrintableIndicator(byte[] b) {
        int base = Bytes.number(b, 12, 5);
        for (Bytes.Entry e : Bytes.directory(b)) {
            if (e.tag().startsWith("00")) {
                continue;
            }
            for (int k = 0; k < 2; k++) {
                int c = b[base + e.start() + k] & 0xFF;
                if (c < 0x20 || c > 0x7E) {
                    return base + e.start() + k;
                }
            }
        }
        throw new AssertionError("no bad indicator");
    }

    /// The first byte of the data area that does not start a well-formed UTF-8 sequence.
    static long firstInvalidUtf8(byte[] b, long recStart) {
        long at = nextInvalidUtf8(b, recStart, recStart + Bytes.number(b, (int) recStart + 12, 5));
        if (at < 0) {
            throw new AssertionError("valid UTF-8");
        }
        return at;
    }

    @ParameterizedTest
    @MethodSource("strictCases")
    void strictModeReportsCodeRecordAndOffset(Case c) {
        byte[] b = bytes(c.file());
        long expected = c.expectedOffset().applyAsLong(b);
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.open(DIR.resolve(c.file()))) {
                while (r.read() != null) {
                    // until the error
                }
            }
        }, c.why());
        assertEquals(c.code(), e.code(), c.file() + ": " + e.getMessage());
        assertEquals(c.recordIndex(), e.recordIndex(), c.file() + ": " + e.getMessage());
        assertEquals(expected, e.byteOffset(), c.file() + ": " + e.getMessage());
        assertEquals(c.tag(), e.tag(), c.file() + ": " + e.getMessage());
        if (c.tag() != null) {
            assertEquals(c.tag(), tagAt(b, start(b, (int) c.recordIndex()), expected), "the tag holds the offset");
        }
        assertEquals(Severity.FATAL, e.diagnostic().severity());
        assertEquals(List.of(-1, -1), List.of(e.line(), e.column()), "ISO 2709 has no lines");
        assertEquals(DIR.resolve(c.file()).toString(), e.source(), "the exception names the file");
    }

    static Stream<String> allFixtures() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /// Lenient mode never throws, recovers at least as many records as marc4j's
    /// `MarcPermissiveStreamReader(in, true, true)`, and the records both recover have the same 001.
    @ParameterizedTest
    @MethodSource("allFixtures")
    void lenientRecoversAtLeastWhatMarc4jDoes(String name) throws IOException {
        Path file = DIR.resolve(name);
        List<MarcRecord> ours = Marc4jOracle.ours(file, ReaderOptions.builder().lenient(true).build());
        List<org.marc4j.marc.Record> theirs = Marc4jOracle.permissive(file, true);
        assertTrue(ours.size() >= theirs.size(), name + ": " + ours.size() + " < marc4j " + theirs.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < theirs.size(); i++) {
            String their001 = theirs.get(i).getControlNumber();
            List<String> our001 = ours.get(i).values("001");
            if (their001 != null && !our001.contains(their001)) {
                mismatches.add("record " + i + ": 001 " + our001 + ", marc4j " + their001);
            }
        }
        assertEquals(List.of(), mismatches, name);
    }

    static List<Diagnostic> allDiagnostics(String name, List<MarcRecord> sink) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(true).open(DIR.resolve(name))) {
            MarcRecord rec;
            while ((rec = r.read()) != null) {
                sink.add(rec);
                out.addAll(rec.diagnostics());
            }
            out.addAll(r.trailingDiagnostics());
        }
        return out;
    }

    /// Finding: a directory one byte short (its first entry lost a byte) was read in 12-byte steps
    /// from the wrong place, so record 92 of the many-errors file came back with two garbage
    /// fields and without its 001 "BTJ11184529X", which marc4j recovers. The parser now lines the
    /// entries up from the directory's end when that fits better and reads the short first entry.
    @Test
    void shortFirstDirectoryEntryKeepsThe001_manyErrorsRecord92() throws IOException {
        MarcRecord rec = Marc4jOracle.ours(DIR.resolve("marc4j__pride-and-prejudice-with-many-errors.mrc"),
                ReaderOptions.builder().lenient(true).build()).get(92);
        assertEquals(java.util.Optional.of("BTJ11184529X"), rec.controlNumber());
        assertEquals(List.of("001", "008", "020", "028", "084", "100", "245", "260", "852", "852"),
                rec.fields().stream().map(f -> f.tag()).toList());
        assertEquals(java.util.Optional.of("The complete novels of Jane Austen"), rec.title());
        assertEquals(List.of(ErrorCode.DIRECTORY_INVALID, ErrorCode.DIRECTORY_ENTRY_INVALID, ErrorCode.INVALID_UTF8),
                rec.diagnostics().stream().map(Diagnostic::code).toList());
    }

    /// Finding: a lone invalid byte in UTF-8 data (one byte in, one U+FFFD out, so the decoded text
    /// is as long as the bytes) was replaced silently: no INVALID_UTF8 in lenient mode, no error in
    /// strict mode. Shown by traject__bad_utf_byte.utf8.marc and ruby-marc__marc8_accented_chars.marc.
    /// A strict error states the problem only; the repair ("the empty subfield was dropped") is
    /// what lenient mode did, and belongs to its diagnostic.
    @Test
    void strictMessageStatesTheProblemAndLenientDiagnosticAlsoTheRepair_jazz1kRecord382() throws IOException {
        Path jazz = Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc");
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            try (MarcReader r = MarcReader.open(jazz)) {
                while (r.read() != null) {
                    // until the error
                }
            }
        });
        assertEquals(382, e.recordIndex());
        assertTrue(e.getMessage().endsWith("a subfield delimiter is not followed by a subfield code"), e.getMessage());
        MarcRecord rec;
        try (MarcReader r = MarcReader.builder().lenient(true).open(jazz)) {
            rec = r.stream().skip(382).findFirst().orElseThrow();
        }
        Diagnostic d = rec.diagnostics().getFirst();
        assertEquals(e.byteOffset(), d.byteOffset());
        assertEquals("a subfield delimiter is not followed by a subfield code; the empty subfield was dropped",
                d.message());
    }

    @Test
    void loneInvalidUtf8ByteIsReported_badUtfByte() throws IOException {
        // traject__bad_utf_byte.utf8.marc: its one value has two bad bytes (0xC0 at 62, 0x80 at 80):
        // each becomes U+FFFD, and the value's diagnostic points at the first.
        MarcRecord rec = Marc4jOracle.ours(DIR.resolve("traject__bad_utf_byte.utf8.marc"),
                ReaderOptions.builder().lenient(true).build()).getFirst();
        assertEquals(List.of("ERROR INVALID_UTF8 0 @62 300"), tuples(rec.diagnostics()));
        assertEquals(firstInvalidUtf8(bytes("traject__bad_utf_byte.utf8.marc"), 0), 62);
        assertEquals(java.util.Optional.of("This is a bad byte: '\uFFFD' and another: '\uFFFD'"), rec.value("300$a"));
        // ruby-marc__marc8_accented_chars.marc: 17 MARC-8 diacritics (0xE1, 0xE2, each followed by
        // ASCII) behind leader/09 'a', in four values: each byte becomes U+FFFD, and each value's
        // diagnostic points at its first (the 505 holds 13 of them).
        byte[] b = bytes("ruby-marc__marc8_accented_chars.marc");
        rec = Marc4jOracle.ours(DIR.resolve("ruby-marc__marc8_accented_chars.marc"),
                ReaderOptions.builder().lenient(true).build()).getFirst();
        List<Long> bad = new ArrayList<>();
        for (long at = firstInvalidUtf8(b, 0); at >= 0; at = nextInvalidUtf8(b, 0, at + 1)) {
            bad.add(at);
        }
        assertEquals(List.of(500L, 533L, 535L, 602L, 679L, 689L, 706L, 725L, 817L, 828L, 870L, 889L, 891L, 902L, 940L,
                959L, 961L), bad);
        assertEquals(List.of("ERROR INVALID_UTF8 0 @500 100", "ERROR INVALID_UTF8 0 @533 245",
                "ERROR INVALID_UTF8 0 @602 490", "ERROR INVALID_UTF8 0 @679 505"), tuples(rec.diagnostics()));
        assertEquals(bad.size(), rec.toString().chars().filter(c -> c == '\uFFFD').count());
    }

    /// The first byte from `from` on, up to the end of the record, that does not start a
    /// well-formed UTF-8 sequence, or -1.
    static long nextInvalidUtf8(byte[] b, long recStart, long from) {
        return firstInvalid(b, (int) from, (int) recStart + Bytes.number(b, (int) recStart, 5));
    }

    @Test
    void truncatedLastRecordIsReturnedWithRecordTruncated() throws IOException {
        byte[] b = bytes("marc4j__008008027.mrc");
        List<MarcRecord> recs = new ArrayList<>();
        allDiagnostics("marc4j__008008027.mrc", recs);
        assertEquals(19, recs.size());
        MarcRecord last = recs.getLast();
        Diagnostic d = last.diagnostics().getFirst();
        assertEquals(ErrorCode.RECORD_TRUNCATED, d.code());
        assertEquals(18, d.recordIndex());
        assertEquals(start(b, 18), d.byteOffset());
        assertEquals(java.util.Optional.of("58-008008027"), last.controlNumber(), "the truncated record keeps its 001");
        for (int i = 0; i < 18; i++) {
            assertEquals(List.of(), recs.get(i).diagnostics(), "record " + i);
        }
    }

    @Test
    void trailingJunkIsReportedAsTrailingBytes() throws IOException {
        // Each file's last record ends with its 0x1D; white space follows it (one newline, or in
        // pymarc__bad_indicator.dat 821 blanks). The diagnostic points at the byte after the
        // 0x1D and carries the index the next record would have had.
        for (String name : List.of("pymarc__bad_records.mrc", "marc-perl__baddir.usmarc", "yaz__marc4.marc",
                "ruby-marc__marc_with_bad_utf8.utf8.marc", "pymarc__bad_indicator.dat")) {
            byte[] b = bytes(name);
            int lastTerminator = -1;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0x1D) {
                    lastTerminator = i;
                }
            }
            List<MarcRecord> recs = new ArrayList<>();
            List<Diagnostic> all = allDiagnostics(name, recs);
            List<Diagnostic> trailing = all.stream().filter(x -> x.code() == ErrorCode.TRAILING_BYTES).toList();
            assertEquals(1, trailing.size(), name);
            Diagnostic t = trailing.getFirst();
            assertEquals(all.getLast(), t, name + ": reported after every record's diagnostics");
            assertEquals(Severity.WARNING, t.severity(), name);
            assertEquals(lastTerminator + 1, t.byteOffset(), name);
            assertEquals(recs.size(), t.recordIndex(), name);
            assertEquals(null, t.tag(), name);
        }
    }

    @Test
    void junkBetweenRecordsIsSkippedWithJunkSkipped() throws IOException {
        // marc-perl__cameleof.usmarc: a 0x1A byte after records 0, 3 and 6; the ten records all come back.
        List<MarcRecord> recs = new ArrayList<>();
        List<Diagnostic> d = allDiagnostics("marc-perl__cameleof.usmarc", recs);
        assertEquals(10, recs.size());
        byte[] b = bytes("marc-perl__cameleof.usmarc");
        List<String> expected = new ArrayList<>();
        for (int i = 0, record = 0; i < b.length; i++) {
            if (b[i] == 0x1D) {
                record++;
            } else if (b[i] == 0x1A) {
                expected.add("WARNING JUNK_SKIPPED " + record + " @" + i);
            }
        }
        assertEquals(List.of("WARNING JUNK_SKIPPED 1 @755", "WARNING JUNK_SKIPPED 4 @2587", "WARNING JUNK_SKIPPED 7 @4633"),
                expected, "the 0x1A bytes of the file");
        assertEquals(expected, tuples(d));
        // qa-catalogue__000-line-seperated.mrc: an LF after each of its 20 records; the last one
        // follows the last record.
        recs.clear();
        d = allDiagnostics("qa-catalogue__000-line-seperated.mrc", recs);
        assertEquals(20, recs.size());
        b = bytes("qa-catalogue__000-line-seperated.mrc");
        expected.clear();
        for (int i = 0, record = 0; i < b.length; i++) {
            if (b[i] == 0x1D) {
                record++;
            } else if (b[i] == '\n') {
                expected.add("WARNING " + (i == b.length - 1 ? "TRAILING_BYTES " : "JUNK_SKIPPED ") + record + " @" + i);
            }
        }
        assertEquals(20, expected.size());
        assertEquals(expected, tuples(d), "white space is only a warning");
    }

    @Test
    void badLeaderFileLosesNothing() throws IOException {
        // marc-perl__badldr.usmarc: 6 records, a stray 0x1D between records 1 and 2 (byte 472), a final "7".
        List<MarcRecord> recs = new ArrayList<>();
        List<Diagnostic> d = allDiagnostics("marc-perl__badldr.usmarc", recs);
        List<org.marc4j.marc.Record> theirs = Marc4jOracle.permissive(DIR.resolve("marc-perl__badldr.usmarc"), true);
        assertEquals(6, theirs.size());
        // The six real records, then the final "7" as a record flagged truncated (it begins with a digit,
        // so the framer cannot tell it from the start of a cut record). Every position is a byte
        // of the file: the padded leader is not checked where it has no bytes.
        byte[] b = bytes("marc-perl__badldr.usmarc");
        assertEquals(7, recs.size());
        assertEquals(0x1D, b[472]);
        assertEquals('7', b[b.length - 1]);
        assertEquals(List.of("ERROR JUNK_SKIPPED 2 @472", "ERROR RECORD_TRUNCATED 6 @" + (b.length - 1),
                "ERROR LEADER_INVALID 6 @" + (b.length - 1), "ERROR DIRECTORY_INVALID 6 @" + (b.length - 1)), tuples(d));
        assertEquals(List.of(), recs.getLast().fields());
    }

    @Test
    void lenientOnTheManyErrorsFileGivesTheSame001sAsTheFixedFile() throws IOException {
        List<MarcRecord> bad = Marc4jOracle.ours(DIR.resolve("marc4j__pride-and-prejudice-with-many-errors.mrc"),
                ReaderOptions.builder().lenient(true).build());
        List<MarcRecord> fixed = Marc4jOracle.ours(DIR.resolve("marc4j__pride-and-prejudice-fixed.mrc"),
                ReaderOptions.DEFAULTS);
        assertEquals(383, bad.size());
        assertEquals(fixed.stream().map(r -> r.controlNumber().orElse("")).toList(),
                bad.stream().map(r -> r.controlNumber().orElse("")).toList());
        // 92 records have diagnostics (see manyErrorsFileDiagnosticsAreWhatItsBytesHold); 7 of them
        // only warnings (upper-case subfield codes).
        assertEquals(92, bad.stream().filter(r -> !r.diagnostics().isEmpty()).count());
        assertEquals(85, bad.stream().filter(MarcRecord::hasErrors).count());
        assertEquals(3, bad.get(92).diagnostics().size());
    }

    // ---- Every diagnostic, exactly -------------------------------------------------------------

    /// A diagnostic as `SEVERITY CODE recordIndex @byteOffset [tag]`: everything it says but its
    /// text (the line and column of ISO 2709 input are checked to be -1 separately).
    static String tuple(Diagnostic d) {
        return d.severity() + " " + d.code() + " " + d.recordIndex() + " @" + d.byteOffset()
                + (d.tag() == null ? "" : " " + d.tag());
    }

    static List<String> tuples(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            assertEquals(List.of(-1, -1), List.of(d.line(), d.column()), "ISO 2709 has no lines: " + d);
        }
        return diagnostics.stream().map(MalformedFilesTest::tuple).toList();
    }

    /// Every malformed fixture with few enough diagnostics to list: how many records lenient mode
    /// returns, and every diagnostic (of the records, then the trailing ones) in order. Each value
    /// was read off the file's bytes (see the strict cases above for the same errors; the byte
    /// offsets are absolute, the tags those of the fields at fault).
    static Stream<Arguments> lenientCases() throws IOException {
        return Stream.concat(listedLenientCases().stream(), Stream.of(
                // A data field without a delimiter after its indicators: one per record (a 970 in
                // records 1-9, a 752 in records 0-10), at the byte after the indicators.
                Arguments.of("evergreen__sample_acq_order.mrc", 10, undelimited("evergreen__sample_acq_order.mrc", "970")),
                Arguments.of("pymarc__regression45.dat", 12, undelimited("pymarc__regression45.dat", "752")),
                Arguments.of("qa-catalogue__000-line-seperated.mrc", 20, null)));
    }

    /// The cases listed in `malformed-lenient-diagnostics.txt` (a test resource beside this class):
    /// `file NAME RECORDS` starts a file's list, every other line that is not blank and does not
    /// start with `#` is one expected diagnostic, in the form [#tuple] gives.
    static List<Arguments> listedLenientCases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        String name = null;
        int records = 0;
        List<String> expected = new ArrayList<>();
        try (var in = MalformedFilesTest.class.getResourceAsStream("malformed-lenient-diagnostics.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : (text + "file end 0").lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("file ")) {
                    if (name != null) {
                        cases.add(Arguments.of(name, records, List.copyOf(expected)));
                    }
                    String[] parts = line.split(" ");
                    name = parts[1];
                    records = Integer.parseInt(parts[2]);
                    expected.clear();
                } else {
                    expected.add(line);
                }
            }
        }
        return cases;
    }

    /// `ERROR SUBFIELD_DELIMITER_MISSING` at the byte after the indicators of every `tag` field of
    /// the file whose data does not go on with 0x1F there.
    static List<String> undelimited(String name, String tag) {
        byte[] b = bytes(name);
        List<String> out = new ArrayList<>();
        List<Integer> starts = Bytes.recordStarts(b);
        for (int i = 0; i < starts.size(); i++) {
            byte[] rec = java.util.Arrays.copyOfRange(b, starts.get(i), b.length);
            int base = Bytes.number(rec, 12, 5);
            for (Bytes.Entry e : Bytes.directory(rec)) {
                if (e.tag().equals(tag) && rec[base + e.start() + 2] != 0x1F) {
                    out.add("ERROR SUBFIELD_DELIMITER_MISSING " + i + " @" + (starts.get(i) + base + e.start() + 2) + " " + tag);
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("lenientCases")
    void lenientModeReportsExactlyTheseDiagnostics(String name, int records, List<String> expected) throws IOException {
        List<MarcRecord> recs = new ArrayList<>();
        List<Diagnostic> all = allDiagnostics(name, recs);
        assertEquals(records, recs.size(), name);
        if (expected == null) {
            return; // qa-catalogue: junkBetweenRecordsIsSkippedWithJunkSkipped derives its list from the bytes
        }
        assertEquals(expected, tuples(all), name);
    }

    /// Fields after one whose directory entry miscounts its bytes start a few bytes away from where
    /// their entries say, right after the previous field's terminator; lenient mode reads them
    /// there, as marc4j's permissive reader does, instead of reading empty fields (which lost the
    /// data of every later field). The files: the later fields, as marc4j reads them.
    @ParameterizedTest
    @CsvSource({"pymarc__bad_subfield_code.dat, 6", "marc4j__error.mrc, 6", "ruby-marc__marc_with_bad_utf8.utf8.marc, 15"})
    void fieldsAfterAMiscountedFieldAreReadWhereTheyStart(String name, int shifted) throws IOException {
        MarcRecord ours = Marc4jOracle.ours(DIR.resolve(name), ReaderOptions.builder().lenient(true).build()).getFirst();
        org.marc4j.marc.Record theirs = Marc4jOracle.permissive(DIR.resolve(name), true).getFirst();
        List<String> a = org.marcloom.testing.Marc4jView.of(ours);
        List<String> b = org.marcloom.testing.Marc4jView.of(theirs);
        assertEquals(b.subList(b.size() - shifted, b.size()), a.subList(a.size() - shifted, a.size()), name);
        assertEquals(shifted, ours.diagnostics().stream()
                .filter(d -> d.code() == ErrorCode.FIELD_TERMINATOR_MISSING).count() - 1, name + ": one per shifted field");
    }

    /// Every diagnostic of marc4j__pride-and-prejudice-with-many-errors.mrc (230 on 92 of its 383
    /// records), computed here from the bytes: a directory one byte short of whole entries (the
    /// first entry lost a byte of its tag, so the entries line up from the end), an upper-case
    /// subfield code (a warning), and in each value (a control field, a subfield, or the bytes
    /// before a field's first delimiter) its first byte that does not start well-formed UTF-8.
    @Test
    void manyErrorsFileDiagnosticsAreWhatItsBytesHold() throws IOException {
        String name = "marc4j__pride-and-prejudice-with-many-errors.mrc";
        byte[] b = bytes(name);
        List<String> expected = new ArrayList<>();
        List<Integer> starts = Bytes.recordStarts(b);
        for (int i = 0; i < starts.size(); i++) {
            int s = starts.get(i);
            assertEquals('a', b[s + 9], "record " + i + " is UTF-8");
            int base = Bytes.number(b, s + 12, 5);
            int directory = base - 1 - 24;
            int rem = directory % 12;
            int first = s + 24 + rem;
            List<String[]> entries = new ArrayList<>(); // tag, absolute start, length
            if (rem != 0) {
                assertEquals(11, rem, "record " + i + ": one short entry");
                expected.add("ERROR DIRECTORY_INVALID " + i + " @" + (s + 24));
                String tag = "0" + new String(b, s + 24, 2, java.nio.charset.StandardCharsets.US_ASCII);
                expected.add("ERROR DIRECTORY_ENTRY_INVALID " + i + " @" + (s + 24) + " " + tag);
                entries.add(new String[] {tag, String.valueOf(s + base + Bytes.number(b, s + 24 + 6, 5)),
                        String.valueOf(Bytes.number(b, s + 24 + 2, 4))});
            }
            for (int p = first; p + 12 <= s + base - 1; p += 12) {
                entries.add(new String[] {new String(b, p, 3, java.nio.charset.StandardCharsets.US_ASCII),
                        String.valueOf(s + base + Bytes.number(b, p + 7, 5)), String.valueOf(Bytes.number(b, p + 3, 4))});
            }
            for (String[] e : entries) {
                int from = Integer.parseInt(e[1]);
                int end = from + Integer.parseInt(e[2]) - 1; // the field terminator
                assertEquals(0x1E, b[end], "record " + i + " " + e[0]);
                int value = from;
                for (int k = from; k <= end; k++) {
                    if (k == end || b[k] == 0x1F) {
                        int bad = firstInvalid(b, value, k);
                        if (bad >= 0) {
                            expected.add("ERROR INVALID_UTF8 " + i + " @" + bad + " " + e[0]);
                        }
                        if (k < end && b[k + 1] >= 'A' && b[k + 1] <= 'Z') {
                            expected.add("WARNING SUBFIELD_CODE_INVALID " + i + " @" + (k + 1) + " " + e[0]);
                        }
                        value = k + 2;
                        k++;
                    }
                }
            }
        }
        List<MarcRecord> recs = new ArrayList<>();
        List<String> actual = tuples(allDiagnostics(name, recs));
        assertEquals(383, recs.size());
        assertEquals(230, actual.size());
        assertEquals(sorted(expected), sorted(actual));
    }

    /// Sorted by record index, then byte offset, then the rest.
    private static List<String> sorted(List<String> tuples) {
        return tuples.stream().sorted(java.util.Comparator
                .comparingLong((String t) -> Long.parseLong(t.split(" ")[2]))
                .thenComparingLong(t -> Long.parseLong(t.split(" ")[3].substring(1)))
                .thenComparing(t -> t)).toList();
    }

    /// The first byte of `b[from, to)` that does not start a well-formed UTF-8 sequence inside it, or -1
    /// (a naive decoder written for these tests: lead byte, then the right number of continuation bytes).
    private static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (n < 0) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= to || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /// Records with more diagnostics than `maxDiagnosticsPerRecord` (100) keep the first 100 and
    /// end with one DIAGNOSTICS_TRUNCATED at the offset of the first one dropped.
    @Test
    void aRecordKeepsItsFirst100DiagnosticsAndSaysWhereTheRestBegin() throws IOException {
        // marc4j__datos-20161010-slice.mrc: a 214,804-byte record declared as 99999 bytes; leader/12-16
        // "11893" but the directory ends at 12449 and is 12,425 bytes (5 more than whole entries).
        // Then one warning per upper-case subfield code ('H', 'K' in its 952s), in field order.
        byte[] b = bytes("marc4j__datos-20161010-slice.mrc");
        int base = Bytes.indexOf(b, 24, 0x1E) + 1;
        assertEquals(12_450, base);
        List<String> expected = new ArrayList<>(List.of("ERROR RECORD_LENGTH_MISMATCH 0 @0",
                "ERROR BASE_ADDRESS_INVALID 0 @12", "ERROR DIRECTORY_INVALID 0 @24"));
        List<Long> upperCase = new ArrayList<>();
        for (int p = 24; p + 12 <= base - 1; p += 12) {
            int from = base + Bytes.number(b, p + 7, 5);
            int length = Bytes.number(b, p + 3, 4);
            for (int k = from; k < from + length - 1; k++) {
                if (b[k] == 0x1F && b[k + 1] >= 'A' && b[k + 1] <= 'Z') {
                    upperCase.add((long) k + 1);
                    if (expected.size() < 100) {
                        expected.add("WARNING SUBFIELD_CODE_INVALID 0 @" + (k + 1) + " "
                                + new String(b, p, 3, java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        expected.add("WARNING DIAGNOSTICS_TRUNCATED 0 @" + upperCase.get(97));
        assertEquals(expected, tuples(allDiagnostics("marc4j__datos-20161010-slice.mrc", new ArrayList<>())));

        // marc4j__bad_hathi_records.mrc record 3 (at 6343): 1,096,887 bytes declared as 99999, base
        // address "99999" where the directory ends at record byte 151872; 11,275 entries give the
        // start 99999 (the most five digits hold), each a field that does not end there.
        b = bytes("marc4j__bad_hathi_records.mrc");
        int s = (int) start(b, 3);
        assertEquals(6343, s);
        int dataStart = Bytes.indexOf(b, s + 24, 0x1E) + 1;
        expected = new ArrayList<>(List.of("ERROR RECORD_LENGTH_MISMATCH 3 @6343", "ERROR BASE_ADDRESS_INVALID 3 @6355"));
        List<Integer> unterminated = new ArrayList<>();
        for (int p = s + 24; p + 12 <= dataStart - 1; p += 12) {
            int from = dataStart + Bytes.number(b, p + 7, 5);
            if (b[from + Bytes.number(b, p + 3, 4) - 1] != 0x1E) {
                unterminated.add(from);
                if (expected.size() < 100) {
                    expected.add("ERROR FIELD_TERMINATOR_MISSING 3 @" + from + " "
                            + new String(b, p, 3, java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
        }
        assertEquals(11_275, unterminated.size());
        expected.add("WARNING DIAGNOSTICS_TRUNCATED 3 @" + unterminated.get(98));
        assertEquals(expected, tuples(allDiagnostics("marc4j__bad_hathi_records.mrc", new ArrayList<>())));

        // marc4j__bad_too_long_plus_2.mrc: 1,517 entries whose starts wrap past 99999, so most of
        // its 991s are read from the wrong bytes; only the cap is checked here.
        List<String> tooLong = tuples(allDiagnostics("marc4j__bad_too_long_plus_2.mrc", new ArrayList<>()));
        assertEquals(101, tooLong.size());
        assertEquals("ERROR RECORD_LENGTH_MISMATCH 0 @0", tooLong.getFirst());
        assertTrue(tooLong.getLast().startsWith("WARNING DIAGNOSTICS_TRUNCATED 0 @"), tooLong.getLast());
    }
}
