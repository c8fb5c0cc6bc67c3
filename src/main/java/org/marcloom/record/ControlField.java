package org.marcloom.record;

import java.util.Objects;

/// A control field (tags 001-009): a tag and its data, with no indicators or subfields. Immutable.
///
/// @param tag  three characters, for example `001` or `008`
/// @param data the field's data, never `null`
public record ControlField(String tag, String data) implements Field {

    public ControlField {
        Tags.check(tag);
        Objects.requireNonNull(data, "data");
    }

    public static ControlField of(String tag, String data) {
        return new ControlField(tag, data);
    }

    /// The characters from `start` (inclusive) to `end` (exclusive), clipped to the data, as
    /// positional fields like 008/07-10 are read; empty when the data is too short.
    public String substring(int start, int end) {
        if (start >= data.length()) {
            return "";
        }
        return data.substring(start, Math.min(end, data.length()));
    }

    @Override
    public String toString() {
        return "=" + tag + "  " + data.replace(' ', '\\');
    }
}
