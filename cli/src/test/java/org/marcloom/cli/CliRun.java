package org.marcloom.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/// One in-process run of `marcloom`: exit status and what went to standard output and error.
record CliRun(int status, byte[] stdoutBytes, String stderr) {

    static CliRun run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static CliRun runWithInput(byte[] stdin, String... args) {
        return runWith(null, stdin, args);
    }

    /// A run whose worker threads come from `threads`.
    static CliRun runWith(java.util.concurrent.ThreadFactory threads, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        int status;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, in, o, e, threads);
        }
        return new CliRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    /// Standard error's lines (none when empty).
    java.util.List<String> errLines() {
        return stderr.isEmpty() ? java.util.List.of() : stderr.lines().toList();
    }
}
