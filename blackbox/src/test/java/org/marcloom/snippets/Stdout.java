package org.marcloom.snippets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/// What a snippet prints: runs it with `System.out` captured (the tests of this module run one at
/// a time, in one thread).
final class Stdout {

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private Stdout() {
    }

    /// The lines `body` printed on `System.out`.
    static List<String> lines(Body body) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            body.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
