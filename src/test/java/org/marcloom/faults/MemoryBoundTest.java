package org.marcloom.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriter;

/// Memory in flight is bounded whatever the concurrency says: a reader and a writer of
/// `concurrency(256)` over a generated 100+ MB ISO 2709 file complete in a JVM with a 96 MiB heap,
/// with the exact record count.
class MemoryBoundTest {

    @TempDir
    Path dir;

    @Test
    void concurrency256ReadsAndWritesA100MbFileInA64MbHeap() throws Exception {
        byte[] strictJazz = Corpus.bytes(MarcFormat.ISO_2709); // 1,000 strict-valid records
        Path file = dir.resolve("big.mrc");
        int copies = (int) (110_000_000L / strictJazz.length) + 1;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < copies; i++) {
                out.write(strictJazz);
            }
        }
        assertTrue(Files.size(file) > 100_000_000L, "size " + Files.size(file));
        long expected = 1000L * copies;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), MemoryBoundMain.class.getName(), file.toString(), "256")
                .redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = Thread.ofPlatform().start(() -> {
            try {
                p.getInputStream().transferTo(output);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        pump.join(10_000);
        String text = output.toString(StandardCharsets.UTF_8);
        assertTrue(ended, "the child did not end in 5 minutes: " + text);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("records=" + expected + " written=" + expected), text);
    }
}
