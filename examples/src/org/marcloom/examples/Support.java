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
