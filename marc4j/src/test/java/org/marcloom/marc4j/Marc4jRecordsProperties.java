package org.marcloom.marc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marc4j.marc.Record;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.RecordArbitraries;

/// The conversion's contract on arbitrary records: marcloom -> marc4j -> marcloom gives exactly the
/// record marc4j's model can hold (computed here from the documented rules, not by marc4j), with
/// one error per thing it could not; marc4j -> marcloom -> marc4j changes nothing.
class Marc4jRecordsProperties {

    /// Arbitrary records (control fields among the data fields, repeated 001s), some with control
    /// fields tagged 000 and leaders with letters in their numeric positions.
    @Provide
    Arbitrary<MarcRecord> records() {
        Arbitrary<String> leaderNoise = Arbitraries.of("", "0", "10", "11", "12", "3").list().ofMaxSize(2)
                .map(l -> String.join(",", l));
        return Combinators.combine(RecordArbitraries.records(), Arbitraries.integers().between(0, 2),
                        RecordArbitraries.text(10), leaderNoise)
                .as((r, extra000, text, noise) -> {
                    MarcRecord.Builder b = r.toBuilder();
                    for (int i = 0; i < extra000; i++) {
                        b.insert(Math.min(i * 3, r.fields().size()), new ControlField("000", text));
                    }
                    char[] leader = r.leader().toString().toCharArray();
                    for (String p : noise.split(",")) {
                        if (!p.isEmpty()) {
                            leader[Integer.parseInt(p)] = 'x';
                        }
                    }
                    return b.leader(new String(leader)).build();
                });
    }

    /// What marc4j can hold of `r`: its leader with non-digit numeric positions replaced, the last
    /// 001 first, the other control fields but 000 in order, then the data fields in order.
    static MarcRecord marc4jShape(MarcRecord r) {
        String l = r.leader().toString();
        String len = l.substring(0, 5).chars().allMatch(Character::isDigit) ? l.substring(0, 5) : "00000";
        char ind = Character.isDigit(l.charAt(10)) ? l.charAt(10) : '2';
        char sub = Character.isDigit(l.charAt(11)) ? l.charAt(11) : '2';
        String base = l.substring(12, 17).chars().allMatch(Character::isDigit) ? l.substring(12, 17) : "00000";
        String leader = len + l.substring(5, 10) + ind + sub + base + l.substring(17);
        List<Field> control = new ArrayList<>();
        List<Field> data = new ArrayList<>();
        ControlField last001 = null;
        for (Field f : r.fields()) {
            if (f instanceof ControlField c) {
                if (c.tag().equals("001")) {
                    last001 = c;
                } else if (!c.tag().equals("000")) {
                    control.add(c);
                }
            } else {
                data.add((DataField) f);
            }
        }
        MarcRecord.Builder b = MarcRecord.builder().leader(leader);
        if (last001 != null) {
            b.add(last001);
        }
        control.forEach(b::add);
        data.forEach(b::add);
        return b.build();
    }

    static int losses(MarcRecord r) {
        long n001 = r.fields().stream().filter(f -> f instanceof ControlField && f.tag().equals("001")).count();
        long n000 = r.fields().stream().filter(f -> f instanceof ControlField && f.tag().equals("000")).count();
        boolean leader = !marc4jShape(r).leader().equals(r.leader());
        return (int) (Math.max(0, n001 - 1) + n000 + (leader ? 1 : 0));
    }

    @Property(tries = 300)
    void toMarc4jKeepsWhatMarc4jCanHoldAndReportsTheRest(@ForAll("records") MarcRecord r) {
        Record theirs = Marc4jRecords.toMarc4j(r);
        assertEquals(marc4jShape(r), Marc4jRecords.toMarcloom(theirs));
        assertEquals(losses(r), theirs.getErrors() == null ? 0 : theirs.getErrors().size());
    }

    @Property(tries = 300)
    void marc4jRecordsSurviveTheRoundTrip(@ForAll("records") MarcRecord r) {
        Record theirs = Marc4jRecords.toMarc4j(r);
        Record again = Marc4jRecords.toMarc4j(Marc4jRecords.toMarcloom(theirs));
        assertEquals(Marc4jDiff.text(theirs), Marc4jDiff.text(again));
        assertEquals(null, again.getErrors());
    }
}
