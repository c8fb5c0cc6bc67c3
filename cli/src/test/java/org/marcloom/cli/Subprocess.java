package org.marcloom.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// `marcloom` as a real process: the test JVM's `java` and class path, `org.marcloom.cli.Main`.
final class Subprocess {

    private Subprocess() {
    }

    /// A process builder for `marcloom args...` (standard streams as the caller redirects them).
    static ProcessBuilder marcloom(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.marcloom.cli.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /// Runs `marcloom args...` with standard output to `stdout`; returns the exit status and
    /// standard error.
    static CliRun run(File stdout, String... args) throws IOException, InterruptedException {
        Process p = marcloom(args).redirectOutput(stdout).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        byte[] err = p.getErrorStream().readAllBytes();
        int status = p.waitFor();
        return new CliRun(status, new byte[0], new String(err, java.nio.charset.StandardCharsets.UTF_8));
    }
}
