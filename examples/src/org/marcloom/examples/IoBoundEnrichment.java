package org.marcloom.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.Pipeline;
import org.marcloom.record.MarcRecord;

/// I/O-bound work: every record waits on a simulated remote lookup of 10 ms. A [Pipeline] with
/// 1,000 virtual threads in flight against a fixed pool of 10 platform threads; both keep record
/// order, and the checksums over the enriched output must match.
///
/// Run: `mvn -q -DskipTests package && java -cp target/marcloom-cli.jar:target/test-classes org.marcloom.examples.IoBoundEnrichment [file.mrc] [records]`
public final class IoBoundEnrichment {

    private IoBoundEnrichment() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 10_000; // the pool run takes limit / 10 * 10 ms
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().options(ReaderOptions.builder().lenient(true).build()).open(file)) {
            for (MarcRecord r : reader) {
                records.add(r);
            }
        }
        List<MarcRecord> cycled = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            cycled.add(records.get(i % records.size()));
        }
        records = cycled;
        long t0 = System.nanoTime();
        Support.Checksum pool = new Support.Checksum();
        try (ExecutorService executor = Executors.newFixedThreadPool(10)) {
            List<Future<String>> futures = new ArrayList<>();
            for (MarcRecord r : records) {
                futures.add(executor.submit(() -> lookup(r)));
            }
            for (Future<String> f : futures) {
                pool.add(f.get());
            }
        }
        long poolNanos = System.nanoTime() - t0;

        t0 = System.nanoTime();
        Support.Checksum virtual = new Support.Checksum();
        Pipeline.from(records).map(1000, IoBoundEnrichment::lookup).ordered(true).into(virtual::add);
        long vtNanos = System.nanoTime() - t0;
        Support.report(records.size() + " lookups of 10 ms: fixed pool of 10 platform threads vs 1,000 virtual threads",
                poolNanos, vtNanos, pool.hex(), virtual.hex());
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
