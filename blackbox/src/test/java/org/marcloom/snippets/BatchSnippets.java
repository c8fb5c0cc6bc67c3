package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.FileResult;
import org.marcloom.batch.MarcBatch;
import org.marcloom.batch.Pipeline;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;

/// Concurrency: the examples of the `org.marcloom.batch` Javadoc and of `CONCURRENCY.md`, each
/// run on fixtures and checked against a sequential run.
class BatchSnippets {

    static final Path PRIDE = Path.of("fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc");
    static final List<Path> FILES = List.of(
            Path.of("fixtures/iso2709/pymarc__test.dat"),
            Path.of("fixtures/xml/traject__test_data.utf8.marc.xml"),
            Path.of("fixtures/json/traject__test_data.utf8.json"),
            Path.of("fixtures/mrk/marc-perl__camel.mrk"));

    @TempDir
    Path tmp;

    // @start region="files"
    static long countAll(List<Path> files) {
        List<FileResult<Long>> results = MarcBatch.builder()
                .options(ReaderOptions.builder().lenient(true).build())
                .deadline(Duration.ofMinutes(5))
                .run(files, (file, reader) -> reader.stream().count());   // one thread per file, formats detected
        return results.stream().mapToLong(FileResult::result).sum();     // results in the order of `files`
    }
    // @end

    @Test
    void files() {
        assertEquals(10 + 30 + 30 + 10, countAll(FILES));
    }

    // @start region="largeFile"
    static List<Diagnostic> readOnAllCores(Path path, Consumer<MarcRecord> sink) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        try (MarcReader reader = MarcReader.builder().lenient(true).concurrency(cores).open(path)) {
            for (MarcRecord rec : reader) {           // in file order, exactly as with one thread
                sink.accept(rec);
            }
            return reader.trailingDiagnostics();      // complete once every record was read
        }
    }
    // @end

    @Test
    void largeFile() throws IOException {
        List<MarcRecord> parallel = new ArrayList<>();
        assertEquals(List.of(), readOnAllCores(PRIDE, parallel::add));
        try (MarcReader sequential = MarcReader.builder().lenient(true).open(PRIDE)) {
            assertEquals(sequential.stream().toList(), parallel);
        }
        assertEquals(383, parallel.size());
    }

    // @start region="convertOnAllCores"
    static void toJsonLinesOnAllCores(Path mrc, Path ndjson) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        try (MarcReader in = MarcReader.builder().concurrency(cores).open(mrc);
             MarcWriter out = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).concurrency(cores).open(ndjson)) {
            in.forEach(out::write);    // decoded and encoded on `cores` threads each: the same bytes as with one
        }
    }
    // @end

    @Test
    void convertOnAllCores() throws IOException {
        Path parallel = tmp.resolve("parallel.ndjson");
        Path sequential = tmp.resolve("sequential.ndjson");
        toJsonLinesOnAllCores(PRIDE, parallel);
        try (MarcReader in = MarcReader.open(PRIDE);
             MarcWriter out = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).open(sequential)) {
            in.forEach(out::write);
        }
        assertEquals(-1, Files.mismatch(sequential, parallel));
        assertEquals(383, Files.readAllLines(parallel).size());
    }

    // @start region="pipeline"
    static long enrich(Path in, Path out, Function<MarcRecord, MarcRecord> lookup) throws IOException {
        try (MarcReader reader = MarcReader.open(in); MarcWriter writer = MarcWriter.open(out)) {
            return Pipeline.builder()
                    .concurrency(1_000)                     // 1,000 lookups in flight, each on a virtual thread
                    .run(reader, lookup, writer::write);    // results in source order, written on this thread
        }
    }
    // @end

    /// A stand-in for a remote lookup: adds a 500 note naming the record.
    static MarcRecord annotate(MarcRecord rec) {
        return rec.toBuilder()
                .add(DataField.builder("500").subfield('a', "looked up " + rec.controlNumber().orElse("?")).build())
                .build();
    }

    @Test
    void pipeline() throws IOException {
        Path out = tmp.resolve("enriched.mrc");
        assertEquals(383, enrich(PRIDE, out, BatchSnippets::annotate));
        try (MarcReader original = MarcReader.open(PRIDE); MarcReader enriched = MarcReader.open(out)) {
            assertEquals(original.stream().map(BatchSnippets::annotate).map(MarcRecord::fields).toList(),
                    enriched.stream().map(MarcRecord::fields).toList());
        }
    }

    // @start region="gatherer"
    static List<String> lookUpAll(Path path, Function<MarcRecord, String> lookup) throws IOException {
        try (Stream<MarcRecord> records = MarcReader.open(path).stream()) {
            return records
                    .gather(Pipeline.builder().concurrency(100).gatherer(lookup))   // 100 in flight, in order
                    .toList();
        }
    }
    // @end

    @Test
    void gatherer() throws IOException {
        List<String> looked = lookUpAll(PRIDE, rec -> rec.controlNumber().orElse("?"));
        try (MarcReader reader = MarcReader.open(PRIDE)) {
            assertEquals(reader.stream().map(r -> r.controlNumber().orElse("?")).toList(), looked);
        }
        assertEquals(383, looked.size());
    }
}
