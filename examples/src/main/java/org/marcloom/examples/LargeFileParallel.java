package org.marcloom.examples;

import java.nio.file.Path;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// One large file on all cores with `MarcReader.builder().concurrency(n)`: the 100,000-record
/// synthetic file (generated into `target/synthetic-100k.mrc` if missing) read with one thread and
/// with n; records arrive in file order either way, so the checksums match.
///
/// Every round computes a SHA-256 over each record's text and diagnostics in both modes, then
/// the rounds are timed without it, so the timing is the readers' own. Warm-up rounds of both
/// modes come first (the JIT compiles the parser in both settings, the heap reaches its working
/// size), then timed rounds in alternation; the median and the best are printed.
///
/// Run from the checkout's top folder (n defaults to the number of processors):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.LargeFileParallel [file.mrc] [n] [rounds]`
public final class LargeFileParallel {

    private LargeFileParallel() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : SyntheticCorpus.ensure(SyntheticCorpus.DEFAULT_OUT, 100_000);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        int warmup = 5;
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();

        // Correctness first: every record, with its diagnostics, in the same order.
        Support.Checksum seq = new Support.Checksum();
        try (MarcReader reader = MarcReader.builder().options(options).open(file)) {
            for (MarcRecord r : reader) {
                seq.add(r);
            }
        }
        Support.Checksum par = new Support.Checksum();
        try (MarcReader reader = MarcReader.builder().options(options).concurrency(concurrency).open(file)) {
            for (MarcRecord r : reader) {
                par.add(r);
            }
        }
        long records = seq.records;
        String seqSum = seq.hex();
        String parSum = par.hex();
        if (!seqSum.equals(parSum) || records != par.records) {
            System.out.println("OUTPUT DIFFERS: " + seqSum + " vs " + parSum);
            System.exit(1);
        }

        // Timed rounds: the consumer only counts records and fields (a cheap summary that still
        // touches every record), so the time measured is the reader's.
        Support.Timings t = Support.measure(warmup, rounds, () -> {
            long n = 0;
            long fields = 0;
            try (MarcReader reader = MarcReader.builder().options(options).open(file)) {
                for (MarcRecord r : reader) {
                    n++;
                    fields += r.fields().size();
                }
            }
            return n + "/" + fields;
        }, () -> {
            long n = 0;
            long fields = 0;
            try (MarcReader reader = MarcReader.builder().options(options).concurrency(concurrency).open(file)) {
                for (MarcRecord r : reader) {
                    n++;
                    fields += r.fields().size();
                }
            }
            return n + "/" + fields;
        });
        Support.report(file.getFileName() + " (" + records + " records, concurrency " + concurrency + ")", warmup,
                new Support.Timings(t.sequential(), t.parallel(), seqSum, parSum));
    }
}
