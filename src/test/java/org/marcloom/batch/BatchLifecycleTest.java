package org.marcloom.batch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// Real fixtures parallel == sequential; cancellation, failure, interruption, deadlines and
/// backpressure leave no thread behind and keep memory bounded.
class BatchLifecycleTest {

    private static final Path DIR = Path.of("fixtures/iso2709");
    private static final Path PRIDE = DIR.resolve("marc4j__pride-and-prejudice-fixed.mrc");
    private static final Path JAZZ = DIR.resolve("evergreen__jazz_1k.mrc");
    private static final Path ERRORS = DIR.resolve("marc4j__pride-and-prejudice-with-many-errors.mrc");
    private static final Path TOO_LONG = DIR.resolve("marc4j__bad_too_long_plus_2.mrc");

    private static void awaitNoWorkers() {
        await().atMost(Duration.ofSeconds(10)).until(() -> StructuredScope.liveThreads() == 0);
    }

    @ParameterizedTest
    @CsvSource({"marc4j__pride-and-prejudice-fixed.mrc", "evergreen__jazz_1k.mrc",
            "marc4j__pride-and-prejudice-with-many-errors.mrc", "marc4j__bad_too_long_plus_2.mrc"})
    void fixturesParallelEqualsSequentialInBothModes(String file) throws Exception {
        byte[] bytes = Files.readAllBytes(DIR.resolve(file));
        for (boolean lenient : new boolean[] {false, true}) {
            ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
            Outcome expected = Outcome.sequential(bytes, options);
            for (int threads : new int[] {1, 2, 5}) {
                for (int batch : new int[] {1, 64}) {
                    Outcome actual = Outcome.parallel(bytes, ParallelMarcReader.builder().options(options)
                            .decoders(threads).batchRecords(batch).maxChunksInFlight(3));
                    assertEquals(expected, actual, file + " lenient=" + lenient + " threads=" + threads);
                }
            }
        }
        awaitNoWorkers();
    }

    @Test
    void strictErrorStopsWorkersAndClosesTheChannel() throws Exception {
        FileChannel channel = FileChannel.open(ERRORS);
        ParallelMarcReader reader = ParallelMarcReader.builder().decoders(4).batchRecords(3).open(channel);
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            while (reader.read() != null) {
                // drain
            }
        });
        assertNotNull(e.code());
        assertEquals(null, reader.read(), "nothing after the error");
        awaitNoWorkers();
        assertFalse(channel.isOpen());
        reader.close();
    }

    @Test
    void closeMidStreamStopsEveryWorkerAndClosesTheChannel() throws Exception {
        FileChannel channel = FileChannel.open(JAZZ);
        ParallelMarcReader reader = ParallelMarcReader.builder().lenient(true).decoders(4).batchRecords(5)
                .maxChunksInFlight(2).open(channel);
        try (var stream = reader.stream()) {
            assertEquals(3, stream.limit(3).count());
        }
        awaitNoWorkers();
        assertFalse(channel.isOpen());
    }

    @Test
    void jsonLinesCloseMidStreamStopsEveryWorkerAndClosesTheChannel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.json");
        Files.write(file, JsonLinesGen.file(7, 2_000, false, false));
        FileChannel channel = FileChannel.open(file);
        ParallelMarcReader reader = ParallelMarcReader.builder().format(MarcFormat.MARC_JSON_LINES).lenient(true)
                .decoders(4).batchBytes(2_000).maxChunksInFlight(2).open(channel);
        try (var stream = reader.stream()) {
            assertEquals(3, stream.limit(3).count());
        }
        awaitNoWorkers();
        assertFalse(channel.isOpen());
    }

    @Test
    void jsonLinesFallBackToSequentialAtAMalformedLineAndEndTheSame(@TempDir Path dir) throws Exception {
        // 500 good lines, one cut short, 500 good lines: the parallel read turns sequential at the
        // malformed line, and the whole output is the sequential reader's.
        byte[] good = JsonLinesGen.file(3, 500, false, false);
        byte[] rest = JsonLinesGen.file(4, 500, false, false);
        byte[] bytes = new byte[good.length + rest.length + 20];
        System.arraycopy(good, 0, bytes, 0, good.length);
        byte[] broken = "\n{\"leader\":\"0000\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(broken, 0, bytes, good.length, broken.length);
        System.arraycopy(rest, 0, bytes, good.length + broken.length, rest.length);
        bytes = java.util.Arrays.copyOf(bytes, good.length + broken.length + rest.length);
        Path file = dir.resolve("damaged.json");
        Files.write(file, bytes);
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        Outcome expected = Outcome.sequential(bytes, options, MarcFormat.MARC_JSON_LINES);
        assertTrue(expected.records().stream().anyMatch(r -> r.contains("SYNTAX_ERROR")), "the damage is reported");
        Outcome actual = Outcome.parallel(bytes, ParallelMarcReader.builder().options(options)
                .format(MarcFormat.MARC_JSON_LINES).decoders(2).batchBytes(4_096));
        assertEquals(expected, actual);
        FileChannel channel = FileChannel.open(file);
        try (ParallelMarcReader reader = ParallelMarcReader.builder().options(options)
                .format(MarcFormat.MARC_JSON_LINES).decoders(2).batchBytes(4_096).open(channel)) {
            long n = 0;
            while (reader.read() != null) {
                n++;
            }
            assertEquals(expected.records().size(), n);
        }
        awaitNoWorkers();
        assertFalse(channel.isOpen());
    }

    @Test
    void parallelReaderRefusesFormatsItCannotCut() {
        assertThrows(IllegalArgumentException.class, () -> ParallelMarcReader.builder().format(MarcFormat.MARCXML));
        assertThrows(IllegalArgumentException.class, () -> ParallelMarcReader.builder().format(MarcFormat.MARCMAKER));
    }

    @Test
    void stalledConsumerNeverHasMoreBatchesInFlightThanTheCap() throws Exception {
        try (ParallelMarcReader reader = ParallelMarcReader.builder().lenient(true).decoders(4).batchRecords(10)
                .maxChunksInFlight(3).open(JAZZ)) {
            assertNotNull(reader.read());
            // The consumer stalls: the framer fills the window and then blocks.
            await().atMost(Duration.ofSeconds(10)).until(() -> reader.chunksInFlight() == 3);
            await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                    .until(() -> reader.maxChunksObserved() == 3);
            long n = 1;
            while (reader.read() != null) {
                n++;
                assertTrue(reader.maxChunksObserved() <= 3);
            }
            assertEquals(1000, n);
        }
        awaitNoWorkers();
    }

    /// A channel that blocks until interrupted (for interruption tests).
    static final class BlockingChannel implements ReadableByteChannel {
        final CountDownLatch never = new CountDownLatch(1);
        final CountDownLatch reading = new CountDownLatch(1);
        volatile boolean open = true;

        @Override
        public int read(ByteBuffer dst) throws IOException {
            reading.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
                throw new ClosedByInterruptException();
            }
            return -1;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    @Test
    void interruptedConsumerStopsWorkersAndClosesTheChannel() throws Exception {
        BlockingChannel channel = new BlockingChannel();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread consumer = Thread.ofPlatform().name("test-consumer").start(() -> {
            try (ParallelMarcReader reader = ParallelMarcReader.builder().decoders(2).open(channel)) {
                started.countDown();
                reader.read();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        started.await();
        channel.reading.await();
        consumer.interrupt();
        consumer.join();
        MarcBatchException e = assertInstanceOf(MarcBatchException.class, thrown.get());
        assertInstanceOf(InterruptedException.class, e.getCause());
        awaitNoWorkers();
        assertFalse(channel.isOpen());
    }

    @Test
    void manyFilesGiveTheSequentialCountsInInputOrder() throws Exception {
        List<Path> files = List.of(PRIDE, JAZZ, PRIDE, TOO_LONG);
        ReaderOptions lenient = ReaderOptions.builder().lenient(true).build();
        List<FileResult<Long>> results = MarcBatch.forEachFile(files, lenient, (file, reader) -> {
            long n = 0;
            for (MarcRecord r : reader) {
                n += r.hashCode() == 0 ? 1 : 1;
            }
            return n;
        });
        assertEquals(files.size(), results.size());
        for (int i = 0; i < files.size(); i++) {
            long expected;
            List<?> trailing;
            try (MarcReader r = MarcReader.builder().options(lenient).open(files.get(i))) {
                expected = r.stream().count();
                trailing = r.trailingDiagnostics();
            }
            assertEquals(files.get(i), results.get(i).path());
            assertEquals(expected, results.get(i).result());
            assertEquals(expected, results.get(i).records());
            assertEquals(trailing, results.get(i).trailingDiagnostics());
        }
        awaitNoWorkers();
    }

    @Test
    void firstFailureCancelsTheOtherFilesAndNamesTheFile() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        MarcBatchException e = assertThrows(MarcBatchException.class, () -> MarcBatch.files(List.of(PRIDE, ERRORS))
                .run((file, reader) -> {
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
        assertEquals(1, interrupted.get());
        awaitNoWorkers();
    }

    @Test
    void deadlineEndsTheCallOnTimeNamingTheUnfinishedFiles() {
        CountDownLatch never = new CountDownLatch(1);
        long t0 = System.nanoTime();
        BatchTimeoutException e = assertThrows(BatchTimeoutException.class, () -> MarcBatch.files(List.of(PRIDE, JAZZ))
                .deadline(Duration.ofMillis(300))
                .run((file, reader) -> {
                    if (file.equals(JAZZ)) {
                        never.await();
                    }
                    return reader.stream().count();
                }));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 250 && ms < 5000, "ended after " + ms + " ms");
        assertEquals(List.of(JAZZ.toString()), e.unfinished());
        assertTrue(e.getMessage().contains(JAZZ.toString()) && e.getMessage().contains("deadline"));
        awaitNoWorkers();
    }

    @Test
    void scopeIsConfinedToItsOwnerAndInterruptPropagates() throws Exception {
        try (StructuredScope scope = StructuredScope.open()) {
            AtomicReference<Throwable> t = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    scope.fork(() -> 1);
                } catch (Throwable e) {
                    t.set(e);
                }
            });
            other.join();
            assertInstanceOf(WrongThreadException.class, t.get());
            StructuredScope.Subtask<Integer> one = scope.fork(() -> 1);
            scope.join();
            assertEquals(1, one.get());
        }
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> ownerSaw = new AtomicReference<>();
        AtomicInteger cancelled = new AtomicInteger();
        CountDownLatch forked = new CountDownLatch(1);
        Thread owner = Thread.ofPlatform().start(() -> {
            try (StructuredScope scope = StructuredScope.open()) {
                scope.fork(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        cancelled.incrementAndGet();
                        throw e;
                    }
                    return null;
                });
                forked.countDown();
                scope.join();
            } catch (Throwable e) {
                ownerSaw.set(e);
            }
        });
        forked.await();
        owner.interrupt();
        owner.join();
        assertInstanceOf(InterruptedException.class, ownerSaw.get());
        assertEquals(1, cancelled.get());
        awaitNoWorkers();
    }

    @Test
    void pipelineBoundsConcurrencyAndPropagatesTheFirstFailure() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<Integer> input = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            input.add(i);
        }
        List<Integer> out = new ArrayList<>();
        Pipeline.from(input).map(8, i -> {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.yield();
            now.decrementAndGet();
            return i * 2;
        }).into(out::add);
        assertEquals(input.stream().map(i -> i * 2).toList(), out);
        assertTrue(max.get() <= 8, "max in flight " + max.get());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pipeline.from(input)
                .map(16, i -> {
                    if (i == 77) {
                        throw new IllegalStateException("boom 77");
                    }
                    return i;
                }).ordered(false).into(x -> { }));
        assertEquals("boom 77", e.getMessage());
        IllegalStateException g = assertThrows(IllegalStateException.class, () -> input.stream()
                .gather(MarcGatherers.mapConcurrent(16, (Integer i) -> {
                    if (i == 5) {
                        throw new IllegalStateException("boom 5");
                    }
                    return i;
                })).toList());
        assertEquals("boom 5", g.getMessage());
        awaitNoWorkers();
    }

    @Test
    void pipelineDeadlineCancelsBlockedWork() {
        CountDownLatch never = new CountDownLatch(1);
        assertThrows(BatchTimeoutException.class, () -> Pipeline.from(List.of(1, 2, 3)).map(3, i -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return i;
        }).deadline(Duration.ofMillis(200)).into(x -> { }));
        awaitNoWorkers();
    }
}
