package org.marcloom.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// The training run of the build's AOT cache (JEP 483/514/515): runs the usual command lines over
/// the given files a few times in one JVM, output discarded, so that the cache holds the classes
/// they load and link and the profiles of their hot methods. Not part of the tool's interface:
/// `java -XX:AOTCacheOutput=marcloom.aot -cp marcloom-cli.jar org.marcloom.cli.Training FILE...`.
final class Training {

    private Training() {
    }

    /// @param args ISO 2709 or other MARC files to train on; `--rounds N` first to repeat (default 3)
    public static void main(String[] args) throws IOException {
        int rounds = 3;
        List<String> files = new ArrayList<>(List.of(args));
        if (files.size() > 1 && files.getFirst().equals("--rounds")) {
            rounds = Integer.parseInt(files.get(1));
            files = files.subList(2, files.size());
        }
        Path tmp = Files.createTempDirectory("marcloom-training");
        try (PrintStream out = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
            String o = tmp.resolve("out").toString();
            Main.run(new String[] {"--help"}, stdin(), out, err);
            Main.run(new String[] {"--version"}, stdin(), out, err);
            Main.run(new String[] {"count", "--help"}, stdin(), out, err);
            Main.run(new String[] {"completion", "bash"}, stdin(), out, err);
            for (int r = 0; r < rounds * 20; r++) {
                for (String f : files) {
                    // count is the shortest run: its loop needs the most training to start compiled
                    Main.run(new String[] {"count", f}, stdin(), out, err);
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (String f : files) {
                    Main.run(new String[] {"count", "--lenient", "--decode", f}, stdin(), out, err);
                    for (String to : List.of("marcxml", "json", "ndjson", "marc", "mrk")) {
                        Main.run(new String[] {"convert", "--lenient", "--to", to, f}, stdin(), out, err);
                        Main.run(new String[] {"convert", "--lenient", "--to", to, "-o", o, f}, stdin(), out, err);
                    }
                    Main.run(new String[] {"dump", "--lenient", f}, stdin(), out, err);
                    Main.run(new String[] {"stats", "--lenient", f}, stdin(), out, err);
                    Main.run(new String[] {"validate", f}, stdin(), out, err);
                    Main.run(new String[] {"select", "--lenient", "245$a", f}, stdin(), out, err);
                }
            }
        } finally {
            try (var s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
        System.exit(0); // the classes of an exit with a status, as the tool exits on errors
    }

    private static ByteArrayInputStream stdin() {
        return new ByteArrayInputStream(new byte[0]);
    }
}
