package org.marcloom;

/// The serialisations marcloom reads and writes.
public enum MarcFormat {
    /// ISO 2709 ("MARC 21 transmission format", `.mrc`): binary, the exchange format.
    ISO_2709,
    /// MARC 21 XML (slim schema): a `collection` of `record` elements, or a single `record`.
    MARCXML,
    /// MARC-in-JSON (code4lib layout) as one JSON array of record objects.
    MARC_JSON,
    /// MARC-in-JSON, one record object per line (newline-delimited JSON).
    MARC_JSON_LINES,
    /// MARCMaker / MARCBreaker text (`.mrk`): `=LDR  ...`, one line per field.
    MARCMAKER
}
