package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Output files appear whole or not at all.
class OutputTest {

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void committedOutputReplacesTheTarget(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        try (Output out = Output.open(target.toString(), System.out)) {
            out.stream().write("new".getBytes(StandardCharsets.UTF_8));
            assertEquals("old", Files.readString(target), "nothing visible before commit");
            out.commit();
        }
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.txt"), names(dir));
    }

    @Test
    void uncommittedOutputLeavesNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        try (Output out = Output.open(target.toString(), System.out)) {
            out.stream().write(new byte[100_000]);
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void uncommittedOutputKeepsTheOldFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        try (Output out = Output.open(target.toString(), System.out)) {
            out.stream().write("half".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.txt"), names(dir));
    }

    @Test
    void dashIsStandardOutputAndIsNotClosed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        try (Output out = Output.open("-", stdout)) {
            out.stream().write("abc".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        stdout.print("d");
        stdout.flush();
        assertEquals("abcd", bytes.toString(StandardCharsets.UTF_8));
        assertFalse(stdout.checkError());
    }

    @Test
    void failedConvertLeavesNoOutputFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.mrc");
        CliRun r = CliRun.run("convert", "--to", "marc", "-o", target.toString(), MainTest.CAMEL, MainTest.BAD);
        assertEquals(1, r.status());
        assertTrue(r.stderr().startsWith("marcloom: "), r.stderr());
        assertEquals(List.of(), names(dir), "neither the target nor a temporary file");
    }

    @Test
    void failedConvertKeepsAnExistingOutputFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.mrc");
        Files.writeString(target, "precious");
        CliRun r = CliRun.run("convert", "--to", "marc", "-o", target.toString(), MainTest.CAMEL, MainTest.BAD);
        assertEquals(1, r.status());
        assertEquals("precious", Files.readString(target));
        assertEquals(List.of("out.mrc"), names(dir));
    }
}
