package org.marcloom.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.CountingThreads;

/// Malformed UTF-8 in MARC-in-JSON lines read in parallel: each INVALID_UTF8 diagnostic gives the
/// byte offset in the whole input, as the sequential reader does, whether its chunk was decoded on
/// its own or (after malformed JSON) read sequentially from the chunk's first byte.
class ParallelJsonBadBytesTest {

    private static final ReaderOptions LENIENT = ReaderOptions.builder().lenient(true).build();

    /// 400 records; a 0xFF in the 31st, 251st and 391st, a malformed line after the 201st.
    private static byte[] input(List<Long> badOffsets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 400; i++) {
            out.writeBytes(("{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"r" + i + "\"},"
                    + "{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"title ")
                    .getBytes(StandardCharsets.UTF_8));
            if (i == 30 || i == 250 || i == 390) {
                badOffsets.add((long) out.size());
                out.write(0xFF);
            }
            out.writeBytes("x\"}]}}]}\n".getBytes(StandardCharsets.UTF_8));
            if (i == 200) {
                out.writeBytes("{]\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static List<Diagnostic> badBytes(RecordSource source) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        try (source) {
            for (MarcRecord r = source.next(); r != null; r = source.next()) {
                r.diagnostics().stream().filter(d -> d.code() == ErrorCode.INVALID_UTF8).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void byteOffsetsAreTheInputsInEveryChunk() throws IOException {
        List<Long> expected = new ArrayList<>();
        byte[] bytes = input(expected);
        List<Diagnostic> sequential = badBytes(Sources.create(MarcFormat.MARC_JSON_LINES, LENIENT,
                Channels.newChannel(new ByteArrayInputStream(bytes)), null, true));
        // Chunks of about 4 KiB: some decoded on their own, the rest read sequentially after "{]".
        List<Diagnostic> parallel = badBytes(ParallelSource.create(MarcFormat.MARC_JSON_LINES, LENIENT,
                Channels.newChannel(new ByteArrayInputStream(bytes)), null, true, 3, CountingThreads.virtual(),
                new ParallelSource.Tuning(16, 4096, -1, -1)));
        assertEquals(expected, sequential.stream().map(Diagnostic::byteOffset).toList());
        // The malformed line "{]" counts as a record object: the indexes after it are one more.
        assertEquals(List.of(30L, 251L, 391L), parallel.stream().map(Diagnostic::recordIndex).toList());
        assertEquals(sequential, parallel);
    }
}
