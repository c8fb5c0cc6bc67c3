package org.marcloom.validation;

import java.util.Objects;

/// One place where a record does not follow its MARC 21 format: the [FindingCode], where it is
/// (record index, field index, tag, subfield code, character position), the value at fault, the
/// label the definition gives the element (`Title Statement`, `Literary form`) and a sentence for
/// a person. Positions that do not apply are `-1`, a tag or subfield that does not apply is
/// `null`. Immutable and thread-safe.
public final class Finding {

    private final FindingCode code;
    private final long recordIndex;
    private final int fieldIndex;
    private final String tag;
    private final Character subfield;
    private final int position;
    private final String value;
    private final String label;
    private final String message;

    Finding(FindingCode code, long recordIndex, int fieldIndex, String tag, Character subfield, int position,
            String value, String label, String message) {
        this.code = Objects.requireNonNull(code, "code");
        this.recordIndex = recordIndex;
        this.fieldIndex = fieldIndex;
        this.tag = tag;
        this.subfield = subfield;
        this.position = position;
        this.value = value == null ? "" : value;
        this.label = label == null ? "" : label;
        this.message = Objects.requireNonNull(message, "message");
    }

    /// What kind of problem it is.
    ///
    /// @return the stable code
    public FindingCode code() {
        return code;
    }

    /// The record's zero-based index in its input, as given to [Marc21Validator#validate].
    ///
    /// @return the index
    public long recordIndex() {
        return recordIndex;
    }

    /// The field's zero-based index among the record's fields ([org.marcloom.record.MarcRecord#fields()]).
    ///
    /// @return the index, or -1 for the leader and for a missing field
    public int fieldIndex() {
        return fieldIndex;
    }

    /// The tag of the field at fault (`LDR` for the leader).
    ///
    /// @return the tag, or `null`
    public String tag() {
        return tag;
    }

    /// The subfield code at fault.
    ///
    /// @return the code, or `null` when the finding is not about one subfield
    public Character subfield() {
        return subfield;
    }

    /// The character position in a fixed field (leader, 006, 007, 008).
    ///
    /// @return the zero-based position, or -1
    public int position() {
        return position;
    }

    /// The value at fault: the indicator, the characters at the position, the subfield's value.
    ///
    /// @return the value, empty when there is none (a missing field)
    public String value() {
        return value;
    }

    /// The definition's label for the element the rule is about (field, subfield, indicator or
    /// position).
    ///
    /// @return the label, empty when the definitions give none (an undefined tag)
    public String label() {
        return label;
    }

    /// What is wrong, for a person.
    ///
    /// @return the sentence
    public String message() {
        return message;
    }

    /// Where it is, for a person: `record 3, field 12 (650), $a` or `record 3, 008/33`.
    ///
    /// @return the location
    public String location() {
        StringBuilder sb = new StringBuilder("record ").append(recordIndex);
        if (tag != null) {
            sb.append(", ");
            if (position >= 0) {
                sb.append(tag).append('/').append(position < 10 ? "0" : "").append(position);
            } else if (fieldIndex >= 0) {
                sb.append("field ").append(fieldIndex).append(" (").append(tag).append(')');
            } else {
                sb.append(tag);
            }
        }
        if (subfield != null) {
            sb.append(", $").append(subfield.charValue());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && code == f.code && recordIndex == f.recordIndex && fieldIndex == f.fieldIndex
                && position == f.position && Objects.equals(tag, f.tag) && Objects.equals(subfield, f.subfield)
                && value.equals(f.value) && label.equals(f.label) && message.equals(f.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, recordIndex, fieldIndex, tag, subfield, position, value, label, message);
    }

    /// `CODE at LOCATION: MESSAGE`, for example
    /// `SUBFIELD_NOT_REPEATABLE at record 0, field 7 (245), $a: subfield $a (Title) of 245 is not repeatable`.
    @Override
    public String toString() {
        return code + " at " + location() + ": " + message;
    }
}
