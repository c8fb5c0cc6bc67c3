package org.marcloom.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.marcloom.Diagnostic;

/// What [MarcBatch] reports for one file: its path, how many records its reader returned, how
/// long the file took on its thread, the [FileTask]'s result, and the reader's trailing
/// diagnostics (lenient mode; see [org.marcloom.MarcReader#trailingDiagnostics()]). Immutable
/// when the result is.
///
/// @param path                the file
/// @param records             records read by the task
/// @param elapsed             wall time from opening the reader to closing it
/// @param result              the task's result, or `null`
/// @param trailingDiagnostics diagnostics that belong to no record
/// @param <R>                 the task's result type
public record FileResult<R>(Path path, long records, Duration elapsed, R result,
                            List<Diagnostic> trailingDiagnostics) {

    /// Copies the diagnostics.
    ///
    /// @throws NullPointerException when `trailingDiagnostics` or one of them is null
    public FileResult {
        trailingDiagnostics = List.copyOf(trailingDiagnostics);
    }
}
