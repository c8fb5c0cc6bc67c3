package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.testing.CountingThreads;

/// `convert --concurrency N` runs on the library's own engine (a parallel `MarcReader` and a
/// parallel `MarcWriter`): for every fixture of every format and every output format, lenient, the
/// exit status, the output bytes and the diagnostics on standard error are those of
/// `--concurrency 1`; and no worker thread outlives the command.
class ConvertConcurrencyTest {

    static List<Path> fixtures() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("iso2709", "xml", "json", "mrk")) {
            try (Stream<Path> files = Files.list(Path.of("fixtures", dir))) {
                files.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"marc", "marcxml", "json", "ndjson", "mrk"})
    void everyFixtureConvertsToTheSameBytesWithOneTwoAndFourThreads(String to) throws IOException {
        List<Path> files = fixtures();
        assertTrue(files.size() > 150, "the fixture set: " + files.size());
        int nonEmpty = 0;
        for (Path f : files) {
            CliRun one = CliRun.run("convert", "--lenient", "--to", to, "--concurrency", "1", f.toString());
            if (one.stdoutBytes().length > 0) {
                nonEmpty++;
            }
            for (String n : List.of("2", "4")) {
                CliRun many = CliRun.run("convert", "--lenient", "--to", to, "--concurrency", n, f.toString());
                String what = f + " to " + to + " with --concurrency " + n;
                assertEquals(one.status(), many.status(), what);
                assertArrayEquals(one.stdoutBytes(), many.stdoutBytes(), what);
                assertEquals(one.stderr(), many.stderr(), what);
            }
        }
        assertTrue(nonEmpty > 150, "fixtures that gave output: " + nonEmpty);
    }

    @Test
    void noWorkerThreadOutlivesTheCommand() {
        CountingThreads threads = CountingThreads.virtual();
        CliRun r = CliRun.runWith(threads, new byte[0], "convert", "--to", "marcxml", "--concurrency", "3",
                "fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc",
                "fixtures/iso2709/evergreen__jazz_1k.mrc");
        assertEquals(1, r.status(), "jazz_1k has a strict error at record 382");
        assertEquals(3 + 3 + 3, threads.created(), "3 decoders per input and 3 encoders");
        assertTrue(threads.allTerminated(), "every worker was joined before the command returned");
        CountingThreads lenient = CountingThreads.virtual();
        CliRun ok = CliRun.runWith(lenient, new byte[0], "convert", "--lenient", "--to", "json", "--concurrency", "2",
                "fixtures/iso2709/evergreen__jazz_1k.mrc");
        assertEquals(0, ok.status(), ok.stderr());
        assertEquals(4, lenient.created());
        assertTrue(lenient.allTerminated());
    }
}
