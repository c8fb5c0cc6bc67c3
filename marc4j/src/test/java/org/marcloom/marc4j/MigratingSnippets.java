package org.marcloom.marc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcException;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// The Java examples of `docs/migrating.md`, compiled and run. Each `// @start region="name"` ...
/// `// @end` region is copied into the page (its common indentation removed), after a
/// `<!-- snippet: MigratingSnippets#name -->` line.
class MigratingSnippets {

    static final Path FILE = Fixtures.iso("evergreen__jazz_1k.mrc");

    /// marc4j code as it is today: the loop the bridge keeps.
    static List<String> titlesWithMarc4j(InputStream in) {
        // @start region="marc4j-loop"
        List<String> titles = new ArrayList<>();
        org.marc4j.MarcReader reader = new MarcPermissiveStreamReader(in, true, true);
        while (reader.hasNext()) {
            Record record = reader.next();
            DataField title = (DataField) record.getVariableField("245");
            if (title != null && title.getSubfield('a') != null) {
                titles.add(title.getSubfield('a').getData());
            }
        }
        // @end
        return titles;
    }

    /// The same loop over the bridge: only the line that makes the reader changes.
    static List<String> titlesWithTheBridge(InputStream in) {
        // @start region="bridge-loop"
        List<String> titles = new ArrayList<>();
        org.marc4j.MarcReader reader = Marc4jReader.of(MarcReader.builder().lenient(true).open(in));
        while (reader.hasNext()) {
            Record record = reader.next();
            DataField title = (DataField) record.getVariableField("245");
            if (title != null && title.getSubfield('a') != null) {
                titles.add(title.getSubfield('a').getData());
            }
        }
        // @end
        return titles;
    }

    @Test
    void theBridgeLoopReadsWhatTheMarc4jLoopReads() throws IOException {
        List<String> marc4j;
        try (InputStream in = Files.newInputStream(FILE)) {
            marc4j = titlesWithMarc4j(in);
        }
        List<String> bridge;
        try (InputStream in = Files.newInputStream(FILE)) {
            bridge = titlesWithTheBridge(in);
        }
        assertEquals(1000, bridge.size());
        assertEquals(marc4j, bridge);
    }

    @Test
    void bridgeOptions() throws IOException {
        Path path = FILE;
        // @start region="bridge-options"
        // Strict, as new MarcStreamReader(in): MARC-8 is decoded, the first error is thrown.
        org.marc4j.MarcReader strict = Marc4jReader.open(Files.newInputStream(path));

        // Lenient, decoding on 4 threads, guessing the encoding where leader/09 is wrong.
        Marc4jReader fast = Marc4jReader.of(MarcReader.builder()
                .lenient(true).guessEncoding(true).concurrency(4).open(path));

        // marc4j's sorted factory, and leader/09 as read instead of 'a'.
        Marc4jReader custom = Marc4jReader.builder()
                .factory(new org.marc4j.marc.impl.SortedMarcFactoryImpl())
                .keepCharacterCodingScheme(true)
                .wrap(MarcReader.builder().open(path));
        // @end
        assertEquals("03-0018137", strict.next().getControlNumber());
        assertEquals("03-0018137", fast.next().getControlNumber());
        assertEquals("03-0018137", custom.next().getControlNumber());
        ((Marc4jReader) strict).close();
        fast.close();
        custom.close();
    }

    static int strictErrors(Path path) throws IOException {
        int errors = 0;
        // @start region="bridge-errors"
        try (Marc4jReader reader = Marc4jReader.of(MarcReader.builder().open(path))) {
            while (reader.hasNext()) {
                try {
                    Record record = reader.next();
                    // ...
                } catch (MarcException e) {
                    // e.getMessage(): "...: SUBFIELD_CODE_INVALID at record 382, byte 360893,
                    // tag 100 (001 03-0013810): a subfield delimiter is not followed by ..."
                    if (e.getCause() instanceof MarcParseException p) {
                        System.err.println(p.code() + " at byte " + p.byteOffset());
                    }
                    errors++;
                }
            }
        }
        // @end
        return errors;
    }

    @Test
    void aStrictErrorIsCaughtOnce() throws IOException {
        assertEquals(1, strictErrors(FILE));
    }

    static List<String> lenientErrors(Path path) throws IOException {
        List<String> out = new ArrayList<>();
        // @start region="bridge-lenient-errors"
        org.marc4j.MarcReader reader = Marc4jReader.of(MarcReader.builder().lenient(true).open(path));
        while (reader.hasNext()) {
            Record record = reader.next();
            if (record.hasErrors()) {
                // One MarcError per diagnostic: curField is the tag, message
                // "CODE at record N, byte B, tag T: what was wrong; what was done".
                record.getErrors().forEach(e -> out.add(e.curField + " " + e.message));
            }
        }
        // @end
        return out;
    }

    @Test
    void lenientErrorsAreOnTheRecords() throws IOException {
        List<String> errors = lenientErrors(FILE);
        assertEquals("100 SUBFIELD_CODE_INVALID at record 382, byte 360893, tag 100: a subfield delimiter is not"
                + " followed by a subfield code; the empty subfield was dropped", errors.getFirst());
    }

    static void copy(InputStream in, OutputStream out, boolean bridge) {
        if (!bridge) {
            org.marc4j.MarcReader reader = new MarcStreamReader(in);
            org.marc4j.MarcWriter writer = new MarcStreamWriter(out, "UTF-8");
            while (reader.hasNext()) {
                writer.write(reader.next());
            }
            writer.close();
            return;
        }
        // @start region="bridge-writer"
        org.marc4j.MarcReader reader = Marc4jReader.open(in);
        org.marc4j.MarcWriter writer = Marc4jWriter.open(out);   // was: new MarcStreamWriter(out, "UTF-8")
        while (reader.hasNext()) {
            writer.write(reader.next());
        }
        writer.close();
        // @end
    }

    @Test
    void theBridgeWriterWritesWhatMarcStreamWriterWrites() throws IOException {
        Path file = Fixtures.iso("traject__test_data.utf8.mrc");
        ByteArrayOutputStream marc4j = new ByteArrayOutputStream();
        ByteArrayOutputStream bridge = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file)) {
            copy(in, marc4j, false);
        }
        try (InputStream in = Files.newInputStream(file)) {
            copy(in, bridge, true);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(marc4j.toByteArray(), bridge.toByteArray());
    }

    @Test
    void recordsBothWays() throws IOException {
        Path path = Fixtures.iso("marc4j__summerland.mrc");
        // @start region="records-both-ways"
        MarcRecord ours;
        try (MarcReader reader = MarcReader.open(path)) {
            ours = reader.read();
        }
        Record theirs = Marc4jRecords.toMarc4j(ours);      // a mutable marc4j record
        theirs.getControlNumberField().setData("ocm0001");
        MarcRecord back = Marc4jRecords.toMarcloom(theirs); // an immutable marcloom record
        // @end
        assertEquals("ocm0001", back.controlNumber().orElseThrow());
    }

    @Test
    void nativeRead() throws IOException {
        Path path = FILE;
        List<String> titles = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        // @start region="native-read"
        try (MarcReader reader = MarcReader.builder().lenient(true).open(path)) {
            for (MarcRecord record : reader) {
                record.value("245$a").ifPresent(titles::add);   // first 245 $a
                subjects.addAll(record.values("650$a"));       // every 650 $a
                for (Diagnostic d : record.diagnostics()) {    // what lenient mode repaired
                    System.err.println(d);                     // ERROR SUBFIELD_CODE_INVALID at record 382, byte ...
                }
            }
        }
        // @end
        List<String> viaBridge;
        try (InputStream in = Files.newInputStream(path)) {
            viaBridge = titlesWithTheBridge(in);
        }
        assertEquals(viaBridge, titles);
        assertEquals(1000, titles.size());
    }

    @Test
    void nativeWrite() throws IOException {
        Path in = Fixtures.iso("traject__test_data.utf8.mrc");
        Path out = Files.createTempFile("migrating", ".xml");
        try {
            // @start region="native-write"
            try (MarcReader reader = MarcReader.open(in);
                    MarcWriter writer = MarcWriter.builder().format(MarcFormat.MARCXML).open(out)) {
                for (MarcRecord record : reader) {
                    writer.write(record);
                }
            }
            // @end
            try (MarcReader back = MarcReader.builder().format(MarcFormat.MARCXML).open(out)) {
                assertEquals(30, back.stream().count());
            }
        } finally {
            Files.delete(out);
        }
    }

    @Test
    void fieldAccess() throws IOException {
        MarcRecord record = Fixtures.record(Fixtures.iso("marc4j__summerland.mrc"), 0, false);
        Record marc4j = Marc4jRecords.toMarc4j(record);
        // @start region="field-access-marc4j"
        DataField f245 = (DataField) marc4j.getVariableField("245");
        String title = f245.getSubfield('a').getData();                  // "Summerland /"
        List<String> topics = new ArrayList<>();
        for (org.marc4j.marc.VariableField v : marc4j.getVariableFields("650")) {
            for (Subfield s : ((DataField) v).getSubfields('a')) {
                topics.add(s.getData());                                    // "Fantasy.", ...
            }
        }
        String id = marc4j.getControlNumber();                             // "12883376"
        // @end
        // @start region="field-access-marcloom"
        String title2 = record.value("245$a").orElse("");                  // "Summerland /"
        List<String> topics2 = record.values("650$a");                     // ["Fantasy.", ...]
        String id2 = record.controlNumber().orElse(null);                  // "12883376"
        String language = record.value("008/35-37").orElse("");           // "eng"
        // @end
        assertEquals("Summerland /", title);
        assertEquals(title, title2);
        assertEquals(List.of("Fantasy.", "Baseball", "Magic"), topics);
        assertEquals(topics, topics2);
        assertEquals("12883376", id);
        assertEquals(id, id2);
        assertEquals("eng", language);
    }
}
