package org.marcloom.record;

/// A variable field of a MARC record: a [ControlField] (tags 001-009) or a [DataField].
/// Immutable and thread-safe.
public sealed interface Field permits ControlField, DataField {

    /// The three-character tag, for example `245`.
    ///
    /// @return the tag
    String tag();

    /// Whether this is a control field (no indicators, no subfields).
    ///
    /// @return true for a [ControlField]
    default boolean isControlField() {
        return this instanceof ControlField;
    }

    /// Whether a tag names a control field: `00` followed by any character (001-009, and `000`).
    ///
    /// @param tag a tag
    /// @return true for a control field's tag
    /// @throws NullPointerException when `tag` is null
    static boolean isControlTag(String tag) {
        return tag.length() == 3 && tag.charAt(0) == '0' && tag.charAt(1) == '0';
    }
}
