package org.marcloom.spark.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;
import org.marcloom.spark.MarcFunctions;

/// Benchmark (not a test): `format("marc")` against `spark.read.json` over the same records as
/// MARC-in-JSON lines and against the sequential MarcReader, counting rows and extracting 245$a;
/// local[2] against local[1]. Each measurement is repeated, alternating, and reported as median
/// and range. `SparkBench FILE WORKDIR [ROUNDS]`.
public final class SparkBench {

    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Files.createDirectories(work);
        Path ndjson = work.resolve(file.getFileName() + ".ndjson");
        if (!Files.exists(ndjson)) {
            try (MarcReader r = MarcReader.open(file);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(ndjson));
                 MarcWriter w = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).open(out)) {
                for (MarcRecord rec : r) {
                    w.write(rec);
                }
            }
        }
        List<String> names = List.of("sequential MarcReader count", "sequential MarcReader 245$a",
                "marc local[2] count", "marc local[2] 245$a", "json local[2] count", "json local[2] 245$a",
                "marc local[1] count", "marc local[1] 245$a");
        List<List<Double>> times = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            times.add(new ArrayList<>());
        }
        long[] answers = new long[names.size()];
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            answers[0] = time(times, 0, round, () -> count(file, false));
            answers[1] = time(times, 1, round, () -> count(file, true));
            for (String master : List.of("local[2]", "local[1]")) {
                SparkSession spark = SparkSession.builder().master(master).appName("bench")
                        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                        .getOrCreate();
                MarcFunctions.register(spark);
                int base = master.equals("local[2]") ? 2 : 6;
                answers[base] = time(times, base, round, () -> spark.read().format("marc").load(file.toString())
                        .count());
                answers[base + 1] = time(times, base + 1, round, () -> spark.read().format("marc")
                        .load(file.toString()).selectExpr("marc_value(fields, '245$a') AS t")
                        .where("t IS NOT NULL").count());
                if (base == 2) {
                    answers[4] = time(times, 4, round, () -> spark.read().json(ndjson.toString()).count());
                    // The JSON schema is inferred as the user would; 245$a through Spark's own functions.
                    answers[5] = time(times, 5, round, () -> spark.read().json(ndjson.toString())
                            .selectExpr("get(filter(fields, f -> f.`245` IS NOT NULL), 0).`245`.subfields AS s")
                            .selectExpr("get(filter(s, x -> x.a IS NOT NULL), 0).a AS t").where("t IS NOT NULL").count());
                }
                spark.stop();
            }
        }
        System.out.printf(Locale.ROOT, "%n%s (%d bytes), %d rounds, %d cores%n", file, Files.size(file), rounds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %10s %12s%n", "what", "median s", "min s", "max s",
                "rows/answer");
        for (int i = 0; i < names.size(); i++) {
            List<Double> t = new ArrayList<>(times.get(i));
            t.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%-30s %10.2f %10.2f %10.2f %12d%n", names.get(i), t.get(t.size() / 2),
                    t.getFirst(), t.getLast(), answers[i]);
        }
        System.out.printf(Locale.ROOT, "ratios of medians: json/marc count %.2f, json/marc 245$a %.2f,"
                        + " local[1]/local[2] count %.2f, local[1]/local[2] 245$a %.2f,"
                        + " sequential/marc[2] 245$a %.2f%n",
                median(times.get(4)) / median(times.get(2)), median(times.get(5)) / median(times.get(3)),
                median(times.get(6)) / median(times.get(2)), median(times.get(7)) / median(times.get(3)),
                median(times.get(1)) / median(times.get(3)));
    }

    interface Run {
        long run() throws Exception;
    }

    private static long time(List<List<Double>> times, int i, int round, Run r) throws Exception {
        long t0 = System.nanoTime();
        long answer = r.run();
        double s = (System.nanoTime() - t0) / 1e9;
        if (round >= 0) {
            times.get(i).add(s);
        }
        return answer;
    }

    private static double median(List<Double> t) {
        List<Double> s = new ArrayList<>(t);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }

    private static long count(Path file, boolean title) throws Exception {
        long n = 0;
        try (MarcReader r = MarcReader.open(file)) {
            for (MarcRecord rec : r) {
                if (!title || rec.value("245$a").isPresent()) {
                    n++;
                }
            }
        }
        return n;
    }
}
