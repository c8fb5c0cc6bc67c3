package org.marcloom.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// The parallel engine in one JVM, after warm-up: reading (decoding) and converting (decoding
/// and encoding) one file with one thread against two, and virtual against platform worker
/// threads. Prints a markdown table of medians, the spread (min to max) and the ratios.
///
/// ```
/// java -cp <test classpath> org.marcloom.bench.ConcurrencyBench real-100k.mrc [rounds=9] [warmup=3] [threads=2]
/// ```
///
/// Rows (each over the whole file, output discarded by a counting stream):
/// - **read**: every record decoded (`MarcReader`), concurrency 1, n virtual, n platform;
/// - **convert to F**: every record decoded and written as F (`MarcWriter`), both with concurrency
///   1, both with n on virtual threads, both with n on platform threads.
///
/// The variants of a row are run in alternation, round after round (A B C A B C ...), so that
/// what disturbs the machine meanwhile falls on all of them.
public final class ConcurrencyBench {

    private ConcurrencyBench() {
    }

    private static long sink;

    /// One way to run the job: the reader's and the writer's concurrency and thread factory.
    record Variant(String name, int concurrency, ThreadFactory threads) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Variant> variants = List.of(
                new Variant("1 thread", 1, null),
                new Variant(n + " virtual", n, Thread.ofVirtual().name("bench-v-", 0).factory()),
                new Variant(n + " platform", n, Thread.ofPlatform().daemon().name("bench-p-", 0).factory()));
        System.out.printf(Locale.ROOT, "%s, %d rounds after %d warm-up rounds, %d cores, %s%n%n", file, rounds, warmup,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| job | " + String.join(" | ", variants.stream().map(v -> v.name() + " (ms)").toList())
                + " | " + n + " virtual vs 1 | " + n + " platform vs 1 |");
        System.out.println("|---|" + "---|".repeat(variants.size() + 2));
        Map<String, MarcFormat> jobs = new LinkedHashMap<>();
        jobs.put("read", null);
        for (MarcFormat f : MarcFormat.values()) {
            jobs.put("convert to " + f, f);
        }
        for (Map.Entry<String, MarcFormat> job : jobs.entrySet()) {
            double[][] times = new double[variants.size()][rounds];
            for (int r = -warmup; r < rounds; r++) {
                for (int v = 0; v < variants.size(); v++) {
                    long t0 = System.nanoTime();
                    run(file, job.getValue(), variants.get(v));
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r >= 0) {
                        times[v][r] = ms;
                    }
                }
            }
            StringBuilder row = new StringBuilder("| " + job.getKey() + " | ");
            double[] medians = new double[variants.size()];
            for (int v = 0; v < variants.size(); v++) {
                double[] t = times[v].clone();
                Arrays.sort(t);
                medians[v] = t[t.length / 2];
                row.append(String.format(Locale.ROOT, "%.0f (%.0f-%.0f) | ", medians[v], t[0], t[t.length - 1]));
            }
            row.append(String.format(Locale.ROOT, "%.2fx | %.2fx |", medians[0] / medians[1], medians[0] / medians[2]));
            System.out.println(row);
        }
        System.out.println();
        System.out.println("(sink " + sink + ")");
    }

    private static void run(Path file, MarcFormat to, Variant v) throws IOException {
        MarcReader.Builder rb = MarcReader.builder().concurrency(v.concurrency());
        if (v.threads() != null) {
            rb.threadFactory(v.threads());
        }
        try (MarcReader reader = rb.open(file)) {
            if (to == null) {
                long n = 0;
                for (MarcRecord r : reader) {
                    n += r.fields().size();
                }
                sink += n;
                return;
            }
            FormatBench.Counting out = new FormatBench.Counting();
            MarcWriter.Builder wb = MarcWriter.builder().format(to).concurrency(v.concurrency());
            if (v.threads() != null) {
                wb.threadFactory(v.threads());
            }
            try (MarcWriter writer = wb.open(out)) {
                for (MarcRecord r : reader) {
                    writer.write(r);
                }
            }
            sink += out.count;
        }
    }
}
