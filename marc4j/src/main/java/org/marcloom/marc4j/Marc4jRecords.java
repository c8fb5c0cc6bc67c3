package org.marcloom.marc4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marc4j.MarcError;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.marcloom.Diagnostic;
import org.marcloom.Severity;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Converts records between marcloom's [MarcRecord] and marc4j 2.9.6's [Record], both ways.
/// Stateless and thread-safe; the records themselves are not shared (each call builds new
/// objects).
///
/// ## What a marc4j `Record` cannot hold
/// marc4j's `RecordImpl` keeps control fields and data fields in two lists and its `LeaderImpl`
/// keeps the numeric positions as numbers. [#toMarc4j(MarcRecord)] therefore gives:
/// - **one 001**: `addVariableField` replaces the control number field, so of several 001 fields
///   only the last is kept (as marc4j's own readers do);
/// - **no 000 field**: `addVariableField` drops a control field tagged `000` (its "leader as a
///   field");
/// - **control fields first**: the record's fields come back as every control field, with the 001
///   first, then every data field, each group in the original order;
/// - **numeric leader positions**: leader/00-04 and /12-16 that are not digits become `00000`,
///   /10 and /11 that are not a digit become `2`.
///
/// A data field tagged 000 is kept, but marc4j 2.9.6's tag lookups (`getVariableField("000")`)
/// see the leader as a field 000 and return that first.
///
/// Nothing is dropped silently: each dropped field and each rewritten leader is reported as a
/// [MarcError] on the returned record ([Record#getErrors()], severity [MarcError#MINOR_ERROR],
/// field the tag, message saying what was lost), next to the record's own diagnostics. The other
/// direction, [#toMarcloom(Record)], keeps every field, in [Record#getVariableFields()] order, but
/// not what a marcloom record has no place for: the database ids (`getId()`), the record type
/// (`getType()`) and the record's `MarcError`s.
public final class Marc4jRecords {

    /// The marc4j severity of a marcloom [Severity]: `WARNING` is [MarcError#MINOR_ERROR], `ERROR`
    /// (repaired) is [MarcError#MAJOR_ERROR], `FATAL` is [MarcError#FATAL].
    ///
    /// @param severity a marcloom severity
    /// @return the marc4j severity constant
    public static int severity(Severity severity) {
        return switch (Objects.requireNonNull(severity, "severity")) {
            case WARNING -> MarcError.MINOR_ERROR;
            case ERROR -> MarcError.MAJOR_ERROR;
            case FATAL -> MarcError.FATAL;
        };
    }

    private static final String NONE = "n/a";

    private Marc4jRecords() {
    }

    /// A marc4j record with this record's leader and fields, built by marc4j's default factory
    /// ([MarcFactory#newInstance()], which the system property `org.marc4j.marc.MarcFactory` may
    /// change). Each diagnostic becomes a [MarcError] (see [#errorMessage(Diagnostic)]).
    ///
    /// @param record the record
    /// @return a new, mutable marc4j record; losses are listed in its errors (see the class comment)
    /// @throws NullPointerException when `record` is null
    public static Record toMarc4j(MarcRecord record) {
        return toMarc4j(record, MarcFactory.newInstance());
    }

    /// A marc4j record with this record's leader and fields, built by `factory`.
    ///
    /// @param record  the record
    /// @param factory the marc4j factory that makes the record, leader, fields and subfields
    /// @return a new, mutable marc4j record; losses are listed in its errors (see the class comment)
    /// @throws NullPointerException when an argument is null
    public static Record toMarc4j(MarcRecord record, MarcFactory factory) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(factory, "factory");
        return build(record, record.leader(), factory);
    }

    /// The conversion itself, with the leader to use (the reader may change leader/09).
    static Record build(MarcRecord record, Leader leader, MarcFactory factory) {
        Record out = factory.newRecord(factory.newLeader(leader.toString()));
        List<Field> fields = record.fields();
        int n = fields.size();
        VariableField[] made = new VariableField[n];
        for (int i = 0; i < n; i++) {
            VariableField v = switch (fields.get(i)) {
                case ControlField c -> factory.newControlField(c.tag(), c.data());
                case DataField d -> {
                    org.marc4j.marc.DataField df = factory.newDataField(d.tag(), d.indicator1(), d.indicator2());
                    List<Subfield> subfields = d.subfields();
                    for (int k = 0, m = subfields.size(); k < m; k++) {
                        Subfield s = subfields.get(k);
                        df.addSubfield(factory.newSubfield(s.code(), s.value()));
                    }
                    yield df;
                }
            };
            made[i] = v;
            out.addVariableField(v);
        }
        List<Diagnostic> diagnostics = record.diagnostics();
        for (int i = 0, m = diagnostics.size(); i < m; i++) {
            Diagnostic d = diagnostics.get(i);
            out.addError(d.tag() == null ? NONE : d.tag(), NONE, severity(d.severity()), errorMessage(d));
        }
        reportLosses(out, leader, made);
        return out;
    }

    private static void reportLosses(Record out, Leader leader, VariableField[] made) {
        if (leader.recordLength() < 0 || leader.indicatorCount() < 0 || leader.subfieldCodeLength() < 0
                || leader.baseAddress() < 0) {
            out.addError(NONE, NONE, MarcError.MINOR_ERROR, "marc4j's Leader keeps positions 00-04, 10, 11 and"
                    + " 12-16 as numbers: leader \"" + leader + "\" became \"" + out.getLeader() + "\"");
        }
        if (out.getControlFields().size() + out.getDataFields().size() == made.length) {
            return;
        }
        Map<VariableField, Boolean> there = new IdentityHashMap<>();
        for (VariableField v : out.getVariableFields()) {
            there.put(v, Boolean.TRUE);
        }
        for (int i = 0; i < made.length; i++) {
            VariableField v = made[i];
            if (!there.containsKey(v)) {
                String why = v.getTag().equals("001")
                        ? "marc4j's Record keeps one 001 (the last): dropped"
                        : "marc4j's Record did not keep";
                out.addError(v.getTag(), NONE, MarcError.MINOR_ERROR, why + " field " + i + " " + v);
            }
        }
    }

    /// The text a diagnostic becomes in a [MarcError]: `CODE at record 3, byte 1234, tag 245:
    /// problem; repair`.
    ///
    /// @param diagnostic the diagnostic
    /// @return the message
    public static String errorMessage(Diagnostic diagnostic) {
        return diagnostic.code() + " at " + diagnostic.location() + ": " + diagnostic.message();
    }

    /// A marcloom record with the leader and the fields of a marc4j record, in
    /// [Record#getVariableFields()] order (control fields, then data fields). Database ids, the
    /// record type and the record's `MarcError`s are not carried.
    ///
    /// @param record the marc4j record
    /// @return a new, immutable record with no diagnostics
    /// @throws NullPointerException     when `record` is null
    /// @throws IllegalArgumentException when marcloom cannot hold the record: no leader, a leader
    ///                                  that is not 24 characters, a tag that is not three
    ///                                  characters, or control field or subfield data that is `null`;
    ///                                  the message names the field by index and tag
    public static MarcRecord toMarcloom(Record record) {
        Objects.requireNonNull(record, "record");
        org.marc4j.marc.Leader leader = record.getLeader();
        if (leader == null) {
            throw new IllegalArgumentException("the marc4j record has no leader (getLeader() is null)");
        }
        MarcRecord.Builder b = MarcRecord.builder().leader(leader.toString());
        List<VariableField> fields = record.getVariableFields();
        List<Field> out = new ArrayList<>(fields.size());
        for (int i = 0, n = fields.size(); i < n; i++) {
            VariableField v = fields.get(i);
            try {
                out.add(field(v));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("field " + i + " (tag " + v.getTag() + ") of the marc4j record: "
                        + e.getMessage(), e);
            }
        }
        for (Field f : out) {
            b.add(f);
        }
        return b.build();
    }

    private static Field field(VariableField v) {
        if (v instanceof org.marc4j.marc.ControlField c) {
            String data = c.getData();
            if (data == null) {
                throw new IllegalArgumentException("control field data is null");
            }
            return new ControlField(v.getTag(), data);
        }
        org.marc4j.marc.DataField d = (org.marc4j.marc.DataField) v;
        List<org.marc4j.marc.Subfield> subfields = d.getSubfields();
        Subfield[] converted = new Subfield[subfields.size()];
        for (int k = 0; k < converted.length; k++) {
            org.marc4j.marc.Subfield s = subfields.get(k);
            if (s.getData() == null) {
                throw new IllegalArgumentException("subfield " + k + " ($" + s.getCode() + ") data is null");
            }
            converted[k] = new Subfield(s.getCode(), s.getData());
        }
        return DataField.of(v.getTag(), d.getIndicator1(), d.getIndicator2(), converted);
    }
}
