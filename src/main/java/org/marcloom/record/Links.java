package org.marcloom.record;

import java.util.ArrayList;
import java.util.List;

/// Pairs 880 fields with the regular fields their `$6` names (MARC 21 "Alternate Graphic
/// Representation"): an 880 with `$6 245-01` belongs to the 245 with `$6 880-01`. Stateless.
final class Links {

    static final String ALTERNATE = "880";

    private Links() {
    }

    /// One pair per 880, in record order.
    static List<LinkedField> of(MarcRecord record) {
        List<LinkedField> out = new ArrayList<>();
        for (Field f : record.fields()) {
            if (f instanceof DataField d && d.tag().equals(ALTERNATE)) {
                Linkage l = Linkage.of(d).orElse(null);
                out.add(new LinkedField(d, l == null ? null : original(record, l), l));
            }
        }
        return out;
    }

    /// The other field of a pair: the regular field of an 880, the 880 of a regular field.
    static DataField partner(MarcRecord record, DataField field) {
        Linkage l = Linkage.of(field).orElse(null);
        if (l == null || l.isUnlinked()) {
            return null;
        }
        if (field.tag().equals(ALTERNATE)) {
            return original(record, l);
        }
        if (!l.tag().equals(ALTERNATE)) {
            return null;
        }
        for (Field f : record.fields()) {
            if (f instanceof DataField d && d.tag().equals(ALTERNATE)) {
                Linkage back = Linkage.of(d).orElse(null);
                if (back != null && back.occurrence() == l.occurrence() && back.tag().equals(field.tag())) {
                    return d;
                }
            }
        }
        return null;
    }

    /// The regular field an 880's linkage names, or null.
    private static DataField original(MarcRecord record, Linkage alternate) {
        if (alternate.isUnlinked()) {
            return null;
        }
        for (Field f : record.fields()) {
            if (f instanceof DataField d && d.tag().equals(alternate.tag()) && !d.tag().equals(ALTERNATE)) {
                Linkage l = Linkage.of(d).orElse(null);
                if (l != null && l.tag().equals(ALTERNATE) && l.occurrence() == alternate.occurrence()) {
                    return d;
                }
            }
        }
        return null;
    }
}
