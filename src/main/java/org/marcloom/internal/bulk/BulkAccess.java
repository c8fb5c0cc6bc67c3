package org.marcloom.internal.bulk;

import java.util.Objects;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;

/// The bulk paths of [MarcReader] that the command-line tool uses and the public API does not
/// offer: counting ISO 2709 records without decoding them, and converting them without decoding
/// those a writer can write from their bytes. This package is exported to the tool's module only
/// (`org.marcloom.cli`); [MarcReader] installs the implementation.
///
/// Both calls work in place in the reader's buffer (no copy of a record), on the reading thread,
/// and stop *before* a record they cannot take, which the next [MarcReader#read()] or
/// [MarcReader#readRaw()] returns as usual; the records they take count as read
/// ([MarcReader#recordsRead()]). They throw what [MarcReader#read()] throws for a framing error
/// (strict mode) or an I/O error.
public final class BulkAccess {

    /// What [MarcReader] implements.
    public interface Hooks {
        /// See [BulkAccess#skipWellFormed].
        long skipWellFormed(MarcReader reader, long max);

        /// See [BulkAccess#transfer].
        long transfer(MarcReader reader, MarcWriter writer, long max);
    }

    private static volatile Hooks hooks;

    private BulkAccess() {
    }

    /// Called once by [MarcReader]; later calls are ignored.
    ///
    /// @param h the implementation
    public static synchronized void install(Hooks h) {
        if (hooks == null) {
            hooks = h;
        }
    }

    private static Hooks hooks() {
        Hooks h = hooks;
        if (h == null) {
            try {
                Class.forName(MarcReader.class.getName(), true, MarcReader.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            h = hooks;
        }
        return h;
    }

    /// Passes over up to `max` ISO 2709 records whose bytes show that decoding them would report
    /// nothing about their structure (see `org.marcloom.internal.iso2709.RawCheck`: text encoding
    /// is not looked at), without decoding them. Stops before the first record that has framing
    /// diagnostics or fails that check, or when the reader's limits are low enough for a record to
    /// reach them (then it passes over nothing).
    ///
    /// @param reader an ISO 2709 reader on one thread
    /// @param max    the most records to pass over
    /// @return how many were passed over: below `max` only before a record to decode or at the
    ///         end of the input
    /// @throws UnsupportedOperationException for other formats, and with a concurrency above 1
    ///                                       (as [MarcReader#readRaw()])
    public static long skipWellFormed(MarcReader reader, long max) {
        return hooks().skipWellFormed(Objects.requireNonNull(reader, "reader"), max);
    }

    /// Writes up to `max` records of `reader` to `writer`, each from its bytes, as long as the
    /// writer can write it so with exactly the output `writer.write(reader.read())` gives (and the
    /// record would be read without diagnostics). Stops before the first record it cannot write
    /// so; passes nothing for input that is not ISO 2709, a reader with a concurrency above 1, and
    /// a writer that writes nothing from bytes (other formats and settings; see
    /// `MarcWriter.rawTarget`).
    ///
    /// @param reader the reader
    /// @param writer the writer, written by this thread
    /// @param max    the most records to write
    /// @return how many records were written
    /// @throws java.io.UncheckedIOException as [MarcWriter#write] throws it when writing fails
    public static long transfer(MarcReader reader, MarcWriter writer, long max) {
        return hooks().transfer(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(writer, "writer"),
                max);
    }
}
