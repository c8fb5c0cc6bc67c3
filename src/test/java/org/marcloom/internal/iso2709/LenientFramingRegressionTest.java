package org.marcloom.internal.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.BytesChannel;

/// Lenient ISO 2709 framing gives the same result however the bytes arrive, in linear time
/// (issue 8, findings 1 and 2).
class LenientFramingRegressionTest {

    /// What a lenient read gave: each record (with its diagnostics) and the trailing diagnostics.
    record Read(List<String> records, List<Diagnostic> trailing) {
    }

    static Read read(ReadableByteChannel in) throws IOException {
        List<String> out = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().lenient(true).open(in)) {
            for (MarcRecord r : reader) {
                out.add(r + " " + r.diagnostics());
            }
            return new Read(out, reader.trailingDiagnostics());
        }
    }

    /// A channel that hands out at most `chunk` bytes per read.
    static ReadableByteChannel trickle(byte[] bytes, int chunk) {
        return new BytesChannel(bytes, chunk);
    }

    /// Finding 1: junk scanned for a leader stopped at a position starting with five digits to ask
    /// for more input, and the next call took that position as a record without checking its
    /// leader; a file of random digits (and the structural bytes) gave different records for
    /// different read sizes.
    @Test
    void randomDigitsGiveTheSameRecordsWhateverTheReadSize() throws IOException {
        Random random = new Random(20261202);
        byte[] alphabet = "0123456789012345678901234567890123456789\u001d\u001e\u001f2a ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] digits = new byte[1 << 18];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = alphabet[random.nextInt(alphabet.length)];
        }
        Read whole = read(Channels.newChannel(new ByteArrayInputStream(digits)));
        for (int chunk : new int[] {3, 7, 100, 1460, 65_536}) {
            assertEquals(whole, read(trickle(digits, chunk)), chunk + " bytes per read");
        }
        Read parallel;
        try (MarcReader reader = MarcReader.builder().lenient(true).concurrency(3)
                .open(new ByteArrayInputStream(digits))) {
            List<String> out = new ArrayList<>();
            for (MarcRecord r : reader) {
                out.add(r + " " + r.diagnostics());
            }
            parallel = new Read(out, reader.trailingDiagnostics());
        }
        assertEquals(whole, parallel);
    }

    /// Finding 1 at the end of the input: junk whose last bytes are digits is trailing junk, not a
    /// truncated record, whatever the read size.
    @Test
    void junkEndingInDigitsIsTrailingWhateverTheReadSize() throws IOException {
        byte[] bytes = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx12345".getBytes(StandardCharsets.US_ASCII);
        Read whole = read(Channels.newChannel(new ByteArrayInputStream(bytes)));
        assertEquals(List.of(), whole.records());
        assertEquals(1, whole.trailing().size());
        assertEquals(ErrorCode.TRAILING_BYTES, whole.trailing().getFirst().code());
        assertEquals(0, whole.trailing().getFirst().byteOffset());
        for (int chunk : new int[] {1, 2, 3, 7, 50}) {
            assertEquals(whole, read(trickle(bytes, chunk)), chunk + " bytes per read");
        }
    }

    /// Finding 2: a long record without a terminator was rescanned from its start after every read
    /// (16 MB took 29 s at 1,460 bytes per read; 4 MB at 7 bytes per read did not end in minutes).
    @Test
    void aLongRecordWithoutTerminatorIsFramedInLinearTime() throws IOException {
        byte[] bytes = new byte[4 << 20];
        byte[] leader = "00100nam a2200025   4500".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(leader, 0, bytes, 0, leader.length);
        for (int i = leader.length; i < bytes.length; i++) {
            bytes[i] = 'x';
        }
        Read whole = read(Channels.newChannel(new ByteArrayInputStream(bytes)));
        assertEquals(1, whole.records().size());
        Read trickled = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read(trickle(bytes, 7)),
                "a hang, not a speed measurement: linear framing takes well under a second here");
        assertEquals(whole, trickled);
    }
}
