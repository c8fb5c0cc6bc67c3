package org.marcloom;

/// How bad a [Diagnostic] is.
///
/// - `WARNING`: the data was unusual but was read as written (for example, a guessed encoding).
/// - `ERROR`: the data was wrong and the reader repaired or skipped something to go on.
/// - `FATAL`: the reader could not go on with this record or this file.
public enum Severity {
    /// The data was unusual but was read as written.
    WARNING,
    /// The data was wrong; the reader repaired or skipped something to go on.
    ERROR,
    /// The reader could not go on with this record or this file (a strict reader's error).
    FATAL
}
