package org.marcloom.internal;

import org.marcloom.MarcWriteException;
import org.marcloom.record.MarcRecord;

/// One output format's serialisation, in three parts so that records can be encoded apart from
/// each other (the parallel writer encodes batches on several threads and joins their bytes in
/// order): what comes before the first record, each record with whatever separates it from the
/// one before, and what comes after the last. The sequential and the parallel writer use the same
/// encoders, so their output is the same byte for byte.
///
/// Not thread-safe (encoders keep scratch state): one per thread.
public interface RecordEncoder {

    /// Appends what comes before the first record (an XML declaration and `<collection>`, a `[`).
    default void start(OutputBuffer out) {
    }

    /// Appends `record`, the `index`-th (from 0) of the output, with what separates it from the
    /// record before it when `index > 0`.
    ///
    /// @throws MarcWriteException when the format cannot hold the record (its index is -1; the
    ///                            writer fills it in); nothing is appended then
    void record(MarcRecord record, long index, OutputBuffer out);

    /// Appends what comes after the last of `count` records (`</collection>`, `]`).
    default void end(long count, OutputBuffer out) {
    }
}
