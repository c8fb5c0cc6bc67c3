package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// `convert` of ISO 2709 on one thread writes the records it can from their bytes
/// (`org.marcloom.internal.bulk.BulkAccess#transfer`); with `--concurrency 2` every record is
/// decoded and encoded. Strict and lenient, for every ISO 2709 fixture, alone and all in one run,
/// the exit status, the output and standard error are the same ([ConvertConcurrencyTest] holds
/// every format's fixtures to this, lenient).
class ConvertBulkTest {

    @Test
    void everyIso2709FixtureConvertsAsWithEveryRecordDecoded() throws IOException {
        List<Path> files = CountRawTest.iso2709Fixtures();
        assertEquals(149, files.size());
        List<String> failing = new ArrayList<>();
        for (String to : List.of("marc", "json", "ndjson", "marcxml")) {
            for (boolean lenient : List.of(false, true)) {
                int n = 0;
                for (Path f : files) {
                    if (!same(to, lenient, List.of(f.toString()))) {
                        n++;
                    }
                }
                failing.add(to + (lenient ? " lenient " : " strict ") + n);
                List<String> all = new ArrayList<>();
                files.forEach(f -> all.add(f.toString()));
                same(to, lenient, all);
            }
        }
        // The runs that end with an error (exit status not 0): strict, at a record the reader
        // rejects; lenient, at a record the writer refuses (ISO 2709 holds no delimiter in a value)
        // or an input that is not ISO 2709 at all.
        assertEquals(List.of("marc strict 46", "marc lenient 15", "json strict 46", "json lenient 1",
                "ndjson strict 46", "ndjson lenient 1", "marcxml strict 46", "marcxml lenient 1"), failing);
    }

    /// Asserts that one and two threads give the same; returns whether the run succeeded.
    private static boolean same(String to, boolean lenient, List<String> inputs) {
        List<String> args = new ArrayList<>(List.of("convert", "--verbose", "--to", to));
        if (lenient) {
            args.add("--lenient");
        }
        args.addAll(inputs);
        CliRun one = CliRun.run(args.toArray(String[]::new));
        args.addAll(1, List.of("--concurrency", "2"));
        CliRun two = CliRun.run(args.toArray(String[]::new));
        String what = inputs.size() == 1 ? inputs.getFirst() : inputs.size() + " inputs";
        what += " to " + to + (lenient ? " lenient" : " strict");
        assertEquals(two.status(), one.status(), what);
        assertArrayEquals(two.stdoutBytes(), one.stdoutBytes(), what);
        assertEquals(two.stderr(), one.stderr(), what);
        return one.status() == 0;
    }
}
