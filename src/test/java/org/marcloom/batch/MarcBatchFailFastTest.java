package org.marcloom.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.testing.CountingThreads;

/// Finding 10: a strict batch where files fail while the others are still being forked must
/// throw the first failure (its file and its parse error), never the scope's "shut down" state.
class MarcBatchFailFastTest {

    @TempDir
    Path dir;

    @Test
    void aFailureWhileFilesAreStillBeingStartedNamesTheFileAndKeepsTheParseError() throws IOException {
        Path good = Path.of("fixtures/iso2709/marc4j__chabon.mrc");
        byte[] bad = "00030junk that is no leader at all\u001d".getBytes(StandardCharsets.US_ASCII);
        List<Path> files = new ArrayList<>();
        List<String> badNames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Path b = Files.write(dir.resolve("bad-" + i + ".mrc"), bad);
            files.add(b);
            badNames.add(b.toString());
            files.add(good);
        }
        for (int round = 0; round < 200; round++) {
            CountingThreads threads = CountingThreads.virtual();
            MarcBatchException e = assertThrows(MarcBatchException.class, () -> MarcBatch.builder()
                    .format(MarcFormat.ISO_2709).concurrency(80).threadFactory(threads)
                    .run(files, (file, reader) -> reader.stream().count()), "round " + round);
            assertTrue(badNames.contains(e.source()), "round " + round + ": " + e.source());
            MarcParseException cause = assertInstanceOf(MarcParseException.class, e.getCause(), "round " + round);
            assertEquals(e.source(), cause.source());
            assertEquals(ErrorCode.RECORD_LENGTH_MISMATCH, cause.code());
            assertEquals(29L, cause.byteOffset());
            assertEquals(0L, cause.recordIndex());
            assertTrue(threads.allTerminated(), "round " + round);
        }
    }
}
