package org.marcloom.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;

/// The record model on real records with known values: lookups, selectors, convenience
/// accessors, builders and copy-on-write edits, immutability, the leader.
class MarcRecordModelTest {

    static MarcRecord summerland;

    @BeforeAll
    static void load() throws IOException {
        try (MarcReader r = MarcReader.open(Path.of("fixtures", "iso2709", "marc4j__summerland.mrc"))) {
            summerland = r.read();
        }
    }

    @Test
    void lookupsAndSelectors() {
        assertEquals(List.of("Summerland /"), summerland.values("245$a"));
        assertEquals(List.of("Fantasy.", "Baseball", "Fiction.", "Magic", "Fiction."), summerland.values("650$av"));
        assertEquals(List.of("Fantasy.", "Baseball", "Magic"), summerland.values("650$a"));
        assertEquals(3, summerland.fields("6XX").size());
        assertEquals(3, summerland.dataFields("65.").size());
        assertEquals(List.of("100"), summerland.fields("1..").stream().map(Field::tag).toList());
        assertEquals(List.of("100"), summerland.fields("1xx").stream().map(Field::tag).toList());
        assertEquals(List.of("eng"), summerland.values("008/35-37"));
        assertEquals(List.of("s"), summerland.values("008/06"));
        assertEquals(List.of("Summerland / Michael Chabon."), summerland.values("245"));
        assertEquals(List.of("12883376"), summerland.values("001"));
        assertEquals(Optional.of("12883376"), summerland.controlValue("001"));
        assertEquals(Optional.empty(), summerland.controlValue("007"));
        assertEquals(Optional.of("0786808772"), summerland.value("020$a"));
        assertEquals("245", summerland.field("24.").orElseThrow().tag());
        assertEquals('1', summerland.dataField("100").orElseThrow().indicator1());
        assertEquals(List.of(), summerland.values("999$a"));
        assertThrows(IllegalArgumentException.class, () -> summerland.values("24"));
        assertThrows(IllegalArgumentException.class, () -> summerland.values("008/x"));
        // MARCspec 10.1: a range that starts after its end references nothing (it is not an error).
        assertEquals(List.of(), summerland.values("008/5-3"));
        MarcSpecException e = assertThrows(MarcSpecException.class, () -> summerland.fields("24"));
        assertEquals(2, e.index());
    }

    @Test
    void convenienceAccessors() {
        assertEquals(Optional.of("Summerland"), summerland.title());
        assertEquals(Optional.of("Chabon, Michael"), summerland.mainAuthor());
        assertEquals(List.of("0786808772", "0786816155 (pbk.)"), summerland.isbns());
        assertEquals(List.of(), summerland.issns());
        assertEquals(List.of("Fantasy", "Baseball -- Fiction", "Magic -- Fiction"), summerland.subjects());
        assertEquals(Optional.of("Miramax Books/Hyperion Books for Children"), summerland.publisher());
        assertEquals(Optional.of("2002"), summerland.publicationYear());
        assertEquals(Optional.of("eng"), summerland.language());
        assertEquals(Optional.of("12883376"), summerland.controlNumber());
        assertEquals(3, summerland.subjectFields().size());
    }

    @Test
    void emptyRecordHasNoConvenienceValues() {
        MarcRecord empty = MarcRecord.builder().build();
        assertEquals(Leader.DEFAULT, empty.leader());
        assertEquals(Optional.empty(), empty.title());
        assertEquals(Optional.empty(), empty.mainAuthor());
        assertEquals(Optional.empty(), empty.publicationYear());
        assertEquals(Optional.empty(), empty.language());
        assertEquals(List.of(), empty.subjects());
    }

    @Test
    void publicationYearFallsBackTo264() {
        MarcRecord r = MarcRecord.builder()
                .addControlField("008", "170714q1678    fr ||||   |  |||| ||fre|c".replace("1678", "uuuu"))
                .addDataField("264", ' ', '1', Subfield.of('b', "Gallimard,"), Subfield.of('c', "[2019]"))
                .build();
        assertEquals(Optional.of("2019"), r.publicationYear());
        assertEquals(Optional.of("Gallimard"), r.publisher());
        assertEquals(Optional.of("fre"), r.language());
    }

    @Test
    void copyOnWriteEditsLeaveTheOriginalAlone() {
        MarcRecord edited = summerland.toBuilder()
                .removeAll("6XX")
                .add(DataField.builder("650").indicators(' ', '0').subfield('a', "Baseball").subfield('x', "History").build())
                .replaceAll(f -> f.tag().equals("001") ? ControlField.of("001", "X1") : f)
                .move(0, 1)
                .build();
        assertEquals(15, summerland.fields().size());
        assertEquals(Optional.of("12883376"), summerland.controlNumber());
        assertEquals(Optional.of("X1"), edited.controlNumber());
        assertEquals("005", edited.fields().get(0).tag());
        assertEquals("001", edited.fields().get(1).tag());
        assertEquals(List.of("Baseball", "History"), edited.values("650$ax"));
        assertEquals(13, edited.fields().size());
        assertNotEquals(summerland, edited);
        assertEquals(summerland, summerland.toBuilder().build());
        assertEquals(summerland.hashCode(), summerland.toBuilder().build().hashCode());

        MarcRecord sorted = edited.toBuilder().sortByTag().build();
        assertEquals("001", sorted.fields().getFirst().tag());
        MarcRecord removed = summerland.toBuilder().remove(0).removeIf(f -> f.tag().startsWith("0")).build();
        assertTrue(removed.fields().stream().noneMatch(f -> f.tag().startsWith("0")));
        MarcRecord inserted = summerland.toBuilder().insert(0, ControlField.of("003", "DLC"))
                .set(1, ControlField.of("001", "Y")).build();
        assertEquals(List.of("003", "001"), inserted.fields().subList(0, 2).stream().map(Field::tag).toList());
    }

    @Test
    void subfieldEdits() {
        DataField f260 = summerland.dataField("260").orElseThrow();
        DataField changed = f260.toBuilder()
                .replaceValues('b', v -> v.toUpperCase())
                .removeAll('c')
                .insert(0, Subfield.of('3', "v. 1"))
                .add(Subfield.of('e', "printer"))
                .move(3, 1)
                .build();
        assertEquals(List.of('3', 'e', 'a', 'b'), changed.subfields().stream().map(Subfield::code).toList());
        assertEquals("MIRAMAX BOOKS/HYPERION BOOKS FOR CHILDREN,", changed.value('b'));
        assertEquals(3, f260.subfields().size(), "original untouched");
        DataField sorted = changed.toBuilder().sortByCode().set(0, Subfield.of('3', "v. 2")).remove(1).build();
        assertEquals(List.of('3', 'b', 'e'), sorted.subfields().stream().map(Subfield::code).toList());
        DataField kept = changed.toBuilder().removeIf(s -> s.code() == 'e').build();
        assertTrue(!kept.has('e') && kept.has('a'));
        assertEquals(List.of("v. 1"), kept.values('3'));
        assertEquals(List.of("v. 1", "New York :"), kept.values("3a"));
    }

    @Test
    void listsAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> summerland.fields().add(ControlField.of("003", "x")));
        assertThrows(UnsupportedOperationException.class, () -> summerland.fields().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> summerland.diagnostics().clear());
        DataField f = summerland.dataField("245").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> f.subfields().set(0, Subfield.of('a', "x")));
        MarcRecord.Builder b = summerland.toBuilder();
        assertThrows(UnsupportedOperationException.class, () -> b.fields().clear());
        List<Subfield> source = new java.util.ArrayList<>(List.of(Subfield.of('a', "x")));
        DataField built = DataField.of("500", ' ', ' ', source);
        source.add(Subfield.of('b', "y"));
        assertEquals(1, built.subfields().size(), "the factory copies its list");
    }

    @Test
    void leaderAccessors() {
        Leader l = summerland.leader();
        assertEquals("00714cam a2200205 a 4500", l.toString());
        assertEquals(714, l.recordLength());
        assertEquals('c', l.recordStatus());
        assertEquals('a', l.typeOfRecord());
        assertEquals('m', l.bibliographicLevel());
        assertEquals(' ', l.typeOfControl());
        assertEquals('a', l.characterCodingScheme());
        assertTrue(l.isUnicode());
        assertEquals(2, l.indicatorCount());
        assertEquals(2, l.subfieldCodeLength());
        assertEquals(205, l.baseAddress());
        assertEquals(' ', l.encodingLevel());
        assertEquals('a', l.descriptiveCatalogingForm());
        assertEquals(' ', l.multipartResourceRecordLevel());
        assertEquals("4500", l.entryMap());
        assertEquals(Leader.RecordKind.BIBLIOGRAPHIC, l.kind());
        assertEquals(99, l.withRecordLength(99).recordLength());
        assertEquals(30, l.withBaseAddress(30).baseAddress());
        assertEquals(' ', l.withCharacterCodingScheme(' ').characterCodingScheme());
        assertEquals('z', l.with(6, 'z').typeOfRecord());
        assertEquals(Leader.RecordKind.AUTHORITY, l.with(6, 'z').kind());
        assertEquals(-1, Leader.of("abcdecam a22xxxxx a 4500").recordLength());
        assertEquals(-1, Leader.of("abcdecam a22xxxxx a 4500").baseAddress());
        assertEquals(l, Leader.of("00714cam a2200205 a 4500"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Leader.of("short"));
        assertTrue(e.getMessage().contains("24 characters"), e.getMessage());
    }
}
