package org.marcloom.validation;

/// What a [Finding] is about: stable names that reports, scripts and tests may match on.
public enum FindingCode {
    /// The tag is not defined in the record's MARC 21 format (local `9XX` and `X9X` tags are
    /// allowed unless [Marc21Validator.Builder#allowLocal(boolean)] says otherwise).
    TAG_UNDEFINED,
    /// A field that is not repeatable occurs again (reported on each occurrence after the first).
    FIELD_NOT_REPEATABLE,
    /// A field the format requires is missing (bibliographic 245 and 008; authority and holdings 008).
    FIELD_MISSING,
    /// An indicator has a value the field's definition does not list (ranges such as `1-9` expanded).
    INDICATOR_UNDEFINED,
    /// A subfield code the field's definition does not list (local `$9` allowed unless told otherwise).
    SUBFIELD_UNDEFINED,
    /// A subfield that is not repeatable occurs again in the same field.
    SUBFIELD_NOT_REPEATABLE,
    /// A character position of the leader, 006, 007 or 008 holds a value its definition does not list.
    POSITION_UNDEFINED,
    /// A fixed-length field (006, 008) has the wrong number of characters.
    FIXED_FIELD_LENGTH,
    /// An 880 has no `$6`, or its `$6` is not a linkage (`TAG-NN/script`).
    LINKAGE_INVALID,
    /// A `$6` names an occurrence that has no counterpart: an 880 without its regular field, or a
    /// field whose 880 is missing (occurrence `00` is allowed: an unlinked 880).
    LINK_UNPAIRED
}
