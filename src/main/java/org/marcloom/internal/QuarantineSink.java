package org.marcloom.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import org.marcloom.Diagnostic;

/// Where a reader puts the bytes it could not read as a record (see [org.marcloom.Quarantine]).
/// Thread-safe: called by the thread that frames or parses the input (the reader's, or a parallel
/// reader's framing worker), in input order.
public interface QuarantineSink {

    /// Quarantines `length` bytes of `buf` from `from`, found at byte `offset` of the input.
    ///
    /// @param source      the input's name, or `null`
    /// @param diagnostics why (with codes)
    void put(String source, long offset, byte[] buf, int from, int length, List<Diagnostic> diagnostics);

    /// Quarantines, as one region found at byte `offset`, `length` bytes of `buf` from `from` followed
    /// by every byte `rest` gives until its end (`rest` may be `null`: nothing follows). This
    /// default holds the region in memory; [org.marcloom.Quarantine] streams it.
    ///
    /// @throws IOException when reading `rest` fails
    default void putToEnd(String source, long offset, byte[] buf, int from, int length, ReadableByteChannel rest,
                          List<Diagnostic> diagnostics) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream(Math.max(32, length));
        all.write(buf, from, length);
        if (rest != null) {
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            while (rest.read(b) >= 0) {
                all.write(b.array(), 0, b.position());
                b.clear();
            }
        }
        put(source, offset, all.toByteArray(), 0, all.size(), diagnostics);
    }

    /// A record was read from the `length` bytes at `offset` of the input (text formats: from the
    /// first byte of its element, object or first line to the last of it). Nothing by default;
    /// the parallel reader keeps these in order, and tests check that records and regions
    /// account for every byte.
    default void record(long offset, long length) {
    }
}
