package org.marcloom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.testing.BytesChannel;

/// [Capture] with a small memory window, so that most of what it holds is in its temporary file:
/// every operation gives what it gives with the bytes in memory.
class CaptureTest {

    record Put(long offset, byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Put p && p.offset == offset && Arrays.equals(p.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(offset);
        }
    }

    static final class Sink implements QuarantineSink {
        final List<Put> puts = new ArrayList<>();

        @Override
        public void put(String source, long offset, byte[] buf, int from, int length, List<Diagnostic> why) {
            puts.add(new Put(offset, Arrays.copyOfRange(buf, from, from + length)));
        }
    }

    /// Text with runs of white space, multi-byte UTF-8, four-byte characters and bad bytes.
    static byte[] input(long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < 600_000) {
            switch (random.nextInt(5)) {
                case 0 -> out.writeBytes(" ".repeat(random.nextInt(70_000)).getBytes(StandardCharsets.US_ASCII));
                case 1 -> out.writeBytes("caf\u00E9 \uD83C\uDFB7 \u05D0".getBytes(StandardCharsets.UTF_8));
                case 2 -> out.write(0xFF);
                default -> out.writeBytes("plain text <x/>".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    static Capture readAll(byte[] input, long base, int memory) throws IOException {
        Capture c = new Capture(new BytesChannel(input, 7_777), base, memory);
        ByteBuffer b = ByteBuffer.allocate(5_000);
        while (c.read(b) >= 0) {
            b.clear();
        }
        return c;
    }

    @Test
    void withTheOldestBytesInTheFileEveryAnswerIsTheSame() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            byte[] input = input(seed);
            try (Capture small = readAll(input, 1_000, 1); Capture big = readAll(input, 1_000, Integer.MAX_VALUE)) {
                assertEquals(1_000L + input.length, small.position());
                Random random = new Random(seed);
                long from = 1_000;
                Sink smallSink = new Sink();
                Sink bigSink = new Sink();
                while (from < small.position() - 10) {
                    long at = from + random.nextInt(100_000);
                    assertEquals(big.skipWhitespace(at), small.skipWhitespace(at), "skipWhitespace(" + at + ")");
                    long units = random.nextInt(50_000);
                    assertEquals(big.utf16Advance(from, units), small.utf16Advance(from, units),
                            "utf16Advance(" + from + ", " + units + ")");
                    assertEquals(big.byteAt(at), small.byteAt(at), "byteAt(" + at + ")");
                    long to = Math.min(small.position(), from + random.nextInt(200_000));
                    small.quarantine(smallSink, "in", from, to, List.of());
                    big.quarantine(bigSink, "in", from, to, List.of());
                    assertEquals(-1, small.byteAt(from), "released");
                    from = to + random.nextInt(1_000);
                    small.release(from);
                    big.release(from);
                }
                assertEquals(bigSink.puts, smallSink.puts);
                assertArrayEquals(Arrays.copyOfRange(input, 0, 10),
                        Arrays.copyOfRange(smallSink.puts.get(0).bytes(), 0, 10));
            }
        }
    }

    @Test
    void theRestToTheEndIsStreamedAfterTheHeldBytes() throws IOException {
        byte[] input = input(4);
        Capture c = new Capture(new BytesChannel(input, 4_096), 0, 1);
        ByteBuffer b = ByteBuffer.allocate(4_096);
        for (int i = 0; i < 100; i++) { // 409,600 bytes read, most of them in the file
            c.read(b);
            b.clear();
        }
        Sink sink = new Sink();
        c.quarantineToEnd(sink, "in", 3, List.of());
        assertEquals(List.of(new Put(3, Arrays.copyOfRange(input, 3, input.length))), sink.puts);
        assertEquals(input.length, c.position());
        c.close();
    }
}
