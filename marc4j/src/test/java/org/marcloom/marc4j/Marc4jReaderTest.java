package org.marcloom.marc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marc4j.MarcError;
import org.marc4j.MarcException;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.Record;
import org.marc4j.marc.impl.SortedMarcFactoryImpl;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.testing.CountingThreads;

/// [Marc4jReader]: marc4j's reader interface over marcloom's reader: errors, diagnostics,
/// leader/09, the factory, parallel decoding, ownership.
class Marc4jReaderTest {

    static final Path JAZZ = Fixtures.iso("evergreen__jazz_1k.mrc");

    static List<Record> readAll(org.marc4j.MarcReader r) {
        List<Record> out = new ArrayList<>();
        while (r.hasNext()) {
            out.add(r.next());
        }
        return out;
    }

    /// evergreen__jazz_1k.mrc record 382 has a subfield delimiter followed by another delimiter in
    /// its 100: marc4j's `MarcStreamReader` reads all 1000 records without a word; the strict
    /// bridge returns the 382 before it and then throws, saying where.
    @Test
    void aStrictErrorIsThrownByNextWithWhereItIs() throws IOException {
        Marc4jReader reader = Marc4jReader.of(MarcReader.builder().open(JAZZ));
        List<Record> before = new ArrayList<>();
        MarcException e = null;
        while (reader.hasNext()) {
            try {
                before.add(reader.next());
            } catch (MarcException thrown) {
                e = thrown;
            }
        }
        assertEquals(382, before.size());
        MarcParseException cause = assertInstanceOf(MarcParseException.class, e.getCause());
        assertEquals(ErrorCode.SUBFIELD_CODE_INVALID, cause.code());
        assertEquals(382, cause.recordIndex());
        assertEquals(360893, cause.byteOffset());
        assertEquals("100", cause.tag());
        assertEquals("03-0013810", cause.controlNumber());
        assertEquals(cause.getMessage(), e.getMessage());
        assertEquals(fixture("SUBFIELD_CODE_INVALID at record 382, byte 360893, tag 100 (001 03-0013810): a subfield"
                + " delimiter is not followed by a subfield code"), e.getMessage());
        assertFalse(reader.hasNext());
        assertThrows(NoSuchElementException.class, reader::next);

        try (InputStream in = Files.newInputStream(JAZZ)) {
            assertEquals(1000, readAll(new MarcStreamReader(in)).size());
        }
    }

    static String fixture(String message) {
        return JAZZ + ": " + message;
    }

    /// The lenient bridge returns all 1000 records; the repaired one carries the diagnostic as a
    /// `MarcError` in `getErrors()`, with the code, the byte offset and what was done.
    @Test
    void lenientDiagnosticsAreTheRecordsErrors() throws IOException {
        List<Record> all = readAll(Marc4jReader.of(MarcReader.builder().lenient(true).open(JAZZ)));
        assertEquals(1000, all.size());
        Record r382 = all.get(382);
        assertTrue(r382.hasErrors());
        MarcError first = r382.getErrors().getFirst();
        assertEquals("100", first.curField);
        assertEquals("n/a", first.curSubfield);
        assertTrue(first.message.startsWith("SUBFIELD_CODE_INVALID at record 382, byte 360893, tag 100: a subfield"
                + " delimiter is not followed by a subfield code; "), first.message);
        assertEquals(List.of(0, 0, 0), List.of(count(all.get(0)), count(all.get(381)), count(all.get(383))));
        List<Integer> withErrors = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).hasErrors()) {
                withErrors.add(i);
            }
        }
        assertEquals(5, withErrors.size(), withErrors.toString());
        assertEquals(382, withErrors.getFirst());
    }

    static int count(Record r) {
        return r.getErrors() == null ? 0 : r.getErrors().size();
    }

    /// A final LF after the last record: lenient mode reports it, it belongs to no record.
    @Test
    void bytesAfterTheLastRecordAreTrailingDiagnostics() throws IOException {
        Marc4jReader reader = Marc4jReader.of(MarcReader.builder().lenient(true).open(Fixtures.iso("marc-perl__badind.usmarc")));
        assertEquals(1, readAll(reader).size());
        List<Diagnostic> trailing = reader.trailingDiagnostics();
        assertEquals(1, trailing.size());
        assertEquals(ErrorCode.TRAILING_BYTES, trailing.getFirst().code());
        assertEquals(240, trailing.getFirst().byteOffset());
    }

    /// The records' text is Unicode, so they say leader/09 `a` (MARC-8 pymarc__marc8.dat is
    /// blank), unless the builder keeps it.
    @Test
    void leader09SaysUnicodeUnlessKept() throws IOException {
        Path marc8 = Fixtures.iso("pymarc__marc8.dat");
        Record unicode = Marc4jReader.of(MarcReader.builder().open(marc8)).next();
        assertEquals('a', unicode.getLeader().getCharCodingScheme());
        assertEquals("01117cam a2200349 a 4500", unicode.getLeader().toString());
        Record kept = Marc4jReader.builder().keepCharacterCodingScheme(true).wrap(MarcReader.builder().open(marc8)).next();
        assertEquals("01117cam  2200349 a 4500", kept.getLeader().toString());
        assertEquals(Marc4jDiff.text(unicode).subList(1, Marc4jDiff.text(unicode).size()),
                Marc4jDiff.text(kept).subList(1, Marc4jDiff.text(kept).size()));
    }

    @Test
    void theFactoryMakesTheRecords() throws IOException {
        Record r = Marc4jReader.builder().factory(new SortedMarcFactoryImpl())
                .wrap(MarcReader.builder().open(Fixtures.iso("marc4j__summerland.mrc"))).next();
        assertEquals("org.marc4j.marc.impl.SortedRecordImpl", r.getClass().getName());
    }

    static Stream<String> allFixtures() throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.ISO2709)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /// Parallel decoding gives the same marc4j records, errors included, and no worker thread
    /// outlives the input's end.
    @ParameterizedTest
    @MethodSource("allFixtures")
    void parallelDecodingGivesTheSameRecords(String name) throws IOException {
        Path file = Fixtures.iso(name);
        List<Record> one = readAll(Marc4jReader.of(MarcReader.builder().lenient(true).open(file)));
        CountingThreads threads = CountingThreads.virtual();
        List<Record> three = readAll(Marc4jReader.of(MarcReader.builder().lenient(true).concurrency(3)
                .threadFactory(threads).open(file)));
        assertEquals(one.size(), three.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(Marc4jDiff.text(one.get(i)), Marc4jDiff.text(three.get(i)), name + " record " + i);
            assertEquals(messages(one.get(i)), messages(three.get(i)), name + " record " + i);
        }
        threads.awaitAllTerminated();
    }

    static List<String> messages(Record r) {
        return r.getErrors() == null ? List.of() : r.getErrors().stream().map(e -> e.message).toList();
    }

    /// A strict error in a parallel read is thrown by `next()` after the same records.
    @Test
    void aParallelStrictErrorComesAfterTheSameRecords() throws IOException {
        CountingThreads threads = CountingThreads.virtual();
        Marc4jReader reader = Marc4jReader.of(MarcReader.builder().concurrency(2).threadFactory(threads).open(JAZZ));
        int n = 0;
        MarcException e = null;
        while (reader.hasNext()) {
            try {
                reader.next();
                n++;
            } catch (MarcException thrown) {
                e = thrown;
            }
        }
        assertEquals(382, n);
        assertEquals(360893, ((MarcParseException) e.getCause()).byteOffset());
        threads.awaitAllTerminated();
    }

    /// Code that stops early closes the bridge: the input is closed and the workers stop.
    @Test
    void closeBeforeTheEndClosesTheInputAndStopsTheWorkers() throws IOException {
        CloseCounting in = new CloseCounting(Files.newInputStream(JAZZ));
        CountingThreads threads = CountingThreads.virtual();
        Marc4jReader reader = Marc4jReader.of(MarcReader.builder().concurrency(2).threadFactory(threads).open(in));
        assertEquals("03-0018137", reader.next().getControlNumber());
        reader.close();
        assertEquals(1, in.closes);
        threads.awaitAllTerminated();
        assertFalse(reader.hasNext());
        reader.close();
        assertEquals(1, in.closes);
    }

    /// marc4j code seldom closes its readers: reaching the end closes the input.
    @Test
    void reachingTheEndClosesTheInput() throws IOException {
        CloseCounting in = new CloseCounting(Files.newInputStream(Fixtures.iso("marc4j__summerland.mrc")));
        Marc4jReader reader = Marc4jReader.open(in);
        assertEquals(1, readAll(reader).size());
        assertEquals(1, in.closes);
    }

    @Test
    void anIoErrorIsAMarcExceptionWithTheIoException() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.iso("marc4j__chabon.mrc"));
        IOException broken = new IOException("disk on fire");
        InputStream in = new FilterInputStream(new ByteArrayInputStream(bytes, 0, 100)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw broken;
                }
                return n;
            }
        };
        Marc4jReader reader = Marc4jReader.open(in);
        assertTrue(reader.hasNext());
        MarcException e = assertThrows(MarcException.class, reader::next);
        assertSame(broken, e.getCause());
        assertEquals("reading record 0: reading input at byte 100", e.getMessage());
        assertFalse(reader.hasNext());
    }

    @Test
    void builderSettingsAreGivenOnce() {
        Marc4jReader.Builder b = Marc4jReader.builder().factory(new SortedMarcFactoryImpl());
        assertThrows(IllegalStateException.class, () -> b.factory(new SortedMarcFactoryImpl()));
        Marc4jReader.Builder k = Marc4jReader.builder().keepCharacterCodingScheme(true);
        k.keepCharacterCodingScheme(true);
        assertEquals("keepCharacterCodingScheme was already set to true",
                assertThrows(IllegalStateException.class, () -> k.keepCharacterCodingScheme(false)).getMessage());
        assertEquals("reader", assertThrows(NullPointerException.class, () -> Marc4jReader.of(null)).getMessage());
        assertEquals("in", assertThrows(NullPointerException.class, () -> Marc4jReader.open(null)).getMessage());
    }

    static final class CloseCounting extends FilterInputStream {
        int closes;

        CloseCounting(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            closes++;
            super.close();
        }
    }
}
