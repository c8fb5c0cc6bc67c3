package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The command line, run in process through [Main#run]: options, exit statuses, messages.
class MainTest {

    static final String CLEAN = "fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc";
    static final String CAMEL = "fixtures/iso2709/pymarc__test.dat";
    static final String BAD = "fixtures/iso2709/pymarc__bad_records.mrc";
    static final String MANY_ERRORS = "fixtures/iso2709/marc4j__pride-and-prejudice-with-many-errors.mrc";

    @Test
    void helpListsEveryCommand() {
        CliRun r = CliRun.run("--help");
        assertEquals(0, r.status());
        for (String c : List.of("count", "convert", "dump", "split", "validate", "stats", "select", "filter")) {
            assertTrue(r.stdout().contains("  " + c + " "), c + " is listed");
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("count", "convert", "dump", "split", "validate", "stats", "select", "filter")) {
            CliRun r = CliRun.run(c, "--help");
            assertEquals(0, r.status(), c);
            assertTrue(r.stdout().startsWith("Usage: marcloom " + c + " "), c);
            assertTrue(r.stdout().contains("--help"), c);
        }
    }

    @Test
    void noArgumentsIsAUsageError() {
        CliRun r = CliRun.run();
        assertEquals(2, r.status());
        assertTrue(r.stderr().startsWith("Usage: marcloom"));
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRun r = CliRun.run("count", "--bogus", CAMEL);
        assertEquals(2, r.status());
        assertEquals(List.of("marcloom count: unknown option --bogus (see marcloom count --help)"), r.errLines());
        assertEquals("", r.stdout());
    }

    @Test
    void unknownCommandAndBadValuesExitTwo() {
        assertEquals(2, CliRun.run("frobnicate", CAMEL).status());
        assertEquals(2, CliRun.run("convert", "--to", "pdf", CAMEL).status());
        assertEquals(2, CliRun.run("convert", CAMEL).status(), "--to is required");
        assertEquals(2, CliRun.run("convert", "--to", "marc", "--concurrency", "0", CAMEL).status());
        assertEquals(2, CliRun.run("convert", "--to", "marc", "--encoding", "ebcdic", CAMEL).status());
        assertEquals(2, CliRun.run("count").status(), "no input");
        assertEquals(2, CliRun.run("count", "-", "-").status(), "stdin twice");
        CliRun r = CliRun.run("convert", "--to");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size());
    }

    @Test
    void countPrintsRecordsTabFileName() {
        CliRun r = CliRun.run("count", CLEAN, CAMEL);
        assertEquals(0, r.status());
        assertEquals("383\t" + CLEAN + "\n10\t" + CAMEL + "\n", r.stdout());
        assertEquals("", r.stderr(), "no console in tests: no progress bar, nothing on stderr");
    }

    @Test
    void countReadsStandardInput() throws IOException {
        CliRun r = CliRun.runWithInput(Files.readAllBytes(Path.of(CAMEL)), "count", "-");
        assertEquals(0, r.status());
        assertEquals("10\t<stdin>\n", r.stdout());
    }

    @Test
    void strictErrorIsOneLineNamingFileRecordAndOffset() {
        CliRun r = CliRun.run("count", BAD);
        assertEquals(1, r.status());
        assertEquals(1, r.errLines().size(), r.stderr());
        String line = r.errLines().getFirst();
        assertTrue(line.startsWith("marcloom: " + BAD + ": "), line);
        assertTrue(Pattern.compile("record \\d+, byte \\d+").matcher(line).find(), line);
        assertFalse(r.stderr().contains("\tat "), "no stack trace");
    }

    @Test
    void debugPrintsTheStackTrace() {
        CliRun r = CliRun.run("count", "--debug", BAD);
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("\tat "), r.stderr());
    }

    @Test
    void lenientReportsDiagnosticsAndKeepsRecords() {
        CliRun r = CliRun.run("count", "--lenient", BAD);
        assertEquals(0, r.status());
        assertEquals("8\t" + BAD + "\n", r.stdout());
        assertEquals(BAD_RECORDS_DIAGNOSTICS, locations(r.errLines()));
    }

    /// pymarc__bad_records.mrc read leniently, one line each: what and where (the wording after the
    /// location is not checked). The values are those of MalformedFilesTest, read off the bytes.
    static final List<String> BAD_RECORDS_DIAGNOSTICS = List.of(
            "ERROR BASE_ADDRESS_INVALID at record 1, byte 139",
            "ERROR BASE_ADDRESS_INVALID at record 2, byte 266",
            "ERROR DIRECTORY_INVALID at record 3, byte 405",
            "ERROR DIRECTORY_INVALID at record 4, byte 533",
            "ERROR DIRECTORY_ENTRY_INVALID at record 4, byte 533, tag 245",
            "ERROR BASE_ADDRESS_INVALID at record 5, byte 649",
            "WARNING TRAILING_BYTES at record 8, byte 917");

    /// Each `marcloom: BAD: SEVERITY CODE at LOCATION: message` line as `SEVERITY CODE at LOCATION`.
    static List<String> locations(List<String> errLines) {
        String prefix = "marcloom: " + BAD + ": ";
        return errLines.stream().map(l -> {
            assertTrue(l.startsWith(prefix), l);
            String rest = l.substring(prefix.length());
            return rest.substring(0, rest.indexOf(": "));
        }).toList();
    }

    @Test
    void missingFileIsOneLineExitThree() {
        CliRun r = CliRun.run("count", "no/such/file.mrc");
        assertEquals(3, r.status());
        assertEquals(List.of("marcloom: no/such/file.mrc: no such file"), r.errLines());
    }

    @Test
    void dumpPrintsMarcMakerTextWithBlankLinesBetweenRecords() {
        CliRun r = CliRun.run("dump", CAMEL);
        assertEquals(0, r.status());
        String out = r.stdout();
        assertTrue(out.startsWith("=LDR  "), out);
        assertEquals(10, Pattern.compile("^=LDR  ", Pattern.MULTILINE).matcher(out).results().count());
        assertEquals(9, Pattern.compile("\n\n=LDR  ").matcher(out).results().count());
        assertTrue(out.contains("\n=245  10$aPerl"), out);
        assertTrue(out.endsWith("\n") && !out.endsWith("\n\n"));
    }

    @Test
    void dumpLenientShowsDiagnosticsAsComments() {
        CliRun r = CliRun.run("dump", "--lenient", BAD);
        assertEquals(0, r.status());
        assertTrue(r.stdout().contains("# ERROR BASE_ADDRESS_INVALID at record 1, byte "), r.stdout());
        assertEquals(8, Pattern.compile("^=LDR  ", Pattern.MULTILINE).matcher(r.stdout()).results().count());
    }

    @Test
    void validateCleanFileExitsZero() {
        CliRun r = CliRun.run("validate", CLEAN);
        assertEquals(0, r.status(), r.stdout());
        assertEquals("valid: 383 records in 1 file, 0 with problems; 0 fatal, 0 errors, 0 warnings\n", r.stdout());
    }

    @Test
    void validateReportsEveryProblemWithItsLocation() {
        CliRun r = CliRun.run("validate", BAD);
        assertEquals(1, r.status());
        List<String> lines = r.stdout().lines().toList();
        Pattern line = Pattern.compile(Pattern.quote(BAD)
                + ": record \\d+(, byte \\d+)?(, tag \\w{3})?: [A-Z_0-9]+: .+");
        for (String l : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matcher(l).matches(), l);
        }
        assertTrue(lines.contains(BAD + ": record 1, byte 139: BASE_ADDRESS_INVALID: leader/12-16 (base address of "
                + "data) is \"99937\" but the directory ends at record byte 36; used base address 37"), r.stdout());
        assertTrue(lines.getLast().startsWith("INVALID: 8 records in 1 file, "), lines.getLast());
    }

    @Test
    void validateMaxErrorsLimitsTheLinesNotTheCount() {
        CliRun all = CliRun.run("validate", MANY_ERRORS);
        CliRun two = CliRun.run("validate", "--max-errors", "2", MANY_ERRORS);
        assertEquals(1, two.status());
        List<String> lines = two.stdout().lines().toList();
        assertEquals(3, lines.size(), two.stdout());
        String fullSummary = all.stdout().lines().toList().getLast();
        assertTrue(lines.getLast().startsWith(fullSummary + " ("), lines.getLast());
        assertTrue(lines.getLast().endsWith(" not shown, see --max-errors)"));
    }

    @Test
    void statsDescribesTheFile() {
        CliRun r = CliRun.run("stats", CAMEL);
        assertEquals(0, r.status());
        String out = r.stdout();
        assertAll(
                () -> assertTrue(out.contains("records  10\n"), out),
                () -> assertTrue(out.contains("bytes    6591\n"), out),
                () -> assertTrue(out.contains("10  'a'  language material"), out),
                () -> assertTrue(out.contains("10  ' '  MARC-8"), out),
                () -> assertTrue(Pattern.compile("\\n  245 +10 +10  \\$a 10").matcher(out).find(), out));
    }

    @Test
    void splitByRecordsPassesBytesThrough(@TempDir Path dir) throws IOException {
        String prefix = dir.resolve("pp").toString();
        CliRun r = CliRun.run("split", "--records", "100", "--prefix", prefix, CLEAN);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("100\t" + prefix + "-0001.mrc\n100\t" + prefix + "-0002.mrc\n100\t" + prefix + "-0003.mrc\n"
                + "83\t" + prefix + "-0004.mrc\n", r.stdout());
        assertArrayEquals(Files.readAllBytes(Path.of(CLEAN)), concat(dir, 4));
        assertEquals("100\t" + prefix + "-0002.mrc\n", CliRun.run("count", prefix + "-0002.mrc").stdout());
    }

    @Test
    void splitBySizeKeepsChunksUnderTheLimit(@TempDir Path dir) throws IOException {
        String prefix = dir.resolve("pp").toString();
        CliRun r = CliRun.run("split", "--size", "64k", "--prefix", prefix, CLEAN);
        assertEquals(0, r.status(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(6, lines.size(), r.stdout()); // 352,005 bytes in chunks of at most 65,536
        long records = 0;
        for (int i = 1; i <= lines.size(); i++) {
            Path chunk = dir.resolve(String.format("pp-%04d.mrc", i));
            assertTrue(Files.size(chunk) <= 64 * 1024, chunk + " is " + Files.size(chunk));
            records += Long.parseLong(lines.get(i - 1).split("\t")[0]);
        }
        assertEquals(383, records);
        assertArrayEquals(Files.readAllBytes(Path.of(CLEAN)), concat(dir, lines.size()));
    }

    @Test
    void splitGivesARecordLargerThanTheSizeAChunkOfItsOwn(@TempDir Path dir) throws IOException {
        String prefix = dir.resolve("c").toString();
        CliRun r = CliRun.run("split", "--size", "10", "--prefix", prefix, CAMEL);
        assertEquals(0, r.status());
        assertEquals(10, r.stdout().lines().count());
        assertArrayEquals(Files.readAllBytes(Path.of(CAMEL)), concatNamed(dir, "c", 10));
    }

    @Test
    void splitNeedsExactlyOneMode() {
        assertEquals(2, CliRun.run("split", CAMEL).status());
        assertEquals(2, CliRun.run("split", "--records", "2", "--size", "1m", CAMEL).status());
        assertEquals(2, CliRun.run("split", "--size", "lots", CAMEL).status());
    }

    @Test
    void splitStrictFailureLeavesNoHalfWrittenChunk(@TempDir Path dir) throws IOException {
        byte[] camel = Files.readAllBytes(Path.of(CAMEL));
        Path truncated = dir.resolve("truncated.mrc");
        Files.write(truncated, java.util.Arrays.copyOf(camel, camel.length - 100)); // record 9 is cut short
        String prefix = dir.resolve("t").toString();
        CliRun r = CliRun.run("split", "--records", "4", "--prefix", prefix, truncated.toString());
        assertEquals(1, r.status());
        assertTrue(r.stderr().startsWith("marcloom: " + truncated + ": RECORD_TRUNCATED at record 9"), r.stderr());
        assertEquals("4\t" + prefix + "-0001.mrc\n4\t" + prefix + "-0002.mrc\n", r.stdout());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("t-0001.mrc", "t-0002.mrc", "truncated.mrc"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no partial chunk, no temp file");
        }
    }

    private static byte[] concat(Path dir, int chunks) throws IOException {
        return concatNamed(dir, "pp", chunks);
    }

    private static byte[] concatNamed(Path dir, String prefix, int chunks) throws IOException {
        var all = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= chunks; i++) {
            all.write(Files.readAllBytes(dir.resolve(String.format("%s-%04d.mrc", prefix, i))));
        }
        return all.toByteArray();
    }
}
