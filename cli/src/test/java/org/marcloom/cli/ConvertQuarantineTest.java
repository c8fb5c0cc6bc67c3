package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.MarcReader;
import org.marcloom.RawRecord;

/// `convert --quarantine FILE`: every byte of a damaged ISO 2709 input is in a record converted or
/// in the quarantine (FILE holds the bytes, FILE.jsonl a line per region with its offset and
/// length), at concurrency 1 and 2 alike; the same for the malformed lines of MARC-in-JSON.
class ConvertQuarantineTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(strings = {"1", "2"})
    void everyInputByteIsInARecordConvertedOrInTheQuarantine(String concurrency) throws IOException {
        byte[] valid = Files.readAllBytes(Path.of("fixtures/iso2709/marc4j__chabon.mrc"));
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();
        damaged.writeBytes("junk before\n".getBytes(StandardCharsets.US_ASCII));
        damaged.writeBytes(valid);
        damaged.writeBytes("**between**".getBytes(StandardCharsets.US_ASCII));
        damaged.writeBytes(valid);
        damaged.writeBytes("\n#trailing".getBytes(StandardCharsets.US_ASCII));
        byte[] input = damaged.toByteArray();
        Path in = Files.write(dir.resolve("in.mrc"), input);
        Path q = dir.resolve("q.mrc");
        Path out = dir.resolve("out.xml");
        CliRun r = CliRun.run("convert", "--lenient", "--from", "marc", "--to", "marcxml", "--concurrency", concurrency,
                "--quarantine", q.toString(), "-o", out.toString(), in.toString());
        assertEquals(0, r.status(), r.stderr());

        List<RawRecord> records = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().lenient(true).open(in)) {
            RawRecord raw;
            while ((raw = reader.readRaw()) != null) {
                records.add(raw);
            }
        }
        try (MarcReader converted = MarcReader.builder().detectFormat().open(out)) {
            assertEquals(records.size(), converted.stream().count());
        }
        List<String> lines = Files.readAllLines(Path.of(q + ".jsonl"));
        byte[] data = Files.readAllBytes(q);
        long recordBytes = records.stream().mapToLong(RawRecord::length).sum();
        assertEquals(input.length, recordBytes + data.length);
        // the regions and the records tile the input, in order
        List<long[]> spans = new ArrayList<>();
        records.forEach(x -> spans.add(new long[] {x.offset(), x.length(), -1}));
        for (String line : lines) {
            spans.add(new long[] {field(line, "offset"), field(line, "length"), field(line, "at")});
        }
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        long pos = 0;
        for (long[] s : spans) {
            assertEquals(pos, s[0]);
            if (s[2] >= 0) {
                assertArrayEquals(Arrays.copyOfRange(input, (int) s[0], (int) (s[0] + s[1])),
                        Arrays.copyOfRange(data, (int) s[2], (int) (s[2] + s[1])));
            }
            pos += s[1];
        }
        assertEquals(input.length, pos);
        assertEquals(List.of(0L, 12L + valid.length, 23L + 2L * valid.length),
                lines.stream().map(l -> field(l, "offset")).toList());
        assertEquals(List.of(12L, 11L, 10L), lines.stream().map(l -> field(l, "length")).toList());
    }

    /// MARC-in-JSON lines: a malformed line and an object that is no record go to the quarantine,
    /// whole and in order; every good record is converted.
    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(strings = {"1", "2"})
    void theMalformedLinesOfMarcInJsonGoToTheQuarantine(String concurrency) throws IOException {
        String good = "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"r\"}]}\n";
        String broken = "{\"leader\": \"00000nam a2200000 a 4500\", \"fields\": [oops]}\n";
        String noRecord = "{\"note\": \"no record\"}";
        String text = good + broken + good + noRecord + "\n" + good;
        Path in = Files.writeString(dir.resolve("in.ndjson"), text);
        Path q = dir.resolve("q.ndjson");
        Path out = dir.resolve("out.mrc");
        CliRun r = CliRun.run("convert", "--lenient", "--from", "ndjson", "--to", "marc", "--concurrency", concurrency,
                "--quarantine", q.toString(), "-o", out.toString(), in.toString());
        assertEquals(0, r.status(), r.stderr());
        try (MarcReader converted = MarcReader.builder().open(out)) {
            assertEquals(3, converted.stream().count());
        }
        assertEquals(broken + noRecord, Files.readString(q));
        List<String> lines = Files.readAllLines(Path.of(q + ".jsonl"));
        assertEquals(List.of((long) good.length(), 2L * good.length() + broken.length()),
                lines.stream().map(l -> field(l, "offset")).toList());
        assertEquals(List.of((long) broken.length(), (long) noRecord.length()),
                lines.stream().map(l -> field(l, "length")).toList());
        assertEquals(List.of(0L, (long) broken.length()), lines.stream().map(l -> field(l, "at")).toList());
    }

    private static long field(String line, String name) {
        return Long.parseLong(line.replaceAll(".*\"" + name + "\":(\\d+).*", "$1"));
    }
}
