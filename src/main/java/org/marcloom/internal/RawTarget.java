package org.marcloom.internal;

/// Where a reader hands framed ISO 2709 records as their bytes, without decoding them
/// ([RecordSource#transfer]): a writer that can write some records from their bytes exactly as it
/// writes the record that decoding them gives. Not thread-safe.
public interface RawTarget {

    /// Writes the record in `buf[start, end)` (from its leader to its record terminator, framed
    /// without diagnostics) when its bytes show that decoding it would report nothing and that
    /// the output is then exactly what writing the decoded record gives; otherwise writes nothing.
    ///
    /// @return true when the record was written
    /// @throws java.io.UncheckedIOException when writing fails
    boolean write(byte[] buf, int start, int end);
}
