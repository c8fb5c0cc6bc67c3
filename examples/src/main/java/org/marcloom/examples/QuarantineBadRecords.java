package org.marcloom.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marcloom.MarcReader;
import org.marcloom.Quarantine;
import org.marcloom.RawRecord;

/// Reads a damaged ISO 2709 file leniently with a quarantine: what the reader could not read as a
/// record (junk between records, bytes after the last one) is not only reported, its bytes go to a
/// quarantine file and one JSON line per region (source, byte offset, length, diagnostics with
/// codes) to a sidecar next to it. Then checks the quarantine's guarantee: every input byte is in
/// a record read or in the quarantine.
///
/// Run from the checkout's top folder (default: `fixtures/iso2709/marc-perl__cameleof.usmarc`,
/// quarantine `target/examples/quarantine.mrc` and `.mrc.jsonl`):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.QuarantineBadRecords [in.mrc [q.mrc]]`
public final class QuarantineBadRecords {

    private QuarantineBadRecords() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "fixtures/iso2709/marc-perl__cameleof.usmarc");
        Path out = Path.of(args.length > 1 ? args[1] : "target/examples/quarantine.mrc");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        long records = 0;
        long recordBytes = 0;
        long regions;
        long quarantined;
        try (Quarantine quarantine = Quarantine.toFiles(out);
             MarcReader reader = MarcReader.builder().lenient(true).quarantine(quarantine).open(in)) {
            RawRecord raw;
            while ((raw = reader.readRaw()) != null) {   // read() would do; raw records show their lengths
                records++;
                recordBytes += raw.length();
            }
            regions = quarantine.entries();
            quarantined = quarantine.bytes();
        }
        System.out.printf("%s: %d records read (%d bytes), %d regions quarantined (%d bytes) to %s%n",
                in, records, recordBytes, regions, quarantined, out);
        for (String line : Files.readAllLines(Path.of(out + ".jsonl"))) {
            System.out.println("  " + line);
        }
        System.out.println("every byte accounted for: " + (recordBytes + quarantined == Files.size(in)));
    }
}
