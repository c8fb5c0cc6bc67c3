package org.marcloom.internal.parallel;

import java.io.Closeable;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import org.marcloom.Diagnostic;
import org.marcloom.internal.RecordSource;

/// The format-specific half of [ParallelMarcReader]: how the input is cut into [Chunk]s (by one
/// worker at a time, under the reader's lock, so in file order) and how a chunk is decoded (by any
/// worker, in parallel).
interface ChunkFormat extends Closeable {

    /// Cuts the next chunk into `c` (its buffer is `c.data`, which may be replaced by a bigger
    /// one). At the end of the input sets `c.last`; a framing error is stored in
    /// `c.framingError` (with `c.last`). Throws nothing else; called under the reader's lock.
    void fill(Chunk c);

    /// Diagnostics that belong to no record, complete once a chunk was marked last.
    List<Diagnostic> trailingDiagnostics();

    /// A decoder for one worker thread (decoders are not thread-safe).
    Decoder newDecoder();

    /// Whether a chunk's bytes must be kept until the consumer is done with it (they may be
    /// needed by [#inOrder]); otherwise they are reused as soon as the chunk is decoded.
    default boolean keepsBytes() {
        return false;
    }

    /// Called on the consumer thread with each decoded chunk in file order, before its records
    /// are delivered. Returns `null` to deliver the chunk (after any fix-up made here), or a
    /// sequential source that replaces the parallel read from the chunk's first byte on; `rest`
    /// stops the framing and gives the input's bytes from that chunk's first byte to the end.
    default RecordSource inOrder(Chunk c, Supplier<InputStream> rest) {
        return null;
    }

    /// The input not yet cut into chunks; called once framing has stopped, for `rest`.
    default InputStream unframed() {
        throw new UnsupportedOperationException("this format never falls back to a sequential read");
    }

    /// Decodes one chunk's records into `c.records` / `c.decodedCount`, or stores the first error.
    interface Decoder {
        void decode(Chunk c);
    }
}
