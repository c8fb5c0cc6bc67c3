package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `marcloom select` and `marcloom filter`: MARCspec on the command line, run in process.
class SelectFilterCommandTest {

    static final String CAMEL = "fixtures/iso2709/pymarc__test.dat";
    static final String CHABON = "fixtures/iso2709/marc4j__chabon.mrc";
    static final String SUMMERLAND = "fixtures/iso2709/marc4j__summerland.mrc";

    @Test
    void oneLinePerRecordEmptyWhenNothingIsSelected() {
        CliRun r = CliRun.run("select", "020$a", CAMEL);
        assertEquals(0, r.status());
        assertEquals("""
                0471383147 (paper/cd-rom : alk. paper)
                1565926994

                0072120002
                1565924193
                0596000138
                1565926099
                0596000278
                013020868X
                0764547291 (alk. paper)
                """, r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void separatorSpecListsAndSubSpecs() {
        assertEquals("Fantasy.;Baseball;Magic\n", CliRun.run("select", "--separator", ";", "650$a", SUMMERLAND).stdout());
        assertEquals("Baseball | Magic\n", CliRun.run("select", "650$a{$v}", SUMMERLAND).stdout());
        assertEquals("eng\neng\n", CliRun.run("select", "008/35-37", CHABON).stdout());
        assertEquals("Summerland / | Chabon, Michael.\n", CliRun.run("select", "245$a:100$a", SUMMERLAND).stdout());
    }

    @Test
    void tsvWithAnIdColumn() {
        CliRun numbered = CliRun.run("select", "--format", "tsv", "245$a:100$a", CHABON);
        assertEquals("0\tThe amazing adventures of Kavalier and Clay :\tChabon, Michael.\n"
                + "1\tSummerland /\tChabon, Michael.\n", numbered.stdout());
        CliRun ids = CliRun.run("select", "--format", "tsv", "--id", "001", "245$a$c:880$a{$6~\\245}",
                "fixtures/iso2709/traject__hebrew880s.marc", CHABON);
        assertEquals("4083985\tAnarkhizm be-\"Tsiyon\" :\tShalom Ratsabi.\tאנרכיזם ב״ציון״ :\n"
                + "11939876\tThe amazing adventures of Kavalier and Clay :\tMichael Chabon.\n"
                + "12883376\tSummerland /\tMichael Chabon.\n", ids.stdout());
        assertEquals("a\\tb\\\\c\\nd", SelectCommand.tsv("a\tb\\c\nd"));
    }

    @Test
    void aSpecThatIsNotMarcSpecIsAUsageErrorWithACaret() {
        CliRun r = CliRun.run("select", "245^3", CAMEL);
        assertEquals(2, r.status());
        assertEquals(List.of("marcloom select: SPEC is not a MARCspec: unexpected '3' after '^': expected 1 or 2"
                        + " (indicator 1 or 2) at index 4 of \"245^3\" (see marcloom select --help)",
                "  245^3",
                "      ^"), r.errLines());
        assertEquals("", r.stdout());
        assertEquals(2, CliRun.run("select").status(), "no spec");
        assertEquals(2, CliRun.run("select", "245$a").status(), "no input");
        assertEquals(2, CliRun.run("select", "--id", "001", "245$a", CAMEL).status(), "--id needs tsv");
        assertEquals(2, CliRun.run("select", "--format", "csv", "245$a", CAMEL).status());
        CliRun id = CliRun.run("select", "--format", "tsv", "--id", "00", "245$a", CAMEL);
        assertEquals(2, id.status());
        assertTrue(id.errLines().getFirst().startsWith("marcloom select: --id is not a MARCspec: a field tag has three"
                + " characters"), id.stderr());
    }

    @Test
    void filterKeepsTheRecordsASpecSelectsSomethingIn(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("kept.mrc");
        CliRun r = CliRun.run("filter", "650{$a~\\Fantasy}", "-o", out.toString(), SUMMERLAND, CHABON);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("marcloom filter: kept 2 of 3 records\n", r.stderr());
        assertEquals("", r.stdout());
        assertEquals("2\t" + out + "\n", CliRun.run("count", out.toString()).stdout());
        assertEquals("12883376\n12883376\n", CliRun.run("select", "001", out.toString()).stdout());

        CliRun inverted = CliRun.run("filter", "--invert", "--to", "mrk", "650{$a~\\Fantasy}", SUMMERLAND, CHABON);
        assertEquals(0, inverted.status());
        assertEquals(List.of("=LDR  00759cam\\a2200229\\a\\4500", "=001  11939876"),
                inverted.stdout().lines().limit(2).toList());
        assertEquals("marcloom filter: kept 1 of 3 records\n", inverted.stderr());

        CliRun none = CliRun.run("filter", "-o", dir.resolve("none.mrc").toString(), "LDR{/6=\\z}", CAMEL);
        assertEquals(0, none.status());
        assertEquals(0, Files.size(dir.resolve("none.mrc")));
        assertEquals("marcloom filter: kept 0 of 10 records\n", none.stderr());
        assertEquals(2, CliRun.run("filter", "650{", CAMEL).status());
    }
}
