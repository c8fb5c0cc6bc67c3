package org.marcloom.examples;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcReader;
import org.marcloom.RawRecord;

/// Writes a deterministic synthetic ISO 2709 file of N records by cycling the records of a real
/// fixture and giving each copy a new 001 (same length, so the byte-exact lengths stay valid;
/// written by hand from the raw bytes).
///
/// Run from the checkout's top folder:
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.SyntheticCorpus [out.mrc] [N]`
public final class SyntheticCorpus {

    static final Path DEFAULT_SOURCE = Path.of("fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc");
    static final Path DEFAULT_OUT = Path.of("target/synthetic-100k.mrc");

    private SyntheticCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUT;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        write(DEFAULT_SOURCE, out, n);
        System.out.println("wrote " + n + " records to " + out + " (" + Files.size(out) + " bytes)");
    }

    /// Returns `out`, generating it first if missing.
    static Path ensure(Path out, int n) throws IOException {
        if (!Files.exists(out)) {
            write(DEFAULT_SOURCE, out, n);
        }
        return out;
    }

    static void write(Path source, Path out, int n) throws IOException {
        write(source, out, n, 0);
    }

    /// Writes records numbered `first` to `first + n - 1` (record i is a copy of source record
    /// `i % size` with 001 `syn<i>`), so files written with different `first` differ.
    static void write(Path source, Path out, int n, int first) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (MarcReader reader = MarcReader.open(source)) {
            for (RawRecord r = reader.readRaw(); r != null; r = reader.readRaw()) {
                records.add(r.bytes());
            }
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            for (int i = first; i < first + n; i++) {
                byte[] rec = records.get(i % records.size()).clone();
                renumber(rec, i);
                os.write(rec);
            }
        }
    }

    /// Overwrites the 001's data with the record number, padded to the field's own length.
    private static void renumber(byte[] rec, int i) {
        int base = Integer.parseInt(new String(rec, 12, 5, StandardCharsets.US_ASCII));
        for (int p = 24; p + 12 <= base - 1; p += 12) {
            if (rec[p] == '0' && rec[p + 1] == '0' && rec[p + 2] == '1') {
                int len = Integer.parseInt(new String(rec, p + 3, 4, StandardCharsets.US_ASCII)) - 1;
                int start = base + Integer.parseInt(new String(rec, p + 7, 5, StandardCharsets.US_ASCII));
                String id = "syn" + i;
                byte[] data = (id.length() >= len ? id.substring(id.length() - len)
                        : "0".repeat(len - id.length()) + id).getBytes(StandardCharsets.US_ASCII);
                if (len > 0 && start + len <= rec.length) {
                    System.arraycopy(data, 0, rec, start, len);
                }
                return;
            }
        }
    }
}
