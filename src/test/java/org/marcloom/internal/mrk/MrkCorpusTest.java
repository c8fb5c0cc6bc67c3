package org.marcloom.internal.mrk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marc4j.MarcStreamReader;
import org.marc4j.Mrk8StreamReader;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.Severity;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// The real MARCMaker files of the corpus against their ISO 2709 twins (marc4j as the oracle).
class MrkCorpusTest {

    static final Path MRK = Path.of("fixtures/mrk");
    static final Path ISO = Path.of("fixtures/iso2709");

    static List<MarcRecord> readMrk(Path p) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCMAKER).open(p)) {
            for (MarcRecord rec : r) {
                out.add(rec);
            }
        }
        return out;
    }

    /// One line per field, text in NFC: `245 10 $a... $c...` or `001 data`.
    static List<String> canonical(MarcRecord r) {
        List<String> out = new ArrayList<>();
        for (Field f : r.fields()) {
            switch (f) {
                case ControlField c -> out.add(c.tag() + " " + nfc(c.data()));
                case DataField d -> {
                    StringBuilder sb = new StringBuilder(d.tag()).append(' ').append(d.indicator1())
                            .append(d.indicator2());
                    for (Subfield s : d.subfields()) {
                        sb.append(" $").append(s.code()).append(nfc(s.value()));
                    }
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }

    static List<String> canonical(org.marc4j.marc.Record r) {
        List<String> out = new ArrayList<>();
        for (org.marc4j.marc.VariableField f : r.getVariableFields()) {
            if (f instanceof org.marc4j.marc.ControlField c) {
                out.add(c.getTag() + " " + nfc(c.getData()));
            } else if (f instanceof org.marc4j.marc.DataField d) {
                StringBuilder sb = new StringBuilder(d.getTag()).append(' ').append(d.getIndicator1())
                        .append(d.getIndicator2());
                for (org.marc4j.marc.Subfield s : d.getSubfields()) {
                    sb.append(" $").append(s.getCode()).append(nfc(s.getData()));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static List<org.marc4j.marc.Record> readMarc4j(Path p) throws IOException {
        List<org.marc4j.marc.Record> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p)) {
            MarcStreamReader r = new MarcStreamReader(in, "UTF-8");
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
            "marc4j__brkrtest.mrk, 8",
            "marc4j__brkrtest.mrk8, 8",
            "marc4j__brkrtest1.mrk8, 8",
            "marc-perl__camel.mrk, 10",
            "marc4j__u17_marc4j.mrk8, 1",
    })
    void everyCorpusFileReadsStrictlyWithTheRightRecordCount(String file, int count) throws IOException {
        List<MarcRecord> records = readMrk(MRK.resolve(file));
        assertEquals(count, records.size());
        for (MarcRecord r : records) {
            assertTrue(r.diagnostics().stream().allMatch(d -> d.severity() == Severity.WARNING
                    && d.message().startsWith("unknown mnemonic {text}")), () -> r.diagnostics().toString());
        }
        // every record's 001 is the text of the file's "=001  " line in it (a backslash is a blank)
        List<String> lines = java.nio.file.Files.readAllLines(MRK.resolve(file), java.nio.charset.StandardCharsets.UTF_8);
        List<String> controlNumbers = lines.stream().filter(l -> l.startsWith("=001  "))
                .map(l -> l.substring(6).replace('\\', ' ')).toList();
        assertEquals(count, controlNumbers.size());
        assertEquals(controlNumbers, records.stream().map(r -> r.controlNumber().orElseThrow()).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "marc4j__brkrtest.mrk8, marc4j__brkrtest_UTF8.mrc",
            "marc4j__brkrtest1.mrk8, marc4j__brkrtest_UTF8.mrc",
            "marc4j__u17_marc4j.mrk8, marc4j__u17_utf8.mrc",
            "marc-perl__camel.mrk, pymarc__test.dat",
    })
    void utf8MarcMakerEqualsItsIsoTwin(String mrk, String iso) throws IOException {
        List<MarcRecord> ours = readMrk(MRK.resolve(mrk));
        List<org.marc4j.marc.Record> oracle = readMarc4j(ISO.resolve(iso));
        assertEquals(oracle.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(canonical(oracle.get(i)), canonical(ours.get(i)), "record " + i);
            // Leaders agree outside the computed positions (length, base address).
            String a = oracle.get(i).getLeader().marshal();
            String b = ours.get(i).leader().toString();
            assertEquals(a.substring(5, 12) + a.substring(17), b.substring(5, 12) + b.substring(17), "leader of record " + i);
        }
    }

    /// The MARC-8 mnemonic file against the UTF-8 twin. They differ in one way only, in records 1,
    /// 2, 4 and 5 (the ones with `{llig}` or `{ldbltil}`):
    /// the mnemonic table maps the MARC-8 ligature and double tilde halves ({llig} {rlig},
    /// {ldbltil} {rdbltil}) to the Library of Congress code table's U+FE20 / U+FE21 / U+FE22 /
    /// U+FE23 (one half after each letter), while the UTF-8 file was converted with the
    /// alternative single double-width marks U+0361 / U+0360 after the first letter. The test
    /// folds the halves into the double marks for that comparison and asserts that the halves occur.
    @Test
    void marc8MnemonicFileEqualsTheUtf8IsoTwin() throws IOException {
        List<MarcRecord> ours = readMrk(MRK.resolve("marc4j__brkrtest.mrk"));
        List<org.marc4j.marc.Record> oracle = readMarc4j(ISO.resolve("marc4j__brkrtest_UTF8.mrc"));
        assertEquals(oracle.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            List<String> mine = canonical(ours.get(i));
            List<String> folded = mine.stream().map(MrkCorpusTest::foldHalves).toList();
            assertEquals(canonical(oracle.get(i)), folded, "record " + i);
            boolean hasHalves = i == 1 || i == 2 || i == 4 || i == 5;
            assertEquals(hasHalves, !folded.equals(mine), "ligature halves in record " + i);
        }
    }

    /// `x U+FE20 y U+FE21` to `x U+0361 y` and `x U+FE22 y U+FE23` to `x U+0360 y`.
    static String foldHalves(String s) {
        return s.replaceAll("\uFE20(.)\uFE21", "\u0361$1").replaceAll("\uFE22(.)\uFE23", "\u0360$1");
    }

    @ParameterizedTest
    @CsvSource({"marc4j__brkrtest.mrk8", "marc4j__brkrtest1.mrk8", "marc4j__u17_marc4j.mrk8"})
    void agreesWithMarc4jsOwnMrk8Reader(String file) throws IOException {
        List<MarcRecord> ours = readMrk(MRK.resolve(file));
        List<org.marc4j.marc.Record> theirs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(MRK.resolve(file))) {
            Mrk8StreamReader r = new Mrk8StreamReader(in);
            while (r.hasNext()) {
                theirs.add(r.next());
            }
        }
        assertEquals(theirs.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(canonical(theirs.get(i)), canonical(ours.get(i)), "record " + i);
        }
    }
}
