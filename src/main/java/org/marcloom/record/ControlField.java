package org.marcloom.record;

import java.util.Objects;

/// A control field (tags 001-009): a tag and its data, with no indicators or subfields.
/// Immutable and thread-safe.
///
/// @param tag  three characters, for example `001` or `008`
/// @param data the field's data, never `null`
public record ControlField(String tag, String data) implements Field {

    /// Checks the tag and the data.
    ///
    /// @throws IllegalArgumentException when `tag` is not three characters
    /// @throws NullPointerException     when `tag` or `data` is null
    public ControlField {
        Tags.check(tag);
        Objects.requireNonNull(data, "data");
    }

    /// A control field.
    ///
    /// @param tag  three characters, for example `008`
    /// @param data the field's data
    /// @return the field
    /// @throws IllegalArgumentException when `tag` is not three characters
    /// @throws NullPointerException     when `tag` or `data` is null
    public static ControlField of(String tag, String data) {
        return new ControlField(tag, data);
    }

    /// The characters from `start` (inclusive) to `end` (exclusive), clipped to the data, as
    /// positional fields like 008/07-10 are read.
    ///
    /// @param start the first position, from 0
    /// @param end   the position after the last
    /// @return the characters, empty when the data is shorter than `start`
    /// @throws IndexOutOfBoundsException when `start` is negative or `end` is below `start`
    public String substring(int start, int end) {
        if (start >= data.length()) {
            return "";
        }
        return data.substring(start, Math.min(end, data.length()));
    }

    /// MARCMaker-like form: `=008  ...`, blanks shown as `\`.
    ///
    /// @return the text
    @Override
    public String toString() {
        return "=" + tag + "  " + data.replace(' ', '\\');
    }
}
