package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.Quarantine;
import org.marcloom.record.MarcRecord;

/// The quarantine and verify-on-write examples of the `Quarantine` and `MarcWriter` Javadoc and
/// of docs/reliability.md.
class QuarantineSnippets {

    static final Path CAMEL_EOF = Path.of("fixtures/iso2709/marc-perl__cameleof.usmarc");

    @TempDir
    Path tmp;

    // @start region="quarantine"
    static long readKeepingTheRest(Path input, Path quarantineFile, Consumer<MarcRecord> sink) throws IOException {
        try (Quarantine quarantine = Quarantine.toFiles(quarantineFile);   // + quarantineFile.jsonl
             MarcReader reader = MarcReader.builder().lenient(true).quarantine(quarantine).open(input)) {
            reader.forEach(sink);
            return quarantine.entries();        // regions skipped: their bytes and one JSON line each
        }
    }
    // @end

    @Test
    void quarantine() throws IOException {
        Path q = tmp.resolve("q.mrc");
        long[] records = {0};
        assertEquals(3, readKeepingTheRest(CAMEL_EOF, q, r -> records[0]++));
        assertEquals(3, Files.size(q));             // three stray bytes between records
        assertEquals(3, Files.readAllLines(tmp.resolve("q.mrc.jsonl")).size());
        assertEquals(10, records[0]);
    }

    // @start region="verify"
    static void writeVerified(List<MarcRecord> records, Path out) throws IOException {
        try (MarcWriter writer = MarcWriter.builder().verify(true).open(out)) {
            records.forEach(writer::write);     // each record is read back before it is written
        }
    }
    // @end

    @Test
    void verify() throws IOException {
        List<MarcRecord> records;
        try (MarcReader reader = MarcReader.open(Path.of("fixtures/iso2709/marc4j__chabon.mrc"))) {
            records = reader.stream().toList();
        }
        Path out = tmp.resolve("out.mrc");
        writeVerified(records, out);
        try (MarcReader reader = MarcReader.open(out)) {
            assertEquals(records.size(), reader.stream().count());
        }
    }
}
