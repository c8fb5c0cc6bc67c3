package org.marcloom.examples;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.marcloom.record.MarcRecord;

/// Shared helpers for the examples: a checksum over every record's canonical text, timing.
final class Support {

    private Support() {
    }

    /// SHA-256 over the records' `toString()` and diagnostics, in order.
    static final class Checksum {
        private final MessageDigest md;
        long records;

        Checksum() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(MarcRecord r) {
            add(r + "\n" + r.diagnostics() + "\n");
        }

        void add(String s) {
            md.update(s.getBytes(StandardCharsets.UTF_8));
            records++;
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /// A timed action that returns a checksum of what it produced.
    interface Run {
        String run() throws Exception;
    }

    /// Timings of a sequential and a parallel run measured in alternation after a warm-up.
    record Timings(long[] sequential, long[] parallel, String seqSum, String parSum) {

        long seqMedian() {
            return median(sequential);
        }

        long parMedian() {
            return median(parallel);
        }

        long seqBest() {
            return java.util.Arrays.stream(sequential).min().orElseThrow();
        }

        long parBest() {
            return java.util.Arrays.stream(parallel).min().orElseThrow();
        }

        private static long median(long[] values) {
            long[] v = values.clone();
            java.util.Arrays.sort(v);
            return v[v.length / 2];
        }
    }

    /// Runs `warmup` rounds of both (not timed; they let the JIT compile both paths and the heap
    /// settle), then `rounds` timed rounds, sequential and parallel in alternation so that any
    /// drift in the machine's speed hits both alike. Exits 1 as soon as two checksums differ.
    static Timings measure(int warmup, int rounds, Run sequential, Run parallel) throws Exception {
        long[] seq = new long[rounds];
        long[] par = new long[rounds];
        String seqSum = null;
        String parSum = null;
        for (int i = -warmup; i < rounds; i++) {
            long t0 = System.nanoTime();
            String a = sequential.run();
            long t1 = System.nanoTime();
            String b = parallel.run();
            long t2 = System.nanoTime();
            if (!a.equals(b) || (seqSum != null && !seqSum.equals(a))) {
                System.out.println("OUTPUT DIFFERS: sequential " + a + ", parallel " + b);
                System.exit(1);
            }
            seqSum = a;
            parSum = b;
            if (i >= 0) {
                seq[i] = t1 - t0;
                par[i] = t2 - t1;
            }
        }
        return new Timings(seq, par, seqSum, parSum);
    }

    /// Prints median and best of the timed rounds, and the checksums.
    static void report(String what, int warmup, Timings t) {
        System.out.printf("%s: cores=%d, %d warm-up + %d timed rounds%n", what,
                Runtime.getRuntime().availableProcessors(), warmup, t.sequential().length);
        System.out.printf("  median: sequential=%.1f ms parallel=%.1f ms speedup=%.2fx%n",
                ms(t.seqMedian()), ms(t.parMedian()), (double) t.seqMedian() / t.parMedian());
        System.out.printf("  best:   sequential=%.1f ms parallel=%.1f ms speedup=%.2fx%n",
                ms(t.seqBest()), ms(t.parBest()), (double) t.seqBest() / t.parBest());
        System.out.printf("  checksum sequential=%s%n  checksum parallel  =%s%n", t.seqSum(), t.parSum());
        System.out.println("  identical output");
    }

    /// Prints the comparison; exits 1 when the outputs differ.
    static void report(String what, long seqNanos, long parNanos, String seqSum, String parSum) {
        System.out.printf("%s: cores=%d sequential=%.1f ms parallel=%.1f ms speedup=%.2fx%n", what,
                Runtime.getRuntime().availableProcessors(), ms(seqNanos), ms(parNanos), (double) seqNanos / parNanos);
        System.out.printf("  checksum sequential=%s%n  checksum parallel  =%s%n", seqSum, parSum);
        if (!seqSum.equals(parSum)) {
            System.out.println("  OUTPUT DIFFERS");
            System.exit(1);
        }
        System.out.println("  identical output");
    }
}
