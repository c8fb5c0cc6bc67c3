package org.marcloom.testing;

import java.util.ArrayList;
import java.util.List;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// A comparable text view of a record's fields for differential tests against marc4j, which keeps
/// control fields and data fields in two separate lists (each in order), and keeps one 001, first.
public final class Marc4jView {

    private Marc4jView() {
    }

    /// The record with every 001 removed and one 001 put first, the shape marc4j can hold.
    public static MarcRecord withOneLeading001(MarcRecord r) {
        return r.toBuilder().removeAll("001").insert(0, new ControlField("001", "cn 1")).build();
    }

    /// Control fields, then data fields, one string each.
    public static List<String> of(MarcRecord r) {
        List<String> control = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (Field f : r.fields()) {
            switch (f) {
                case ControlField c -> control.add(c.tag() + "=" + c.data());
                case DataField d -> {
                    StringBuilder sb = new StringBuilder(d.tag()).append(d.indicator1()).append(d.indicator2());
                    for (Subfield s : d.subfields()) {
                        sb.append('|').append(s.code()).append(s.value());
                    }
                    data.add(sb.toString());
                }
            }
        }
        control.addAll(data);
        return control;
    }

    public static List<String> of(org.marc4j.marc.Record r) {
        List<String> out = new ArrayList<>();
        for (org.marc4j.marc.ControlField c : r.getControlFields()) {
            out.add(c.getTag() + "=" + c.getData());
        }
        for (org.marc4j.marc.DataField d : r.getDataFields()) {
            StringBuilder sb = new StringBuilder(d.getTag()).append(d.getIndicator1()).append(d.getIndicator2());
            for (org.marc4j.marc.Subfield s : d.getSubfields()) {
                sb.append('|').append(s.getCode()).append(s.getData());
            }
            out.add(sb.toString());
        }
        return out;
    }
}
