package org.marcloom.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.batch.FileResult;
import org.marcloom.batch.MarcBatch;
import org.marcloom.record.MarcRecord;

/// Many files at once with [MarcBatch]: 2, 4 and 8 copies of a fixture read one after another,
/// then concurrently (one virtual thread per file); checksums must match.
///
/// Run: `mvn -q -DskipTests package && java -cp target/marcloom-cli.jar:target/test-classes org.marcloom.examples.BatchOfFiles [file.mrc]`
public final class BatchOfFiles {

    private BatchOfFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc");
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        for (int round = 0; round < 6; round++) { // the first rounds warm up the JIT; the last is reported
            for (int copies : new int[] {2, 4, 8}) {
                List<Path> files = new ArrayList<>(Collections.nCopies(copies, file));
                long t0 = System.nanoTime();
                StringBuilder seq = new StringBuilder();
                for (Path f : files) {
                    try (MarcReader reader = MarcReader.builder().options(options).open(f)) {
                        seq.append(checksum(reader)).append(';');
                    }
                }
                long seqNanos = System.nanoTime() - t0;
                t0 = System.nanoTime();
                List<FileResult<String>> results = MarcBatch.forEachFile(files, options, (f, reader) -> checksum(reader));
                long parNanos = System.nanoTime() - t0;
                StringBuilder par = new StringBuilder();
                for (FileResult<String> r : results) {
                    par.append(r.result()).append(';');
                }
                if (round == 5) {
                    Support.report(copies + " files", seqNanos, parNanos, sha(seq), sha(par));
                } else if (!seq.toString().contentEquals(par)) {
                    System.exit(1);
                }
            }
        }
    }

    static String checksum(Iterable<MarcRecord> records) {
        Support.Checksum c = new Support.Checksum();
        for (MarcRecord r : records) {
            c.add(r);
        }
        return c.hex();
    }

    private static String sha(CharSequence s) {
        Support.Checksum c = new Support.Checksum();
        c.add(s.toString());
        return c.hex();
    }
}
