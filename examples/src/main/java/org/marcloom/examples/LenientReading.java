package org.marcloom.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// Reads a damaged file leniently and reports every problem the reader found: each record's
/// diagnostics with their location (record index, byte offset, tag), what was wrong and what the
/// reader did about it; then the diagnostics that belong to no record (bytes after the last
/// record), and a count per error code.
///
/// A strict reader (the default) would stop at the first of these with a `MarcParseException`.
/// A lenient one repairs what it can, keeps every record, and says what it did: nothing is
/// dropped silently.
///
/// Run from the checkout's top folder (default: `fixtures/iso2709/pymarc__bad_records.mrc`):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.LenientReading [file.mrc]`
public final class LenientReading {

    private LenientReading() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "fixtures/iso2709/pymarc__bad_records.mrc");
        Map<ErrorCode, Integer> perCode = new EnumMap<>(ErrorCode.class);
        long records = 0;
        long damaged = 0;
        try (MarcReader reader = MarcReader.builder().lenient(true).open(file)) {
            for (MarcRecord record : reader) {
                records++;
                if (record.diagnostics().isEmpty()) {
                    continue;
                }
                damaged++;
                System.out.println("record " + (records - 1) + " (001 " + record.controlNumber().orElse("missing")
                        + ", " + record.fields().size() + " fields kept):");
                print(record.diagnostics(), perCode);
            }
            // Complete once the records are read: bytes after the last record, for example.
            List<Diagnostic> trailing = reader.trailingDiagnostics();
            if (!trailing.isEmpty()) {
                System.out.println("after the last record:");
                print(trailing, perCode);
            }
            System.out.printf("%s: %d records, %d with problems, %d trailing diagnostics%n",
                    file, records, damaged, trailing.size());
        }
        System.out.println("diagnostics per code:");
        perCode.forEach((code, count) -> System.out.printf("  %-24s %d%n", code, count));
    }

    private static void print(List<Diagnostic> diagnostics, Map<ErrorCode, Integer> perCode) {
        for (Diagnostic d : diagnostics) {
            perCode.merge(d.code(), 1, Integer::sum);
            System.out.println("  " + d.severity() + " " + d.code() + " at " + d.location());
            System.out.println("    problem: " + d.problem());
            if (!d.repair().isEmpty()) {
                System.out.println("    repair:  " + d.repair());
            }
        }
    }
}
