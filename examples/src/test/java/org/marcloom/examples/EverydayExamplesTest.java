package org.marcloom.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// Runs each everyday example's `main` with no arguments, as the README's commands do (the tests
/// run in the checkout's top folder, so the examples find their default fixtures), and checks the
/// counts they print and the files they write. The expected numbers were counted from the
/// fixtures' bytes, apart from marcloom. The examples' sentences are checked only where they carry
/// a number; the diagnostics' own wording is not checked at all.
class EverydayExamplesTest {

    /// What a `main` printed on standard output, one string per line.
    private interface Main {
        void run(String[] args) throws Exception;
    }

    private static List<String> run(Main main, String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.run(args);
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        return out.lines().toList();
    }

    private static List<MarcRecord> readAll(Path file) throws IOException {
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader reader = MarcReader.open(file)) {
            reader.forEach(records::add);
        }
        return records;
    }

    /// pymarc__bad_records.mrc: 8 records; records 1, 2 and 5 have a base address that is not the
    /// directory's end, records 3 and 4 a 13-byte directory (record 4's entry for 245 also has a
    /// non-digit length), and one byte (a newline) follows the last record.
    @Test
    void lenientReadingPrintsEveryDiagnosticWithItsLocation() throws Exception {
        List<String> out = run(LenientReading::main);
        assertEquals(List.of(
                        "ERROR BASE_ADDRESS_INVALID at record 1, byte 139",
                        "ERROR BASE_ADDRESS_INVALID at record 2, byte 266",
                        "ERROR DIRECTORY_INVALID at record 3, byte 405",
                        "ERROR DIRECTORY_INVALID at record 4, byte 533",
                        "ERROR DIRECTORY_ENTRY_INVALID at record 4, byte 533, tag 245",
                        "ERROR BASE_ADDRESS_INVALID at record 5, byte 649",
                        "WARNING TRAILING_BYTES at record 8, byte 917"),
                out.stream().filter(l -> l.startsWith("  ERROR") || l.startsWith("  WARNING")).map(String::strip).toList());
        assertEquals(List.of("record 1", "record 2", "record 3", "record 4", "record 5", "after the last record:"),
                out.stream().filter(l -> l.startsWith("record ") || l.startsWith("after"))
                        .map(l -> l.startsWith("record ") ? l.substring(0, l.indexOf(" (")) : l).toList());
        assertTrue(out.contains("fixtures/iso2709/pymarc__bad_records.mrc: 8 records, 5 with problems, 1 trailing diagnostics"),
                String.join("\n", out));
        int perCode = out.indexOf("diagnostics per code:");
        assertEquals(List.of("TRAILING_BYTES 1", "BASE_ADDRESS_INVALID 3", "DIRECTORY_INVALID 2",
                        "DIRECTORY_ENTRY_INVALID 1"),
                out.subList(perCode + 1, out.size()).stream().map(l -> l.strip().replaceAll(" +", " ")).toList());
    }

    /// evergreen__lul_fre_100.mrc: 100 records, leader/09 blank in all; record 0's 260 $a is
    /// `Qu` 0xE2 `ebec, Qu` 0xE2 `e. :` (0xE2: MARC-8 combining acute, before its letter).
    @Test
    void marc8ToUtf8ShowsLeader09AndADecodedValue() throws Exception {
        List<String> out = run(Marc8ToUtf8::main);
        Path written = Path.of("target/examples/lul_fre_100-utf8.mrc");
        assertEquals("fixtures/iso2709/evergreen__lul_fre_100.mrc (76196 bytes) -> target/examples/lul_fre_100-utf8.mrc ("
                + Files.size(written) + " bytes): 100 records", out.get(0));
        assertEquals(List.of("record 0 (001 01-0118795)",
                "  leader/09 before: ' ', after: 'a'",
                "  first value outside ASCII: 260 $a Que\u0301bec, Que\u0301. : (U+0301 U+0301)",
                "  same fields after the conversion: true"), out.subList(1, out.size()));
        List<MarcRecord> records = readAll(written);
        assertEquals(100, records.size());
        assertEquals(100, records.stream().filter(r -> r.leader().characterCodingScheme() == 'a').count());
        assertEquals(readAll(Path.of("fixtures/iso2709/evergreen__lul_fre_100.mrc")).stream().map(MarcRecord::fields).toList(),
                records.stream().map(MarcRecord::fields).toList());
    }

    /// evergreen__jazz_1k.mrc: 1,000 records, 584 with leader/06 `j`, 625,347 bytes together.
    @Test
    void rawFilterCopiesTheSelectedRecordsByteForByte() throws Exception {
        List<String> out = run(RawFilter::main);
        assertEquals(List.of("fixtures/iso2709/evergreen__jazz_1k.mrc: 1000 records read, 584 with leader/06 'j' written"
                        + " to target/examples/jazz-j.mrc (625347 bytes)",
                "output bytes equal the selected input records' bytes: true"), out);
        assertEquals(625_347, Files.size(Path.of("target/examples/jazz-j.mrc")));
    }

    /// traject__test_data.utf8.marc.xml: 30 records; the first has 18 fields and the 001
    /// `   00282214 ` (blanks kept).
    @Test
    void marcXmlToIso2709WritesEveryRecord() throws Exception {
        List<String> out = run(MarcXmlToIso2709::main);
        assertTrue(out.get(1).startsWith("first record: 001    00282214 , 18 fields, title: "), out.get(1));
        assertEquals("30 records written; 30 read back with the same fields", out.getLast());
        assertEquals(30, readAll(Path.of("target/examples/test_data.mrc")).size());
    }

    /// marc4j__pride-and-prejudice-fixed.mrc: 383 records, 495 fields 9XX, 173 values of 020 $a
    /// with more than the ISBN (`0140057749 (pbk.) :`).
    @Test
    void editRecordsDropsAddsChangesAndReorders() throws Exception {
        List<String> out = run(EditRecords::main);
        assertEquals("fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc -> target/examples/edited.mrc: 383 records"
                + " edited, 495 9XX fields dropped, 173 ISBNs shortened", out.getFirst());
        assertTrue(out.contains("=020  \\\\$a0140057749 (pbk.) :$c$1.95"), "before");
        assertTrue(out.contains("=020  \\\\$a0140057749$c$1.95"), "after");
        assertEquals("the original still has its 2 9XX fields", out.getLast());
        List<MarcRecord> edited = readAll(Path.of("target/examples/edited.mrc"));
        assertEquals(383, edited.size());
        for (MarcRecord r : edited) {
            assertEquals(List.of(), r.fields("9XX"));
            assertEquals(1, r.values("500$a").stream().filter("Edited with marcloom."::equals).count());
            assertEquals(r.fields().stream().sorted(Comparator.comparing(Field::tag)).toList(), r.fields());
            assertEquals(List.of(), r.values("020$a").stream().filter(v -> v.contains(" ")).toList());
        }
    }

    /// The six default files: 10, 1,000 (record 382's 100 field ends with a subfield delimiter
    /// and no code, at byte 360,893), 30, 2, 9 and 10 records, with 17, -, 73, 11, 15 and 17
    /// fields 6XX.
    @Test
    void manyFilesReportsEachFileAndTheFailureByFile() throws Exception {
        List<String> out = run(ManyFiles::main);
        assertEquals(List.of(
                        "ok      fixtures/iso2709/pymarc__test.dat: 10 records, 17 subject headings",
                        "FAILED  fixtures/iso2709/evergreen__jazz_1k.mrc: SUBFIELD_CODE_INVALID at record 382, byte 360893,"
                                + " tag 100 after 382 good records",
                        "ok      fixtures/iso2709/traject__test_data.utf8.mrc: 30 records, 73 subject headings",
                        "ok      fixtures/xml/marc4j__chabon.xml: 2 records, 11 subject headings",
                        "ok      fixtures/json/marc-perl__test.ndj: 9 records, 15 subject headings",
                        "ok      fixtures/mrk/marc-perl__camel.mrk: 10 records, 17 subject headings",
                        "6 files, 443 records, 1 failed",
                        "fail fast: stopped by fixtures/iso2709/evergreen__jazz_1k.mrc: SUBFIELD_CODE_INVALID at record 382,"
                                + " byte 360893, tag 100"),
                out.stream().map(l -> l.replaceAll(" \\(\\d+ ms\\)$", "")).toList());
    }

    /// marc-perl__cameleof.usmarc: 10 records, 6,594 bytes; a 0x1A byte (DOS end of file) follows
    /// the records ending at bytes 755, 2,587 and 4,633.
    @Test
    void quarantineBadRecordsKeepsEveryByteNoRecordHolds() throws Exception {
        List<String> out = run(QuarantineBadRecords::main);
        assertEquals("fixtures/iso2709/marc-perl__cameleof.usmarc: 10 records read (6591 bytes), 3 regions"
                + " quarantined (3 bytes) to target/examples/quarantine.mrc", out.getFirst());
        assertEquals(List.of(755L, 2587L, 4633L), out.stream().filter(l -> l.startsWith("  {"))
                .map(l -> Long.parseLong(l.replaceAll(".*\"offset\":(\\d+).*", "$1"))).toList());
        assertTrue(out.stream().filter(l -> l.startsWith("  {")).allMatch(l -> l.contains("\"code\":\"JUNK_SKIPPED\"")),
                String.join("\n", out));
        assertEquals("every byte accounted for: true", out.getLast());
        assertEquals(3, Files.size(Path.of("target/examples/quarantine.mrc")));
        byte[] q = Files.readAllBytes(Path.of("target/examples/quarantine.mrc"));
        assertEquals(List.of((byte) 0x1A, (byte) 0x1A, (byte) 0x1A), List.of(q[0], q[1], q[2]));
    }
}
