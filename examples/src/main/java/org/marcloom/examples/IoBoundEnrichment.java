package org.marcloom.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marcloom.MarcReader;
import org.marcloom.batch.Pipeline;
import org.marcloom.record.MarcRecord;

/// I/O-bound work: every record waits on a simulated remote lookup of 10 ms.
/// `Pipeline.builder().concurrency(1000)` (1,000 lookups in flight, each on its own virtual
/// thread) against a fixed pool of 10 platform threads; both keep record order, and the checksums
/// over the enriched output must match.
///
/// 20,000 lookups by default, so that starting threads and reading the records are amortised:
/// the pool needs 20,000 / 10 x 10 ms = 20 s, 1,000 virtual threads ideally 20 x 10 ms = 200 ms
/// (a 100x ceiling). A short untimed run of both first warms up the JIT.
///
/// Run from the checkout's top folder:
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.IoBoundEnrichment [file.mrc] [lookups]`
public final class IoBoundEnrichment {

    private IoBoundEnrichment() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().lenient(true).open(file)) {
            for (MarcRecord r : reader) {
                records.add(r);
            }
        }
        List<MarcRecord> cycled = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            cycled.add(records.get(i % records.size()));
        }
        // Warm-up, untimed: 1,000 lookups through the pool, 3,000 through the pipeline.
        pool(cycled.subList(0, Math.min(1_000, limit)));
        virtual(cycled.subList(0, Math.min(3_000, limit)));

        long t0 = System.nanoTime();
        String pool = pool(cycled);
        long poolNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        String virtual = virtual(cycled);
        long vtNanos = System.nanoTime() - t0;
        Support.report(limit + " lookups of 10 ms: fixed pool of 10 platform threads vs 1,000 virtual threads",
                poolNanos, vtNanos, pool, virtual);
        System.out.printf("  ideal: pool %.0f ms, virtual %.0f ms (%.0fx)%n", limit / 10 * 10.0,
                Math.ceil(limit / 1000.0) * 10.0, (limit / 10 * 10.0) / (Math.ceil(limit / 1000.0) * 10.0));
    }

    /// A fixed pool of 10 platform threads, results collected in submission order.
    static String pool(List<MarcRecord> records) throws Exception {
        Support.Checksum sum = new Support.Checksum();
        try (ExecutorService executor = Executors.newFixedThreadPool(10)) {
            List<Future<String>> futures = new ArrayList<>(records.size());
            for (MarcRecord r : records) {
                futures.add(executor.submit(() -> lookup(r)));
            }
            for (Future<String> f : futures) {
                sum.add(f.get());
            }
        }
        return sum.records + ":" + sum.hex();
    }

    /// A pipeline with at most 1,000 lookups in flight, each on its own virtual thread, in order.
    static String virtual(List<MarcRecord> records) {
        Support.Checksum sum = new Support.Checksum();
        Pipeline.builder().concurrency(1000).run(records, IoBoundEnrichment::lookup, sum::add);   // in source order
        return sum.records + ":" + sum.hex();
    }

    /// The simulated remote lookup: blocks 10 ms (a virtual thread releases its carrier meanwhile).
    static String lookup(MarcRecord r) {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lookup interrupted", e);
        }
        return r.controlNumber().orElse("-") + " " + r.fields().size() + "\n";
    }
}
