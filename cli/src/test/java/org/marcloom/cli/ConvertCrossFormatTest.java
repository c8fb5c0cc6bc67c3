package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.MarcFormat;
import org.marcloom.testing.CrossFormat;
import org.marcloom.record.MarcRecord;

/// `marcloom convert` in process ([Main#run]) between ISO 2709 and every other format, with
/// several inputs, and `--concurrency 2` against `--concurrency 1`.
class ConvertCrossFormatTest {

    /// Two ISO 2709 inputs: one UTF-8 with CJK, Hebrew and Arabic, one MARC-8 (ASCII only).
    static final List<String> INPUTS =
            List.of("fixtures/iso2709/traject__test_data.utf8.mrc", "fixtures/iso2709/pymarc__test.dat");

    record Run(int status, byte[] out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, new ByteArrayInputStream(new byte[0]), o, e);
        }
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static MarcFormat format(String cliName) {
        return switch (cliName) {
            case "marc" -> MarcFormat.ISO_2709;
            case "marcxml" -> MarcFormat.MARCXML;
            case "json" -> MarcFormat.MARC_JSON;
            case "ndjson" -> MarcFormat.MARC_JSON_LINES;
            case "mrk" -> MarcFormat.MARCMAKER;
            default -> throw new IllegalArgumentException(cliName);
        };
    }

    static List<MarcRecord> source() {
        List<MarcRecord> out = new ArrayList<>();
        INPUTS.forEach(f -> out.addAll(CrossFormat.read(Path.of(f))));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"marcxml", "json", "ndjson", "mrk"})
    void isoToFormatAndBackKeepsEveryRecord(String to, @TempDir Path dir) throws IOException {
        List<MarcRecord> source = source();
        List<String> args = new ArrayList<>(List.of("convert", "--to", to));
        args.addAll(INPUTS);
        Run there = run(args.toArray(String[]::new));
        assertEquals(0, there.status(), there.err());
        assertEquals("", there.err());
        // Every writer but ISO 2709's keeps the leader as it is: the records come back exactly.
        assertEquals(source, CrossFormat.read(there.out(), format(to)));

        Path converted = dir.resolve("converted." + to);
        Files.write(converted, there.out());
        Path back = dir.resolve("back.mrc");
        Run home = run("convert", "--from", to, "--to", "marc", "-o", back.toString(), converted.toString());
        assertEquals(0, home.status(), home.err());
        byte[] iso = Files.readAllBytes(back);
        List<MarcRecord> again = CrossFormat.read(iso, MarcFormat.ISO_2709);
        List<Integer> lengths = CrossFormat.isoLengths(iso);
        assertEquals(source.size(), again.size());
        for (int i = 0; i < source.size(); i++) {
            CrossFormat.assertIsoTrip(source.get(i), again.get(i), lengths.get(i), to + " record " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"marcxml", "json", "ndjson", "mrk"})
    void severalInputsOfOneFormatBecomeOneOutput(String format, @TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("convert", "--from", format, "--to", "marc"));
        List<MarcRecord> expected = new ArrayList<>();
        for (String input : INPUTS) {
            List<MarcRecord> records = CrossFormat.read(Path.of(input));
            expected.addAll(records);
            Path file = dir.resolve(Path.of(input).getFileName() + "." + format);
            Files.write(file, CrossFormat.write(records, format(format)));
            args.add(file.toString());
        }
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        List<MarcRecord> back = CrossFormat.read(r.out(), MarcFormat.ISO_2709);
        List<Integer> lengths = CrossFormat.isoLengths(r.out());
        assertEquals(expected.size(), back.size());
        for (int i = 0; i < expected.size(); i++) {
            CrossFormat.assertIsoTrip(expected.get(i), back.get(i), lengths.get(i), "record " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"marc", "marcxml", "json", "ndjson", "mrk"})
    void twoThreadsWriteTheSameBytesAsOne(String to) {
        List<String> args = new ArrayList<>(List.of("convert", "--to", to));
        args.addAll(INPUTS);
        args.add("fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc");
        Run one = run(concat(args, "--concurrency", "1"));
        Run two = run(concat(args, "--concurrency", "2"));
        assertEquals(0, one.status(), one.err());
        assertEquals(0, two.status(), two.err());
        assertArrayEquals(one.out(), two.out(), to);
        assertEquals(30 + 10 + 383, CrossFormat.read(two.out(), format(to)).size());
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
