package org.marcloom.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;

/// Every parallel path yields exactly the sequential reader's output on generated files (ISO 2709
/// and MARC-in-JSON lines), well formed and damaged, with tiny and huge batches, batches cut at
/// the ends of small buffers, and 1 to 16 threads.
class ParallelEqualsSequentialProperties {

    @Property(tries = 300)
    void parallelReaderMatchesSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int records,
                                         @ForAll boolean damage, @ForAll boolean lenient,
                                         @ForAll @IntRange(min = 1, max = 16) int threads,
                                         @ForAll @IntRange(min = 1, max = 4) int batchKind,
                                         @ForAll @IntRange(min = 1, max = 8) int maxChunks,
                                         @ForAll @IntRange(min = 1, max = 2048) int bufferBytes) throws Exception {
        byte[] file = Iso2709Gen.file(seed, records, damage);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        Outcome expected = Outcome.sequential(file, options);
        ParallelMarcReader.Builder b = ParallelMarcReader.builder().options(options).decoders(threads)
                .maxChunksInFlight(maxChunks);
        switch (batchKind) {
            case 1 -> b.batchRecords(1).batchBytes(1);
            case 2 -> b.batchRecords(7).batchBytes(1000);
            // Batches end only where their buffer is full: records straddle buffer ends (and
            // records bigger than a buffer make it grow).
            case 3 -> b.batchRecords(100_000).batchBytes(1 << 24).bufferBytes(bufferBytes);
            default -> b.batchRecords(100_000).batchBytes(1 << 24);
        }
        Outcome actual = Outcome.parallel(file, b);
        assertEquals(expected, actual);
    }

    @Property(tries = 300)
    void parallelJsonLinesReaderMatchesSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int records,
                                                  @ForAll boolean damage, @ForAll boolean lenient,
                                                  @ForAll boolean crlf,
                                                  @ForAll @IntRange(min = 1, max = 8) int threads,
                                                  @ForAll @IntRange(min = 1, max = 4096) int batchBytes,
                                                  @ForAll @IntRange(min = 1, max = 8) int maxChunks) throws Exception {
        byte[] file = JsonLinesGen.file(seed, records, damage, crlf);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        Outcome expected = Outcome.sequential(file, options, MarcFormat.MARC_JSON_LINES);
        Outcome actual = Outcome.parallel(file, ParallelMarcReader.builder().options(options)
                .format(MarcFormat.MARC_JSON_LINES).decoders(threads).batchBytes(batchBytes).maxChunksInFlight(maxChunks));
        assertEquals(expected, actual);
    }

    @Property(tries = 100)
    void gathererMatchesSequentialMap(@ForAll List<Integer> input, @ForAll @IntRange(min = 1, max = 16) int n) {
        List<String> expected = input.stream().map(i -> "v" + i).toList();
        List<String> ordered = input.stream().gather(MarcGatherers.mapConcurrent(n, (Integer i) -> "v" + i)).toList();
        List<String> unordered = input.stream()
                .gather(MarcGatherers.mapConcurrentUnordered(n, (Integer i) -> "v" + i)).toList();
        assertEquals(expected, ordered);
        assertEquals(sorted(expected), sorted(unordered));
    }

    @Property(tries = 100)
    void pipelineMatchesSequentialMap(@ForAll List<Integer> input, @ForAll @IntRange(min = 1, max = 16) int n,
                                      @ForAll boolean ordered) {
        List<String> expected = input.stream().map(i -> "v" + i).toList();
        List<String> got = new java.util.ArrayList<>();
        long count = Pipeline.from(input).map(n, i -> "v" + i).ordered(ordered).into(got::add);
        assertEquals(input.size(), count);
        if (ordered) {
            assertEquals(expected, got);
        } else {
            assertEquals(sorted(expected), sorted(got));
        }
    }

    static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
