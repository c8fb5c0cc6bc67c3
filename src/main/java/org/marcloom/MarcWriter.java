package org.marcloom;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.marcloom.internal.RecordSink;
import org.marcloom.internal.Settings;
import org.marcloom.internal.Sinks;
import org.marcloom.record.MarcRecord;

/// Writes records in one format (ISO 2709 by default) to a file, channel or stream.
///
/// {@snippet class="org.marcloom.snippets.WriterSnippets" region="convert"}
///
/// ## Exceptions
/// `open(Path)` throws [IOException]. [#write] throws [UncheckedIOException] for I/O errors and
/// [MarcWriteException] for a record the format cannot hold (for ISO 2709: over 99,999 bytes or a
/// field over 9,999 bytes unless [WriterOptions#allowOversize()], a delimiter in the data, a
/// subfield code a reader would not take back); its code, record index, 001 and tag say which
/// record and why, and nothing of that record is written. [#close()] finishes the document (a JSON
/// array's `]`, XML's `</collection>`) and closes the target if the writer owns it.
///
/// ## Concurrency
/// With [Builder#concurrency(int)] above 1, records are encoded on that many worker threads and
/// written in order: the output is byte for byte the same. A record that cannot be written then
/// fails the writer: its [MarcWriteException] is thrown by a later `write`, `flush` or `close`,
/// once every record before it was written, and nothing after it is written.
///
/// ## Ownership and threads
/// A writer opened on a [Path] owns its file. For a channel or stream you pass in, `close()` closes
/// it too unless the builder was told [Builder#keepOpen(boolean)]. Not thread-safe: the thread of
/// the first `write` (or `flush`) owns the writer, writes and closes it; worker threads (with a
/// concurrency above 1) are stopped and joined by `close()`. `close()` from another thread throws
/// [WrongThreadException] and changes nothing (closing would race with the owner's writes: the
/// document's end could land in the middle of a record); before the first write any thread may
/// close it.
public final class MarcWriter implements Closeable, Flushable {

    private final RecordSink sink;
    /// The thread of the first write or flush, or `null`.
    private volatile Thread owner;

    private MarcWriter(RecordSink sink) {
        this.sink = sink;
    }

    private void own() {
        if (owner == null) {
            owner = Thread.currentThread();
        }
    }

    /// A builder with the defaults: ISO 2709, [WriterOptions#DEFAULTS], one thread.
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// An ISO 2709 UTF-8 writer on a new (or truncated) file.
    ///
    /// @param path the file
    /// @return a writer that owns the file
    /// @throws IOException when the file cannot be opened
    public static MarcWriter open(Path path) throws IOException {
        return builder().open(path);
    }

    /// Writes one record.
    ///
    /// @param record the record
    /// @throws MarcWriteException   when the format cannot hold the record (see the class comment)
    /// @throws UncheckedIOException when writing fails
    /// @throws IllegalStateException after [#close()], or after a concurrent writer failed
    public void write(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        own();
        try {
            sink.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("writing record " + sink.recordsWritten(), e);
        }
    }

    /// For [MarcReader]'s transfer of records from their bytes (`org.marcloom.internal.bulk`): where
    /// a reader with `readerOptions` may hand them, or `null` when this writer writes none from
    /// bytes. The calling thread becomes the owner, as with a write.
    org.marcloom.internal.RawTarget rawTarget(ReaderOptions readerOptions) {
        own();
        return sink.rawTarget(readerOptions);
    }

    /// How many records were written. With a concurrency above 1, the records whose bytes have
    /// reached the target so far: the records given since are still being encoded, and all are
    /// written once [#flush()] or [#close()] returns.
    ///
    /// @return the count
    public long recordsWritten() {
        return sink.recordsWritten();
    }

    /// Writes what is buffered to the target and flushes it.
    ///
    /// @throws UncheckedIOException when writing fails
    /// @throws MarcWriteException   with a concurrency above 1, for a record that could not be written
    @Override
    public void flush() {
        own();
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing after record " + sink.recordsWritten(), e);
        }
    }

    /// Finishes the document, flushes, stops any worker threads and closes the target if this
    /// writer owns it. Idempotent.
    ///
    /// @throws IOException          when writing or closing fails
    /// @throws MarcWriteException   with a concurrency above 1, for a record that could not be written
    /// @throws WrongThreadException when another thread wrote to it (nothing is changed then)
    @Override
    public void close() throws IOException {
        Thread o = owner;
        if (o != null && o != Thread.currentThread()) {
            throw new WrongThreadException("only the thread that wrote to this writer, " + o.getName()
                    + ", may close it; nothing was changed");
        }
        sink.close();
    }

    /// Configures and opens a [MarcWriter]. Each setting may be given once, by its own method or
    /// through [#options(WriterOptions)]; giving it again with a different value is an
    /// [IllegalStateException] that names both calls. A builder may open many writers. Not
    /// thread-safe.
    public static final class Builder {
        private final Settings settings = new Settings();

        private Builder() {
        }

        /// The output format (default [MarcFormat#ISO_2709]).
        ///
        /// @param value the format
        /// @return this builder
        public Builder format(MarcFormat value) {
            return settings.value(this, "format", value);
        }

        /// Every encoding setting at once.
        ///
        /// @param value the options
        /// @return this builder
        /// @throws IllegalStateException when a setting they hold was given another value before
        public Builder options(WriterOptions value) {
            return settings.all(this, Settings.notNull("options", value).components(), "options(" + value + ")");
        }

        /// Sets [WriterOptions#encoding()].
        ///
        /// @param value the encoding
        /// @return this builder
        public Builder encoding(OutputEncoding value) {
            return settings.value(this, "encoding", value);
        }

        /// Sets [WriterOptions#allowOversize()].
        ///
        /// @param value true to write oversize ISO 2709 records
        /// @return this builder
        public Builder allowOversize(boolean value) {
            return settings.flag(this, "allowOversize", value);
        }

        /// Sets [WriterOptions#indent()].
        ///
        /// @param value true to pretty-print MARCXML and MARC-in-JSON arrays
        /// @return this builder
        public Builder indent(boolean value) {
            return settings.flag(this, "indent", value);
        }

        /// How many threads encode records (default 1: the writing thread itself). Above 1 the
        /// output is the same; see the class comment for errors.
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder concurrency(int value) {
            return settings.count(this, "concurrency", value);
        }

        /// Where the encoding threads come from when the concurrency is above 1 (default: virtual
        /// threads named `marcloom-write-N`).
        ///
        /// @param value the factory
        /// @return this builder
        public Builder threadFactory(ThreadFactory value) {
            return settings.value(this, "threadFactory", value);
        }

        /// Verify on write (default off): each record, once encoded, is decoded again with the
        /// format's strict reader before it is written, and refused with a [MarcWriteException]
        /// ([ErrorCode#ROUND_TRIP_MISMATCH], its record index; nothing of it is written) when it
        /// does not read back or reads back with other fields or another leader (apart from the
        /// positions a writer computes: 00-04, 09-11, 12-16, 20-23). For ISO 2709 the encoded bytes
        /// themselves are decoded; other formats encode the record a second time, alone. Costs a
        /// decode per record (see docs/reliability.md for a measurement).
        ///
        /// {@snippet class="org.marcloom.snippets.QuarantineSnippets" region="verify"}
        ///
        /// @param value true to verify
        /// @return this builder
        public Builder verify(boolean value) {
            return settings.flag(this, "verify", value);
        }

        /// Leave a caller's channel or stream open on `close()` (it is still flushed).
        ///
        /// @param value true to leave it open
        /// @return this builder
        public Builder keepOpen(boolean value) {
            return settings.flag(this, "keepOpen", value);
        }

        /// The encoding settings given so far, over [WriterOptions#DEFAULTS].
        ///
        /// @return the options a writer opened now would use
        public WriterOptions writerOptions() {
            WriterOptions d = WriterOptions.DEFAULTS;
            return WriterOptions.builder()
                    .encoding(settings.get("encoding", d.encoding()))
                    .allowOversize(settings.get("allowOversize", d.allowOversize()))
                    .indent(settings.get("indent", d.indent()))
                    .build();
        }

        /// Opens a writer on a new (or truncated) file, which the writer owns.
        ///
        /// @param path the file
        /// @return the writer
        /// @throws IOException when the file cannot be opened
        public MarcWriter open(Path path) throws IOException {
            Objects.requireNonNull(path, "path");
            OutputStream out = Files.newOutputStream(path);
            try {
                return build(out, true, path.toString());
            } catch (RuntimeException | Error e) {
                out.close();
                throw e;
            }
        }

        /// Opens a writer on a stream (closed with the writer unless [#keepOpen(boolean)]).
        ///
        /// @param out the stream; the writer buffers, so it need not be buffered
        /// @return the writer
        public MarcWriter open(OutputStream out) {
            return build(Objects.requireNonNull(out, "out"), !settings.get("keepOpen", false), null);
        }

        /// Opens a writer on a channel (closed with the writer unless [#keepOpen(boolean)]).
        ///
        /// @param channel the channel
        /// @return the writer
        public MarcWriter open(WritableByteChannel channel) {
            Objects.requireNonNull(channel, "channel");
            return build(Channels.newOutputStream(channel), !settings.get("keepOpen", false), null);
        }

        private MarcWriter build(OutputStream out, boolean own, String name) {
            return new MarcWriter(Sinks.create(settings.get("format", MarcFormat.ISO_2709), writerOptions(), out, own,
                    settings.get("concurrency", 1), settings.threads("marcloom-write-"), name,
                    settings.get("verify", false)));
        }
    }
}
