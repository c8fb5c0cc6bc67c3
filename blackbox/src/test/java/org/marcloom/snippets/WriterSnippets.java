package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.AtomicOutput;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.OutputEncoding;
import org.marcloom.record.MarcRecord;

/// Writing: the examples of `MarcWriter`'s Javadoc and of `docs/usage.md`, each run on a fixture
/// and its output read back.
class WriterSnippets {

    @TempDir
    Path tmp;

    // @start region="convert"
    static long xmlToIso2709(Path xml, Path mrc) throws IOException {
        try (MarcReader in = MarcReader.builder().format(MarcFormat.MARCXML).open(xml);
             MarcWriter out = MarcWriter.builder().open(mrc)) {        // ISO 2709, UTF-8
            for (MarcRecord rec : in) {
                out.write(rec);
            }
            return out.recordsWritten();
        }
    }
    // @end

    @Test
    void convert() throws IOException {
        Path xml = Path.of("fixtures/xml/traject__test_data.utf8.marc.xml");
        Path mrc = tmp.resolve("out.mrc");
        assertEquals(30, xmlToIso2709(xml, mrc));
        try (MarcReader fromXml = MarcReader.builder().format(MarcFormat.MARCXML).open(xml);
             MarcReader back = MarcReader.open(mrc)) {
            assertEquals(fieldsOf(fromXml), fieldsOf(back));
        }
    }

    private static List<?> fieldsOf(MarcReader reader) {
        return reader.stream().map(MarcRecord::fields).toList();
    }

    // @start region="atomic"
    static void convertAtomically(Path xml, Path mrc) throws IOException {
        try (MarcReader in = MarcReader.builder().format(MarcFormat.MARCXML).open(xml);
             AtomicOutput file = AtomicOutput.open(mrc);                // .out.mrc.NNNN.part, next to mrc
             MarcWriter out = MarcWriter.builder().keepOpen(true).open(file)) {
            for (MarcRecord rec : in) {
                out.write(rec);
            }
            out.close();                                                // the last bytes into the file
            file.commit();                                              // fsync, then rename over mrc
        }                                                               // no commit (an error): no mrc
    }
    // @end

    @Test
    void atomic() throws IOException {
        Path mrc = tmp.resolve("out.mrc");
        convertAtomically(Path.of("fixtures/xml/traject__test_data.utf8.marc.xml"), mrc);
        try (MarcReader back = MarcReader.open(mrc); var files = Files.list(tmp)) {
            assertEquals(30, back.stream().count());
            assertEquals(List.of(mrc), files.toList(), "no temporary file left");
        }
    }

    @Test
    void copy() throws IOException {
        Path source = Path.of("fixtures/iso2709/traject__test_data.utf8.mrc");
        Path target = tmp.resolve("copy.mrc");
        Path jsonPath = tmp.resolve("first.ndjson");
        // @start region="copy"
        try (MarcReader in = MarcReader.open(source);
             MarcWriter out = MarcWriter.builder().open(target)) {            // ISO 2709, UTF-8, leader/09 = 'a'
            for (MarcRecord rec : in) {
                out.write(rec);
            }
        }

        try (MarcReader in = MarcReader.open(source);
             MarcWriter json = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).open(jsonPath)) {
            json.write(in.read());                                            // one JSON object per line
        }
        // @end
        assertEquals(-1, Files.mismatch(source, target), "a UTF-8 file is written back byte for byte");
        assertEquals(1, Files.readAllLines(jsonPath).size());
    }

    @Test
    void marc8() throws IOException {
        Path source = Path.of("fixtures/iso2709/marc4j__chabon.mrc");
        Path target = tmp.resolve("marc8.mrc");
        // @start region="marc8"
        try (MarcReader in = MarcReader.open(source);
             MarcWriter out = MarcWriter.builder().encoding(OutputEncoding.MARC_8).open(target)) {
            in.forEach(out::write);   // leader/09 blank; what MARC-8 cannot hold is written as &#xXXXX;
        }
        // @end
        try (MarcReader utf8 = MarcReader.open(source); MarcReader marc8 = MarcReader.open(target)) {
            List<MarcRecord> a = utf8.stream().toList();
            List<MarcRecord> b = marc8.stream().toList();
            assertEquals(2, b.size());
            assertEquals(' ', b.getFirst().leader().characterCodingScheme());
            assertEquals(a.stream().map(MarcRecord::fields).toList(), b.stream().map(MarcRecord::fields).toList());
        }
    }
}
