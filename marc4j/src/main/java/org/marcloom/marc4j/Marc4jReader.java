package org.marcloom.marc4j;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.marc4j.MarcError;
import org.marc4j.MarcException;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;

/// marc4j's [org.marc4j.MarcReader] over a marcloom [MarcReader]: code written against marc4j
/// (`while (reader.hasNext()) { Record r = reader.next(); ... }`) reads with marcloom's parser, its
/// MARC-8 decoding, its lenient repairs and its errors by changing the line that makes the reader.
///
/// ```java
/// // was: new MarcStreamReader(in)  or  new MarcPermissiveStreamReader(in, true, true)
/// org.marc4j.MarcReader reader = Marc4jReader.of(MarcReader.builder().lenient(true).open(in));
/// ```
///
/// Every setting of the marcloom reader applies: strict or lenient, the encoding (MARC-8 is
/// decoded to Unicode by default, as leader/09 says), limits, the input format (MARCXML,
/// MARC-in-JSON and MARCMaker too) and parallel decoding (`concurrency(n)`). The records are
/// built by [Marc4jRecords#toMarc4j(MarcRecord, MarcFactory)], with its documented losses
/// (one 001, control fields first; each loss is a [MarcError] on the record). Because their text
/// is Unicode, the records say leader/09 `a`, as marc4j's converting readers do, unless
/// [Builder#keepCharacterCodingScheme(boolean)] keeps leader/09 as read.
///
/// ## Errors
/// - Strict reader: the first data error is thrown by [#next()] as a [MarcException] whose cause
///   is marcloom's [MarcParseException] (code, record index, byte offset, tag, 001); its message
///   is the cause's. That error ends the input: [#hasNext()] is `false` afterwards.
/// - Lenient reader: each [Diagnostic] of a record is a [MarcError] in [Record#getErrors()]
///   (severity from [Marc4jRecords#severity], field = tag, message from
///   [Marc4jRecords#errorMessage]: code, record index, byte offset, tag, what was wrong and what
///   was done), where marc4j 2.9.6's `MarcPermissiveStreamReader` puts its own (its
///   `ErrorHandler` constructors are deprecated, so the bridge takes no `ErrorHandler`).
///   Diagnostics that belong to no record (bytes after the last record) are in
///   [#trailingDiagnostics()].
/// - I/O errors: a [MarcException] whose cause is the [IOException], as marc4j does.
///
/// ## Ownership and threads
/// The bridge owns the marcloom reader: it closes it when [#hasNext()] first returns `false`
/// (marc4j code seldom closes its readers) and in [#close()], for code that stops early. Not
/// thread-safe: one thread reads and closes it (with a concurrency above 1 that thread owns the
/// marcloom reader's workers).
public final class Marc4jReader implements org.marc4j.MarcReader, Closeable {

    private final MarcReader reader;
    private final MarcFactory factory;
    private final boolean keepCharacterCodingScheme;
    private MarcRecord next;
    private MarcException pending;
    private boolean ended;

    private Marc4jReader(MarcReader reader, Builder b) {
        this.reader = reader;
        this.factory = b.factory != null ? b.factory : MarcFactory.newInstance();
        this.keepCharacterCodingScheme = b.keepCharacterCodingScheme;
    }

    /// A bridge over `reader` with the defaults: marc4j's default factory, leader/09 `a`.
    ///
    /// @param reader a marcloom reader, which the bridge then owns
    /// @return the bridge
    /// @throws NullPointerException when `reader` is null
    public static Marc4jReader of(MarcReader reader) {
        return builder().wrap(reader);
    }

    /// A strict ISO 2709 bridge over a stream, the replacement for `new MarcStreamReader(in)`
    /// (with MARC-8 decoded). Closing the bridge, or reaching the end, closes the stream.
    ///
    /// @param in the stream; the reader buffers it
    /// @return the bridge
    /// @throws NullPointerException when `in` is null
    public static Marc4jReader open(InputStream in) {
        return of(MarcReader.builder().open(Objects.requireNonNull(in, "in")));
    }

    /// A builder for the bridge's own settings.
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// Whether there is another record, or an error for [#next()] to throw.
    ///
    /// @return true when [#next()] returns a record or throws a data error
    /// @throws MarcException when closing the input at its end fails
    @Override
    public boolean hasNext() {
        if (next != null || pending != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        try {
            next = reader.read();
        } catch (MarcParseException e) {
            pending = new MarcException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            pending = new MarcException("reading record " + reader.recordsRead() + ": " + e.getMessage(), e.getCause());
        }
        if (next == null) {
            end();
            if (pending == null) {
                return false;
            }
        }
        return true;
    }

    private void end() {
        ended = true;
        try {
            reader.close();
        } catch (IOException e) {
            MarcException failed = new MarcException("closing the input: " + e.getMessage(), e);
            if (pending != null) {
                pending.addSuppressed(failed);
            } else {
                throw failed;
            }
        }
    }

    /// The next record as a marc4j record.
    ///
    /// @return a new, mutable marc4j record
    /// @throws MarcException          at a data error in strict mode (cause: [MarcParseException])
    ///                                or an I/O error (cause: the [IOException])
    /// @throws NoSuchElementException after the end
    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records (" + reader.recordsRead() + " read)");
        }
        if (pending != null) {
            MarcException e = pending;
            pending = null;
            throw e;
        }
        MarcRecord r = next;
        next = null;
        Leader leader = keepCharacterCodingScheme ? r.leader() : r.leader().withCharacterCodingScheme('a');
        return Marc4jRecords.build(r, leader, factory);
    }

    /// How many records the marcloom reader has decoded (one more than returned while a record
    /// waits in [#hasNext()]).
    ///
    /// @return the count
    public long recordsRead() {
        return reader.recordsRead();
    }

    /// Diagnostics that belong to no record (lenient mode: bytes after the last record); complete
    /// once [#hasNext()] has returned `false`.
    ///
    /// @return the diagnostics, unmodifiable
    public List<Diagnostic> trailingDiagnostics() {
        return reader.trailingDiagnostics();
    }

    /// Closes the marcloom reader (and its input) if the end was not reached. Idempotent.
    ///
    /// @throws IOException when closing the input fails
    @Override
    public void close() throws IOException {
        if (!ended) {
            ended = true;
            next = null;
            pending = null;
            reader.close();
        }
    }

    /// The bridge's own settings; the reading settings belong to the marcloom reader it wraps.
    /// Each setting may be given once. Not thread-safe.
    public static final class Builder {
        private MarcFactory factory;
        private boolean keepCharacterCodingScheme;
        private boolean keepSet;

        private Builder() {
        }

        /// The marc4j factory that makes the records (default [MarcFactory#newInstance()]).
        ///
        /// @param value the factory
        /// @return this builder
        /// @throws IllegalStateException when a factory was already given
        public Builder factory(MarcFactory value) {
            Objects.requireNonNull(value, "factory");
            if (factory != null) {
                throw new IllegalStateException("factory was already set to " + factory);
            }
            factory = value;
            return this;
        }

        /// Whether the marc4j records keep leader/09 as read (default `false`: it says `a`,
        /// because the records' text is Unicode whatever the input's encoding was, and marc4j's
        /// writers choose the output encoding by it).
        ///
        /// @param value true to keep leader/09 as read
        /// @return this builder
        /// @throws IllegalStateException when given before with another value
        public Builder keepCharacterCodingScheme(boolean value) {
            if (keepSet && keepCharacterCodingScheme != value) {
                throw new IllegalStateException("keepCharacterCodingScheme was already set to " + !value);
            }
            keepSet = true;
            keepCharacterCodingScheme = value;
            return this;
        }

        /// A bridge over `reader`, which it then owns.
        ///
        /// @param reader the marcloom reader
        /// @return the bridge
        /// @throws NullPointerException when `reader` is null
        public Marc4jReader wrap(MarcReader reader) {
            return new Marc4jReader(Objects.requireNonNull(reader, "reader"), this);
        }
    }
}
