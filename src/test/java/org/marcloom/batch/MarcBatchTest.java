package org.marcloom.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.CountingThreads;

/// Many files at once: results in input order equal to sequential reads, formats detected per
/// file, the first failure cancels the rest and names its file, deadlines, bounded concurrency,
/// and no thread left behind.
class MarcBatchTest {

    private static final Path DIR = Path.of("fixtures/iso2709");
    private static final Path PRIDE = DIR.resolve("marc4j__pride-and-prejudice-fixed.mrc");
    private static final Path JAZZ = DIR.resolve("evergreen__jazz_1k.mrc");
    private static final Path ERRORS = DIR.resolve("marc4j__pride-and-prejudice-with-many-errors.mrc");
    private static final Path TOO_LONG = DIR.resolve("marc4j__bad_too_long_plus_2.mrc");

    @Test
    void manyFilesGiveTheSequentialCountsAndTrailingDiagnosticsInInputOrder() throws IOException {
        List<Path> files = List.of(PRIDE, JAZZ, PRIDE, TOO_LONG);
        ReaderOptions lenient = ReaderOptions.builder().lenient(true).build();
        CountingThreads threads = CountingThreads.virtual();
        List<FileResult<Long>> results = MarcBatch.builder().options(lenient).threadFactory(threads)
                .run(files, (file, reader) -> reader.stream().count());
        assertEquals(4, threads.created());
        assertTrue(threads.allTerminated());
        assertEquals(List.of(383L, 1000L, 383L, 3L), results.stream().map(FileResult::result).toList());
        for (int i = 0; i < files.size(); i++) {
            try (MarcReader r = MarcReader.builder().options(lenient).open(files.get(i))) {
                assertEquals(r.stream().count(), results.get(i).records());
                assertEquals(r.trailingDiagnostics(), results.get(i).trailingDiagnostics());
            }
            assertEquals(files.get(i), results.get(i).path());
        }
    }

    @Test
    void mixedFormatsAreDetectedPerFile() throws IOException {
        List<Path> files = List.of(PRIDE, Path.of("fixtures/xml/marc4j__chabon.xml"),
                Path.of("fixtures/json/marc-perl__test.ndj"), Path.of("fixtures/mrk/marc-perl__camel.mrk"));
        List<MarcFormat> formats = List.of(MarcFormat.ISO_2709, MarcFormat.MARCXML, MarcFormat.MARC_JSON_LINES,
                MarcFormat.MARCMAKER);
        List<FileResult<List<MarcRecord>>> results = MarcBatch.builder().run(files, (file, reader) -> {
            List<MarcRecord> records = new ArrayList<>();
            reader.forEach(records::add);
            return records;
        });
        for (int i = 0; i < files.size(); i++) {
            List<MarcRecord> expected = new ArrayList<>();
            try (MarcReader reader = MarcReader.builder().format(formats.get(i)).open(files.get(i))) {
                reader.forEach(expected::add);
            }
            assertEquals(expected, results.get(i).result(), files.get(i).toString());
        }
        assertEquals(List.of(383, 2, 9, 10), results.stream().map(r -> r.result().size()).toList());
    }

    @Test
    void firstFailureCancelsTheOtherFilesAndNamesTheFile() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        CountingThreads threads = CountingThreads.virtual();
        MarcBatchException e = assertThrows(MarcBatchException.class, () -> MarcBatch.builder().threadFactory(threads)
                .run(List.of(PRIDE, ERRORS), (file, reader) -> {
                    if (file.equals(PRIDE)) {
                        try {
                            never.await();
                        } catch (InterruptedException ie) {
                            interrupted.incrementAndGet();
                            throw ie;
                        }
                    }
                    return reader.stream().count();
                }));
        assertEquals(ERRORS.toString(), e.source());
        MarcParseException cause = assertInstanceOf(MarcParseException.class, e.getCause());
        assertEquals(ERRORS.toString(), cause.source());
        assertEquals(ErrorCode.INVALID_UTF8, cause.code());
        assertEquals(1, interrupted.get());
        assertTrue(threads.allTerminated());
    }

    @Test
    void deadlineEndsTheCallNamingTheUnfinishedFiles() {
        CountDownLatch never = new CountDownLatch(1);
        CountingThreads threads = CountingThreads.virtual();
        BatchTimeoutException e = assertThrows(BatchTimeoutException.class, () -> MarcBatch.builder()
                .deadline(Duration.ofMillis(300)).threadFactory(threads)
                .run(List.of(PRIDE, JAZZ), (file, reader) -> {
                    if (file.equals(JAZZ)) {
                        never.await();
                    }
                    return reader.stream().count();
                }));
        assertEquals(List.of(JAZZ.toString()), e.unfinished());
        assertTrue(e.getMessage().startsWith("deadline "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" passed with 1 task(s) unfinished: [" + JAZZ + "]"), e.getMessage());
        assertTrue(threads.allTerminated());
    }

    @Test
    void concurrencyBoundsHowManyFilesAreReadAtOnce() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(JAZZ);
        }
        List<FileResult<Long>> results = MarcBatch.builder().concurrency(3)
                .options(ReaderOptions.builder().lenient(true).build()).run(files, (file, reader) -> {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            long n = reader.stream().count();
            now.decrementAndGet();
            return n;
        });
        assertEquals(12, results.size());
        assertTrue(max.get() <= 3, "at most 3 at once, saw " + max.get());
    }

    @Test
    void settingsAreCheckedAndGivenOnce() {
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> MarcBatch.builder().concurrency(0));
        assertEquals("'concurrency' must be at least 1, was 0", c.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> MarcBatch.builder().deadline(Duration.ofSeconds(-1)));
        assertEquals("'deadline' must be positive, was PT-1S", d.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> MarcBatch.builder().deadline(null));
        assertEquals("'deadline' must not be null", n.getMessage());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> MarcBatch.builder().concurrency(2).concurrency(3));
        assertEquals("concurrency(3) conflicts with concurrency(2), given before: each setting may be given once"
                + " (concurrency was 2, now 3)", twice.getMessage());
    }
}
