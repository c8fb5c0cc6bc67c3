package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Every Java example of the documentation is compiled code: each fenced `java` block of
/// `README.md`, `CONCURRENCY.md` and `docs/*.md` is exactly a region of a snippet file in this
/// package (which the build compiles against the exported API and runs), and every
/// `{@snippet class=... region=...}` of the library's Javadoc names an existing region. To bring
/// the Markdown files up to date after changing a region, run from the checkout's top folder:
/// `java blackbox/src/test/java/org/marcloom/snippets/SnippetDocs.java`.
class MarkdownSnippetsTest {

    static final Path ROOT = Path.of("");

    @Test
    void everyJavaBlockInTheMarkdownFilesIsACompiledRegion() throws IOException {
        Map<String, String> regions = SnippetDocs.allRegions(ROOT);
        List<String> problems = new ArrayList<>();
        for (Path doc : SnippetDocs.markdownFiles(ROOT)) {
            String text = Files.readString(doc);
            SnippetDocs.Result r = SnippetDocs.update(doc.toString(), text, regions);
            problems.addAll(r.problems());
            problems.addAll(r.stale());
            assertEquals(text.lines().filter(l -> l.strip().startsWith("```java")).count(), r.blocks(),
                    doc + ": every java fence was checked");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theMarkdownFilesAreTheOnesTheBriefNames() throws IOException {
        List<String> expected = new ArrayList<>(List.of("README.md", "CONCURRENCY.md"));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            docs.map(p -> "docs/" + p.getFileName()).filter(n -> n.endsWith(".md")).sorted().forEach(expected::add);
        }
        assertEquals(expected, SnippetDocs.markdownFiles(ROOT).stream().map(Path::toString).toList());
        assertEquals(true, expected.contains("docs/spark.md") && expected.contains("docs/migrating.md"));
    }

    @Test
    void everySnippetTheJavadocNamesExists() throws IOException {
        Map<String, String> regions = SnippetDocs.regions(ROOT.resolve(SnippetDocs.SNIPPETS));
        assertEquals(List.of(), SnippetDocs.missingJavadocRegions(Path.of("src/main/java"), regions));
        assertEquals(List.of(), SnippetDocs.javadocFences(Path.of("src/main/java")),
                "Javadoc examples are {@snippet} references to compiled regions");
    }

    // The checker itself, on small inputs.

    static final Map<String, String> REGIONS = Map.of("ASnippets#one", "int a = 1;\nif (a > 0) {\n    a++;\n}\n");

    @Test
    void aRegionIsItsLinesWithoutTheirCommonIndentation() {
        Map<String, String> r = SnippetDocs.regionsOf("ASnippets", List.of(
                "class ASnippets {",
                "    void f() {",
                "        // @start region=\"one\"",
                "        int a = 1;",
                "        if (a > 0) {",
                "            a++;",
                "        }",
                "        // @end",
                "    }",
                "}"));
        assertEquals(REGIONS, Map.of("ASnippets#one", r.get("one")));
        assertEquals(1, r.size());
    }

    @Test
    void aBlockEqualToItsRegionPassesAtAnyIndentation() {
        String doc = """
                text
                - item:
                  <!-- snippet: ASnippets#one -->
                  ```java
                  int a = 1;
                  if (a > 0) {
                      a++;
                  }
                  ```
                """;
        SnippetDocs.Result r = SnippetDocs.update("doc.md", doc, REGIONS);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.stale());
        assertEquals(1, r.blocks());
        assertEquals(doc, r.text());
    }

    @Test
    void aBlockThatDiffersIsReportedAndRewrittenAtTheFencesIndentation() {
        String doc = "a\n  <!-- snippet: ASnippets#one -->\n  ```java\n  int a = 2;\n  ```\nb\n";
        SnippetDocs.Result r = SnippetDocs.update("doc.md", doc, REGIONS);
        assertEquals(List.of("doc.md:3: the block differs from ASnippets#one; run java "
                + SnippetDocs.SNIPPETS.resolve("SnippetDocs.java")), r.stale());
        assertEquals(List.of(), r.problems());
        assertEquals("a\n  <!-- snippet: ASnippets#one -->\n  ```java\n  int a = 1;\n  if (a > 0) {\n      a++;\n  }\n"
                + "  ```\nb\n", r.text());
    }

    @Test
    void aJavaBlockWithoutASnippetCommentOrWithAnUnknownRegionIsAProblem() {
        String doc = "```java\nx();\n```\n\n<!-- snippet: ASnippets#two -->\n```java\ny();\n```\n```sh\nls\n```\n";
        SnippetDocs.Result r = SnippetDocs.update("doc.md", doc, REGIONS);
        assertEquals(List.of(
                "doc.md:1: a java block needs a line <!-- snippet: Class#region --> right before it, naming a region in "
                        + SnippetDocs.SNIPPETS,
                "doc.md:5: no region ASnippets#two in " + SnippetDocs.SNIPPETS), r.problems());
        assertEquals(2, r.blocks(), "the sh block is not java");
        assertEquals(doc, r.text(), "nothing to rewrite them from");
    }

    @Test
    void anUnterminatedRegionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SnippetDocs.regionsOf("ASnippets", List.of("// @start region=\"x\"", "int a;")));
        assertEquals("ASnippets.java: region \"x\" has no @end", e.getMessage());
    }
}
