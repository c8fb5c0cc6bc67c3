package org.marcloom.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// The cost of verify on write: writes the same records to a discarding stream with and without
/// `verify(true)`, per format, on one thread; prints the median rate of `runs` timed runs (after
/// `warmup` untimed ones), the spread (min-max) and the ratio verify / plain.
///
/// ```
/// java -cp <test classpath> org.marcloom.bench.VerifyBench [file.mrc] [copies=20] [runs=7] [warmup=3]
/// ```
public final class VerifyBench {

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "fixtures/iso2709/evergreen__jazz_1k.mrc");
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<MarcRecord> one = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(true).open(file)) {
            r.forEach(one::add);
        }
        List<MarcRecord> records = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            records.addAll(one);
        }
        System.out.println("| format | plain rec/s (min-max) | verify rec/s (min-max) | verify / plain |");
        System.out.println("|---|---|---|---|");
        for (MarcFormat format : new MarcFormat[] {MarcFormat.ISO_2709, MarcFormat.MARCXML,
                MarcFormat.MARC_JSON_LINES}) {
            double[] plain = rates(format, false, records, runs, warmup);
            double[] verify = rates(format, true, records, runs, warmup);
            System.out.printf("| %s | %,.0f (%,.0f-%,.0f) | %,.0f (%,.0f-%,.0f) | %.2f |%n", format,
                    plain[runs / 2], plain[0], plain[runs - 1], verify[runs / 2], verify[0], verify[runs - 1],
                    verify[runs / 2] / plain[runs / 2]);
        }
    }

    private static double[] rates(MarcFormat format, boolean verify, List<MarcRecord> records, int runs, int warmup)
            throws Exception {
        double[] rates = new double[runs];
        for (int i = -warmup; i < runs; i++) {
            long t0 = System.nanoTime();
            try (MarcWriter w = MarcWriter.builder().format(format).verify(verify)
                    .open(OutputStream.nullOutputStream())) {
                records.forEach(w::write);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (i >= 0) {
                rates[i] = records.size() / seconds;
            }
        }
        Arrays.sort(rates);
        return rates;
    }
}
