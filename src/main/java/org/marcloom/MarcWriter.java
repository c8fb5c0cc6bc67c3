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
import org.marcloom.internal.RecordSink;
import org.marcloom.internal.Sinks;
import org.marcloom.record.MarcRecord;

/// Writes records in one format (ISO 2709 by default) to a file, channel or stream.
///
/// ```java
/// try (MarcWriter w = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).open(out)) {
///     for (MarcRecord r : reader) w.write(r);
/// }
/// ```
///
/// ## Exceptions
/// `open(Path)` throws [IOException]. `write` throws [UncheckedIOException] for I/O errors and
/// [IllegalArgumentException] for a record the format cannot hold (for ISO 2709: over 99,999
/// bytes or a field over 9,999 bytes, unless [WriterOptions#allowOversize()]); the message says
/// which record and which setting allows it. `close()` finishes the document (a JSON array's `]`,
/// XML's `</collection>`) and closes the target if the writer opened it.
///
/// ## Ownership and threads
/// A writer opened on a [Path] owns its file. For a channel or stream you pass in, `close()` closes
/// it too unless the builder was told [Builder#keepOpen(boolean)]. Not thread-safe: one thread
/// writes at a time.
public final class MarcWriter implements Closeable, Flushable {

    private final RecordSink sink;
    private long written;

    private MarcWriter(RecordSink sink) {
        this.sink = sink;
    }

    public static Builder builder() {
        return new Builder();
    }

    /// An ISO 2709 UTF-8 writer on a new (or truncated) file.
    public static MarcWriter open(Path path) throws IOException {
        return builder().open(path);
    }

    /// Writes one record.
    public void write(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        try {
            sink.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("writing record " + written, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record " + written
                    + record.controlNumber().map(c -> " (001 " + c + ")").orElse("") + ": " + e.getMessage(), e);
        }
        written++;
    }

    /// How many records were written.
    public long recordsWritten() {
        return written;
    }

    @Override
    public void flush() {
        try {
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }

    /// Configures and opens a [MarcWriter]. Not thread-safe.
    public static final class Builder {
        private MarcFormat format = MarcFormat.ISO_2709;
        private WriterOptions options = WriterOptions.DEFAULTS;
        private boolean keepOpen;

        private Builder() {
        }

        public Builder format(MarcFormat value) {
            format = Objects.requireNonNull(value, "format");
            return this;
        }

        public Builder options(WriterOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        public Builder encoding(OutputEncoding value) {
            options = options.withEncoding(value);
            return this;
        }

        public Builder allowOversize(boolean value) {
            options = options.withAllowOversize(value);
            return this;
        }

        public Builder indent(boolean value) {
            options = options.withIndent(value);
            return this;
        }

        /// Leave a caller's channel or stream open on `close()` (it is still flushed).
        public Builder keepOpen(boolean value) {
            keepOpen = value;
            return this;
        }

        public MarcWriter open(Path path) throws IOException {
            return new MarcWriter(Sinks.create(format, options, Files.newOutputStream(path), true));
        }

        public MarcWriter open(OutputStream out) {
            return new MarcWriter(Sinks.create(format, options, Objects.requireNonNull(out, "out"), !keepOpen));
        }

        public MarcWriter open(WritableByteChannel channel) {
            Objects.requireNonNull(channel, "channel");
            return new MarcWriter(Sinks.create(format, options, Channels.newOutputStream(channel), !keepOpen));
        }
    }
}
