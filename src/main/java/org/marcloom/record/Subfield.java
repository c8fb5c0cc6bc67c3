package org.marcloom.record;

import java.util.Objects;

/// One subfield of a data field: a one-character code and its value. Immutable.
///
/// @param code  the subfield code, usually a lowercase letter or a digit
/// @param value the data, possibly empty, never `null`
public record Subfield(char code, String value) {

    public Subfield {
        Objects.requireNonNull(value, "value");
    }

    public static Subfield of(char code, String value) {
        return new Subfield(code, value);
    }

    @Override
    public String toString() {
        return "$" + code + value;
    }
}
