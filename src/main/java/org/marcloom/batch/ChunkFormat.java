package org.marcloom.batch;

import java.io.Closeable;
import java.util.List;
import org.marcloom.Diagnostic;

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

    /// Decodes one chunk's records into `c.records` / `c.decodedCount`, or stores the first error.
    interface Decoder {
        void decode(Chunk c);
    }
}
