package org.marcloom.internal.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.testing.RecordArbitraries;

/// Written by [Iso2709Sink], read back by marcloom's own reader and by marc4j: same records.
class Iso2709SinkPropertyTest {

    @Provide
    Arbitrary<List<MarcRecord>> batches() {
        return RecordArbitraries.records().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<MarcRecord> records() {
        return RecordArbitraries.records();
    }

    private static byte[] write(List<MarcRecord> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().open(bytes)) {
            records.forEach(w::write);
        }
        return bytes.toByteArray();
    }

    @Property(tries = 300)
    void writtenRecordsReadBackEqual(@ForAll("batches") List<MarcRecord> records) throws IOException {
        byte[] bytes = write(records);
        try (MarcReader r = MarcReader.builder().open(new ByteArrayInputStream(bytes))) {
            for (MarcRecord want : records) {
                MarcRecord got = r.read();
                assertNotNull(got);
                assertEquals(List.of(), got.diagnostics());
                assertEquals(want.fields(), got.fields());
                assertLeaderKept(want.leader(), got.leader());
            }
            assertNull(r.read());
        }
    }

    /// The descriptive leader positions survive; the structural ones are recomputed.
    private static void assertLeaderKept(Leader want, Leader got) {
        for (int i : new int[] {5, 6, 7, 8, 17, 18, 19}) {
            assertEquals(want.charAt(i), got.charAt(i), "leader/" + i);
        }
        assertEquals('a', got.characterCodingScheme());
        assertEquals("4500", got.entryMap());
        assertEquals(2, got.indicatorCount());
        assertEquals(2, got.subfieldCodeLength());
    }

    /// marc4j keeps one 001 and puts it first, so the records given to it have exactly one, first.
    @Property(tries = 40)
    void marc4jReadsWhatWeWrite(@ForAll("records") MarcRecord generated) throws IOException {
        MarcRecord want = generated.toBuilder().removeAll("001")
                .insert(0, new org.marcloom.record.ControlField("001", "cn 1")).build();
        byte[] bytes = write(List.of(want));
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(bytes), "UTF-8");
        assertTrue(reader.hasNext());
        Record got = reader.next();
        assertEquals(bytes.length, Integer.parseInt(got.getLeader().toString().substring(0, 5)));
        // marc4j keeps control fields and data fields in two lists, each in order.
        List<String> wantControl = new ArrayList<>();
        List<String> wantData = new ArrayList<>();
        for (Field f : want.fields()) {
            switch (f) {
                case org.marcloom.record.ControlField c -> wantControl.add(c.tag() + "=" + c.data());
                case org.marcloom.record.DataField d -> {
                    StringBuilder sb = new StringBuilder(d.tag()).append(d.indicator1()).append(d.indicator2());
                    for (Subfield s : d.subfields()) {
                        sb.append('|').append(s.code()).append(s.value());
                    }
                    wantData.add(sb.toString());
                }
            }
        }
        List<String> gotControl = new ArrayList<>();
        for (ControlField c : got.getControlFields()) {
            gotControl.add(c.getTag() + "=" + c.getData());
        }
        List<String> gotData = new ArrayList<>();
        for (DataField d : got.getDataFields()) {
            StringBuilder sb = new StringBuilder(d.getTag()).append(d.getIndicator1()).append(d.getIndicator2());
            for (org.marc4j.marc.Subfield s : d.getSubfields()) {
                sb.append('|').append(s.getCode()).append(s.getData());
            }
            gotData.add(sb.toString());
        }
        assertEquals(wantControl, gotControl);
        assertEquals(wantData, gotData);
        assertTrue(!reader.hasNext());
    }
}
