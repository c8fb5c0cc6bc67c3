package org.marcloom.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.testing.RecordArbitraries;

/// Verify on write: a record that would read back different (an unpaired surrogate reads back as
/// U+FFFD) or not at all (an oversize record a strict reader refuses) is refused with
/// [ErrorCode#ROUND_TRIP_MISMATCH] at its index, nothing of it written, at concurrency 1 and 2; valid
/// arbitrary records pass in every format.
class VerifyOnWriteTest {

    private static MarcRecord withTitle(String title) {
        return MarcRecord.builder().addControlField("001", "r-" + title.length())
                .add(DataField.of("245", '1', '0', new Subfield('a', title))).build();
    }

    private static byte[] write(MarcWriter.Builder builder, List<MarcRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = builder.open(out)) {
            records.forEach(w::write);
        }
        return out.toByteArray();
    }

    /// A title with an unpaired UTF-16 surrogate: every writer writes it as U+FFFD, so the record
    /// reads back with another title.
    private static MarcRecord unpaired() {
        return MarcRecord.builder().addControlField("001", "r-bad")
                .add(DataField.of("245", '1', '0', new Subfield('a', "Second\uD800"))).build();
    }

    @Test
    void withoutVerifyAnUnpairedSurrogateReadsBackAsTheReplacementCharacter() throws IOException {
        byte[] bytes = write(MarcWriter.builder(), List.of(unpaired()));
        try (MarcReader r = MarcReader.builder().open(new ByteArrayInputStream(bytes))) {
            assertEquals(DataField.of("245", '1', '0', new Subfield('a', "Second\uFFFD")), r.read().fields().get(1));
        }
    }

    /// A control field tagged 500 (ISO 2709 has no field types: a reader would take it for a data
    /// field) is refused by the writer itself, verify or not.
    @Test
    void aMisTaggedControlFieldIsRefusedWithoutVerify() {
        MarcRecord misTagged = MarcRecord.builder().addControlField("001", "r-bad").add(ControlField.of("500", "10"))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter w = MarcWriter.builder().open(out);
        MarcWriteException e = assertThrows(MarcWriteException.class, () -> w.write(misTagged));
        assertEquals(ErrorCode.TAG_INVALID, e.code());
        assertEquals("500", e.tag());
        assertEquals(0, out.size());
    }

    @ParameterizedTest(name = "concurrency {0}")
    @ValueSource(ints = {1, 2})
    void aRecordThatReadsBackDifferentIsRefusedAtItsIndex(int concurrency) throws IOException {
        List<MarcRecord> records = List.of(withTitle("First"), unpaired(), withTitle("Third"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter w = MarcWriter.builder().verify(true).concurrency(concurrency)
                .open(out);
        MarcWriteException e = assertThrows(MarcWriteException.class, () -> {
            try (w) {
                records.forEach(w::write);
            }
        });
        assertEquals(ErrorCode.ROUND_TRIP_MISMATCH, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals("r-bad", e.controlNumber());
        assertEquals("verify: the record as written in ISO_2709 reads back different: field 1 "
                + DataField.of("245", '1', '0', new Subfield('a', "Second\uD800")) + " reads back as "
                + DataField.of("245", '1', '0', new Subfield('a', "Second\uFFFD")), e.problem());
        byte[] first = write(MarcWriter.builder(), records.subList(0, 1));
        assertArrayEquals(first, out.toByteArray(), "the records before it, nothing of it");
    }

    @Test
    void aRecordTheStrictReaderRefusesIsRefused() {
        List<MarcRecord> records = new ArrayList<>();
        MarcRecord.Builder b = MarcRecord.builder().addControlField("001", "huge");
        for (int i = 0; i < 60; i++) {
            b.add(DataField.of("500", ' ', ' ', new Subfield('a', "x".repeat(2000))));
        }
        records.add(b.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter w = MarcWriter.builder().allowOversize(true).verify(true).open(out);
        MarcWriteException e = assertThrows(MarcWriteException.class, () -> w.write(records.getFirst()));
        assertEquals(ErrorCode.ROUND_TRIP_MISMATCH, e.code());
        assertEquals(0, e.recordIndex());
        assertEquals(0, out.size());
        assertEquals("500", e.tag());
        assertEquals("verify: the record as written in ISO_2709 does not read back: FIELD_TERMINATOR_MISSING: the field"
                + " does not end with a field terminator (0x1E) at the length its directory entry gives (2005 bytes)",
                e.problem());
    }

    @Provide
    Arbitrary<List<MarcRecord>> batches() {
        return RecordArbitraries.records().list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 60)
    void verifyPassesForValidArbitraryRecordsInEveryFormat(@ForAll("batches") List<MarcRecord> records)
            throws IOException {
        for (MarcFormat format : MarcFormat.values()) {
            byte[] plain = write(MarcWriter.builder().format(format), records);
            byte[] verified = write(MarcWriter.builder().format(format).verify(true), records);
            assertArrayEquals(plain, verified, format.toString());
        }
    }
}
