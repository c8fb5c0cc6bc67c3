package org.marcloom.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.FileResult;
import org.marcloom.batch.MarcBatch;
import org.marcloom.record.MarcRecord;

/// Many files at once with [MarcBatch]: 2, 4 and 8 files of 20,000 records each (generated
/// deterministically into `target/batch-of-files/` if missing, each with its own record numbers)
/// read one after another, then all at once with `MarcBatch.builder().concurrency(files)` (one
/// virtual thread per file); the per-file checksums must match. Warm-up rounds first, then timed
/// rounds in alternation (median, best).
///
/// Run from the checkout's top folder:
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.BatchOfFiles [dir] [records per file] [rounds]`
public final class BatchOfFiles {

    private BatchOfFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Path.of("target/batch-of-files");
        int perFile = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int warmup = 2;
        List<Path> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path f = dir.resolve("part-" + i + "-" + perFile + ".mrc");
            if (!Files.exists(f)) {
                SyntheticCorpus.write(SyntheticCorpus.DEFAULT_SOURCE, f, perFile, i * perFile);
            }
            all.add(f);
        }
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        for (int copies : new int[] {2, 4, 8}) {
            List<Path> files = all.subList(0, copies);
            Support.Timings t = Support.measure(warmup, rounds, () -> {
                StringBuilder sums = new StringBuilder();
                for (Path f : files) {
                    try (MarcReader reader = MarcReader.builder().options(options).open(f)) {
                        sums.append(checksum(reader)).append(';');
                    }
                }
                return sha(sums);
            }, () -> {
                List<FileResult<String>> results = MarcBatch.builder().options(options).concurrency(files.size())
                        .run(files, (f, reader) -> checksum(reader));
                StringBuilder sums = new StringBuilder();
                for (FileResult<String> r : results) {
                    sums.append(r.result()).append(';');
                }
                return sha(sums);
            });
            Support.report(copies + " files of " + perFile + " records", warmup, t);
        }
    }

    /// SHA-256 over every record's text and diagnostics, in order.
    static String checksum(Iterable<MarcRecord> records) {
        Support.Checksum c = new Support.Checksum();
        for (MarcRecord r : records) {
            c.add(r);
        }
        return c.records + ":" + c.hex();
    }

    private static String sha(CharSequence s) {
        Support.Checksum c = new Support.Checksum();
        c.add(s.toString());
        return c.hex();
    }
}
