package org.marcloom.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Limits;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// Regression tests for the findings of probing the readers with hostile input (docs/reliability.md,
/// "Found by probing"): each method is named after its finding and asserts the exact code, position
/// and setting name. The small-heap proofs run in a forked JVM ([SmallHeapLimitsTest]).
class HostileInputRegressionTest {

    static final String LEADER = "00000nam a2200000 a 4500";

    static String jsonRecord(int i, String title) {
        return "{\"leader\":\"" + LEADER + "\",\"fields\":[{\"001\":\"r" + i + "\"},"
                + "{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"" + title + "\"}]}}]}";
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    record Read(List<MarcRecord> records, List<Diagnostic> trailing) {
    }

    static Read read(MarcFormat format, byte[] bytes, boolean lenient, Limits limits) {
        try (MarcReader r = MarcReader.builder().format(format).lenient(lenient).limits(limits)
                .open(new ByteArrayInputStream(bytes))) {
            List<MarcRecord> out = new ArrayList<>();
            r.forEach(out::add);
            return new Read(out, List.copyOf(r.trailingDiagnostics()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(MarcFormat format, byte[] bytes, boolean lenient) {
        return read(format, bytes, lenient, Limits.DEFAULTS);
    }

    static MarcParseException strict(MarcFormat format, byte[] bytes, Limits limits) {
        return assertThrows(MarcParseException.class, () -> read(format, bytes, false, limits));
    }

    // ------------------------------------------------------------------ finding 6

    /// Finding 6: a flood of bad UTF-8 bytes in MARC-in-JSON was quadratic (the buffer was shifted
    /// once per bad byte: 1 MB took 9 s). 4 MB of 0xFF inside one subfield now reads in linear time:
    /// the record keeps its 4 Mi U+FFFD characters, the first 100 bad bytes have a diagnostic each
    /// (exact byte offsets), then the record's cap marker, and the next record is intact.
    @Test
    void finding06_badUtf8FloodInJsonIsLinear() {
        int flood = 4 * 1024 * 1024;
        byte[] head = utf8(jsonRecord(0, "first") + "\n" + jsonRecord(1, "#").substring(0, jsonRecord(1, "#").indexOf('#')));
        byte[] bad = new byte[flood];
        Arrays.fill(bad, (byte) 0xFF);
        String r1 = jsonRecord(1, "#");
        byte[] tail = utf8(r1.substring(r1.indexOf('#') + 1) + "\n" + jsonRecord(2, "third") + "\n");
        byte[] doc = concat(head, bad, tail);
        Read read = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(MarcFormat.MARC_JSON, doc, true));
        assertEquals(3, read.records().size());
        MarcRecord flooded = read.records().get(1);
        String title = flooded.dataFields("245").getFirst().subfields().getFirst().value();
        assertEquals(flood, title.length());
        assertEquals(flood, title.chars().filter(c -> c == 0xFFFD).count());
        List<Diagnostic> ds = flooded.diagnostics();
        assertEquals(101, ds.size());
        for (int k = 0; k < 100; k++) {
            assertEquals(ErrorCode.INVALID_UTF8, ds.get(k).code());
            assertEquals(head.length + k, ds.get(k).byteOffset());
            assertEquals(1, ds.get(k).recordIndex());
        }
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, ds.get(100).code());
        // the runs beyond the decoder's 10,000 waiting ones are counted, in one warning at the end
        assertEquals(1, read.trailing().size());
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, read.trailing().getFirst().code());
        assertTrue(read.trailing().getFirst().problem().startsWith((flood - 10_000) + " further bad byte sequences"),
                read.trailing().getFirst().problem());
        assertEquals(List.of(), read.records().get(2).diagnostics().stream()
                .filter(d -> d.code() == ErrorCode.INVALID_UTF8).toList());
        assertEquals("third", read.records().get(2).dataFields("245").getFirst().subfields().getFirst().value());
    }
}
