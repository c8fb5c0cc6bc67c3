package org.marcloom;

/// Stable identifiers for every data problem marcloom reports: a reader's, in strict mode (as
/// [MarcParseException#code()]) or in lenient mode (as [Diagnostic#code()]), and a writer's (as
/// [MarcWriteException#code()]).
///
/// The names are part of the public API: scripts and tests may match on them.
public enum ErrorCode {
    /// Leader/00-04 is not five ASCII digits.
    RECORD_LENGTH_INVALID,
    /// The record terminator (0x1D) is not where leader/00-04 says the record ends.
    RECORD_LENGTH_MISMATCH,
    /// The input ended inside a record.
    RECORD_TRUNCATED,
    /// Bytes that are not part of any record were skipped to find the next record.
    JUNK_SKIPPED,
    /// Bytes after the last record that do not form a record.
    TRAILING_BYTES,
    /// The leader is not 24 bytes or has an invalid value in a structural position.
    LEADER_INVALID,
    /// Leader/12-16, the base address of data, is not digits or is inconsistent with the record.
    BASE_ADDRESS_INVALID,
    /// The directory is not a sequence of 12-byte entries ending in 0x1E.
    DIRECTORY_INVALID,
    /// A directory entry has a non-digit length or start, or a tag that is not three characters.
    DIRECTORY_ENTRY_INVALID,
    /// A directory entry points outside the record's data.
    FIELD_OUT_OF_BOUNDS,
    /// A field does not end with the field terminator (0x1E).
    FIELD_TERMINATOR_MISSING,
    /// A tag is not valid for its format (not three alphanumeric characters).
    TAG_INVALID,
    /// An indicator is not a lowercase letter, digit or blank, or a data field is too short for two.
    INDICATOR_INVALID,
    /// A subfield code is not a printable ASCII character, or a subfield is empty of a code.
    SUBFIELD_CODE_INVALID,
    /// A data field has data that is not introduced by a subfield delimiter (0x1F).
    SUBFIELD_DELIMITER_MISSING,
    /// A control field (001-009) contains a subfield delimiter.
    CONTROL_FIELD_INVALID,
    /// A configured limit (see [Limits]) was exceeded.
    LIMIT_EXCEEDED,
    /// Bytes that are not valid UTF-8 in a record read as UTF-8.
    INVALID_UTF8,
    /// Bytes that are not valid MARC-8 in a record read as MARC-8.
    INVALID_MARC8,
    /// Leader/09 disagrees with the bytes, and the reader used another encoding (opt-in).
    ENCODING_GUESSED,
    /// Leader/09 is neither blank nor `a`.
    ENCODING_UNKNOWN,
    /// A record too large for ISO 2709 when written: over 99,999 bytes, a field over 9,999 bytes, or
    /// more fields than a directory can address.
    RECORD_TOO_LARGE,
    /// A value holds a character its format cannot carry: a record, field or subfield delimiter
    /// (0x1D, 0x1E, 0x1F) in ISO 2709 data, or a character that cannot appear in the output.
    CHARACTER_NOT_ALLOWED,
    /// The per-record cap on diagnostics was reached; later diagnostics of the record were dropped.
    DIAGNOSTICS_TRUNCATED,
    /// A text or markup format (MARCXML, MARC-in-JSON, MARCMaker) is not well-formed.
    SYNTAX_ERROR,
    /// A text or markup format is well-formed but does not have the structure of a MARC record.
    STRUCTURE_INVALID,
    /// Verify on write ([MarcWriter.Builder#verify(boolean)]): the record as written does not read
    /// back with the format's strict reader, or reads back different.
    ROUND_TRIP_MISMATCH
}
