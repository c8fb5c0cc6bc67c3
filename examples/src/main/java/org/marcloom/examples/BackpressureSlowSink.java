package org.marcloom.examples;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.Pipeline;
import org.marcloom.record.MarcRecord;

/// Producer-consumer with a slow sink: a reader with `concurrency(2)` feeding a stream stage made
/// by `Pipeline.builder().concurrency(64).gatherer(fn)`, then a sink that takes 50 µs per record.
/// The reader's window (4 batches of at most 1,024 records) and the pipeline's (64 in flight) keep
/// memory bounded: the framer waits for the sink instead of filling the heap. Prints the most
/// elements in flight seen and the heap used, and checks the output against a sequential run.
///
/// Run from the checkout's top folder (default: the first 20,000 records of the synthetic file,
/// generated into `target/synthetic-100k.mrc` if missing):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.BackpressureSlowSink [file.mrc]`
public final class BackpressureSlowSink {

    private BackpressureSlowSink() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : SyntheticCorpus.ensure(SyntheticCorpus.DEFAULT_OUT, 100_000);
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        int limit = 20_000;
        long t0 = System.nanoTime();
        Support.Checksum seq = new Support.Checksum();
        try (MarcReader reader = MarcReader.builder().options(options).open(file)) {
            for (MarcRecord r : reader) {
                if (seq.records == limit) {
                    break;
                }
                LockSupport.parkNanos(50_000);
                seq.add(r);
            }
        }
        long seqNanos = System.nanoTime() - t0;

        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        long[] maxHeap = {0};
        Runtime rt = Runtime.getRuntime();
        t0 = System.nanoTime();
        Support.Checksum par = new Support.Checksum();
        try (MarcReader reader = MarcReader.builder().options(options).concurrency(2).open(file);
             Stream<MarcRecord> records = reader.stream()) {
            records.limit(limit)
                    .gather(Pipeline.builder().concurrency(64).gatherer((MarcRecord r) -> {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        return r;
                    }))
                    .forEachOrdered(r -> {
                        inFlight.decrementAndGet();
                        LockSupport.parkNanos(50_000); // the slow sink
                        par.add(r);
                        if (par.records % 1000 == 0) {
                            maxHeap[0] = Math.max(maxHeap[0], rt.totalMemory() - rt.freeMemory());
                        }
                    });
        }
        long parNanos = System.nanoTime() - t0;
        System.out.printf("max mapped-not-yet-sunk=%d (cap 64 + reader window of 4 x 1024 records), max heap used=%.1f MiB of %.1f MiB max%n",
                maxInFlight.get(), maxHeap[0] / 1048576.0, rt.maxMemory() / 1048576.0);
        Support.report(limit + " records into a 50 µs/record sink", seqNanos, parNanos, seq.hex(), par.hex());
    }
}
