package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.Diagnostic;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// Diagnostics on standard error: the first 5 of each code and a count per code, all of them with
/// `--verbose`, one JSON object per line with `--diagnostics json`; the same lines whatever the
/// concurrency.
class DiagnosticsOutputTest {

    /// The clean fixture with the first `n` `$a` subfield codes turned into `$A` (a WARNING
    /// SUBFIELD_CODE_INVALID each, which strict mode reports and reads past).
    static Path withUppercaseCodes(Path dir, int n) throws IOException {
        byte[] b = Files.readAllBytes(Path.of(MainTest.CLEAN));
        int changed = 0;
        for (int i = 0; i + 1 < b.length && changed < n; i++) {
            if (b[i] == 0x1F && b[i + 1] == 'a') {
                b[i + 1] = 'A';
                changed++;
            }
        }
        assertEquals(n, changed);
        Path f = dir.resolve("upper.mrc");
        Files.write(f, b);
        return f;
    }

    /// What the library reports for the file, in order.
    static List<Diagnostic> expected(Path f) throws IOException {
        List<Diagnostic> all = new ArrayList<>();
        try (MarcReader r = MarcReader.open(f)) {
            for (MarcRecord rec : r) {
                all.addAll(rec.diagnostics());
            }
        }
        return all;
    }

    @Test
    void strictCountShowsFiveOfEachCodeThenTheCounts(@TempDir Path dir) throws IOException {
        Path f = withUppercaseCodes(dir, 12);
        List<Diagnostic> all = expected(f);
        assertEquals(12, all.size());
        CliRun r = CliRun.run("count", f.toString());
        assertEquals(0, r.status(), r.stderr());
        assertEquals("383\t" + f + "\n", r.stdout());
        List<String> want = new ArrayList<>();
        for (Diagnostic d : all.subList(0, 5)) {
            want.add("marcloom: " + f + ": " + d);
        }
        want.add("marcloom: 12 diagnostics: SUBFIELD_CODE_INVALID 12 (first 5 of each code shown; --verbose for all)");
        assertEquals(want, r.errLines());
        assertEquals("WARNING SUBFIELD_CODE_INVALID", all.getFirst().severity() + " " + all.getFirst().code());
    }

    @Test
    void verbosePrintsEveryDiagnosticAndNoSummary(@TempDir Path dir) throws IOException {
        Path f = withUppercaseCodes(dir, 12);
        CliRun r = CliRun.run("count", "--verbose", f.toString());
        assertEquals(0, r.status());
        assertEquals(expected(f).stream().map(d -> "marcloom: " + f + ": " + d).toList(), r.errLines());
    }

    @Test
    void fewDiagnosticsNeedNoSummary() {
        CliRun r = CliRun.run("count", "--lenient", MainTest.BAD);
        assertEquals(MainTest.BAD_RECORDS_DIAGNOSTICS, MainTest.locations(r.errLines()));
    }

    @Test
    void jsonIsOneObjectPerDiagnostic(@TempDir Path dir) throws IOException {
        Path f = withUppercaseCodes(dir, 7);
        CliRun r = CliRun.run("count", "--diagnostics", "json", f.toString());
        assertEquals(0, r.status());
        List<Diagnostic> all = expected(f);
        assertEquals(7, r.errLines().size(), r.stderr());
        Diagnostic d = all.getFirst();
        assertEquals("{\"source\":\"" + f + "\",\"record\":" + d.recordIndex() + ",\"offset\":" + d.byteOffset()
                + ",\"line\":null,\"column\":null,\"tag\":\"" + d.tag() + "\",\"severity\":\"WARNING\","
                + "\"code\":\"SUBFIELD_CODE_INVALID\",\"problem\":\"subfield code 'A' is not a lowercase letter or a digit\","
                + "\"repair\":\"\"}", r.errLines().getFirst());
        CliRun bad = CliRun.run("count", "--lenient", "--diagnostics", "json", MainTest.BAD);
        assertEquals("{\"source\":\"" + MainTest.BAD + "\",\"record\":8,\"offset\":917,\"line\":null,\"column\":null,"
                        + "\"tag\":null,\"severity\":\"WARNING\",\"code\":\"TRAILING_BYTES\",",
                bad.errLines().getLast().substring(0, bad.errLines().getLast().indexOf("\"problem\"")));
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControls() {
        Diagnostic d = Diagnostic.builder(org.marcloom.Severity.ERROR, org.marcloom.ErrorCode.INVALID_UTF8)
                .recordIndex(3).byteOffset(1234).tag("245").problem("a \"q\" \\ \n\u0001").repair("x").build();
        assertEquals("{\"source\":\"a\\\"b\",\"record\":3,\"offset\":1234,\"line\":null,\"column\":null,\"tag\":\"245\","
                + "\"severity\":\"ERROR\",\"code\":\"INVALID_UTF8\",\"problem\":\"a \\\"q\\\" \\\\ \\n\\u0001\",\"repair\":\"x\"}",
                DiagnosticPrinter.json("a\"b", d));
    }

    @Test
    void badDiagnosticsFormatIsAUsageError() {
        CliRun r = CliRun.run("count", "--diagnostics", "xml", MainTest.CLEAN);
        assertEquals(2, r.status());
        assertEquals(List.of("marcloom count: unknown --diagnostics 'xml' (use text or json) (see marcloom count --help)"),
                r.errLines());
    }

    @Test
    void convertStandardErrorIsTheSameWithOneTwoAndFourThreads(@TempDir Path dir) throws IOException {
        Path f = withUppercaseCodes(dir, 40);
        for (String mode : List.of("text", "json")) {
            CliRun one = CliRun.run("convert", "--to", "json", "--diagnostics", mode, "--concurrency", "1", f.toString());
            assertEquals(0, one.status());
            assertEquals(mode.equals("text") ? 6 : 40, one.errLines().size(), one.stderr());
            for (String n : List.of("2", "4")) {
                CliRun many = CliRun.run("convert", "--to", "json", "--diagnostics", mode, "--concurrency", n, f.toString());
                assertEquals(one.stderr(), many.stderr(), mode + " with " + n);
                assertEquals(one.stdout(), many.stdout());
            }
        }
    }

    @Test
    void theSummaryComesBeforeAStrictError(@TempDir Path dir) throws IOException {
        Path upper = withUppercaseCodes(dir, 6);
        CliRun r = CliRun.run("count", upper.toString(), MainTest.BAD);
        assertEquals(1, r.status());
        List<String> lines = r.errLines();
        assertEquals(7, lines.size(), r.stderr());
        assertEquals("marcloom: 6 diagnostics: SUBFIELD_CODE_INVALID 6 (first 5 of each code shown; --verbose for all)",
                lines.get(5));
        assertEquals(true, lines.get(6).startsWith("marcloom: " + MainTest.BAD + ": BASE_ADDRESS_INVALID at record 1"),
                lines.get(6));
    }
}
