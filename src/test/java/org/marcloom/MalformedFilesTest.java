package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.record.MarcRecord;

/// The malformed fixtures: in strict mode the exact error code, record index and byte offset (the
/// expected offset computed here from the bytes, independently of the reader); in lenient mode at
/// least as many records as marc4j's permissive reader, the same 001s, and nothing lost silently.
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

    record Case(String file, ErrorCode code, long recordIndex, ToLongFunction<byte[]> expectedOffset, String why) {
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
                        b -> start(b, 1) + 12, "base address 99937 > record length 127"),
                // Record 1 (leader/09 "a") has the Latin-1 byte 0xB9 in its 350 field: the first byte of
                // the record's data area that is not well-formed UTF-8.
                new Case("marc4j__pride-and-prejudice-with-many-errors.mrc", ErrorCode.INVALID_UTF8, 1,
                        b -> firstInvalidUtf8(b, start(b, 1)), "0xB9 in 350"),
                // The first record declares 23375 bytes (123,375 wrapped to five digits); byte 23374
                // is not 0x1D, so the record's declared last byte is the first wrong one.
                new Case("marc4j__bad_too_long_plus_2.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, "wrapped length"),
                // Record 1: base address 242, so a 217-byte directory (not a multiple of 12).
                new Case("marc4j__bad_oversize_field_bad_directory.mrc", ErrorCode.DIRECTORY_INVALID, 1,
                        b -> start(b, 1) + 24, "directory of 217 bytes"),
                // The file is cut at 65,536 bytes: the 19th record (index 18) starts after the last
                // 0x1D and has fewer bytes than its leader declares; the error points at its start.
                new Case("marc4j__008008027.mrc", ErrorCode.RECORD_TRUNCATED, 18,
                        b -> start(b, 18), "cut at 64 KiB"),
                // Records 0 and 1 are clean (240 + 232 bytes); byte 472 is a stray 0x1D where the
                // third record's length should start.
                new Case("marc-perl__badldr.usmarc", ErrorCode.RECORD_LENGTH_INVALID, 2,
                        b -> Bytes.number(b, 0, 5) + Bytes.number(b, Bytes.number(b, 0, 5), 5), "stray 0x1D"),
                // Leader/12-16 says 00109 but byte 108 is not 0x1E: the base address is wrong.
                new Case("marc-perl__baddir.usmarc", ErrorCode.BASE_ADDRESS_INVALID, 0, b -> 12, "bad directory"),
                // A DOS end-of-file byte (0x1A) follows the first record: no record length there.
                new Case("marc-perl__cameleof.usmarc", ErrorCode.RECORD_LENGTH_INVALID, 1,
                        b -> Bytes.number(b, 0, 5), "0x1A between records"),
                // A NUL byte before the first record.
                new Case("marc-perl__filler.usmarc", ErrorCode.RECORD_LENGTH_INVALID, 0, b -> 0, "leading NUL"),
                // A line feed after each record: the first one follows record 0.
                new Case("qa-catalogue__000-line-seperated.mrc", ErrorCode.RECORD_LENGTH_INVALID, 1,
                        b -> Bytes.number(b, 0, 5), "LF between records"),
                // Leader says 755 bytes, the 0x1D is at byte 755 (756 bytes): byte 754 is wrong.
                new Case("pymarc__bad_subfield_code.dat", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, "length off by one"),
                new Case("marc4j__error.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, "length off by one"),
                new Case("ruby-marc__marc_with_bad_utf8.utf8.marc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, "length off by two"),
                new Case("yaz__marc4.marc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> Bytes.number(b, 0, 5) - 1, "garbage leader"),
                // Oversize records that say 99999: byte 99,998 of the record is not 0x1D.
                new Case("marc4j__datos-20161010-slice.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 0,
                        b -> 99_998, "oversize record"),
                new Case("marc4j__bad_hathi_records.mrc", ErrorCode.RECORD_LENGTH_MISMATCH, 3,
                        b -> start(b, 3) + 99_998, "1.1 MB record declared as 99999"),
                // Leader bytes that are not printable ASCII: leader/09 0x14, leader/22 0x01, leader/22 0x92.
                new Case("marc4j__bad-characters-in-various-fields.mrc", ErrorCode.LEADER_INVALID, 0, b -> 9, "0x14"),
                new Case("marc4j__sample1.mrc", ErrorCode.LEADER_INVALID, 0, b -> 22, "0x01 at leader/22"),
                new Case("evergreen__oss.marc", ErrorCode.LEADER_INVALID, 27, b -> start(b, 27) + 22, "0x92 at leader/22"),
                // Leader/10-11 blank instead of "22".
                new Case("marc4j__bad_leaders_10_11.mrc", ErrorCode.LEADER_INVALID, 0, b -> 10, "blank leader/10-11"),
                // Directory entry 0 has the tag "0 2" (a blank): reported at the entry, byte 24.
                new Case("pymarc__bad_indicator.dat", ErrorCode.TAG_INVALID, 0, b -> 24, "tag with a blank"),
                // Data fields whose data does not start with 0x1F after the two indicators: the
                // first wrong byte is the one right after the indicators.
                new Case("evergreen__nepali.marc", ErrorCode.SUBFIELD_DELIMITER_MISSING, 15,
                        b -> firstUndelimited(b, start(b, 15), "260"), "260 without $"),
                new Case("evergreen__sample_acq_order.mrc", ErrorCode.SUBFIELD_DELIMITER_MISSING, 1,
                        b -> firstUndelimited(b, start(b, 1), "970"), "970 without $"),
                new Case("pymarc__regression45.dat", ErrorCode.SUBFIELD_DELIMITER_MISSING, 0,
                        b -> firstUndelimited(b, 0, "752"), "752 without $"),
                new Case("yaz__marc5.marc", ErrorCode.SUBFIELD_DELIMITER_MISSING, 0,
                        b -> firstUndelimited(b, 0, "250"), "250 without $"),
                // An indicator byte outside printable ASCII (first indicator of the field at fault).
                new Case("marc4j__185258.mrc", ErrorCode.INDICATOR_INVALID, 0,
                        b -> firstNonPrintableIndicator(b), "control byte as indicator"),
                // Subfield codes that are bytes outside printable ASCII: the code byte itself.
                new Case("marc4j__not_unimarc_errors_3.mrc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x80, 0xFF), "0xB9 as subfield code"),
                new Case("pymarc__utf8_invalid.mrc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x80, 0xFF), "0xEF as subfield code"),
                new Case("traject__bad_subfield_code.marc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x80, 0xFF), "0xE2 as subfield code"),
                new Case("yaz__marc12.marc", ErrorCode.SUBFIELD_CODE_INVALID, 0,
                        b -> firstCodeByte(b, 0, 0x1B, 0x1B), "ESC as subfield code"),
                // Leader/09 "a" and a byte that starts no valid UTF-8 sequence: that byte.
                new Case("ruby-marc__utf8_with_bad_bytes.marc", ErrorCode.INVALID_UTF8, 0,
                        b -> firstInvalidUtf8(b, 0), "bad UTF-8"),
                new Case("traject__bad_utf_byte.utf8.marc", ErrorCode.INVALID_UTF8, 0,
                        b -> firstInvalidUtf8(b, 0), "lone bad byte"),
                new Case("ruby-marc__marc8_accented_chars.marc", ErrorCode.INVALID_UTF8, 0,
                        b -> firstInvalidUtf8(b, 0), "MARC-8 bytes behind leader/09 a"));
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

    /// The first byte of the data area that does not start a well-formed UTF-8 sequence (a naive
    /// decoder written for this test: lead byte, then the right number of continuation bytes).
    static long firstInvalidUtf8(byte[] b, long recStart) {
        int rs = (int) recStart;
        int end = rs + Bytes.number(b, rs, 5);
        int i = rs + Bytes.number(b, rs + 12, 5);
        while (i < end) {
            int c = b[i] & 0xFF;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (n < 0) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        throw new AssertionError("valid UTF-8");
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
        assertTrue(e.getMessage().contains(DIR.resolve(c.file()).toString()), "message names the file");
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
        for (String name : List.of("traject__bad_utf_byte.utf8.marc", "ruby-marc__marc8_accented_chars.marc")) {
            byte[] b = bytes(name);
            MarcRecord rec = Marc4jOracle.ours(DIR.resolve(name), ReaderOptions.builder().lenient(true).build()).getFirst();
            Diagnostic d = rec.diagnostics().getFirst();
            assertEquals(ErrorCode.INVALID_UTF8, d.code(), name);
            assertEquals(firstInvalidUtf8(b, 0), d.byteOffset(), name);
            assertTrue(rec.toString().contains("\uFFFD"), name + ": the bad byte became U+FFFD");
        }
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
        assertTrue(last.controlNumber().isPresent(), "the truncated record keeps its 001");
        for (int i = 0; i < 18; i++) {
            assertTrue(recs.get(i).diagnostics().isEmpty(), "record " + i);
        }
    }

    @Test
    void trailingJunkIsReportedAsTrailingBytes() throws IOException {
        // yaz__marc4.marc: a 920-byte file whose leader declares 914 bytes and whose 0x1D is at
        // byte 913... the bytes after the terminator are not a record.
        for (String name : List.of("pymarc__bad_records.mrc", "marc-perl__baddir.usmarc", "yaz__marc4.marc",
                "ruby-marc__marc_with_bad_utf8.utf8.marc", "pymarc__bad_indicator.dat")) {
            List<MarcRecord> recs = new ArrayList<>();
            allDiagnostics(name, recs);
            try (MarcReader r = MarcReader.builder().lenient(true).open(DIR.resolve(name))) {
                while (r.read() != null) {
                    // to the end
                }
                List<Diagnostic> t = r.trailingDiagnostics();
                assertEquals(1, t.size(), name);
                assertEquals(ErrorCode.TRAILING_BYTES, t.getFirst().code(), name);
                byte[] b = bytes(name);
                long lastRt = Bytes.recordStarts(b).getLast();
                // The trailing bytes start right after the last 0x1D (or earlier, where the framer
                // stopped finding records), never past it.
                assertTrue(t.getFirst().byteOffset() <= lastRt && t.getFirst().byteOffset() > 0, name + ": " + t);
            }
        }
    }

    @Test
    void junkBetweenRecordsIsSkippedWithJunkSkipped() throws IOException {
        // marc-perl__cameleof.usmarc: 0x1A bytes after three records; the records all come back.
        List<MarcRecord> recs = new ArrayList<>();
        List<Diagnostic> d = allDiagnostics("marc-perl__cameleof.usmarc", recs);
        assertEquals(10, recs.size());
        assertEquals(List.of(ErrorCode.JUNK_SKIPPED, ErrorCode.JUNK_SKIPPED, ErrorCode.JUNK_SKIPPED),
                d.stream().map(Diagnostic::code).toList());
        byte[] b = bytes("marc-perl__cameleof.usmarc");
        for (Diagnostic x : d) {
            assertEquals(0x1A, b[(int) x.byteOffset()], "points at the skipped byte: " + x);
        }
        // qa-catalogue__000-line-seperated.mrc: an LF after each of its 20 records.
        recs.clear();
        d = allDiagnostics("qa-catalogue__000-line-seperated.mrc", recs);
        assertEquals(20, recs.size());
        assertEquals(19, d.stream().filter(x -> x.code() == ErrorCode.JUNK_SKIPPED).count());
        assertTrue(d.stream().allMatch(x -> x.severity() == Severity.WARNING), "white space is only a warning");
    }

    @Test
    void badLeaderFileLosesNothing() throws IOException {
        // marc-perl__badldr.usmarc: 6 records, a stray 0x1D between records 2 and 3, a final "7".
        List<MarcRecord> recs = new ArrayList<>();
        List<Diagnostic> d = allDiagnostics("marc-perl__badldr.usmarc", recs);
        List<org.marc4j.marc.Record> theirs = Marc4jOracle.permissive(DIR.resolve("marc-perl__badldr.usmarc"), true);
        assertEquals(6, theirs.size());
        // The six real records, then the final "7" as a record flagged truncated (it begins with a digit,
        // so the framer cannot tell it from the start of a cut record).
        assertEquals(7, recs.size());
        assertTrue(d.stream().anyMatch(x -> x.code() == ErrorCode.JUNK_SKIPPED && x.byteOffset() == 472), d.toString());
        Diagnostic truncated = recs.getLast().diagnostics().getFirst();
        assertEquals(ErrorCode.RECORD_TRUNCATED, truncated.code());
        byte[] b = bytes("marc-perl__badldr.usmarc");
        assertEquals(b.length - 1, truncated.byteOffset());
        assertEquals('7', b[b.length - 1]);
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
        assertFalse(bad.stream().filter(MarcRecord::hasErrors).toList().isEmpty());
        assertNotEquals(0, bad.get(92).diagnostics().size());
    }
}
