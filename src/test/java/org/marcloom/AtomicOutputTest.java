package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/// [AtomicOutput]: the target appears whole at commit or not at all; no temporary file remains;
/// new files get the umask's mode, replaced files keep theirs; links and FIFOs are written through.
@EnabledOnOs({OS.LINUX, OS.MAC})
class AtomicOutputTest {

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void nothingIsVisibleBeforeCommitAndAllAfter(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.mrc");
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.write(bytes("head"));
            out.write(big);
            out.write('!');
            out.flush();
            assertFalse(Files.exists(target));
            List<String> during = names(dir);
            assertEquals(1, during.size());
            assertTrue(during.getFirst().matches("\\.out\\.mrc\\.\\d+\\.part"), during.getFirst());
            assertFalse(out.isDirect());
            out.commit();
        }
        byte[] want = new byte[4 + big.length + 1];
        System.arraycopy(bytes("head"), 0, want, 0, 4);
        System.arraycopy(big, 0, want, 4, big.length);
        want[want.length - 1] = '!';
        assertArrayEquals(want, Files.readAllBytes(target));
        assertEquals(List.of("out.mrc"), names(dir));
    }

    @Test
    void closeWithoutCommitLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.mrc");
        Files.writeString(target, "old");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.write(new byte[100_000]);
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.mrc"), names(dir));
        Path fresh = dir.resolve("new.mrc");
        AtomicOutput abandoned = AtomicOutput.open(fresh);
        abandoned.write(1);
        abandoned.close();
        abandoned.close();
        assertEquals(List.of("out.mrc"), names(dir));
        assertThrows(IllegalStateException.class, abandoned::commit);
        assertThrows(IOException.class, () -> abandoned.write(2));
    }

    @Test
    void aNewFileGetsTheUmaskModeNotOwnerOnly(@TempDir Path dir) throws IOException {
        Path reference = Files.createFile(dir.resolve("reference")); // what the umask gives a new file
        Path target = dir.resolve("out.mrc");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.write(bytes("x"));
            out.commit();
        }
        assertEquals(mode(reference), mode(target));
        assertTrue(mode(target).startsWith("rw-"), mode(target));
    }

    @Test
    void aReplacedFileKeepsItsMode(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.mrc");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.write(bytes("new"));
            out.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals("rw-r-----", mode(target));
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("real"));
        Path file = dir.resolve("real/data.mrc");
        Files.writeString(file, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.mrc"), Path.of("real/data.mrc"));
        Path link2 = Files.createSymbolicLink(dir.resolve("link2.mrc"), Path.of("link.mrc"));
        try (AtomicOutput out = AtomicOutput.open(link2)) {
            assertEquals(file.toRealPath(), out.target());
            out.write(bytes("new"));
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(link2));
        assertEquals(Path.of("real/data.mrc"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("data.mrc"), names(dir.resolve("real")));
        assertEquals(List.of("link.mrc", "link2.mrc", "real"), names(dir));
    }

    @Test
    void aDanglingLinkCreatesTheFileItNames(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.mrc"), Path.of("made.mrc"));
        try (AtomicOutput out = AtomicOutput.open(link)) {
            out.write(bytes("made"));
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("made", Files.readString(dir.resolve("made.mrc")));
    }

    @Test
    void aFifoIsWrittenDirectly(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (AtomicOutput out = AtomicOutput.open(fifo)) {
            assertTrue(out.isDirect());
            out.write(bytes("through the pipe"));
            out.commit();
        }
        assertEquals("through the pipe", new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        assertEquals(List.of("pipe"), names(dir), "no temporary file");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aCharacterDeviceIsWrittenDirectly() throws IOException {
        try (AtomicOutput out = AtomicOutput.open(Path.of("/dev/null"))) {
            assertTrue(out.isDirect());
            out.write(new byte[100_000]);
            out.commit();
        }
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void aDirectoryOrAMissingDirectoryIsRefused(@TempDir Path dir) {
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicOutput.open(dir));
        assertEquals(dir + ": is a directory", e.getMessage());
        assertThrows(NoSuchFileException.class, () -> AtomicOutput.open(dir.resolve("no/such/out.mrc")));
    }

    @Test
    void aFailedCommitDeletesTheTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub");
        Files.createDirectory(target);
        Path blocker = target.resolve("x");
        Files.writeString(blocker, "keep");
        // The target is replaced by a non-empty directory between open and commit: the rename fails.
        Path file = dir.resolve("file");
        AtomicOutput out = AtomicOutput.open(file);
        out.write(bytes("data"));
        Files.move(target, file);
        assertThrows(IOException.class, out::commit);
        out.close();
        assertEquals(List.of("file"), names(dir));
        assertEquals("keep", Files.readString(file.resolve("x")));
    }
}
