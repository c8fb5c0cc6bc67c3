package org.marcloom.record;

import java.util.Objects;
import java.util.Optional;

/// A value a spec references and the same value in the alternate-script field (880) linked to its
/// field: what [MarcSpec#linkedValues(MarcRecord)] gives. At least one side is present: an 880
/// with no counterpart gives an alternate alone. Immutable and thread-safe.
public final class LinkedValue {

    private final String original;
    private final String alternate;
    private final Linkage linkage;

    LinkedValue(String original, String alternate, Linkage linkage) {
        if (original == null && alternate == null) {
            throw new IllegalArgumentException("a linked value needs an original or an alternate");
        }
        this.original = original;
        this.alternate = alternate;
        this.linkage = linkage;
    }

    /// The value in the regular field.
    ///
    /// @return the value, or empty when only the 880 has it
    public Optional<String> original() {
        return Optional.ofNullable(original);
    }

    /// The value in the linked 880, at the same place.
    ///
    /// @return the alternate-script value, or empty when there is no linked 880 or it has no value there
    public Optional<String> alternate() {
        return Optional.ofNullable(alternate);
    }

    /// The linked 880's `$6`: its script and orientation.
    ///
    /// @return the linkage, or empty when there is no linked 880
    public Optional<Linkage> linkage() {
        return Optional.ofNullable(linkage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkedValue v && Objects.equals(original, v.original)
                && Objects.equals(alternate, v.alternate) && Objects.equals(linkage, v.linkage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(original, alternate, linkage);
    }

    /// `original | alternate`, with `-` for a missing side.
    @Override
    public String toString() {
        return (original == null ? "-" : original) + " | " + (alternate == null ? "-" : alternate);
    }
}
