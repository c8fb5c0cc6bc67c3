package org.marcloom.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.batch.BatchTimeoutException;
import org.marcloom.batch.MarcBatch;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.batch.Pipeline;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.CountingThreads;

/// A user callback that throws (a [MarcBatch] task, a [Pipeline] function or sink), an interrupt
/// during a read (one thread and parallel) and a deadline that passes: each call ends (no hang:
/// every call runs on a thread awaited with a timeout), with the exact exception and cause, and no
/// thread it started outlives it.
class CallbackFaultsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path JAZZ = Corpus.JAZZ;
    private static final Path PRIDE = Path.of("fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc");

    /// Runs `call` on its own thread and returns what it threw, failing if it does not end in time.
    private static Throwable thrownBy(Supplier<Object> call) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean returned = new AtomicBoolean();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                call.get();
                returned.set(true);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        await().atMost(TIMEOUT).until(() -> !t.isAlive());
        assertFalse(returned.get(), "the call returned instead of throwing");
        return thrown.get();
    }

    @Test
    void aBatchTaskThatThrowsNamesItsFileWithTheSameException() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        IllegalArgumentException boom = new IllegalArgumentException("task failed on record 7");
        Throwable t = thrownBy(() -> MarcBatch.builder().threadFactory(threads).concurrency(3)
                .options(org.marcloom.ReaderOptions.builder().lenient(true).build())
                .run(List.of(PRIDE, JAZZ, PRIDE), (file, reader) -> {
                    if (file.equals(JAZZ)) {
                        for (int i = 0; i < 7; i++) {
                            reader.read();
                        }
                        throw boom;
                    }
                    return reader.stream().count();
                }));
        MarcBatchException e = assertInstanceOf(MarcBatchException.class, t);
        assertEquals(JAZZ.toString(), e.source());
        assertSame(boom, e.getCause());
        assertEquals(JAZZ + " failed: java.lang.IllegalArgumentException: task failed on record 7", e.getMessage());
        assertTrue(threads.allTerminated());
    }

    @Test
    void aPipelineFunctionThatThrowsIsRethrownAsIsAndCancelsTheRest() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        IllegalStateException boom = new IllegalStateException("lookup of element 5 failed");
        CountDownLatch never = new CountDownLatch(1);
        List<Integer> sunk = new ArrayList<>();
        List<Integer> source = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Throwable t = thrownBy(() -> Pipeline.builder().concurrency(3).threadFactory(threads).run(source, i -> {
            if (i == 5) {
                throw boom;
            }
            if (i > 5) {
                try {
                    never.await(); // cancelled by the failure
                } catch (InterruptedException e) {
                    throw new IllegalStateException("cancelled", e);
                }
            }
            return i;
        }, sunk::add));
        assertSame(boom, t);
        assertEquals(List.of(0, 1, 2, 3, 4), sunk);
        assertTrue(threads.allTerminated());
    }

    @Test
    void aPipelineSinkThatThrowsIsRethrownAsIs() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        UnsupportedOperationException boom = new UnsupportedOperationException("sink is full at 3");
        List<MarcRecord> sunk = new ArrayList<>();
        Throwable t = thrownBy(() -> {
            try (MarcReader reader = MarcReader.builder().lenient(true).open(JAZZ)) {
                return Pipeline.builder().concurrency(4).threadFactory(threads).run(reader, r -> r, r -> {
                    if (sunk.size() == 3) {
                        throw boom;
                    }
                    sunk.add(r);
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertSame(boom, t);
        assertEquals(Corpus.records().subList(0, 3), sunk);
        assertTrue(threads.allTerminated());
    }

    @Test
    void aPipelineDeadlineNamesTheUnfinishedElements() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        CountDownLatch never = new CountDownLatch(1);
        List<Integer> sunk = new ArrayList<>();
        Throwable t = thrownBy(() -> Pipeline.builder().concurrency(2).deadline(Duration.ofMillis(300))
                .threadFactory(threads).run(List.of(0, 1, 2, 3), i -> {
                    if (i == 1) {
                        try {
                            never.await();
                        } catch (InterruptedException ie) {
                            throw new IllegalStateException("cancelled", ie);
                        }
                    }
                    return i;
                }, sunk::add));
        BatchTimeoutException e = assertInstanceOf(BatchTimeoutException.class, t);
        assertEquals(List.of("element #1"), e.unfinished());
        assertEquals(List.of(0), sunk, "ordered: nothing after the late element");
        assertTrue(threads.allTerminated());
    }

    @Test
    void aBatchDeadlineNamesTheUnfinishedFiles() throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        CountDownLatch never = new CountDownLatch(1);
        Throwable t = thrownBy(() -> MarcBatch.builder().deadline(Duration.ofMillis(300)).threadFactory(threads)
                .options(org.marcloom.ReaderOptions.builder().lenient(true).build())
                .run(List.of(PRIDE, JAZZ), (file, reader) -> {
                    long n = reader.stream().count();
                    if (file.equals(PRIDE)) {
                        never.await();
                    }
                    return n;
                }));
        BatchTimeoutException e = assertInstanceOf(BatchTimeoutException.class, t);
        assertEquals(List.of(PRIDE.toString()), e.unfinished());
        assertTrue(threads.allTerminated());
    }

    @ParameterizedTest(name = "{0}, concurrency {1}")
    @CsvSource({"ISO_2709,1", "ISO_2709,2", "MARC_JSON_LINES,1", "MARC_JSON_LINES,2", "MARCXML,1", "MARC_JSON,1",
            "MARCMAKER,1"})
    void anInterruptedReadThrowsMarcBatchExceptionWithAnInterruptedCause(MarcFormat format, int concurrency)
            throws Exception {
        byte[] bytes = Corpus.bytes(format);
        FaultyChannel channel = new FaultyChannel(bytes, bytes.length / 3, FaultyChannel.Mode.BLOCK);
        CountingThreads threads = CountingThreads.virtual();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagSet = new AtomicBoolean();
        MarcReader reader = MarcReader.builder().format(format).lenient(true).concurrency(concurrency)
                .threadFactory(threads).sourceName("slow").open(channel);
        Thread owner = Thread.ofPlatform().start(() -> {
            try (reader) {
                while (reader.read() != null) {
                    // reads on until the input blocks
                }
                thrown.set(new AssertionError("read() returned null"));
            } catch (Throwable e) {
                flagSet.set(Thread.currentThread().isInterrupted());
                thrown.set(e);
            }
        });
        await().atMost(TIMEOUT).until(channel::blocked);
        owner.interrupt();
        await().atMost(TIMEOUT).until(() -> !owner.isAlive());
        MarcBatchException e = assertInstanceOf(MarcBatchException.class, thrown.get());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertEquals("slow", e.source());
        assertTrue(e.getMessage().startsWith("interrupted while reading slow"), e.getMessage());
        assertTrue(flagSet.get(), "the interrupt status is set again");
        assertFalse(channel.isOpen());
        await().atMost(TIMEOUT).until(threads::allTerminated);
    }
}
