package org.marcloom;

/// The character encoding a reader uses for the data of ISO 2709 records.
public enum MarcEncoding {
    /// Follow leader/09: `a` is UTF-8, blank is MARC-8 (anything else: MARC-8, with a diagnostic).
    AUTO,
    /// Treat every record as UTF-8 whatever leader/09 says.
    UTF_8,
    /// Treat every record as MARC-8 whatever leader/09 says.
    MARC_8,
    /// Treat every record as ISO 8859-1 (some old exports are Latin-1 behind a blank leader/09).
    LATIN_1
}
