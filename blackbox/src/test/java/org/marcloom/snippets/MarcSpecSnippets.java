package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;
import org.marcloom.record.DataField;
import org.marcloom.record.Linkage;
import org.marcloom.record.LinkedValue;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.MarcSpec;
import org.marcloom.record.Subfield;

/// MARCspec: the examples of docs/marcspec.md, run on fixtures and checked against hand-written
/// Java over the same records.
class MarcSpecSnippets {

    static final Path FRENCH = Path.of("fixtures/iso2709/evergreen__lul_fre_100.mrc");
    static final Path HEBREW = Path.of("fixtures/iso2709/traject__hebrew880s.marc");

    // @start region="compile"
    static List<String> frenchTopics(Path file) throws IOException {
        MarcSpec topics = MarcSpec.compile("650$a{^2=\\6}");     // 650 $a with 2nd indicator 6 (RVM)
        MarcSpec french = MarcSpec.compile("008/35-37{=\\fre}");  // compile once, use on every record
        List<String> out = new ArrayList<>();
        try (MarcReader reader = MarcReader.open(file)) {
            for (MarcRecord rec : reader) {
                if (french.matches(rec)) {
                    out.addAll(topics.values(rec));               // in record order
                }
            }
        }
        return out;
    }
    // @end

    @Test
    void compile() throws IOException {
        List<String> expected = new ArrayList<>();
        try (MarcReader reader = MarcReader.open(FRENCH)) {
            for (MarcRecord rec : reader) {
                String f008 = rec.controlValue("008").orElse("");
                if (f008.length() >= 38 && f008.substring(35, 38).equals("fre")) {
                    for (DataField d : rec.dataFields("650")) {
                        if (d.indicator2() == '6') {
                            for (Subfield s : d.subfields()) {
                                if (s.code() == 'a') {
                                    expected.add(s.value());
                                }
                            }
                        }
                    }
                }
            }
        }
        List<String> got = frenchTopics(FRENCH);
        assertEquals(expected, got);
        assertEquals(86, got.size(), "every record is French; each has its RVM 650s");
    }

    // @start region="linked"
    static List<String> titlesInTheirScript(MarcRecord rec) {
        List<String> out = new ArrayList<>();
        for (LinkedValue v : MarcSpec.compile("245$a").linkedValues(rec)) {
            String latin = v.original().orElse("");
            String original = v.alternate().orElse("");            // the title in its own script
            boolean rtl = v.linkage().map(Linkage::rightToLeft).orElse(false);
            out.add(latin + " | " + original + (rtl ? " (right to left)" : ""));
        }
        return out;
    }
    // @end

    @Test
    void linkage() {
        // @start region="linkage"
        Linkage link = Linkage.parse("100-01/(3/r").orElseThrow();   // the $6 of a field or its 880
        String tag = link.tag();                  // "100": the field it links to
        int occurrence = link.occurrence();       // 1: which pair of that tag
        boolean rtl = link.rightToLeft();         // true: "/r"
        // @end
        assertEquals("100", tag);
        assertEquals(1, occurrence);
        assertEquals(true, rtl);
        assertEquals(java.util.Optional.of(Linkage.Script.ARABIC), link.script());
    }

    @Test
    void linked() throws IOException {
        try (MarcReader reader = MarcReader.open(HEBREW)) {
            assertEquals(List.of("Anarkhizm be-\"Tsiyon\" : | \u05D0\u05E0\u05E8\u05DB\u05D9\u05D6\u05DD"
                    + " \u05D1\u05F4\u05E6\u05D9\u05D5\u05DF\u05F4 : (right to left)"), titlesInTheirScript(reader.read()));
        }
    }
}
