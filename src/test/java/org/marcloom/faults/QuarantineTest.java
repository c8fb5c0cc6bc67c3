package org.marcloom.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.Quarantine;
import org.marcloom.RawRecord;

/// The quarantine's invariant: a lenient read of a damaged ISO 2709 file puts every byte either
/// into a record read (its raw bytes, at its offset) or into the quarantine, contiguously, and the
/// quarantine is byte for byte the same at concurrency 1, 2 and 4.
class QuarantineTest {

    @TempDir
    Path dir;

    /// One quarantined region, from the sidecar.
    record Entry(String source, long offset, int length, long at, List<String> codes) {
    }

    static List<Entry> entries(Path jsonl) throws IOException {
        List<Entry> out = new ArrayList<>();
        JsonFactory f = new JsonFactory();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            try (JsonParser p = f.createParser(line)) {
                String source = null;
                long offset = -1;
                int length = -1;
                long at = -1;
                List<String> codes = new ArrayList<>();
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "source" -> source = p.getValueAsString();
                        case "offset" -> offset = p.getLongValue();
                        case "length" -> length = p.getIntValue();
                        case "at" -> at = p.getLongValue();
                        case "diagnostics" -> {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    String k = p.currentName();
                                    p.nextToken();
                                    if (k.equals("code")) {
                                        codes.add(p.getValueAsString());
                                    }
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                out.add(new Entry(source, offset, length, at, codes));
            }
        }
        return out;
    }

    /// Reads `file` raw with a quarantine and checks that records and regions tile the file.
    /// Returns the quarantine's entries.
    static List<Entry> checkTiles(Path file, Path q) throws IOException {
        byte[] input = Files.readAllBytes(file);
        List<RawRecord> records = new ArrayList<>();
        try (Quarantine quarantine = Quarantine.toFiles(q);
             MarcReader reader = MarcReader.builder().lenient(true).quarantine(quarantine).sourceName("in")
                     .open(file)) {
            RawRecord r;
            while ((r = reader.readRaw()) != null) {
                records.add(r);
            }
        }
        List<Entry> entries = entries(Path.of(q + ".jsonl"));
        byte[] data = Files.readAllBytes(q);
        long recordBytes = records.stream().mapToLong(RawRecord::length).sum();
        long quarantined = entries.stream().mapToLong(Entry::length).sum();
        assertEquals(input.length, recordBytes + quarantined, file + ": records " + recordBytes + " + quarantined "
                + quarantined);
        assertEquals(quarantined, data.length);
        // contiguous: walk the file, each byte from a record or a region, in order
        long pos = 0;
        int ri = 0;
        int qi = 0;
        long at = 0;
        while (pos < input.length) {
            if (ri < records.size() && records.get(ri).offset() == pos) {
                RawRecord r = records.get(ri++);
                assertArrayEquals(Arrays.copyOfRange(input, (int) pos, (int) pos + r.length()), r.bytes());
                pos += r.length();
            } else if (qi < entries.size() && entries.get(qi).offset() == pos) {
                Entry e = entries.get(qi++);
                assertEquals("in", e.source());
                assertEquals(at, e.at());
                assertArrayEquals(Arrays.copyOfRange(input, (int) pos, (int) pos + e.length()),
                        Arrays.copyOfRange(data, (int) at, (int) at + e.length()));
                assertEquals(1, e.codes().size());
                assertTrue(e.codes().get(0).equals("JUNK_SKIPPED") || e.codes().get(0).equals("TRAILING_BYTES"),
                        e.toString());
                pos += e.length();
                at += e.length();
            } else {
                throw new AssertionError(file + ": byte " + pos + " is in no record and no quarantined region");
            }
        }
        assertEquals(records.size(), ri);
        assertEquals(entries.size(), qi);
        return entries;
    }

    static Stream<Path> fixtures() throws IOException {
        List<Path> readable = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("fixtures/iso2709"))) {
            for (Path f : files.sorted().toList()) {
                try (MarcReader r = MarcReader.builder().lenient(true).open(f)) {
                    while (r.readRaw() != null) {
                        // a lenient read that still fails (a limit) has nothing to tile
                    }
                    readable.add(f);
                } catch (RuntimeException e) {
                    // not readable to the end leniently
                }
            }
        }
        return readable.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyByteOfAFixtureIsInARecordOrInTheQuarantine(Path file) throws IOException {
        checkTiles(file, dir.resolve("q.mrc"));
    }

    @Test
    void aFixtureWithBytesBetweenItsRecordsQuarantinesEachOfThem() throws IOException {
        List<Entry> cameleof = checkTiles(Path.of("fixtures/iso2709/marc-perl__cameleof.usmarc"),
                dir.resolve("a.mrc"));
        assertEquals(List.of(new Entry("in", 755, 1, 0, List.of("JUNK_SKIPPED")),
                new Entry("in", 2587, 1, 1, List.of("JUNK_SKIPPED")),
                new Entry("in", 4633, 1, 2, List.of("JUNK_SKIPPED"))), cameleof);
    }

    /// Valid records with junk between them (letters, digits, a fake leader, newlines) and a
    /// truncated tail.
    static byte[] damaged(long seed) {
        byte[] valid = Corpus.bytes(MarcFormat.ISO_2709);
        List<Integer> starts = new ArrayList<>();
        for (int p = 0; p < valid.length; ) {
            starts.add(p);
            p += Integer.parseInt(new String(valid, p, 5, StandardCharsets.US_ASCII));
        }
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            int from = starts.get(i);
            int to = starts.get(i + 1);
            out.write(valid, from, to - from);
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes("garbage!".getBytes(StandardCharsets.US_ASCII));
                case 1 -> out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                case 2 -> out.writeBytes("12345".getBytes(StandardCharsets.US_ASCII));
                case 3 -> {
                    byte[] junk = new byte[1 + random.nextInt(300)];
                    random.nextBytes(junk);
                    junk[0] = 'x';
                    out.writeBytes(junk);
                }
                default -> {
                }
            }
        }
        out.write(valid, starts.get(200), 100); // a truncated last record
        out.writeBytes("\n#junk at the end".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void generatedJunkIsQuarantinedTheSameAtEveryConcurrency() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            Path file = Files.write(dir.resolve("damaged-" + seed + ".mrc"), damaged(seed));
            List<Entry> entries = checkTiles(file, dir.resolve("raw-" + seed + ".mrc"));
            assertTrue(entries.size() > 20, "seed " + seed + ": " + entries.size() + " regions");
            byte[] data = Files.readAllBytes(dir.resolve("raw-" + seed + ".mrc"));
            byte[] index = Files.readAllBytes(dir.resolve("raw-" + seed + ".mrc.jsonl"));
            long sequentialRecords;
            try (MarcReader r = MarcReader.builder().lenient(true).open(file)) {
                sequentialRecords = r.stream().count();
            }
            for (int n : new int[] {1, 2, 4}) {
                Path q = dir.resolve("q-" + seed + "-" + n + ".mrc");
                long records;
                try (Quarantine quarantine = Quarantine.toFiles(q);
                     MarcReader reader = MarcReader.builder().lenient(true).concurrency(n).quarantine(quarantine)
                             .sourceName("in").open(file)) {
                    records = reader.stream().count();
                    assertEquals(entries.size(), quarantine.entries());
                    assertEquals(data.length, quarantine.bytes());
                }
                assertEquals(sequentialRecords, records, "concurrency " + n);
                assertArrayEquals(data, Files.readAllBytes(q), "concurrency " + n);
                assertArrayEquals(index, Files.readAllBytes(Path.of(q + ".jsonl")), "concurrency " + n);
            }
        }
    }
}
