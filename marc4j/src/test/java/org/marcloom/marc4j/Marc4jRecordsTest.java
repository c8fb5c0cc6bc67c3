package org.marcloom.marc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcError;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.marc4j.marc.impl.SortedMarcFactoryImpl;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Severity;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// [Marc4jRecords]: the conversion both ways, and every case marc4j's `Record` cannot hold, each
/// on the fixture record that shows it (or, where no fixture has it, a record built here).
class Marc4jRecordsTest {

    static List<String> tags(List<? extends VariableField> fields) {
        return fields.stream().map(VariableField::getTag).toList();
    }

    static List<String> errors(Record r) {
        return r.getErrors() == null ? List.of()
                : r.getErrors().stream().map(e -> e.curField + "|" + e.curSubfield + "|" + e.severity + "|" + e.message).toList();
    }

    @Test
    void aWellFormedRecordBecomesTheSameMarc4jRecordAndBack() {
        MarcRecord ours = Fixtures.record(Fixtures.iso("marc4j__summerland.mrc"), 0, false);
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals(ours.leader().toString(), theirs.getLeader().toString());
        assertEquals(List.of("001", "005", "008", "020", "020", "040", "100", "245", "250", "260", "300", "520", "650",
                "650", "650"), tags(theirs.getVariableFields()));
        org.marc4j.marc.DataField t245 = (org.marc4j.marc.DataField) theirs.getVariableField("245");
        assertEquals('1', t245.getIndicator1());
        assertEquals('0', t245.getIndicator2());
        assertEquals("Summerland /", t245.getSubfield('a').getData());
        assertEquals("Michael Chabon.", t245.getSubfield('c').getData());
        assertEquals("12883376", theirs.getControlNumber());
        assertFalse(theirs.hasErrors());
        assertEquals(ours, Marc4jRecords.toMarcloom(theirs));
    }

    /// marc4j's `addVariableField` replaces the control number field: of two 001 fields it keeps
    /// the last. The dropped one is reported on the record.
    @Test
    void marc4jKeepsOnlyTheLastOfTwo001sAndTheLossIsAnError() {
        MarcRecord ours = Fixtures.record(Fixtures.iso("traject__missing-second-date.marc"), 0, false);
        assertEquals(List.of(".b20028118", ".b6928510x"), ours.values("001"));
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals(".b6928510x", theirs.getControlNumber());
        assertEquals(1, theirs.getVariableFields("001").size());
        assertEquals(ours.fields().size() - 1, theirs.getVariableFields().size());
        assertEquals(List.of("001|n/a|" + MarcError.MINOR_ERROR
                + "|marc4j's Record keeps one 001 (the last): dropped field 0 001 .b20028118"), errors(theirs));
        assertEquals(ours.toBuilder().remove(0).build(), Marc4jRecords.toMarcloom(theirs));
    }

    /// The same loss in MARCXML: each holdings record of evergreen__serials_mfhd.xml has two 001s.
    @Test
    void everyRecordOfTheMfhdFileLosesItsFirst001() {
        List<MarcRecord> ours = Fixtures.read(Fixtures.XML.resolve("evergreen__serials_mfhd.xml"), false);
        assertEquals(7, ours.size());
        for (MarcRecord r : ours) {
            Record theirs = Marc4jRecords.toMarc4j(r);
            assertEquals(r.values("001").get(1), theirs.getControlNumber());
            assertEquals(List.of("marc4j's Record keeps one 001 (the last): dropped field 0 001 " + r.values("001").get(0)),
                    theirs.getErrors().stream().map(e -> e.message).toList());
        }
    }

    /// marc4j keeps control fields and data fields in two lists: a control field after a data
    /// field comes back before every data field. No data is lost, so no error.
    @Test
    void aControlFieldAfterADataFieldMovesBeforeTheDataFields() {
        MarcRecord ours = Fixtures.record(Fixtures.iso("evergreen__jazz_1k.mrc"), 631, true);
        assertEquals(List.of("001", "005", "020", "008", "035"), ours.fields().subList(0, 5).stream().map(f -> f.tag()).toList());
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals(List.of("001", "005", "008", "020", "035"), tags(theirs.getVariableFields()).subList(0, 5));
        assertFalse(theirs.hasErrors());
        MarcRecord back = Marc4jRecords.toMarcloom(theirs);
        assertEquals(ours.toBuilder().move(3, 2).build(), back);
    }

    /// marc4j puts the 001 first among the control fields (`controlFields.add(0, ...)`).
    @Test
    void the001MovesToTheFront() {
        MarcRecord ours = Fixtures.record(Fixtures.iso("marc4j__pride-and-prejudice-with-many-errors.mrc"), 15, true);
        assertEquals(List.of("008", "001"), ours.fields().subList(0, 2).stream().map(f -> f.tag()).toList());
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals(List.of("001", "008"), tags(theirs.getControlFields()));
        assertEquals(ours.toBuilder().move(1, 0).clearDiagnostics().build(), Marc4jRecords.toMarcloom(theirs));

        MarcRecord xml = Fixtures.record(Fixtures.XML.resolve("ruby-marc__messed_up_leader.xml"), 0, false);
        assertEquals(List.of("005", "008", "001"), xml.fields().subList(0, 3).stream().map(f -> f.tag()).toList());
        assertEquals(List.of("001", "005", "008"), tags(Marc4jRecords.toMarc4j(xml).getControlFields()));
    }

    /// marc4j's `LeaderImpl` parses positions 00-04 and 12-16 as numbers (0 when not digits) and
    /// 10 and 11 as digits (2 when not): the MARCXML leader `-----nas-a22-----z--4500` of
    /// marc-perl__namespace.xml comes back `00000nas-a2200000z--4500`.
    @Test
    void aLeaderWithNonDigitsInItsNumericPositionsIsRewritten() {
        MarcRecord ours = Fixtures.record(Fixtures.XML.resolve("marc-perl__namespace.xml"), 0, true);
        assertEquals("-----nas-a22-----z--4500", ours.leader().toString());
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals("00000nas-a2200000z--4500", theirs.getLeader().toString());
        assertTrue(errors(theirs).contains("n/a|n/a|" + MarcError.MINOR_ERROR + "|marc4j's Leader keeps positions 00-04,"
                + " 10, 11 and 12-16 as numbers: leader \"-----nas-a22-----z--4500\" became \"00000nas-a2200000z--4500\""),
                errors(theirs).toString());

        // ISO 2709: the lenient reader keeps marc-perl__badldr.usmarc's last leader as read.
        MarcRecord badldr = Fixtures.record(Fixtures.iso("marc-perl__badldr.usmarc"), 6, true);
        assertEquals("7                       ", badldr.leader().toString());
        assertEquals("00000     2200000       ", Marc4jRecords.toMarc4j(badldr).getLeader().toString());
        // Base address "f" in pymarc__bad_records.mrc record 5.
        MarcRecord badBase = Fixtures.record(Fixtures.iso("pymarc__bad_records.mrc"), 5, true);
        assertEquals("00127     22f0037   4500", badBase.leader().toString());
        assertEquals("00127     2200000   4500", Marc4jRecords.toMarc4j(badBase).getLeader().toString());
    }

    /// `addVariableField` drops a control field tagged 000 (marc4j's "leader as a field"). No
    /// fixture has one as a control field, so the record is built here.
    @Test
    void aControlField000IsDroppedAndReported() {
        MarcRecord ours = MarcRecord.builder().leader("00000nam a2200000   4500")
                .addControlField("000", "leader-like data").addControlField("001", "cn1")
                .addDataField("245", '1', '0', Subfield.of('a', "Title")).build();
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals(List.of("001", "245"), tags(theirs.getVariableFields()));
        assertEquals(List.of("000|n/a|" + MarcError.MINOR_ERROR
                + "|marc4j's Record did not keep field 0 000 leader-like data"), errors(theirs));
    }

    /// A data field tagged 000 (marcloom's MARCXML reader keeps a `datafield` with no tag as 000,
    /// marc4j__chabon-missing-datafield-tag.xml) is kept, but marc4j 2.9.6's tag lookups search
    /// `getVariableFieldsWithLeader()`, where the leader itself is a field 000, and find that first.
    @Test
    void aDataField000IsKeptButMarc4jLookupsFindTheLeaderFirst() {
        MarcRecord ours = Fixtures.record(Fixtures.XML.resolve("marc4j__chabon-missing-datafield-tag.xml"), 0, true);
        DataField d000 = ours.dataField("000").orElseThrow();
        assertEquals("Bildungsromane.", d000.value('a'));
        Record theirs = Marc4jRecords.toMarc4j(ours);
        List<VariableField> found = theirs.getVariableFields("000");
        assertEquals(2, found.size());
        assertEquals("000 " + ours.leader(), found.get(0).toString());
        assertEquals("000  7$aBildungsromane.$2gsafd", found.get(1).toString());
        assertEquals("000 " + ours.leader(), theirs.getVariableField("000").toString());
        assertEquals(ours.toBuilder().clearDiagnostics().build(), Marc4jRecords.toMarcloom(theirs));
    }

    /// A control field whose tag is `00` and a letter (`00A`) stays a control field. Built here:
    /// no fixture has one.
    @Test
    void aControlFieldWithANonDigitTagStaysAControlField() {
        MarcRecord ours = MarcRecord.builder().addControlField("001", "cn1").addControlField("00A", "local").build();
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals(List.of("001", "00A"), tags(theirs.getControlFields()));
        assertEquals("local", ((org.marc4j.marc.ControlField) theirs.getVariableField("00A")).getData());
        assertFalse(theirs.hasErrors());
        assertEquals(ours, Marc4jRecords.toMarcloom(theirs));
    }

    @Test
    void diagnosticsBecomeMarcErrorsWithCodeOffsetAndTag() {
        MarcRecord ours = Fixtures.record(Fixtures.iso("marc4j__185258.mrc"), 0, true);
        Diagnostic d = ours.diagnostics().getFirst();
        assertEquals(ErrorCode.INDICATOR_INVALID, d.code());
        Record theirs = Marc4jRecords.toMarc4j(ours);
        assertEquals(List.of("082|n/a|" + MarcError.MAJOR_ERROR + "|INDICATOR_INVALID at record 0, byte 439, tag 082: "
                + d.message()), errors(theirs));
        assertEquals("INDICATOR_INVALID at record 0, byte 439, tag 082: " + d.message(), Marc4jRecords.errorMessage(d));
    }

    @Test
    void severitiesMapToMarc4jsConstants() {
        assertEquals(MarcError.MINOR_ERROR, Marc4jRecords.severity(Severity.WARNING));
        assertEquals(MarcError.MAJOR_ERROR, Marc4jRecords.severity(Severity.ERROR));
        assertEquals(MarcError.FATAL, Marc4jRecords.severity(Severity.FATAL));
    }

    @Test
    void theFactoryMakesTheRecord() {
        MarcRecord ours = Fixtures.record(Fixtures.iso("marc4j__summerland.mrc"), 0, false);
        Record theirs = Marc4jRecords.toMarc4j(ours, new SortedMarcFactoryImpl());
        assertEquals("org.marc4j.marc.impl.SortedRecordImpl", theirs.getClass().getName());
        // The sorted record orders its data fields by tag: 650 Fantasy comes after 650 Baseball.
        assertEquals(List.of("650  1$aBaseball$vFiction.", "650  1$aFantasy.", "650  1$aMagic$vFiction."),
                theirs.getVariableFields("650").stream().map(Marc4jDiff::text).toList());
        assertEquals(new java.util.TreeSet<>(Marc4jDiff.text(Marc4jRecords.toMarc4j(ours))),
                new java.util.TreeSet<>(Marc4jDiff.text(theirs)));
    }

    /// The other direction drops the database ids, the record type (MarcXmlReader reads the
    /// `type` attribute of marc4j__summerland-record-with-type.xml) and the record's errors.
    @Test
    void toMarcloomDropsIdsTypeAndErrors() throws Exception {
        Record theirs;
        try (InputStream in = Files.newInputStream(Fixtures.XML.resolve("marc4j__summerland-record-with-type.xml"))) {
            theirs = new MarcXmlReader(in).next();
        }
        assertEquals("Bibliographic", theirs.getType());
        theirs.setId(42L);
        theirs.addError("245", "a", MarcError.MINOR_ERROR, "an error");
        MarcRecord ours = Marc4jRecords.toMarcloom(theirs);
        assertEquals(List.of(), ours.diagnostics());
        assertEquals(Marc4jDiff.text(theirs), Marc4jDiff.text(Marc4jRecords.toMarc4j(ours)));
        MarcRecord fromIso = Fixtures.record(Fixtures.iso("marc4j__summerland.mrc"), 0, false);
        assertEquals(fromIso.fields(), ours.fields());
    }

    @Test
    void toMarcloomRefusesWhatMarcloomCannotHold() {
        MarcFactory f = MarcFactory.newInstance();
        Record noLeader = new org.marc4j.marc.impl.RecordImpl();
        assertEquals("the marc4j record has no leader (getLeader() is null)",
                assertThrows(IllegalArgumentException.class, () -> Marc4jRecords.toMarcloom(noLeader)).getMessage());

        Record nullData = f.newRecord();
        nullData.addVariableField(f.newControlField("001", "x"));
        org.marc4j.marc.DataField d = f.newDataField("245", '1', '0');
        d.addSubfield(f.newSubfield('a'));
        nullData.addVariableField(d);
        assertEquals("field 1 (tag 245) of the marc4j record: subfield 0 ($a) data is null",
                assertThrows(IllegalArgumentException.class, () -> Marc4jRecords.toMarcloom(nullData)).getMessage());

        Record badTag = f.newRecord();
        badTag.addVariableField(f.newDataField("24", ' ', ' ', "a", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Marc4jRecords.toMarcloom(badTag));
        assertEquals("field 0 (tag 24) of the marc4j record: 'tag' must be three characters, was \"24\"", e.getMessage());

        Record nullControl = f.newRecord();
        nullControl.addVariableField(f.newControlField("008"));
        assertEquals("field 0 (tag 008) of the marc4j record: control field data is null",
                assertThrows(IllegalArgumentException.class, () -> Marc4jRecords.toMarcloom(nullControl)).getMessage());
    }

    @Test
    void theConvertedRecordsAreNewObjects() {
        MarcRecord ours = MarcRecord.builder().addControlField("001", "a").build();
        Record one = Marc4jRecords.toMarc4j(ours);
        Record two = Marc4jRecords.toMarc4j(ours);
        one.getControlNumberField().setData("changed");
        assertEquals("a", two.getControlNumber());
        assertEquals(List.of(new ControlField("001", "a")), ours.fields());
        assertInstanceOf(org.marc4j.marc.impl.RecordImpl.class, one);
        assertSame(MarcRecord.class, Marc4jRecords.toMarcloom(one).getClass());
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        assertEquals("record", assertThrows(NullPointerException.class, () -> Marc4jRecords.toMarc4j(null)).getMessage());
        assertEquals("factory", assertThrows(NullPointerException.class,
                () -> Marc4jRecords.toMarc4j(MarcRecord.builder().build(), null)).getMessage());
        assertEquals("record", assertThrows(NullPointerException.class, () -> Marc4jRecords.toMarcloom(null)).getMessage());
    }
}
