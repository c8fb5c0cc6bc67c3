package org.marcloom.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// `-o` onto FIFOs, symbolic links and existing files, the output file's mode, and no temporary
/// file left behind when the process is interrupted.
@EnabledOnOs(OS.LINUX)
class OutputTargetsTest {

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static byte[] expected() {
        CliRun r = CliRun.run("convert", "--to", "marcxml", MainTest.CAMEL);
        assertEquals(0, r.status());
        return r.stdoutBytes();
    }

    @Test
    void aFifoIsWrittenThrough(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun r = CliRun.run("convert", "--to", "marcxml", "-o", fifo.toString(), MainTest.CAMEL);
        assertEquals(0, r.status(), r.stderr());
        assertArrayEquals(expected(), read.get(60, TimeUnit.SECONDS));
        assertEquals(List.of("pipe"), names(dir), "no temporary file");
    }

    @Test
    void devNullIsWrittenDirectly() {
        CliRun r = CliRun.run("convert", "--to", "marcxml", "-o", "/dev/null", MainTest.CAMEL);
        assertEquals(0, r.status(), r.stderr());
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void aSymbolicLinkIsKeptAndItsTargetReplaced(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.xml");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = Files.createSymbolicLink(dir.resolve("out.xml"), Path.of("real.xml"));
        CliRun r = CliRun.run("convert", "--to", "marcxml", "-o", link.toString(), MainTest.CAMEL);
        assertEquals(0, r.status(), r.stderr());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("real.xml"), Files.readSymbolicLink(link));
        assertArrayEquals(expected(), Files.readAllBytes(real));
        assertEquals("rw-rw-r--", mode(real), "the replaced file's mode");
        assertEquals(List.of("out.xml", "real.xml"), names(dir));
    }

    @Test
    void aNewOutputFileHasTheUmaskModeNotOwnerOnly(@TempDir Path dir) throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path out = dir.resolve("out.xml");
        CliRun r = CliRun.run("convert", "--to", "marcxml", "-o", out.toString(), MainTest.CAMEL);
        assertEquals(0, r.status(), r.stderr());
        assertEquals(mode(reference), mode(out));
        Path chunkDir = Files.createDirectory(dir.resolve("chunks"));
        CliRun s = CliRun.run("split", "--records", "5", "--prefix", chunkDir.resolve("c").toString(), MainTest.CAMEL);
        assertEquals(0, s.status(), s.stderr());
        assertEquals(mode(reference), mode(chunkDir.resolve("c-0001.mrc")));
        assertEquals(List.of("c-0001.mrc", "c-0002.mrc"), names(chunkDir));
    }

    @Test
    void anExistingFilesModeIsKept(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.mrc");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        CliRun r = CliRun.run("filter", "245", "-o", out.toString(), MainTest.CAMEL);
        assertEquals(0, r.status(), r.stderr());
        assertEquals("rw-------", mode(out));
        assertEquals(List.of("marcloom filter: kept 10 of 10 records"), r.errLines());
    }

    /// A large input: the bundled 383 records, 150 times (about 53 MB).
    private static Path big(Path dir) throws IOException {
        byte[] one = Files.readAllBytes(Path.of(MainTest.CLEAN));
        Path f = dir.resolve("big.mrc");
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int i = 0; i < 150; i++) {
                out.write(one);
            }
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDuringConvertLeavesNoTemporaryFile(String signal, @TempDir Path dir) throws Exception {
        Path in = big(dir);
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path target = outDir.resolve("big.xml");
        Process p = Subprocess.marcloom("convert", "--to", "marcxml", "-o", target.toString(), in.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // The temporary file is there and growing: the convert is under way.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                List<String> n = names(outDir);
                return n.size() == 1 && n.getFirst().matches("\\.big\\.xml\\.\\d+\\.part")
                        && Files.size(outDir.resolve(n.getFirst())) > 0;
            });
            assertTrue(p.isAlive(), "still converting");
            if (signal.equals("TERM")) {
                p.destroy();
            } else {
                assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(signal.equals("TERM") ? 143 : 130, p.exitValue());
            assertEquals(List.of(), names(outDir), "neither the target nor the temporary file");
            assertFalse(Files.exists(target));
        } finally {
            p.destroyForcibly();
        }
    }
}
