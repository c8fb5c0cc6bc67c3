package org.marcloom.record;

import java.util.Objects;

/// One subfield of a data field: a one-character code and its value. Immutable and thread-safe.
///
/// @param code  the subfield code, usually a lowercase letter or a digit
/// @param value the data, possibly empty, never `null`
public record Subfield(char code, String value) {

    /// Checks the value.
    ///
    /// @throws NullPointerException when `value` is null
    public Subfield {
        Objects.requireNonNull(value, "value");
    }

    /// A subfield.
    ///
    /// @param code  the subfield code
    /// @param value the data
    /// @return the subfield
    /// @throws NullPointerException when `value` is null
    public static Subfield of(char code, String value) {
        return new Subfield(code, value);
    }

    /// MARCMaker-like form: `$a` followed by the value.
    ///
    /// @return the text
    @Override
    public String toString() {
        return "$" + code + value;
    }
}
