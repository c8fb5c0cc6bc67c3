package org.marcloom.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;

/// The parallel reader yields exactly the sequential reader's output on generated files (ISO 2709
/// and MARC-in-JSON lines), well formed and damaged, with tiny and huge batches, batches cut at
/// the ends of small buffers, windows of 1 to 8 chunks, and 1 to 16 threads.
class ParallelEqualsSequentialProperties {

    @Property(tries = 300)
    void parallelReaderMatchesSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int records,
                                         @ForAll boolean damage, @ForAll boolean lenient,
                                         @ForAll @IntRange(min = 1, max = 16) int threads,
                                         @ForAll @IntRange(min = 1, max = 4) int batchKind,
                                         @ForAll @IntRange(min = 1, max = 8) int window,
                                         @ForAll @IntRange(min = 1, max = 2048) int bufferBytes) throws Exception {
        byte[] file = Iso2709Gen.file(seed, records, damage);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        Outcome expected = Outcome.sequential(file, options);
        ParallelSource.Tuning tuning = switch (batchKind) {
            case 1 -> new ParallelSource.Tuning(1, 1, -1, window);
            case 2 -> new ParallelSource.Tuning(7, 1000, -1, window);
            // Batches end only where their buffer is full: records straddle buffer ends (and
            // records bigger than a buffer make it grow).
            case 3 -> new ParallelSource.Tuning(100_000, 1 << 24, bufferBytes, window);
            default -> new ParallelSource.Tuning(100_000, 1 << 24, -1, window);
        };
        assertEquals(expected, Outcome.parallel(file, options, MarcFormat.ISO_2709, threads, tuning));
    }

    @Property(tries = 300)
    void parallelJsonLinesReaderMatchesSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int records,
                                                  @ForAll boolean damage, @ForAll boolean lenient,
                                                  @ForAll boolean crlf,
                                                  @ForAll @IntRange(min = 1, max = 8) int threads,
                                                  @ForAll @IntRange(min = 1, max = 4096) int batchBytes,
                                                  @ForAll @IntRange(min = 1, max = 8) int window) throws Exception {
        byte[] file = JsonLinesGen.file(seed, records, damage, crlf);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        Outcome expected = Outcome.sequential(file, options, MarcFormat.MARC_JSON_LINES);
        Outcome actual = Outcome.parallel(file, options, MarcFormat.MARC_JSON_LINES, threads,
                new ParallelSource.Tuning(1024, batchBytes, -1, window));
        assertEquals(expected, actual);
    }

    @Property(tries = 100)
    void publicBuilderMatchesSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int records,
                                        @ForAll boolean damage, @ForAll boolean lenient,
                                        @ForAll @IntRange(min = 2, max = 8) int concurrency) throws Exception {
        byte[] file = Iso2709Gen.file(seed, records, damage);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        assertEquals(Outcome.sequential(file, options),
                Outcome.parallel(file, options, MarcFormat.ISO_2709, concurrency));
    }
}
