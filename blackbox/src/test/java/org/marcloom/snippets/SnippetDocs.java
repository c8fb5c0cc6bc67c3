package org.marcloom.snippets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/// Keeps the Java examples of the Markdown files equal to compiled code.
///
/// Every fenced `java` block in `README.md`, `CONCURRENCY.md` and `docs/*.md` must follow a line
/// `<!-- snippet: ReaderSnippets#lenient -->` naming a region of a snippet file in this package
/// (`// @start region="lenient"` ... `// @end`, the markup the javadoc tool reads for
/// `{@snippet class=... region=...}`), and must be that region's text, modulo common indentation.
/// `MarkdownSnippetsTest` fails the build when one is not; this program rewrites the blocks from
/// the regions. Run it from the checkout's top folder (it uses only the JDK):
///
/// ```sh
/// java blackbox/src/test/java/org/marcloom/snippets/SnippetDocs.java          # rewrite the blocks
/// java blackbox/src/test/java/org/marcloom/snippets/SnippetDocs.java --check  # only list what differs
/// ```
///
/// A block without a snippet comment cannot be rewritten: give it a region first.
public final class SnippetDocs {

    /// Where the snippet files are, relative to the checkout's top folder.
    public static final Path SNIPPETS = Path.of("blackbox/src/test/java/org/marcloom/snippets");
    /// Every folder whose `*Snippets.java` files hold regions the Markdown may quote: the library's
    /// (here, against the exported API) and those of the connectors, compiled and run by their
    /// own modules (the marc4j bridge's for docs/migrating.md, Spark's for docs/spark.md).
    public static final List<Path> SNIPPET_FOLDERS = List.of(SNIPPETS,
            Path.of("marc4j/src/test/java/org/marcloom/marc4j"), Path.of("spark/src/test/java/org/marcloom/spark"));

    private static final Pattern START = Pattern.compile("^\\s*// @start region=\"([^\"]+)\"\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// @end(?: region=\"[^\"]*\")?\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*<!-- snippet: (\\w+#[\\w-]+) -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final Pattern JAVADOC = Pattern.compile(
            "\\{@snippet class=\"org\\.marcloom\\.snippets\\.(\\w+)\" region=\"(\\w+)\"");

    private SnippetDocs() {
    }

    /// Rewrites (default) or checks (`--check`) the Markdown files under the current folder.
    ///
    /// @param args nothing, or `--check`
    /// @throws IOException when a file cannot be read or written
    public static void main(String[] args) throws IOException {
        boolean check = args.length == 1 && args[0].equals("--check");
        if (args.length > 1 || args.length == 1 && !check) {
            System.err.println("usage: java " + SNIPPETS.resolve("SnippetDocs.java") + " [--check]");
            System.exit(2);
        }
        Path root = Path.of("");
        Map<String, String> regions = allRegions(root);
        List<String> problems = new ArrayList<>();
        for (Path doc : markdownFiles(root)) {
            String text = Files.readString(doc);
            Result r = update(doc.toString(), text, regions);
            problems.addAll(r.problems());
            if (check) {
                problems.addAll(r.stale());
            } else if (!r.text().equals(text)) {
                Files.writeString(doc, r.text());
                System.out.println("updated " + doc + " (" + r.stale().size() + " blocks)");
            }
        }
        problems.forEach(System.err::println);
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    /// The Markdown files whose Java blocks must be snippets: `README.md`, `CONCURRENCY.md` and
    /// every `docs/*.md`, in that order.
    ///
    /// @param root the checkout's top folder
    /// @return the files that exist
    /// @throws IOException when `docs/` cannot be listed
    public static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String name : List.of("README.md", "CONCURRENCY.md")) {
            if (Files.isRegularFile(root.resolve(name))) {
                out.add(root.resolve(name));
            }
        }
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /// Every region of every snippet folder ([#SNIPPET_FOLDERS]) under `root`.
    ///
    /// @param root the checkout's top folder
    /// @return the regions, keyed `ClassName#region`
    /// @throws IOException when a file cannot be read
    /// @throws IllegalStateException when a region is unterminated or defined twice
    public static Map<String, String> allRegions(Path root) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path dir : SNIPPET_FOLDERS) {
            regions(root.resolve(dir)).forEach((name, text) -> {
                if (out.putIfAbsent(name, text) != null) {
                    throw new IllegalStateException(dir + ": region " + name + " is defined twice");
                }
            });
        }
        return out;
    }

    /// Every region of every `*Snippets.java` file in `dir`, keyed `ClassName#region`, with its
    /// common indentation removed and nested markup lines left out.
    ///
    /// @param dir the snippet folder
    /// @return the regions, in file order
    /// @throws IOException when a file cannot be read
    /// @throws IllegalStateException when a region is unterminated or defined twice
    public static Map<String, String> regions(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("Snippets.java")).sorted().toList();
        }
        for (Path file : files) {
            String cls = file.getFileName().toString().replace(".java", "");
            regionsOf(cls, Files.readAllLines(file, StandardCharsets.UTF_8)).forEach((name, text) -> {
                if (out.putIfAbsent(cls + "#" + name, text) != null) {
                    throw new IllegalStateException(file + ": region \"" + name + "\" is defined twice");
                }
            });
        }
        return out;
    }

    /// The regions of one snippet file, keyed by region name.
    ///
    /// @param cls   the file's class name, for messages
    /// @param lines the file's lines
    /// @return each region's text, dedented, with a final newline
    /// @throws IllegalStateException when a region is unterminated or an `@end` has no `@start`
    public static Map<String, String> regionsOf(String cls, List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher start = START.matcher(line);
            if (start.matches()) {
                if (name != null) {
                    throw new IllegalStateException(cls + ".java:" + (i + 1) + ": region \"" + start.group(1)
                            + "\" starts inside region \"" + name + "\"");
                }
                name = start.group(1);
                body.clear();
            } else if (END.matcher(line).matches()) {
                if (name == null) {
                    throw new IllegalStateException(cls + ".java:" + (i + 1) + ": @end without @start");
                }
                if (out.putIfAbsent(name, dedent(body)) != null) {
                    throw new IllegalStateException(cls + ".java:" + (i + 1) + ": region \"" + name
                            + "\" is defined twice");
                }
                name = null;
            } else if (name != null) {
                body.add(line);
            }
        }
        if (name != null) {
            throw new IllegalStateException(cls + ".java: region \"" + name + "\" has no @end");
        }
        return out;
    }

    /// The lines without their common leading blanks, blank lines emptied, joined with a final
    /// newline.
    ///
    /// @param lines the lines
    /// @return the text
    public static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /// A Markdown text with its snippet blocks rewritten, and what was wrong with them.
    ///
    /// @param text     the text with every snippet block equal to its region
    /// @param problems what cannot be rewritten (a block with no or an unknown region), one line
    ///                 each, `FILE:LINE: ...`
    /// @param stale    the blocks that differed from their region (rewritten in `text`), one line each
    /// @param blocks   how many fenced `java` blocks the text has
    public record Result(String text, List<String> problems, List<String> stale, int blocks) {
    }

    /// Checks every fenced `java` block of `text` against the region its comment names and
    /// returns the text with each such block replaced by its region (kept at the fence's
    /// indentation).
    ///
    /// @param name    the file's name, for messages
    /// @param text    the Markdown text
    /// @param regions the regions, as [#regions(Path)] gives them
    /// @return the rewritten text and the problems found
    public static Result update(String name, String text, Map<String, String> regions) {
        List<String> lines = List.of(text.split("\n", -1));
        List<String> problems = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int blocks = 0;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                out.append(line);
                if (i < lines.size() - 1) {
                    out.append('\n');
                }
                i++;
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals("```")) {
                close++;
            }
            if (close == lines.size()) {
                problems.add(name + ":" + (i + 1) + ": the code block is not closed");
                close = lines.size() - 1;
            }
            List<String> body = lines.subList(i + 1, Math.max(i + 1, close));
            String indent = fence.group(1);
            if (fence.group(2).equals("java")) {
                blocks++;
                Matcher comment = i > 0 ? COMMENT.matcher(lines.get(i - 1)) : null;
                if (comment == null || !comment.matches()) {
                    problems.add(name + ":" + (i + 1) + ": a java block needs a line <!-- snippet: Class#region -->"
                            + " right before it, naming a region in " + SNIPPETS);
                } else if (!regions.containsKey(comment.group(1))) {
                    problems.add(name + ":" + i + ": no region " + comment.group(1) + " in " + SNIPPETS);
                } else {
                    String region = regions.get(comment.group(1));
                    if (!dedent(body).equals(region)) {
                        stale.add(name + ":" + (i + 1) + ": the block differs from " + comment.group(1)
                                + "; run java " + SNIPPETS.resolve("SnippetDocs.java"));
                    }
                    out.append(line).append('\n');
                    for (String r : region.split("\n")) {
                        out.append(r.isEmpty() ? "" : indent + r).append('\n');
                    }
                    out.append(lines.get(close));
                    if (close < lines.size() - 1) {
                        out.append('\n');
                    }
                    i = close + 1;
                    continue;
                }
            }
            for (int k = i; k <= close; k++) {
                out.append(lines.get(k));
                if (k < lines.size() - 1) {
                    out.append('\n');
                }
            }
            i = close + 1;
        }
        return new Result(out.toString(), problems, stale, blocks);
    }

    /// Every fenced `java` block in a `///` comment of the Java files under `dir`, one line each:
    /// Javadoc examples must be `{@snippet class=... region=...}` references instead.
    ///
    /// @param dir a source folder (`src/main/java`)
    /// @return the problems, empty when there is none
    /// @throws IOException when a file cannot be read
    public static List<String> javadocFences(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : javaFiles(dir)) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("/// ```java")) {
                    problems.add(f + ":" + (i + 1) + ": a java example in a doc comment; make it a region in "
                            + SNIPPETS + " and write {@snippet class=\"org.marcloom.snippets.X\" region=\"y\"}");
                }
            }
        }
        return problems;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /// Every `{@snippet class="org.marcloom.snippets.X" region="y"}` in the Java files under `dir`
    /// that names no region, one line each.
    ///
    /// @param dir     a source folder (`src/main/java`)
    /// @param regions the regions
    /// @return the problems, empty when every reference resolves
    /// @throws IOException when a file cannot be read
    public static List<String> missingJavadocRegions(Path dir, Map<String, String> regions) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : javaFiles(dir)) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = JAVADOC.matcher(lines.get(i));
                while (m.find()) {
                    if (!regions.containsKey(m.group(1) + "#" + m.group(2))) {
                        problems.add(f + ":" + (i + 1) + ": no region " + m.group(1) + "#" + m.group(2));
                    }
                }
            }
        }
        return problems;
    }
}
