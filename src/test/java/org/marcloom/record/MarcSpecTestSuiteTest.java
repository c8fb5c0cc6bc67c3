package org.marcloom.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Every case of the MARCspec test suite (MARCspec/MARCspec-Test-Suite, MIT; a copy is in
/// `fixtures/marcspec-test-suite`), as one parameterised test each.
///
/// The files whose names do not start with `wildCombination_` hold fragments; each fragment is
/// put into the spec the suite's own `wild_combination.php` builds from it (`...` + `^` for an
/// indicator, `.../` and `...[ ]` for a position or range, `...$` for a subfield code or range,
/// `...` for a subSpec) and, for comparison strings, into `...{$a=\FRAGMENT}`. Where a case
/// disagrees with `marc-spec.md` (0.16beta+2) the spec wins: those cases are listed in
/// [#CONFLICTS] with the reason, and asserted the spec's way.
class MarcSpecTestSuiteTest {

    private static final Path SUITE = Path.of("fixtures", "marcspec-test-suite");

    /// Cases whose verdict in the suite contradicts marc-spec.md, by spec string, with the reason.
    static final Map<String, String> CONFLICTS = Map.of(
            "...{$a=\\=test}", "validComparisonString \"=test\" (\"unescaped character '=' at beginning is"
                    + " valid\"): marc-spec.md 9.7.1 says '=' MUST be escaped in a comparison string; the"
                    + " unescaped '=' ends it, so the spec is invalid",
            ".../2-1", "invalidPositionOrRange \"2-1\" (\"starting position must not be higher than ending"
                    + " position\"): marc-spec.md 10.1 rule 2 makes such a range valid; it references no data",
            "...[2-1]", "invalidPositionOrRange \"2-1\" as an index: marc-spec.md 10.1 rule 4 applies rule 2"
                    + " to indexes; valid, references no data");

    record Case(String file, String description, String spec, boolean suiteSaysValid) {
        boolean expectedValid() {
            return CONFLICTS.containsKey(spec) != suiteSaysValid;
        }

        @Override
        public String toString() {
            return file + ": " + spec + (CONFLICTS.containsKey(spec) ? " (spec conflict)" : "");
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String dir : List.of("valid", "invalid")) {
            try (Stream<Path> files = Files.list(SUITE.resolve(dir))) {
                for (Path file : files.sorted().toList()) {
                    read(file, out);
                }
            }
        }
        return out.stream();
    }

    private static void read(Path file, List<Case> out) throws IOException {
        String name = file.getFileName().toString().replace(".json", "");
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            String description = null;
            String data = null;
            Boolean valid = null;
            boolean inTests = false;
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (t == JsonToken.END_OBJECT && inTests && depth == 2 && data != null) {
                        for (String spec : wrap(name, data)) {
                            out.add(new Case(name, description, spec, valid));
                        }
                        data = null;
                        valid = null;
                    }
                } else if (t == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    if (depth == 1) {
                        inTests = field.equals("tests");
                    } else if (inTests && depth == 3) {
                        p.nextToken();
                        switch (field) {
                            case "description" -> description = p.getText();
                            case "data" -> data = p.getText();
                            case "valid" -> valid = p.getBooleanValue();
                            default -> {
                            }
                        }
                    }
                }
            }
        }
    }

    /// The full specs a suite case stands for.
    static List<String> wrap(String file, String data) {
        if (file.startsWith("wildCombination_") || file.endsWith("FieldTag")) {
            return List.of(data);
        }
        if (file.endsWith("ComparisonString")) {
            return List.of("...{$a=\\" + data + "}");
        }
        if (file.endsWith("Indicators")) {
            return List.of("...^" + data);
        }
        if (file.endsWith("PositionOrRange")) {
            return List.of(".../" + data, "...[" + data + "]");
        }
        if (file.endsWith("SubfieldRange") || file.endsWith("SubfieldTag")) {
            return List.of("...$" + data);
        }
        if (file.endsWith("SubSpec")) {
            return List.of("..." + data);
        }
        throw new IllegalStateException("a suite file this test does not know: " + file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void suiteCase(Case c) {
        if (c.expectedValid()) {
            MarcSpec spec = MarcSpec.compile(c.spec());
            assertEquals(spec, MarcSpec.compile(spec.toString()), "printed back: " + spec);
        } else {
            MarcSpecException e = assertThrows(MarcSpecException.class, () -> MarcSpec.compile(c.spec()),
                    c.description());
            assertEquals(c.spec(), e.spec());
            assertTrue(e.index() >= 0 && e.index() <= c.spec().length(), "index " + e.index());
        }
    }

    @Test
    void everyConflictIsASuiteCase() throws IOException {
        List<String> specs = cases().map(Case::spec).toList();
        for (String conflict : CONFLICTS.keySet()) {
            assertTrue(specs.contains(conflict), conflict);
        }
    }

    @Test
    void theSuiteHasTheCasesItClaims() throws IOException {
        // 2,975 cases in the files; position-or-range fragments are run twice (as a character spec
        // and as an index): 11 valid and 8 invalid of them.
        assertEquals(2975 + 11 + 8, cases().count());
    }
}
