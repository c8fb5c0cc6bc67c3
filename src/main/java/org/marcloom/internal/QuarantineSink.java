package org.marcloom.internal;

import java.util.List;
import org.marcloom.Diagnostic;

/// Where a reader puts the bytes it could not read as a record (see [org.marcloom.Quarantine]).
/// Thread-safe: called by the thread that frames the input (the reader's, or a parallel reader's
/// framing worker), in input order.
@FunctionalInterface
public interface QuarantineSink {

    /// Quarantines `length` bytes of `buf` from `from`, found at byte `offset` of the input.
    ///
    /// @param source      the input's name, or `null`
    /// @param diagnostics why (with codes)
    void put(String source, long offset, byte[] buf, int from, int length, List<Diagnostic> diagnostics);
}
