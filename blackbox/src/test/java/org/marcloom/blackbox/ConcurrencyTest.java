package org.marcloom.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.FileResult;
import org.marcloom.batch.MarcBatch;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.batch.Pipeline;
import org.marcloom.record.MarcRecord;

/// The concurrent APIs through the exported surface: the same results as a sequential run, and
/// no thread left running (threads are counted through an injected factory).
class ConcurrencyTest {

    /// A thread factory that remembers every thread it made.
    static final class Threads implements ThreadFactory {
        final List<Thread> made = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Thread newThread(Runnable r) {
            Thread t = Thread.ofVirtual().unstarted(r);
            made.add(t);
            return t;
        }

        List<Thread> alive() {
            synchronized (made) {
                return made.stream().filter(Thread::isAlive).toList();
            }
        }
    }

    /// Everything a reader shows: the records with their diagnostics, the trailing diagnostics,
    /// and how it ended.
    record Outcome(List<MarcRecord> records, List<List<Diagnostic>> diagnostics, List<Diagnostic> trailing,
                   String error) {
    }

    static Outcome readAll(MarcReader.Builder builder, Path file) throws IOException {
        List<MarcRecord> records = new ArrayList<>();
        List<List<Diagnostic>> diagnostics = new ArrayList<>();
        String error = null;
        try (MarcReader r = builder.open(file)) {
            try {
                for (MarcRecord rec : r) {
                    records.add(rec);
                    diagnostics.add(rec.diagnostics());
                }
            } catch (MarcParseException e) {
                error = e.getMessage();
            }
            return new Outcome(records, diagnostics, r.trailingDiagnostics(), error);
        }
    }

    @Test
    void aReaderOnFourThreadsGivesExactlyWhatOneThreadGives() throws IOException {
        record Case(Path file, MarcFormat format, boolean lenient) {
        }
        for (Case c : List.of(new Case(Fixtures.PRIDE_ERRORS, MarcFormat.ISO_2709, true),
                new Case(Fixtures.PRIDE_ERRORS, MarcFormat.ISO_2709, false),
                new Case(Fixtures.CAMEL_EOF, MarcFormat.ISO_2709, true),
                new Case(Fixtures.CAMEL_EOF, MarcFormat.ISO_2709, false),
                new Case(Fixtures.TRAJECT_NDJSON, MarcFormat.MARC_JSON_LINES, false))) {
            Threads threads = new Threads();
            Outcome one = readAll(MarcReader.builder().format(c.format()).lenient(c.lenient()), c.file());
            Outcome four = readAll(MarcReader.builder().format(c.format()).lenient(c.lenient()).concurrency(4)
                    .threadFactory(threads), c.file());
            assertEquals(one, four, c.toString());
            assertEquals(List.of(), threads.alive(), c + ": close() joined every worker");
            assertEquals(4, threads.made.size(), c + ": the workers came from the factory");
        }
    }

    @Test
    void theStrictErrorComesAfterTheSameRecordsOnManyThreads() throws IOException {
        Outcome four = readAll(MarcReader.builder().concurrency(4), Fixtures.CAMEL_EOF);
        assertEquals(1, four.records().size());
        assertEquals(Fixtures.CAMEL_EOF + ": RECORD_LENGTH_INVALID at record 1, byte 755: leader/00-04 should be the"
                + " record length in five digits, found \"\\x1A0064\"", four.error());
    }

    @Test
    void aBatchReadsSeveralFilesInTheirOwnFormatsAndReportsThemInOrder() {
        List<Path> files = List.of(Fixtures.TRAJECT_XML, Fixtures.PYMARC, Fixtures.PYMARC_JSON_ARRAY,
                Fixtures.CAMEL_MRK, Fixtures.TRAJECT_NDJSON);
        Threads threads = new Threads();
        List<FileResult<String>> results = MarcBatch.builder().concurrency(2).threadFactory(threads)
                .run(files, (file, reader) -> reader.read().controlNumber().orElse("?"));
        assertEquals(files, results.stream().map(FileResult::path).toList());
        assertEquals(List.of("   00282214 ", "fol05731351 ", "5637241", "fol05731351 ", "   00282214 "),
                results.stream().map(FileResult::result).toList());
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L), results.stream().map(FileResult::records).toList());
        assertEquals(5, threads.made.size(), "one thread per file");
        assertEquals(List.of(), threads.alive());
    }

    @Test
    void aStrictErrorInOneFileFailsTheBatchNamingTheFile() {
        Threads threads = new Threads();
        MarcBatchException e = assertThrows(MarcBatchException.class, () -> MarcBatch.builder()
                .threadFactory(threads).run(List.of(Fixtures.PYMARC, Fixtures.CAMEL_EOF),
                        (file, reader) -> reader.stream().count()));
        assertEquals(Fixtures.CAMEL_EOF.toString(), e.source());
        MarcParseException cause = assertInstanceOf(MarcParseException.class, e.getCause());
        assertEquals(ErrorCode.RECORD_LENGTH_INVALID, cause.code());
        assertEquals(1, cause.recordIndex());
        assertEquals(755, cause.byteOffset());
        assertEquals(List.of(), threads.alive());
        List<FileResult<Long>> lenient = MarcBatch.builder().options(ReaderOptions.builder().lenient(true).build())
                .run(List.of(Fixtures.PYMARC, Fixtures.CAMEL_EOF), (file, reader) -> reader.stream().count());
        assertEquals(List.of(10L, 10L), lenient.stream().map(FileResult::result).toList());
    }

    @Test
    void aPipelineRunGivesTheResultsInSourceOrder() throws IOException {
        Threads threads = new Threads();
        List<String> got = new ArrayList<>();
        long n;
        try (MarcReader r = MarcReader.open(Fixtures.PRIDE)) {
            n = Pipeline.builder().concurrency(16).threadFactory(threads)
                    .run(r, rec -> rec.controlNumber().orElse("?"), got::add);
        }
        assertEquals(383, n);
        assertEquals(controlNumbers(), got);
        assertEquals(383, threads.made.size(), "one thread per element");
        assertEquals(List.of(), threads.alive());
    }

    @Test
    void anUnorderedPipelineGivesEveryResultOnce() throws IOException {
        List<String> got = new ArrayList<>();
        try (MarcReader r = MarcReader.open(Fixtures.PRIDE)) {
            Pipeline.builder().concurrency(16).ordered(false).run(r, rec -> rec.controlNumber().orElse("?"), got::add);
        }
        List<String> expected = new ArrayList<>(controlNumbers());
        Collections.sort(expected);
        Collections.sort(got);
        assertEquals(expected, got);
    }

    @Test
    void aGathererIsThePipelineAsAStreamStage() throws IOException {
        Threads threads = new Threads();
        Function<MarcRecord, String> fn = rec -> rec.controlNumber().orElse("?");
        List<String> got;
        try (MarcReader r = MarcReader.open(Fixtures.PRIDE)) {
            got = r.stream().gather(Pipeline.builder().concurrency(8).threadFactory(threads).gatherer(fn)).toList();
        }
        assertEquals(controlNumbers(), got);
        assertEquals(List.of(), threads.alive());
        try (MarcReader r = MarcReader.open(Fixtures.PRIDE)) {
            assertEquals(controlNumbers().subList(0, 5),
                    r.stream().gather(Pipeline.builder().concurrency(8).gatherer(fn)).limit(5).toList());
        }
    }

    @Test
    void theFunctionsFailureReachesTheCallerAsItIs() throws IOException {
        IllegalStateException boom = new IllegalStateException("lookup failed");
        String eleventh = controlNumbers().get(10);
        Threads threads = new Threads();
        try (MarcReader r = MarcReader.open(Fixtures.PRIDE)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pipeline.builder()
                    .concurrency(4).threadFactory(threads).run(r, rec -> {
                        if (rec.controlNumber().orElse("").equals(eleventh)) {
                            throw boom;
                        }
                        return rec;
                    }, rec -> { }));
            assertSame(boom, e);
        }
        assertEquals(List.of(), threads.alive());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Pipeline.builder().run(List.of(1), x -> x, x -> { }));
        assertEquals("'concurrency' was not given: Pipeline.builder().concurrency(n) says how many applications may"
                + " be in flight at once", missing.getMessage());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    static List<String> controlNumbers() throws IOException {
        try (MarcReader r = MarcReader.open(Fixtures.PRIDE)) {
            return r.stream().map(rec -> rec.controlNumber().orElse("?")).toList();
        }
    }
}
