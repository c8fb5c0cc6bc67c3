package org.marcloom.internal.parallel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.internal.ReadOnlyChannel;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.CountingThreads;

/// The parallel reader on real fixtures equals the sequential one; errors, early close,
/// interruption and a stalled consumer leave no thread behind, close the channel and keep the
/// window. Threads are counted through an injected factory.
class ParallelSourceTest {

    private static final Path DIR = Path.of("fixtures/iso2709");
    private static final Path JAZZ = DIR.resolve("evergreen__jazz_1k.mrc");
    private static final Path ERRORS = DIR.resolve("marc4j__pride-and-prejudice-with-many-errors.mrc");

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
                    Outcome actual = Outcome.parallel(bytes, options, MarcFormat.ISO_2709, threads,
                            new ParallelSource.Tuning(batch, 1 << 20, -1, 3));
                    assertEquals(expected, actual, file + " lenient=" + lenient + " threads=" + threads);
                }
            }
        }
    }

    @Test
    void strictErrorIsTheSequentialOneAndStopsWorkersAndClosesTheChannel() throws Exception {
        MarcParseException sequential;
        long before = 0;
        try (MarcReader reader = MarcReader.open(ERRORS)) {
            sequential = assertThrows(MarcParseException.class, () -> {
                while (reader.read() != null) {
                    // drain
                }
            });
            before = reader.recordsRead();
        }
        CountingThreads threads = CountingThreads.virtual();
        FileChannel channel = FileChannel.open(ERRORS);
        MarcReader reader = MarcReader.builder().concurrency(4).threadFactory(threads).sourceName(ERRORS.toString())
                .open(channel);
        long[] read = {0};
        MarcParseException e = assertThrows(MarcParseException.class, () -> {
            while (reader.read() != null) {
                read[0]++;
            }
        });
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(sequential.code(), e.code());
        assertEquals(sequential.recordIndex(), e.recordIndex());
        assertEquals(sequential.byteOffset(), e.byteOffset());
        assertEquals(sequential.getMessage(), e.getMessage());
        assertEquals(before, read[0], "every record before the error was delivered");
        assertNull(reader.read(), "nothing after the error");
        assertEquals(4, threads.created());
        threads.awaitAllTerminated();
        assertFalse(channel.isOpen());
        reader.close();
    }

    @Test
    void closeMidStreamStopsEveryWorkerAndClosesTheChannel() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        FileChannel channel = FileChannel.open(JAZZ);
        MarcReader reader = MarcReader.builder().lenient(true).concurrency(4).threadFactory(threads).open(channel);
        try (var stream = reader.stream()) {
            assertEquals(3, stream.limit(3).count());
        }
        assertEquals(4, threads.created());
        assertTrue(threads.allTerminated(), "close() joins the workers before it returns");
        assertFalse(channel.isOpen());
    }

    @Test
    void noThreadStartsBeforeTheFirstRead() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        try (MarcReader reader = MarcReader.builder().concurrency(3).threadFactory(threads).open(JAZZ)) {
            assertEquals(0, threads.created());
            reader.read();
            assertEquals(3, threads.created());
        }
        assertTrue(threads.allTerminated());
    }

    @Test
    void closeFromAnotherThreadStopsTheWorkersAndTheOwnersNextReadThrows() throws Exception {
        MarcRecord first;
        try (MarcReader sequential = MarcReader.builder().lenient(true).open(JAZZ)) {
            first = sequential.read();
        }
        CountingThreads threads = CountingThreads.virtual();
        try (MarcReader reader = MarcReader.builder().lenient(true).concurrency(2).threadFactory(threads).open(JAZZ)) {
            assertEquals(first, reader.read());
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    reader.close();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            other.join();
            assertEquals(null, thrown.get());
            assertTrue(threads.allTerminated(), "close() from the other thread awaited the workers");
            IllegalStateException e = assertThrows(IllegalStateException.class, reader::read);
            assertTrue(e.getMessage().endsWith(" after 1 records: a closed reader cannot be read"), e.getMessage());
        }
        assertTrue(threads.allTerminated());
    }

    @Test
    void jsonLinesCloseMidStreamStopsEveryWorkerAndClosesTheChannel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lines.json");
        Files.write(file, JsonLinesGen.file(7, 2_000, false, false));
        CountingThreads threads = CountingThreads.virtual();
        FileChannel channel = FileChannel.open(file);
        MarcReader reader = MarcReader.builder().format(MarcFormat.MARC_JSON_LINES).lenient(true).concurrency(4)
                .threadFactory(threads).open(channel);
        try (var stream = reader.stream()) {
            assertEquals(3, stream.limit(3).count());
        }
        assertEquals(4, threads.created());
        assertTrue(threads.allTerminated());
        assertFalse(channel.isOpen());
    }

    @Test
    void jsonLinesFallBackToSequentialAtAMalformedLineAndEndTheSame() throws Exception {
        // 500 good lines, one cut short, 500 good lines: the parallel read turns sequential at the
        // malformed line, and the whole output is the sequential reader's.
        byte[] good = JsonLinesGen.file(3, 500, false, false);
        byte[] rest = JsonLinesGen.file(4, 500, false, false);
        byte[] broken = "\n{\"leader\":\"0000\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(good, good.length + broken.length + rest.length);
        System.arraycopy(broken, 0, bytes, good.length, broken.length);
        System.arraycopy(rest, 0, bytes, good.length + broken.length, rest.length);
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        Outcome expected = Outcome.sequential(bytes, options, MarcFormat.MARC_JSON_LINES);
        assertEquals(1000, expected.records().size());
        assertEquals(1, expected.records().stream().filter(r -> r.contains("SYNTAX_ERROR")).count());
        Outcome actual = Outcome.parallel(bytes, options, MarcFormat.MARC_JSON_LINES, 2,
                new ParallelSource.Tuning(1024, 4_096, -1, -1));
        assertEquals(expected, actual);
    }

    @Test
    void stalledConsumerNeverHasMoreBatchesInFlightThanTheWindow() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        try (ParallelSource source = ParallelSource.create(MarcFormat.ISO_2709,
                ReaderOptions.builder().lenient(true).build(), FileChannel.open(JAZZ), "jazz", true, 4, threads,
                new ParallelSource.Tuning(10, 1 << 20, -1, 3))) {
            source.next();
            // The consumer stalls: the workers fill the window and then block.
            await().atMost(Duration.ofSeconds(10)).until(() -> source.engine().inFlight() == 3);
            await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                    .until(() -> source.engine().maxInFlight() == 3);
            long n = 1;
            while (source.next() != null) {
                n++;
                assertTrue(source.engine().maxInFlight() <= 3);
            }
            assertEquals(1000, n);
        }
        assertTrue(threads.allTerminated());
    }

    /// A channel that blocks until interrupted.
    static final class BlockingChannel extends ReadOnlyChannel {
        final CountDownLatch never = new CountDownLatch(1);
        final CountDownLatch reading = new CountDownLatch(1);

        @Override
        public int read(ByteBuffer dst) throws IOException {
            reading.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new ClosedByInterruptException();
            }
            return -1;
        }
    }

    @Test
    void interruptedConsumerStopsWorkersAndClosesTheChannel() throws Exception {
        BlockingChannel channel = new BlockingChannel();
        CountingThreads threads = CountingThreads.virtual();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread consumer = Thread.ofPlatform().name("test-consumer").start(() -> {
            try (MarcReader reader = MarcReader.builder().concurrency(2).threadFactory(threads).open(channel)) {
                reader.read();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        channel.reading.await();
        consumer.interrupt();
        consumer.join();
        MarcBatchException e = assertInstanceOf(MarcBatchException.class, thrown.get());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertEquals("interrupted while reading the input", e.getMessage());
        assertEquals(2, threads.created());
        assertTrue(threads.allTerminated());
        assertFalse(channel.isOpen());
    }

    /// Regression: the owner once checked how many chunks were made under the engine's lock while
    /// waiting; parking on that lock swallowed the wake-up of the worker that published the chunk,
    /// and a read of a one-chunk file hung about once in a hundred runs.
    @Test
    void aOneChunkFileNeverLosesItsWakeUp() {
        Path tiny = DIR.resolve("marc-perl__hebrew2.marc");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 500; i++) {
                try (MarcReader reader = MarcReader.builder().lenient(true).concurrency(4).open(tiny)) {
                    assertEquals(1, reader.stream().count());
                }
            }
        });
    }

    @Test
    void readRawIsRefusedWithConcurrency() throws Exception {
        try (MarcReader reader = MarcReader.builder().concurrency(2).open(JAZZ)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, reader::readRaw);
            assertEquals("readRaw() reads on one thread: open the reader without concurrency(n) to read raw records",
                    e.getMessage());
        }
    }
}
