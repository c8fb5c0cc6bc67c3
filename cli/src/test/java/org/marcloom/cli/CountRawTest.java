package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// `count` frames ISO 2709 and checks structure on the raw bytes, decoding only records that fail
/// the check: on every bundled ISO 2709 fixture it prints the counts and, strict or lenient, the
/// diagnostics that a full decode (`--decode`) prints, except those about text encoding.
class CountRawTest {

    /// What only decoding the text can find.
    private static final Set<String> TEXT_CODES = Set.of("INVALID_UTF8", "INVALID_MARC8", "DIAGNOSTICS_TRUNCATED");

    static List<Path> iso2709Fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("fixtures", "iso2709"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /// The lines of `decoded` that name no text-encoding code.
    private static List<String> structural(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (TEXT_CODES.stream().noneMatch(c -> l.contains(" " + c + " at "))) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void rawCountMatchesAFullDecodeOnEveryFixture() throws IOException {
        List<Path> files = iso2709Fixtures();
        assertTrue(files.size() > 80, "fixtures: " + files.size());
        int withDiagnostics = 0;
        int failingStrict = 0;
        for (Path f : files) {
            for (boolean lenient : List.of(false, true)) {
                List<String> args = new ArrayList<>(List.of("count", "--verbose", "--from", "marc"));
                if (lenient) {
                    args.add("--lenient");
                }
                args.add(f.toString());
                CliRun raw = CliRun.run(args.toArray(String[]::new));
                args.add(1, "--decode");
                CliRun decoded = CliRun.run(args.toArray(String[]::new));
                String what = f + (lenient ? " lenient" : " strict");
                if (lenient || decoded.status() == 0) {
                    assertEquals(decoded.status(), raw.status(), what + "\n" + raw.stderr() + "\n" + decoded.stderr());
                    assertEquals(decoded.stdout(), raw.stdout(), what);
                    // A record that fails the check is decoded, so its text diagnostics come too.
                    assertEquals(structural(decoded.errLines()), structural(raw.errLines()), what);
                    assertTrue(decoded.errLines().containsAll(raw.errLines()), what);
                } else if (structural(decoded.errLines()).equals(decoded.errLines())) {
                    // a structural strict error: the same error, the same place
                    assertEquals(decoded.status(), raw.status(), what);
                    assertEquals(decoded.errLines().getLast(), raw.errLines().getLast(), what);
                    assertEquals(structural(decoded.errLines()), structural(raw.errLines()), what);
                    failingStrict++;
                }
                if (!raw.errLines().isEmpty()) {
                    withDiagnostics++;
                }
            }
        }
        assertTrue(withDiagnostics > 20, "runs with diagnostics: " + withDiagnostics);
        assertTrue(failingStrict > 5, "strict structural failures: " + failingStrict);
    }

    @Test
    void nonIso2709InputIsCountedByDecoding() {
        CliRun r = CliRun.run("count", "fixtures/xml/marc4j__summerland.xml", "fixtures/json/marc-perl__test.ndj");
        assertEquals(0, r.status(), r.stderr());
        assertEquals("1\tfixtures/xml/marc4j__summerland.xml\n9\tfixtures/json/marc-perl__test.ndj\n", r.stdout());
    }

    @Test
    void standardInputOfAnotherFormatIsCountedToo() throws IOException {
        CliRun r = CliRun.runWithInput(Files.readAllBytes(Path.of("fixtures/xml/marc4j__summerland.xml")), "count", "-");
        assertEquals(0, r.status(), r.stderr());
        assertEquals("1\t<stdin>\n", r.stdout());
    }
}
