package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The exit statuses: 0 success, 1 bad data, 2 usage, 3 I/O failure; and a full disk on standard
/// output is an I/O failure, never a silent success.
class ExitStatusTest {

    /// An output stream that fails every write as a full disk does.
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private static CliRun runToFullDisk(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new ProcessStreams.RecordingPrintStream(new ProcessStreams.Recording(new FullDisk()),
                StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, new ByteArrayInputStream(new byte[0]), out, e, null);
        }
        return new CliRun(status, new byte[0], err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusesAreDistinct() {
        assertEquals(0, CliRun.run("count", MainTest.CLEAN).status(), "ok");
        assertEquals(1, CliRun.run("count", MainTest.BAD).status(), "bad data");
        assertEquals(1, CliRun.run("validate", MainTest.BAD).status(), "validation failed");
        assertEquals(2, CliRun.run("count", "--bogus", MainTest.CLEAN).status(), "usage");
        CliRun missing = CliRun.run("count", "no/such/file.mrc");
        assertEquals(3, missing.status(), "I/O");
        assertEquals(List.of("marcloom: no/such/file.mrc: no such file"), missing.errLines());
        CliRun dir = CliRun.run("count", "fixtures");
        assertEquals(3, dir.status());
        assertEquals(List.of("marcloom: fixtures: is a directory, not a file"), dir.errLines());
        CliRun out = CliRun.run("convert", "--to", "marc", "-o", "no/such/dir/out.mrc", MainTest.CLEAN);
        assertEquals(3, out.status(), out.stderr());
        assertEquals(List.of("marcloom: no/such/dir/out.mrc: no such file"), out.errLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"count", "dump", "stats", "validate", "select", "convert"})
    void aFullDiskOnStandardOutputIsStatusThree(String command) {
        CliRun r = switch (command) {
            case "select" -> runToFullDisk("select", "245$a", MainTest.CLEAN);
            case "convert" -> runToFullDisk("convert", "--to", "marcxml", MainTest.CLEAN);
            default -> runToFullDisk(command, MainTest.CLEAN);
        };
        assertEquals(3, r.status(), command + ": " + r.stderr());
        assertEquals(List.of("marcloom: error writing standard output: No space left on device"), r.errLines(), command);
    }

    @Test
    void helpAndVersionToAFullDiskAreStatusThree() {
        assertEquals(3, runToFullDisk("--help").status());
        assertEquals(3, runToFullDisk("--version").status());
        assertEquals(3, runToFullDisk("count", "--help").status());
    }

    @Test
    void versionIsTheBuildsVersion() {
        CliRun r = CliRun.run("--version");
        assertEquals(0, r.status());
        assertTrue(r.stdout().matches("marcloom \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), r.stdout());
        assertEquals(r.stdout(), CliRun.run("-V").stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"count", "dump", "stats", "validate"})
    @EnabledOnOs(OS.LINUX)
    void aRealProcessWritingToDevFullExitsThree(String command) throws Exception {
        CliRun r = Subprocess.run(new File("/dev/full"), command, MainTest.CLEAN);
        assertEquals(3, r.status(), command + ": " + r.stderr());
        assertEquals(List.of("marcloom: error writing standard output: No space left on device"), r.errLines(), command);
    }
}
