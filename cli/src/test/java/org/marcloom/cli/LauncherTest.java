package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/// The launcher script (`cli/src/main/launcher/marcloom`, which the build fills in as
/// `cli/target/marcloom`): the java it runs, the options it passes, and when it uses the AOT cache.
/// Run with `/bin/sh` against a stand-in `java` that prints its arguments, one per line.
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {

    private static final Path TEMPLATE = Path.of("cli/src/main/launcher/marcloom");
    private static final Instant BUILT = Instant.parse("2026-12-04T00:00:00Z");

    @TempDir
    Path tmp;
    private Path dir;
    private Path launcher;
    private Path jar;
    private Path cache;
    private Path java;

    @BeforeEach
    void install() throws IOException {
        dir = Files.createDirectory(tmp.resolve("target")).toRealPath();
        java = dir.resolve("fake-java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        launcher = dir.resolve("marcloom");
        Files.writeString(launcher, Files.readString(TEMPLATE).replace("@build.java@", java.toString()));
        jar = Files.writeString(dir.resolve("marcloom-cli.jar"), "a jar");
        cache = dir.resolve("marcloom.aot");
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    private List<String> run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("MARCLOOM_JAVA");
        pb.environment().remove("MARCLOOM_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }

    private List<String> expected(boolean withCache, String... args) {
        List<String> e = new ArrayList<>();
        if (withCache) {
            e.add("-XX:AOTCache=" + cache);
        }
        e.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn64m", "-cp", jar.toString(),
                "org.marcloom.cli.Main"));
        e.addAll(List.of(args));
        return e;
    }

    private void writeCache(Instant at) throws IOException {
        Files.writeString(cache, "a cache");
        Files.setLastModifiedTime(cache, FileTime.from(at));
    }

    @Test
    void aCacheTrainedAfterTheJarIsUsed() throws Exception {
        writeCache(BUILT.plusSeconds(5));
        assertEquals(expected(true, "count", "a file.mrc"), run(launcher, Map.of(), "count", "a file.mrc"));
    }

    /// The jar rebuilt without a training run (`-Dmarcloom.aot.skip=true`), or replaced: JDK 25.0.3
    /// does not reject the old cache (JDK-8377932) and would run the old jar's classes.
    @Test
    void aCacheOlderThanTheJarIsLeftOut() throws Exception {
        writeCache(BUILT.minusSeconds(5));
        assertEquals(expected(false, "--version"), run(launcher, Map.of(), "--version"));
    }

    @Test
    void withoutACacheTheToolRunsWithTheSameOptions() throws Exception {
        assertEquals(expected(false, "--help"), run(launcher, Map.of(), "--help"));
    }

    /// The cache fits only the JDK that wrote it.
    @Test
    void anotherJavaGetsNoCache() throws Exception {
        writeCache(BUILT.plusSeconds(5));
        Path other = dir.resolve("other-java");
        Files.copy(java, other);
        assertEquals(expected(false, "count", "x.mrc"),
                run(launcher, Map.of("MARCLOOM_JAVA", other.toString()), "count", "x.mrc"));
    }

    @Test
    void extraOptionsComeBeforeTheClassPath() throws Exception {
        writeCache(BUILT.plusSeconds(5));
        List<String> e = expected(true, "stats", "x.mrc");
        e.add(4, "-Xmx8g");
        assertEquals(e, run(launcher, Map.of("MARCLOOM_JAVA_OPTS", "-Xmx8g"), "stats", "x.mrc"));
    }

    /// A link on the `PATH` to the launcher finds the jar and the cache beside the real script.
    @Test
    void aSymbolicLinkRunsTheJarBesideTheScript() throws Exception {
        writeCache(BUILT.plusSeconds(5));
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("marcloom"), launcher);
        assertEquals(expected(true, "count", "x.mrc"), run(link, Map.of(), "count", "x.mrc"));
    }
}
