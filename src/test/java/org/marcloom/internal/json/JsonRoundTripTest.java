package org.marcloom.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.testing.Marc4jView;
import org.marcloom.testing.RecordArbitraries;

/// MARC-in-JSON written by [JsonSink] reads back equal through [JsonSource] and through marc4j.
class JsonRoundTripTest {

    @Provide
    Arbitrary<List<MarcRecord>> batches() {
        return RecordArbitraries.records().list().ofMinSize(0).ofMaxSize(5);
    }

    @Provide
    Arbitrary<MarcRecord> records() {
        return RecordArbitraries.records();
    }

    static byte[] write(MarcFormat format, boolean indent, List<MarcRecord> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(format).indent(indent).open(bytes)) {
            records.forEach(w::write);
        }
        return bytes.toByteArray();
    }

    static List<MarcRecord> read(MarcFormat format, byte[] bytes) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(format).open(new ByteArrayInputStream(bytes))) {
            r.forEach(out::add);
            assertEquals(List.of(), r.trailingDiagnostics());
        }
        return out;
    }

    private static void assertSame(List<MarcRecord> want, List<MarcRecord> got) {
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).leader(), got.get(i).leader());
            assertEquals(want.get(i).fields(), got.get(i).fields());
            assertEquals(List.of(), got.get(i).diagnostics());
        }
    }

    @Property(tries = 150)
    void arrayRoundTrip(@ForAll("batches") List<MarcRecord> records) throws IOException {
        assertSame(records, read(MarcFormat.MARC_JSON, write(MarcFormat.MARC_JSON, false, records)));
    }

    @Property(tries = 100)
    void indentedArrayRoundTrip(@ForAll("batches") List<MarcRecord> records) throws IOException {
        assertSame(records, read(MarcFormat.MARC_JSON, write(MarcFormat.MARC_JSON, true, records)));
    }

    @Property(tries = 150)
    void linesRoundTrip(@ForAll("batches") List<MarcRecord> records) throws IOException {
        byte[] bytes = write(MarcFormat.MARC_JSON_LINES, false, records);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(records.size(), text.chars().filter(c -> c == '\n').count(), "one line per record");
        assertTrue(text.isEmpty() || text.endsWith("\n"));
        assertSame(records, read(MarcFormat.MARC_JSON_LINES, bytes));
        // Either format name reads either form.
        assertSame(records, read(MarcFormat.MARC_JSON, bytes));
    }

    @Property(tries = 40)
    void marc4jReadsWhatWeWrite(@ForAll("records") MarcRecord generated) throws IOException {
        MarcRecord want = Marc4jView.withOneLeading001(generated);
        byte[] bytes = write(MarcFormat.MARC_JSON_LINES, false, List.of(want));
        org.marc4j.MarcJsonReader reader = new org.marc4j.MarcJsonReader(new ByteArrayInputStream(bytes));
        assertTrue(reader.hasNext());
        org.marc4j.marc.Record got = reader.next();
        assertEquals(want.leader().toString(), got.getLeader().toString());
        assertEquals(Marc4jView.of(want), Marc4jView.of(got));
    }

    @Test
    void emptyArrayAndEmptyInput() throws IOException {
        assertEquals("[]", new String(write(MarcFormat.MARC_JSON, false, List.of()), StandardCharsets.UTF_8));
        assertEquals("", new String(write(MarcFormat.MARC_JSON_LINES, false, List.of()), StandardCharsets.UTF_8));
        assertEquals(List.of(), read(MarcFormat.MARC_JSON, new byte[0]));
        assertEquals(List.of(), read(MarcFormat.MARC_JSON_LINES, "[]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesTheCode4libLayout() throws IOException {
        MarcRecord r = MarcRecord.builder().leader("01234nam a2200289 a 4500")
                .addControlField("001", "ocm01234567")
                .addDataField("245", '1', '0', Subfield.of('a', "Title :"), Subfield.of('b', "sub\u00e9 /"))
                .build();
        String json = new String(write(MarcFormat.MARC_JSON_LINES, false, List.of(r)), StandardCharsets.UTF_8);
        assertEquals("{\"leader\":\"01234nam a2200289 a 4500\",\"fields\":[{\"001\":\"ocm01234567\"},"
                + "{\"245\":{\"ind1\":\"1\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"Title :\"},{\"b\":\"subé /\"}]}}]}\n",
                json);
    }

    @Test
    void unpairedSurrogateIsWrittenAsReplacementCharacter() throws IOException {
        MarcRecord r = MarcRecord.builder().addControlField("001", "a\uD800").build();
        List<MarcRecord> back = read(MarcFormat.MARC_JSON, write(MarcFormat.MARC_JSON, false, List.of(r)));
        assertEquals("a\uFFFD", back.getFirst().controlNumber().orElseThrow());
    }

    @Test
    void fieldOrderAndKeyOrderAreFree() throws IOException {
        String json = "{\"fields\":[{\"245\":{\"subfields\":[{\"a\":\"x\"}],\"ind2\":\"0\",\"ind1\":\"1\"}},"
                + "{\"001\":\"n\"}],\"leader\":\"01234nam a2200289 a 4500\"}";
        List<MarcRecord> got = read(MarcFormat.MARC_JSON_LINES, json.getBytes(StandardCharsets.UTF_8));
        MarcRecord r = got.getFirst();
        assertEquals("245", r.fields().get(0).tag());
        assertEquals('1', r.dataField("245").orElseThrow().indicator1());
        assertEquals("n", r.controlNumber().orElseThrow());
        assertNull(null);
    }
}
