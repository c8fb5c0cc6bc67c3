package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// `marcloom convert` end to end, through the real writers.
class ConvertTest {

    static List<MarcRecord> read(byte[] bytes, boolean lenient) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(lenient).open(new ByteArrayInputStream(bytes))) {
            r.forEach(out::add);
        }
        return out;
    }

    static List<MarcRecord> read(String file) throws IOException {
        return read(Files.readAllBytes(Path.of(file)), false);
    }

    /// Records as a writer should give them back: fields as read, the leader without the parts a
    /// writer recomputes (record length 00-04, coding scheme 09 — UTF-8 out — and base address 12-16).
    static List<String> comparable(List<MarcRecord> records) {
        return records.stream().map(r -> {
            String l = r.leader().toString();
            return l.substring(5, 9) + l.substring(10, 12) + l.substring(17) + "|" + r.fields();
        }).toList();
    }

    @Test
    void toMarcKeepsEveryRecord(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.mrc");
        CliRun r = CliRun.run("convert", "--to", "marc", "-o", out.toString(), MainTest.CLEAN, MainTest.CAMEL);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("", r.stdout());
        List<MarcRecord> expected = new ArrayList<>(read(MainTest.CLEAN));
        expected.addAll(read(MainTest.CAMEL));
        assertEquals(comparable(expected), comparable(read(Files.readAllBytes(out), false)));
    }

    @Test
    void toMarcOnStandardOutputFromStandardInput() throws IOException {
        byte[] in = Files.readAllBytes(Path.of(MainTest.CAMEL));
        CliRun r = CliRun.runWithInput(in, "convert", "--to", "marc", "-o", "-", "-");
        assertEquals(0, r.status(), r.stderr());
        assertEquals(comparable(read(MainTest.CAMEL)), comparable(read(r.stdoutBytes(), false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"marc", "json", "ndjson"})
    void concurrencyGivesTheSequentialBytes(String to) {
        CliRun seq = CliRun.run("convert", "--to", to, MainTest.CLEAN, MainTest.CAMEL);
        assertEquals(0, seq.status(), seq.stderr());
        for (String threads : List.of("2", "4", "7")) {
            CliRun par = CliRun.run("convert", "--to", to, "--concurrency", threads, MainTest.CLEAN, MainTest.CAMEL);
            assertEquals(0, par.status(), par.stderr());
            assertArrayEquals(seq.stdoutBytes(), par.stdoutBytes(), to + " with " + threads + " threads each");
        }
    }

    @Test
    void lenientConvertPassesGoodRecordsAndReportsTheRest() throws IOException {
        CliRun r = CliRun.run("convert", "--to", "marc", "--lenient", MainTest.BAD);
        assertEquals(0, r.status(), r.stderr());
        assertEquals(8, read(r.stdoutBytes(), true).size());
        assertEquals(MainTest.BAD_RECORDS_DIAGNOSTICS, MainTest.locations(r.errLines()));
    }

    @Test
    void strictConvertOfBadDataFailsWithTheLocation(@TempDir Path dir) {
        Path out = dir.resolve("out.mrc");
        CliRun r = CliRun.run("convert", "--to", "marc", "-o", out.toString(), MainTest.BAD);
        assertEquals(1, r.status());
        assertEquals(1, r.errLines().size(), r.stderr());
        assertEquals(true, r.stderr().startsWith("marcloom: " + MainTest.BAD + ": "), r.stderr());
        assertFalse(Files.exists(out));
    }
}
