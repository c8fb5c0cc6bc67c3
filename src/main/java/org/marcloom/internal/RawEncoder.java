package org.marcloom.internal;

/// One output format's encoding of a framed ISO 2709 record straight from its bytes, for the
/// records whose bytes show that decoding them would report nothing: the bytes it appends are
/// exactly those its format's [RecordEncoder] appends for the record that decoding them gives.
/// Anything it is not sure of it leaves to that encoder. Not thread-safe: one per writer.
public interface RawEncoder {

    /// Appends the record in `buf[start, end)` (from its leader to its record terminator, framed
    /// without diagnostics), the `index`-th of the output, with what separates it from the one
    /// before, exactly as the format's [RecordEncoder] would append the decoded record; or
    /// appends nothing and returns false.
    ///
    /// @return true when the record was appended
    boolean record(byte[] buf, int start, int end, long index, OutputBuffer out);
}
