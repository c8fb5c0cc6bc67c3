package org.marcloom.record;

import java.util.Objects;
import java.util.Optional;

/// An alternate graphic representation (field 880) and the regular field its `$6` names: the
/// pairs of [MarcRecord#linkedFields()]. The original is empty for an unlinked 880 (occurrence
/// `00`), for an 880 whose counterpart is missing and for an 880 without a readable `$6` (then
/// the linkage is empty too). Immutable and thread-safe.
public final class LinkedField {

    private final DataField alternate;
    private final DataField original;
    private final Linkage linkage;

    LinkedField(DataField alternate, DataField original, Linkage linkage) {
        this.alternate = Objects.requireNonNull(alternate, "alternate");
        this.original = original;
        this.linkage = linkage;
    }

    /// The 880 field.
    ///
    /// @return the alternate-script field
    public DataField alternate() {
        return alternate;
    }

    /// The regular field the 880 is linked to.
    ///
    /// @return the field, or empty when the 880 has no counterpart
    public Optional<DataField> original() {
        return Optional.ofNullable(original);
    }

    /// The 880's `$6`, parsed: the linked tag, occurrence, script and orientation.
    ///
    /// @return the linkage, or empty when the 880 has no `$6` or it cannot be read
    public Optional<Linkage> linkage() {
        return Optional.ofNullable(linkage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkedField l && alternate.equals(l.alternate) && Objects.equals(original, l.original)
                && Objects.equals(linkage, l.linkage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alternate, original, linkage);
    }

    /// `original <-> alternate`, as MARCMaker-like lines.
    @Override
    public String toString() {
        return (original == null ? "(none)" : original.toString()) + " <-> " + alternate;
    }
}
