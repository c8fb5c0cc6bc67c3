package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Reads MARCXML with marc4j and compares its records with ours, field by field.
final class Marc4jOracle {

    private Marc4jOracle() {
    }

    static List<Record> read(InputStream in) {
        MarcXmlReader reader = new MarcXmlReader(in);
        List<Record> out = new ArrayList<>();
        while (reader.hasNext()) {
            out.add(reader.next());
        }
        return out;
    }

    static void assertSame(List<Record> expected, List<MarcRecord> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": record count");
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), actual.get(i), what + " record " + i);
        }
    }

    /// marc4j parses leader/00-04, 10, 11 and 12-16 as numbers, so non-digits there come back as
    /// zeros; marcloom keeps the leader as written. Those positions are compared only when ours
    /// are digits.
    static void assertLeader(String expected, String actual, String what) {
        assertEquals(24, actual.length(), what);
        for (int i = 0; i < 24; i++) {
            boolean numeric = i <= 4 || i == 10 || i == 11 || (i >= 12 && i <= 16);
            if (!numeric || Character.isDigit(actual.charAt(i))) {
                assertEquals(expected.charAt(i), actual.charAt(i), what + " position " + i + " of " + actual);
            }
        }
    }

    static void assertSame(Record expected, MarcRecord actual, String what) {
        assertLeader(expected.getLeader().marshal(), actual.leader().toString(), what + ": leader");
        List<ControlField> controls = new ArrayList<>();
        List<DataField> datas = new ArrayList<>();
        for (Field f : actual.fields()) {
            if (f instanceof ControlField c) {
                controls.add(c);
            } else {
                datas.add((DataField) f);
            }
        }
        // marc4j keeps 001 first whatever the document order; compare control fields in tag order.
        controls.sort(java.util.Comparator.comparing(ControlField::tag));
        List<org.marc4j.marc.ControlField> ec = new ArrayList<>(expected.getControlFields());
        ec.sort(java.util.Comparator.comparing(org.marc4j.marc.ControlField::getTag));
        assertEquals(ec.size(), controls.size(), what + ": control field count");
        for (int i = 0; i < ec.size(); i++) {
            assertEquals(ec.get(i).getTag(), controls.get(i).tag(), what + ": control tag " + i);
            assertEquals(ec.get(i).getData(), controls.get(i).data(), what + ": control data " + ec.get(i).getTag());
        }
        List<org.marc4j.marc.DataField> ed = expected.getDataFields();
        assertEquals(ed.size(), datas.size(), what + ": data field count");
        for (int i = 0; i < ed.size(); i++) {
            org.marc4j.marc.DataField e = ed.get(i);
            DataField a = datas.get(i);
            String where = what + ": data field " + i + " (" + e.getTag() + ")";
            assertEquals(e.getTag(), a.tag(), where + " tag");
            assertEquals(e.getIndicator1(), a.indicator1(), where + " ind1");
            assertEquals(e.getIndicator2(), a.indicator2(), where + " ind2");
            List<org.marc4j.marc.Subfield> es = e.getSubfields();
            List<Subfield> as = a.subfields();
            assertEquals(es.size(), as.size(), where + " subfield count");
            for (int j = 0; j < es.size(); j++) {
                assertEquals(es.get(j).getCode(), as.get(j).code(), where + " code " + j);
                assertEquals(es.get(j).getData(), as.get(j).value(), where + " value " + j);
            }
        }
    }
}
