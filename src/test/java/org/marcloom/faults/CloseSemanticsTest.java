package org.marcloom.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.CountingThreads;

/// Close semantics. Readers (every format, one thread and `concurrency(2)`): `close()` may come
/// from any thread; the reading thread's next or current read then throws
/// [IllegalStateException] "was closed by another thread", never `null` (which would look like the
/// end of the input), the owned channel is closed and no worker outlives `close()`. Writers
/// (sequential and parallel): `close()` from another thread than the one that wrote is refused with
/// [WrongThreadException] and changes nothing: the owner writes on and closes, and the output is
/// complete.
class CloseSemanticsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, concurrency {1}")
    @CsvSource({"ISO_2709,1", "ISO_2709,2", "MARCXML,1", "MARCXML,2", "MARC_JSON,1", "MARC_JSON,2",
            "MARC_JSON_LINES,1", "MARC_JSON_LINES,2", "MARCMAKER,1", "MARCMAKER,2"})
    void closeFromAnotherThreadMakesTheOwnersNextReadThrowNeverEndOfInput(MarcFormat format, int concurrency)
            throws Exception {
        byte[] bytes = Corpus.bytes(format);
        java.util.List<MarcRecord> expected = Corpus.read(format, bytes);
        Path file = Files.write(dir.resolve("in"), bytes);
        CountingThreads threads = CountingThreads.virtual();
        FileChannel channel = FileChannel.open(file);
        MarcReader reader = MarcReader.builder().format(format).lenient(true).concurrency(concurrency)
                .threadFactory(threads).sourceName("in").open(channel);
        for (int i = 0; i < 39; i++) {
            assertEquals(expected.get(i), reader.read());
        }
        AtomicReference<Throwable> closeFailed = new AtomicReference<>();
        Thread closer = Thread.ofPlatform().name("closer").start(() -> {
            try {
                reader.close();
            } catch (Throwable t) {
                closeFailed.set(t);
            }
        });
        closer.join(TIMEOUT.toMillis());
        assertFalse(closer.isAlive());
        assertEquals(null, closeFailed.get());
        assertFalse(channel.isOpen(), "the owned channel is closed by close()");
        await().atMost(TIMEOUT).until(threads::allTerminated);
        IllegalStateException e = assertThrows(IllegalStateException.class, reader::read);
        assertEquals("the reader of in was closed by another thread (closer) after 39 records: a closed reader"
                + " cannot be read", e.getMessage());
        assertThrows(IllegalStateException.class, reader::read, "and again: never null");
        assertEquals(39, reader.recordsRead());
        reader.close(); // idempotent, by the owner
        assertEquals(concurrency == 1 || !org.marcloom.internal.parallel.ParallelSource.supports(format) ? 0 : 2,
                threads.created());
        assertTrue(threads.allTerminated());
    }

    @ParameterizedTest(name = "{0}, concurrency {1}")
    @CsvSource({"ISO_2709,1", "ISO_2709,2", "MARC_JSON_LINES,1", "MARC_JSON_LINES,2", "MARCXML,1",
            "MARCMAKER,1"})
    void closeFromAnotherThreadEndsAReadBlockedOnTheInput(MarcFormat format, int concurrency) throws Exception {
        byte[] bytes = Corpus.bytes(format);
        FaultyChannel channel = new FaultyChannel(bytes, bytes.length / 3, FaultyChannel.Mode.BLOCK);
        CountingThreads threads = CountingThreads.virtual();
        MarcReader reader = MarcReader.builder().format(format).lenient(true).concurrency(concurrency)
                .threadFactory(threads).sourceName("pipe").open(channel);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Long> readBefore = new AtomicReference<>();
        Thread owner = Thread.ofPlatform().start(() -> {
            try {
                while (reader.read() != null) {
                    readBefore.set(reader.recordsRead());
                }
                thrown.set(new AssertionError("read() returned null: looks like the end of the input"));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        await().atMost(TIMEOUT).until(channel::blocked); // the owner or a worker waits for bytes

        reader.close();
        owner.join(TIMEOUT.toMillis());
        assertFalse(owner.isAlive(), "the reading thread ended");
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, thrown.get());
        assertTrue(e.getMessage().startsWith("the reader of pipe was closed by another thread ("), e.getMessage());
        assertFalse(channel.isOpen());
        await().atMost(TIMEOUT).until(threads::allTerminated);
    }

    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(ints = {1, 2})
    void closeOfAWriterFromAnotherThreadIsRefusedAndChangesNothing(int concurrency) throws Exception {
        CountingThreads threads = CountingThreads.virtual();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter writer = MarcWriter.builder().concurrency(concurrency).threadFactory(threads).open(out);
        for (int i = 0; i < 1500; i++) {
            writer.write(Corpus.records().get(i % 1000));
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                writer.close();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.join(TIMEOUT.toMillis());
        WrongThreadException e = assertInstanceOf(WrongThreadException.class, thrown.get());
        assertTrue(e.getMessage().startsWith("only the thread that wrote to this writer, "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", may close it; nothing was changed"), e.getMessage());
        for (int i = 1500; i < 2000; i++) {
            writer.write(Corpus.records().get(i % 1000));
        }
        writer.close();
        assertEquals(2000, writer.recordsWritten());
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().open(expected)) {
            for (int i = 0; i < 2000; i++) {
                w.write(Corpus.records().get(i % 1000));
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toByteArray(), out.toByteArray());
        assertTrue(threads.allTerminated());
    }
}
