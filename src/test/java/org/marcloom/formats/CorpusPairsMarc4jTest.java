package org.marcloom.formats;

import org.marcloom.testing.CrossFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.marc4j.MarcJsonReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;
import org.marcloom.MarcFormat;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.Marc4jView;

/// Differential test against marc4j 2.9.6 on every ISO 2709, MARCXML and MARC-in-JSON file of the
/// corpus pairs ([CorpusPairsTest#PAIRS]): marc4j's reader for the format gives the same leaders
/// and the same fields ([Marc4jView], text under NFC) as ours. marc4j has no MARCMaker reader, so
/// the .mrk files are left to [CorpusPairsTest].
class CorpusPairsMarc4jTest {

    static Set<String> files() {
        Set<String> out = new LinkedHashSet<>();
        for (CorpusPairsTest.Pair p : CorpusPairsTest.PAIRS) {
            out.add(p.reference());
            p.members().forEach(m -> out.add(m.file()));
        }
        out.removeIf(f -> f.startsWith("mrk/"));
        return out;
    }

    static List<Record> marc4j(Path file) throws IOException {
        List<Record> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            MarcReader r = switch (CrossFormat.formatOf(file)) {
                case ISO_2709 -> new MarcStreamReader(in);
                case MARCXML -> new MarcXmlReader(in);
                case MARC_JSON, MARC_JSON_LINES -> new MarcJsonReader(in);
                case MARCMAKER -> throw new IllegalArgumentException("marc4j has no MARCMaker reader");
            };
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    /// Where marc4j reads a file differently, what it gives in terms of ours (a [Marc4jView] of
    /// record 0); each is a marc4j behaviour, not a defect of the file or of ours:
    /// - yaz__marc6.marc: the directory lists 010 fifth but its data is stored last; marc4j gives
    ///   010 last (where its data lies), we keep the directory's order, as yaz does in its own
    ///   conversions (yaz__marc6.xml, .json; see CorpusPairsTest).
    /// - yaz__marc5.json: the 250's only subfield has code U+03B7 (yaz's reading of a field with no
    ///   delimiter); marc4j's JSON reader drops it (its MARCXML reader keeps it, yaz__marc5.xml
    ///   agrees with us), we keep it.
    static final Map<String, UnaryOperator<List<String>>> MARC4J_READS = Map.of(
            "iso2709/yaz__marc6.marc", lines -> {
                List<String> out = new ArrayList<>(lines);
                String f010 = out.remove(4);
                assertEquals("010  |a   11224466 ", f010);
                out.add(f010);
                return out;
            },
            "json/yaz__marc5.json", lines -> lines.stream()
                    .map(l -> l.startsWith("250") ? l.substring(0, 5) : l).toList());

    /// marc4j 2.9.6's MarcJsonReader reads one record object or a stream of them, but not a JSON
    /// array of records: on pymarc__batch.json it throws. (Its records are compared with marc4j's
    /// reading of pymarc__batch.xml through CorpusPairsTest, which finds them equal.)
    @Test
    void marc4jCannotReadAJsonArray() {
        assertThrows(org.marc4j.MarcException.class, () -> marc4j(Path.of("fixtures/json/pymarc__batch.json")));
        assertEquals(2, CrossFormat.read(Path.of("fixtures/json/pymarc__batch.json")).size());
    }

    @TestFactory
    Stream<DynamicTest> marc4jReadsThePairFilesAsWeDo() {
        return files().stream().filter(f -> !f.equals("json/pymarc__batch.json")).map(f -> DynamicTest.dynamicTest(f, () -> {
            Path file = Path.of("fixtures", f);
            List<Record> theirs = marc4j(file);
            List<MarcRecord> ours = CrossFormat.read(file);
            assertEquals(theirs.size(), ours.size(), "record count");
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(theirs.get(i).getLeader().marshal(), ours.get(i).leader().toString(), "record " + i + " leader");
                assertEquals(nfc(Marc4jView.of(theirs.get(i))),
                        nfc(MARC4J_READS.getOrDefault(f, UnaryOperator.identity()).apply(Marc4jView.of(ours.get(i)))),
                        "record " + i);
            }
        }));
    }

    static List<String> nfc(List<String> lines) {
        return lines.stream().map(CrossFormat::nfc).toList();
    }
}
