package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.Limits;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// `--limit NAME=N` sets the reader's [Limits] on every command that reads records, on the
/// in-place paths of `count` and `convert` as on the decoding ones. The fixture's sixth record
/// (index 5, at byte 3570, its directory at 3594) is the first of 179 with more than 20 fields;
/// the fifth (index 4, at byte 2667) is the first longer than 900 bytes (903).
class LimitOptionTest {

    private static final String FILE = MainTest.CLEAN;
    private static final String OVER_20_FIELDS = "marcloom: " + FILE + ": LIMIT_EXCEEDED at record 5, byte 3594: the"
            + " record has 24 directory entries, more than the maximum allowed (20, from Limits.maxFieldsPerRecord)";

    @Test
    void strictCountStopsAtTheFirstRecordOverTheLimit() {
        CliRun inPlace = CliRun.run("count", "--limit", "maxFieldsPerRecord=20", FILE);
        CliRun decoded = CliRun.run("count", "--decode", "--limit", "maxFieldsPerRecord=20", FILE);
        for (CliRun r : List.of(inPlace, decoded)) {
            assertEquals(1, r.status());
            assertEquals("", r.stdout());
            assertEquals(List.of(OVER_20_FIELDS), r.errLines());
        }
        CliRun defaults = CliRun.run("count", FILE);
        assertEquals(0, defaults.status(), defaults.stderr());
        assertEquals("383\t" + FILE + "\n", defaults.stdout());
    }

    @Test
    void theRecordSizeLimitNamesTheRecordAndItsLength() {
        CliRun r = CliRun.run("count", "--limit", "maxRecordBytes=900", FILE);
        assertEquals(1, r.status());
        assertEquals(List.of("marcloom: " + FILE + ": LIMIT_EXCEEDED at record 4, byte 2667: record length 903"
                + " exceeds the maximum allowed (900, from Limits.maxRecordBytes)"), r.errLines());
    }

    @Test
    void lenientCountKeepsEveryRecordAndCountsEachOneOverTheLimit() {
        CliRun r = CliRun.run("count", "--lenient", "--limit", "maxFieldsPerRecord=20", FILE);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("383\t" + FILE + "\n", r.stdout());
        List<String> err = r.errLines();
        assertEquals(6, err.size(), r.stderr());
        assertEquals("marcloom: " + FILE + ": FATAL LIMIT_EXCEEDED at record 5, byte 3594: the record has 24 directory"
                + " entries, more than the maximum allowed (20, from Limits.maxFieldsPerRecord); the rest were ignored",
                err.getFirst());
        assertEquals("marcloom: 179 diagnostics: LIMIT_EXCEEDED 179 (first 5 of each code shown; --verbose for all)",
                err.getLast());
    }

    /// One thread converts records from their bytes where it can; a record over the limit must be
    /// decoded (and cut to the limit, lenient) exactly as the library does it.
    @Test
    void convertInPlaceAppliesTheLimitAsTheLibraryDoes() throws Exception {
        Limits limits = Limits.builder().maxFieldsPerRecord(20).build();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (MarcReader reader = MarcReader.builder().lenient(true).limits(limits).open(Path.of(FILE));
             MarcWriter writer = MarcWriter.builder().format(MarcFormat.ISO_2709).open(expected)) {
            MarcRecord rec;
            int n = 0;
            while ((rec = reader.read()) != null) {
                assertTrue(rec.fields().size() <= 20, "record " + n);
                if (n == 5) {
                    assertEquals(20, rec.fields().size());
                }
                writer.write(rec);
                n++;
            }
            assertEquals(383, n);
        }
        CliRun one = CliRun.run("convert", "--to", "marc", "--lenient", "--limit", "maxFieldsPerRecord=20", FILE);
        assertEquals(0, one.status(), one.stderr());
        assertArrayEquals(expected.toByteArray(), one.stdoutBytes());
        CliRun two = CliRun.run("convert", "--to", "marc", "--lenient", "--concurrency", "2", "--limit",
                "maxFieldsPerRecord=20", FILE);
        assertArrayEquals(expected.toByteArray(), two.stdoutBytes());
        assertEquals(one.stderr(), two.stderr());
        CliRun strict = CliRun.run("convert", "--to", "marc", "--limit", "maxFieldsPerRecord=20", FILE);
        assertEquals(1, strict.status());
        assertEquals(List.of(OVER_20_FIELDS), strict.errLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dump", "stats", "select", "convert"})
    void everyStrictReadingCommandStopsAtTheSameRecord(String command) {
        List<String> args = new ArrayList<>(List.of(command, "--limit", "maxFieldsPerRecord=20"));
        switch (command) {
            case "select" -> args.add(1, "245$a");
            case "convert" -> args.addAll(1, List.of("--to", "json"));
            default -> { }
        }
        args.add(FILE);
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertEquals(1, r.status(), command);
        assertEquals(List.of(OVER_20_FIELDS), r.errLines(), command);
    }

    @Test
    void filterAndValidateApplyTheLimit() {
        CliRun filter = CliRun.run("filter", "245", "--limit", "maxFieldsPerRecord=20", FILE);
        assertEquals(1, filter.status());
        assertEquals(List.of(OVER_20_FIELDS), filter.errLines());
        CliRun none = CliRun.run("validate", FILE);
        assertEquals(0, none.status(), none.stdout());
        CliRun limited = CliRun.run("validate", "--limit", "maxFieldsPerRecord=20", FILE);
        assertEquals(1, limited.status());
        List<String> report = limited.stdout().lines().toList();
        assertEquals(180, report.size());
        assertEquals(FILE + ": record 5, byte 3594: LIMIT_EXCEEDED: the record has 24 directory entries, more than the"
                + " maximum allowed (20, from Limits.maxFieldsPerRecord); the rest were ignored", report.getFirst());
        assertEquals("INVALID: 383 records in 1 file, 179 with problems; 179 fatal, 0 errors, 0 warnings",
                report.getLast());
    }

    @Test
    void xmlAndJsonInputsApplyTheLimitToo() {
        CliRun xml = CliRun.run("count", "--limit", "maxFieldsPerRecord=5", "fixtures/xml/marc4j__summerland.xml");
        assertEquals(1, xml.status());
        assertEquals(List.of("marcloom: fixtures/xml/marc4j__summerland.xml: LIMIT_EXCEEDED at record 0, line 13,"
                + " column 44 (001 12883376): record has more than 5 fields, the maximum allowed (from"
                + " Limits.maxFieldsPerRecord)"), xml.errLines());
        CliRun json = CliRun.run("count", "--limit", "maxFieldsPerRecord=5", "fixtures/json/marc-perl__test.ndj");
        assertEquals(1, json.status());
        assertEquals(List.of("marcloom: fixtures/json/marc-perl__test.ndj: LIMIT_EXCEEDED at record 0, line 1,"
                + " column 207, tag 010 (001 000000040): the record has more than 5 fields, the maximum allowed (from"
                + " Limits.maxFieldsPerRecord)"), json.errLines());
    }

    /// `split` copies records without decoding them: only the record size applies, and asking for
    /// another limit is a usage error rather than a setting that does nothing.
    @Test
    void splitTakesOnlyTheRecordSize(@TempDir Path dir) throws Exception {
        String prefix = dir.resolve("part").toString();
        CliRun r = CliRun.run("split", "--records", "100", "--prefix", prefix, "--limit", "maxRecordBytes=900", FILE);
        assertEquals(1, r.status());
        assertEquals(List.of("marcloom: " + FILE + ": LIMIT_EXCEEDED at record 4, byte 2667: record length 903"
                + " exceeds the maximum allowed (900, from Limits.maxRecordBytes)"), r.errLines());
        assertEquals(List.of(), Arrays.asList(dir.toFile().list()), "no chunk is left behind");
        CliRun other = CliRun.run("split", "--records", "100", "--prefix", prefix, "--limit", "maxFieldsPerRecord=20",
                FILE);
        assertEquals(2, other.status());
        assertEquals(List.of("marcloom split: --limit takes maxRecordBytes=N, not 'maxFieldsPerRecord=20' (see marcloom"
                + " split --help)"), other.errLines());
        assertTrue(Files.notExists(dir.resolve("part-0001.mrc")));
    }

    @Test
    void badValuesAreUsageErrorsThatNameTheSetting() {
        record Case(String value, String message) { }
        List<Case> cases = List.of(
                new Case("maxFieldsPerRecord=0", "--limit: 'maxFieldsPerRecord' must be at least 1, was 0"),
                new Case("maxRecordBytes=24", "--limit: 'maxRecordBytes' must be at least 25, was 24"),
                new Case("maxFieldsPerRecord=x", "--limit maxFieldsPerRecord needs a whole number, not"
                        + " 'maxFieldsPerRecord=x'"),
                new Case("maxFieldsPerRecord", "--limit maxFieldsPerRecord needs a whole number, not"
                        + " 'maxFieldsPerRecord'"),
                new Case("bogus=3", "--limit takes NAME=N with NAME one of maxRecordBytes, maxFieldsPerRecord,"
                        + " maxSubfieldsPerField, maxTokenLength, maxNameLength, maxNestingDepth,"
                        + " maxAttributesPerElement, not 'bogus=3'"));
        for (Case c : cases) {
            CliRun r = CliRun.run("count", "--limit", c.value(), FILE);
            assertEquals(2, r.status(), c.value());
            assertEquals(List.of("marcloom count: " + c.message() + " (see marcloom count --help)"), r.errLines());
        }
    }

    /// Every setting of [Limits] is a `--limit` name that sets it; the last value given for a name
    /// wins.
    @Test
    void everyLimitsSettingCanBeSet() throws Exception {
        List<String> settings = Limits.settings();
        assertEquals(7, settings.size());
        List<String> args = new ArrayList<>();
        for (String name : settings) {
            args.addAll(List.of("--limit", name + "=3000", "--limit", name + "=2000"));
        }
        Args.Parsed parsed = Args.parse("count", List.of(Command.LIMIT), args);
        Limits limits = Inputs.limits("count", parsed);
        for (String name : settings) {
            assertEquals(2000, Limits.class.getMethod(name).invoke(limits), name);
        }
        assertEquals(Limits.DEFAULTS, Inputs.limits("count", Args.parse("count", List.of(Command.LIMIT), List.of())));
    }
}
