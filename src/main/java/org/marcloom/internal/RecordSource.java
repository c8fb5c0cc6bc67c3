package org.marcloom.internal;

import java.io.Closeable;
import org.marcloom.RawRecord;
import org.marcloom.record.MarcRecord;

/// One format's reader behind [org.marcloom.MarcReader]. Not thread-safe; one owner thread at a time.
///
/// `next()` returns the next record or `null` at the end of the input. Data errors follow the
/// options: strict throws [org.marcloom.MarcParseException]; lenient attaches diagnostics. I/O
/// errors are thrown as [java.io.UncheckedIOException].
public interface RecordSource extends Closeable {

    MarcRecord next();

    /// The next record's bytes without decoding; only ISO 2709 sources support this.
    default RawRecord nextRaw() {
        throw new UnsupportedOperationException("raw access is only available for ISO 2709 input");
    }

    /// Decodes a record [#nextRaw()] returned, as [#next()] would have; only ISO 2709 sources.
    default MarcRecord decode(RawRecord raw) {
        throw new UnsupportedOperationException("decoding raw records is only available for ISO 2709 input");
    }

    /// Frames up to `max` records and passes over those [org.marcloom.internal.iso2709.RawCheck]
    /// finds well formed (and without framing diagnostics), without decoding them; stops before
    /// the first record that is not, which the next [#next()] or [#nextRaw()] returns. Only
    /// ISO 2709 sources on one thread support this.
    ///
    /// @return how many records were passed over (below `max` only before such a record or at
    ///         the end of the input)
    default long skipWellFormed(long max) {
        throw new UnsupportedOperationException("skipping raw records is only available for ISO 2709 input");
    }

    /// Frames up to `max` records and hands each to `target` as its bytes, without decoding it,
    /// while `target` takes them; stops before the first record that has framing diagnostics or
    /// that `target` does not take, which the next [#next()] returns. Sources that cannot frame
    /// records on this thread (other formats, a parallel reader) pass nothing.
    ///
    /// @return how many records `target` took
    default long transfer(RawTarget target, long max) {
        return 0;
    }

    @Override
    void close() throws java.io.IOException;

    /// Whether `thread` may [#close()] this source now (a parallel source: only the thread that
    /// started its workers, while they run). Thread-safe.
    default boolean closableBy(Thread thread) {
        return true;
    }

    /// Called by another thread than the reading one: stops the source so that the reading thread's
    /// current or next call ends soon (closes the input it owns, stops and awaits any worker),
    /// touching nothing the reading thread uses; that thread then calls [#close()]. Thread-safe.
    default void abort() throws java.io.IOException {
        close();
    }
}
