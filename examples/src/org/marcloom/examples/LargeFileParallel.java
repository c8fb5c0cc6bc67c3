package org.marcloom.examples;

import java.nio.file.Path;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.ParallelMarcReader;
import org.marcloom.record.MarcRecord;

/// One large file on all cores with [ParallelMarcReader]: the 100,000-record synthetic file
/// (generated into `target/synthetic-100k.mrc` if missing) read sequentially, then with one
/// framer and N decoders; records arrive in file order, so the checksums match.
///
/// Run: `mvn -q -DskipTests package && java -cp target/marcloom-cli.jar:target/test-classes org.marcloom.examples.LargeFileParallel [file.mrc] [decoders]`
public final class LargeFileParallel {

    private LargeFileParallel() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : SyntheticCorpus.ensure(SyntheticCorpus.DEFAULT_OUT, 100_000);
        int decoders = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        // Timed runs decode only (the consumer just counts fields), so the measurement is the
        // reader's; the checksum pass below verifies every record.
        long seqNanos = Long.MAX_VALUE;
        long parNanos = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long a = 0;
            try (MarcReader reader = MarcReader.builder().options(options).open(file)) {
                for (MarcRecord r : reader) {
                    a += r.fields().size();
                }
            }
            seqNanos = Math.min(seqNanos, System.nanoTime() - t0);
            t0 = System.nanoTime();
            long b = 0;
            try (ParallelMarcReader reader = ParallelMarcReader.builder().options(options).decoders(decoders).open(file)) {
                for (MarcRecord r : reader) {
                    b += r.fields().size();
                }
            }
            parNanos = Math.min(parNanos, System.nanoTime() - t0);
            if (a != b) {
                System.out.println("field counts differ: " + a + " vs " + b);
                System.exit(1);
            }
        }
        Support.Checksum seq = new Support.Checksum();
        try (MarcReader reader = MarcReader.builder().options(options).open(file)) {
            for (MarcRecord r : reader) {
                seq.add(r);
            }
        }
        Support.Checksum par = new Support.Checksum();
        try (ParallelMarcReader reader = ParallelMarcReader.builder().options(options).decoders(decoders).open(file)) {
            for (MarcRecord r : reader) {
                par.add(r);
            }
        }
        Support.report(file.getFileName() + " (" + seq.records + " records, " + decoders + " decoders, best of 5)",
                seqNanos, parNanos, seq.hex(), par.hex());
    }
}
