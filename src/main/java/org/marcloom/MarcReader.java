package org.marcloom;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.record.MarcRecord;

/// Streams MARC records from a file, channel or stream, in constant memory.
///
/// ```java
/// try (MarcReader reader = MarcReader.builder().lenient(true).open(path)) {
///     for (MarcRecord rec : reader) {
///         titles.add(rec.title().orElse("(no title)"));
///         rec.diagnostics().forEach(d -> log.warn("{}", d));
///     }
/// }
/// ```
///
/// ISO 2709 records are framed by the leader's record length, one reused buffer per reader. The
/// data is decoded as leader/09 says (UTF-8 or MARC-8) unless [ReaderOptions#encoding()] overrides
/// it.
///
/// ## Exceptions
/// - Strict mode (the default): the first data error throws [MarcParseException] with a stable
///   [ErrorCode], the record index, the absolute byte offset, the 001 when known and the tag.
/// - Lenient mode: the reader repairs what it can, skips what it cannot, and attaches
///   [Diagnostic]s to the records ([MarcRecord#diagnostics()]). A truncated last record or trailing
///   bytes are reported, never dropped silently: a truncated record is returned with a diagnostic,
///   and trailing junk is reported through [#trailingDiagnostics()].
/// - I/O errors while reading: [UncheckedIOException]. `open(Path)` throws [IOException].
///
/// ## Ownership and threads
/// A reader opened on a [Path] owns its channel. For a channel or stream you pass in, `close()`
/// closes it too unless the builder was told [Builder#keepOpen(boolean)]. [#stream()] closes the
/// reader when the stream is closed. A reader is not thread-safe: one thread reads it at a time
/// (see the `org.marcloom.batch` package for parallel reading).
public final class MarcReader implements Iterable<MarcRecord>, Closeable {

    private final RecordSource source;
    private final ReaderOptions options;
    private final String sourceName;
    private boolean iteratorTaken;

    private MarcReader(RecordSource source, ReaderOptions options, String sourceName) {
        this.source = source;
        this.options = options;
        this.sourceName = sourceName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /// A strict ISO 2709 reader with default options.
    public static MarcReader open(Path path) throws IOException {
        return builder().open(path);
    }

    /// The next record, or `null` at the end of the input.
    ///
    /// @throws MarcParseException  in strict mode, at the first data error
    /// @throws UncheckedIOException when reading fails
    public MarcRecord read() {
        return source.next();
    }

    /// The next record's bytes, not decoded, or `null` at the end (ISO 2709 only).
    ///
    /// @throws UnsupportedOperationException for other formats
    public RawRecord readRaw() {
        return source.nextRaw();
    }

    /// How many records have been returned so far.
    public long recordsRead() {
        return source.recordsRead();
    }

    public ReaderOptions options() {
        return options;
    }

    /// The name of the input (a file name) used in error messages, or `null`.
    public String sourceName() {
        return sourceName;
    }

    /// Diagnostics that belong to no record: trailing bytes after the last record (lenient mode).
    /// Complete once [#read()] has returned `null`.
    public java.util.List<Diagnostic> trailingDiagnostics() {
        return source instanceof Sources.HasTrailing t ? t.trailingDiagnostics() : java.util.List.of();
    }

    /// Iterates the remaining records. May be called once per reader.
    @Override
    public Iterator<MarcRecord> iterator() {
        if (iteratorTaken) {
            throw new IllegalStateException("iterator() was already called on this reader; a reader is read once");
        }
        iteratorTaken = true;
        return new Iterator<>() {
            private MarcRecord next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = source.next();
                }
                return next != null;
            }

            @Override
            public MarcRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more records");
                }
                MarcRecord r = next;
                next = null;
                return r;
            }
        };
    }

    /// The remaining records as a sequential stream that closes this reader when it is closed.
    public Stream<MarcRecord> stream() {
        Spliterator<MarcRecord> split = Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(() -> {
            try {
                close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /// Configures and opens a [MarcReader]. Not thread-safe.
    public static final class Builder {
        private ReaderOptions.Builder options = ReaderOptions.builder();
        private MarcFormat format = MarcFormat.ISO_2709;
        private boolean sniff;
        private boolean keepOpen;
        private String sourceName;

        private Builder() {
        }

        /// Replaces every option at once.
        public Builder options(ReaderOptions value) {
            options = Objects.requireNonNull(value, "options").toBuilder();
            return this;
        }

        public Builder lenient(boolean value) {
            options.lenient(value);
            return this;
        }

        public Builder encoding(MarcEncoding value) {
            options.encoding(value);
            return this;
        }

        public Builder guessEncoding(boolean value) {
            options.guessEncoding(value);
            return this;
        }

        public Builder normalizeNfc(boolean value) {
            options.normalizeNfc(value);
            return this;
        }

        public Builder limits(Limits value) {
            options.limits(value);
            return this;
        }

        public Builder maxDiagnosticsPerRecord(int value) {
            options.maxDiagnosticsPerRecord(value);
            return this;
        }

        /// The input format (ISO 2709 by default).
        public Builder format(MarcFormat value) {
            format = Objects.requireNonNull(value, "format");
            sniff = false;
            return this;
        }

        /// Detect the format from the first bytes of the input instead of naming it.
        public Builder detectFormat() {
            sniff = true;
            return this;
        }

        /// The name used in error messages (defaults to the file name for a `Path`).
        public Builder sourceName(String value) {
            sourceName = value;
            return this;
        }

        /// Leave a caller's channel or stream open when the reader is closed.
        public Builder keepOpen(boolean value) {
            keepOpen = value;
            return this;
        }

        public MarcReader open(Path path) throws IOException {
            Objects.requireNonNull(path, "path");
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            String name = sourceName != null ? sourceName : path.toString();
            try {
                return build(channel, name, true);
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        public MarcReader open(ReadableByteChannel channel) {
            return build(Objects.requireNonNull(channel, "channel"), sourceName, !keepOpen);
        }

        public MarcReader open(InputStream in) {
            return build(Channels.newChannel(Objects.requireNonNull(in, "in")), sourceName, !keepOpen);
        }

        private MarcReader build(ReadableByteChannel channel, String name, boolean own) {
            ReaderOptions o = options.build();
            RecordSource source = sniff
                    ? Sources.sniffAndCreate(o, channel, name, own)
                    : Sources.create(format, o, channel, name, own);
            return new MarcReader(source, o, name);
        }
    }
}
