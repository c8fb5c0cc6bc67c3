package org.marcloom;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.marcloom.batch.MarcBatchException;
import org.marcloom.internal.OffsetChannel;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Settings;
import org.marcloom.internal.Sources;
import org.marcloom.record.MarcRecord;

/// Streams MARC records from a file, channel or stream, in constant memory, on one thread or on
/// all cores.
///
/// {@snippet class="org.marcloom.snippets.ReaderSnippets" region="lenient"}
///
/// The format is ISO 2709 unless the builder names another or is told to
/// [detect it][Builder#detectFormat()]. ISO 2709 records are framed by the leader's record length,
/// one reused buffer per reader; the data is decoded as leader/09 says (UTF-8 or MARC-8) unless
/// [ReaderOptions#encoding()] overrides it.
///
/// ## Exceptions
/// - Strict mode (the default): the first data error throws [MarcParseException] with a stable
///   [ErrorCode], the record index, the absolute byte offset (or line and column), the 001 when
///   known, the tag and the input's name.
/// - Lenient mode: the reader repairs what it can, skips what it cannot, and attaches
///   [Diagnostic]s to the records ([MarcRecord#diagnostics()]). A truncated last record or trailing
///   bytes are reported, never dropped silently: a truncated record is returned with a diagnostic,
///   and trailing junk is reported through [#trailingDiagnostics()].
/// - I/O errors while reading: [UncheckedIOException] whose message says at which byte of the
///   input the failed read started ("reading NAME at byte N" or "reading NAME failed at byte N:
///   ..."), with the channel's own [IOException] as its cause, with any concurrency. `open(Path)`
///   throws [IOException].
///
/// ## Concurrency
/// With [Builder#concurrency(int)] above 1, ISO 2709 and MARC-in-JSON (lines) input is decoded on
/// that many worker threads and the records come **in file order**, exactly as with one thread:
/// the same records, diagnostics, indexes, offsets, trailing diagnostics and, in strict mode, the
/// same first error thrown after the same records. Other formats are read on the calling thread
/// (the result is the same). At most twice as many batches of about 1 MiB as workers (and at most
/// 64 MiB, or a 32nd of the heap, whatever the concurrency) are in
/// flight; a slow consumer blocks the workers. An interrupted consumer stops the workers and gets
/// a [org.marcloom.batch.MarcBatchException] with an [InterruptedException] cause; so does a
/// reader on one thread whose interrupted read closed the channel (a `FileChannel`'s
/// [ClosedByInterruptException]).
///
/// ## Ownership and threads
/// A reader opened on a [Path] owns its channel. For a channel or stream you pass in, `close()`
/// closes it too unless the builder was told [Builder#keepOpen(boolean)]. [#stream()] closes the
/// reader when the stream is closed. A reader is not thread-safe: one thread at a time reads it.
/// With a concurrency above 1 the thread of the first read owns the workers, and `close()` stops
/// and joins them. `close()` may be called from any thread, also to cancel a read in progress: the
/// reading thread then gets an [IllegalStateException] saying the reader was closed (never `null`,
/// which would look like the end of the input), and no worker thread outlives the `close()`.
public final class MarcReader implements Iterable<MarcRecord>, Closeable {

    static {
        org.marcloom.internal.bulk.BulkAccess.install(new org.marcloom.internal.bulk.BulkAccess.Hooks() {
            @Override
            public long skipWellFormed(MarcReader reader, long max) {
                return reader.skipWellFormed(max);
            }

            @Override
            public long transfer(MarcReader reader, MarcWriter writer, long max) {
                return reader.transfer(writer, max);
            }
        });
    }

    private final RecordSource source;
    private final ReaderOptions options;
    private final String sourceName;
    private boolean iteratorTaken;
    private long recordsRead;
    /// The thread inside [#read()] or [#readRaw()] now, or `null`.
    private volatile Thread reading;
    private volatile boolean closed;
    private volatile Thread closedBy;
    private final AtomicBoolean sourceClosed = new AtomicBoolean();

    /// The writer of the last [#transfer], or `null`.
    private Transfer transfer;

    /// The counting channel under the source, or `null` (a reader from [MarcSplitter]).
    private final OffsetChannel input;

    /// Package-private for [MarcSplitter], which opens readers over one split of an input.
    MarcReader(RecordSource source, ReaderOptions options, String sourceName) {
        this(source, options, sourceName, null);
    }

    private MarcReader(RecordSource source, ReaderOptions options, String sourceName, OffsetChannel input) {
        this.source = source;
        this.options = options;
        this.sourceName = sourceName;
        this.input = input;
    }

    /// A builder with the defaults: ISO 2709, [ReaderOptions#DEFAULTS], one thread.
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// A strict ISO 2709 reader with default options.
    ///
    /// @param path the file
    /// @return a reader that owns the file's channel
    /// @throws IOException when the file cannot be opened
    public static MarcReader open(Path path) throws IOException {
        return builder().open(path);
    }

    /// The next record, or `null` at the end of the input.
    ///
    /// @return the record, or `null`
    /// @throws MarcParseException   in strict mode, at the first data error
    /// @throws UncheckedIOException when reading fails
    /// @throws IllegalStateException when the reader was closed (by this or another thread, before
    ///                               or during this call): a closed reader never reports the end
    /// @throws MarcBatchException   with an [InterruptedException] cause when the reading thread
    ///                              was interrupted (its interrupt status is set)
    public MarcRecord read() {
        return (MarcRecord) guarded(false);
    }

    /// A read that failed because the reading thread was interrupted (a channel closed by the
    /// interrupt) throws as the parallel reader does: [MarcBatchException] with an
    /// [InterruptedException] cause, the interrupt status set.
    private RuntimeException interrupted(RuntimeException e) {
        OffsetChannel in = input;
        if (e instanceof UncheckedIOException u && in != null && in.failedAt() >= 0
                && !saysWhere(u.getMessage())) {
            // say where, keeping the channel's own exception as the cause
            return new UncheckedIOException("reading " + in.name() + " failed at byte " + in.failedAt() + ": "
                    + u.getCause().getMessage(), u.getCause());
        }
        if (e instanceof UncheckedIOException) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ClosedByInterruptException) {
                    Thread.currentThread().interrupt();
                    InterruptedException ie = new InterruptedException("the reading thread was interrupted");
                    ie.initCause(e);
                    return new MarcBatchException("interrupted while reading " + (sourceName == null ? "the input"
                            : sourceName) + " after " + recordsRead + " records", sourceName, ie);
                }
            }
        }
        return e;
    }

    /// Whether an I/O error's message already names the byte ("reading NAME at byte N", as ISO
    /// 2709 framing says it).
    private static boolean saysWhere(String message) {
        return message != null && message.startsWith("reading ") && message.contains(" at byte ");
    }

    private void beginRead() {
        reading = Thread.currentThread();
        if (closed) {
            reading = null;
            throw closedError(null);
        }
    }

    /// The reading thread meets a close: it finishes closing (joins workers) and fails.
    private IllegalStateException closedError(RuntimeException cause) {
        Thread by = closedBy;
        IllegalStateException e = new IllegalStateException("the reader of " + (sourceName == null ? "the input"
                : sourceName) + " was closed" + (by != null && by != Thread.currentThread() ? " by another thread ("
                + by.getName() + ")" : "") + " after " + recordsRead + " records: a closed reader cannot be read",
                cause);
        try {
            closeSource();
        } catch (IOException | RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
        return e;
    }

    private void closeSource() throws IOException {
        if (sourceClosed.compareAndSet(false, true)) {
            source.close();
        }
    }

    /// The next record's bytes, not decoded, or `null` at the end (ISO 2709 only, one thread).
    ///
    /// @return the record's bytes, or `null`
    /// @throws UnsupportedOperationException for other formats, and with a concurrency above 1
    public RawRecord readRaw() {
        return (RawRecord) guarded(true);
    }

    /// One read on the owning thread: a failure after a close from another thread, or after an
    /// interrupt, says so; a read that ends after a close throws instead of reporting the end.
    private Object guarded(boolean raw) {
        beginRead();
        try {
            Object r;
            try {
                r = raw ? source.nextRaw() : source.next();
            } catch (RuntimeException e) {
                throw closed ? closedError(e) : interrupted(e);
            }
            if (closed) {
                throw closedError(null);
            }
            if (r != null) {
                recordsRead++;
            }
            return r;
        } finally {
            reading = null;
        }
    }

    /// [org.marcloom.internal.bulk.BulkAccess#skipWellFormed]: passes over up to `max` records
    /// that need no decoding to be counted; they count as read.
    long skipWellFormed(long max) {
        return guardedCount(() -> source.skipWellFormed(max));
    }

    /// [org.marcloom.internal.bulk.BulkAccess#transfer]: writes up to `max` records to `writer`
    /// from their bytes while it takes them; they count as read.
    long transfer(MarcWriter writer, long max) {
        if (transfer == null || transfer.writer != writer) {
            transfer = new Transfer(writer, writer.rawTarget(options));
        }
        Transfer t = transfer;
        if (t.target == null) {
            return 0;
        }
        t.written = 0;
        try {
            return guardedCount(() -> source.transfer(t, max));
        } catch (WriteFailed e) {
            recordsRead += t.written;
            throw (RuntimeException) e.getCause();
        }
    }

    /// The writer [#transfer] wrote to last and where it takes records as bytes (`null` when it
    /// takes none); passes the writer's own failures to the caller as the writer threw them, not
    /// as read errors, and counts what it took.
    private static final class Transfer implements org.marcloom.internal.RawTarget {
        final MarcWriter writer;
        final org.marcloom.internal.RawTarget target;
        long written;

        Transfer(MarcWriter writer, org.marcloom.internal.RawTarget target) {
            this.writer = writer;
            this.target = target;
        }

        @Override
        public boolean write(byte[] buf, int start, int end) {
            boolean w;
            try {
                w = target.write(buf, start, end);
            } catch (RuntimeException e) {
                throw new WriteFailed(e);
            }
            if (w) {
                written++;
            }
            return w;
        }
    }

    /// A writer's exception on its way through [#transfer] (never seen outside this class).
    private static final class WriteFailed extends RuntimeException {
        WriteFailed(RuntimeException cause) {
            super(null, cause, false, false);
        }
    }

    /// [#guarded(boolean)] for a call that reads many records and says how many.
    private long guardedCount(java.util.function.LongSupplier call) {
        beginRead();
        try {
            long n;
            try {
                n = call.getAsLong();
            } catch (WriteFailed e) {
                throw e;
            } catch (RuntimeException e) {
                throw closed ? closedError(e) : interrupted(e);
            }
            if (closed) {
                throw closedError(null);
            }
            recordsRead += n;
            return n;
        } finally {
            reading = null;
        }
    }

    /// Decodes a record this reader returned by [#readRaw()], exactly as [#read()] would have
    /// returned it (the same diagnostics; in strict mode the same error, which for a reader from
    /// [MarcSplitter] is the sequential reader's first error). For reading only the records a
    /// leader byte selects, or the positions and the record of one pass.
    ///
    /// @param raw a record from this reader's [#readRaw()]
    /// @return the record
    /// @throws MarcParseException           in strict mode, at the record's first data error
    /// @throws UnsupportedOperationException for other formats, and with a concurrency above 1
    public MarcRecord decode(RawRecord raw) {
        return source.decode(Objects.requireNonNull(raw, "raw"));
    }

    /// How many records (or raw records) have been returned so far; a record whose reading threw
    /// is not one of them.
    ///
    /// @return the count
    public long recordsRead() {
        return recordsRead;
    }

    /// The decoding settings this reader uses.
    ///
    /// @return the options
    public ReaderOptions options() {
        return options;
    }

    /// The name of the input used in error messages (a file name).
    ///
    /// @return the name, or `null`
    public String sourceName() {
        return sourceName;
    }

    /// Diagnostics that belong to no record: trailing bytes after the last record (lenient mode).
    /// Complete once [#read()] has returned `null`.
    ///
    /// @return the diagnostics, unmodifiable
    public List<Diagnostic> trailingDiagnostics() {
        return source instanceof Sources.HasTrailing t ? t.trailingDiagnostics() : List.of();
    }

    /// Iterates the remaining records. May be called once per reader.
    ///
    /// @return an iterator whose `next()` throws as [#read()] does
    /// @throws IllegalStateException when called a second time
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
                    next = read();
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
    ///
    /// @return an ordered stream of the records
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

    /// Stops any worker threads and closes the input if this reader owns it. Idempotent. Any
    /// thread may call it, also while another thread reads: then the worker threads are stopped
    /// and awaited and the input (when owned) is closed before it returns, and the reading
    /// thread's current or next [#read()] throws [IllegalStateException] ("was closed by another
    /// thread") instead of returning a record or `null`.
    ///
    /// @throws IOException when closing the input fails
    @Override
    public void close() throws IOException {
        if (sourceClosed.get()) {
            return;
        }
        Thread me = Thread.currentThread();
        if (!closed) {
            closedBy = me;
            closed = true;
        }
        Thread r = reading;
        if ((r == null || r == me) && source.closableBy(me)) {
            closeSource();
        } else {
            source.abort(); // the reading thread finishes the close
        }
    }

    /// Configures and opens a [MarcReader]. Each setting may be given once, by its own method or
    /// through [#options(ReaderOptions)]; giving it again with a different value is an
    /// [IllegalStateException] that names both calls (`lenient(true)` then `options(DEFAULTS)`
    /// never silently reads strictly). A builder may open many readers. Not thread-safe.
    public static final class Builder {
        private final Settings settings = new Settings();

        private Builder() {
        }

        /// Every decoding setting at once.
        ///
        /// @param value the options
        /// @return this builder
        /// @throws IllegalStateException when a setting they hold was given another value before
        public Builder options(ReaderOptions value) {
            return settings.all(this, Settings.notNull("options", value).components(), "options(" + value + ")");
        }

        /// Sets [ReaderOptions#lenient()].
        ///
        /// @param value true for lenient reading
        /// @return this builder
        public Builder lenient(boolean value) {
            return settings.flag(this, "lenient", value);
        }

        /// Sets [ReaderOptions#encoding()].
        ///
        /// @param value the encoding
        /// @return this builder
        public Builder encoding(MarcEncoding value) {
            return settings.value(this, "encoding", value);
        }

        /// Sets [ReaderOptions#guessEncoding()].
        ///
        /// @param value true to guess the encoding from the bytes
        /// @return this builder
        public Builder guessEncoding(boolean value) {
            return settings.flag(this, "guessEncoding", value);
        }

        /// Sets [ReaderOptions#normalizeNfc()].
        ///
        /// @param value true for NFC
        /// @return this builder
        public Builder normalizeNfc(boolean value) {
            return settings.flag(this, "normalizeNfc", value);
        }

        /// Sets [ReaderOptions#decodeNumericCharacterReferences()].
        ///
        /// @param value true to decode `&#xXXXX;` in MARC-8 data
        /// @return this builder
        public Builder decodeNumericCharacterReferences(boolean value) {
            return settings.flag(this, "decodeNumericCharacterReferences", value);
        }

        /// Sets [ReaderOptions#limits()].
        ///
        /// @param value the limits
        /// @return this builder
        public Builder limits(Limits value) {
            return settings.value(this, "limits", value);
        }

        /// Sets [ReaderOptions#maxDiagnosticsPerRecord()].
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder maxDiagnosticsPerRecord(int value) {
            return settings.count(this, "maxDiagnosticsPerRecord", value);
        }

        /// The input format (default [MarcFormat#ISO_2709]).
        ///
        /// @param value the format
        /// @return this builder
        /// @throws IllegalStateException after [#detectFormat()] or another format
        public Builder format(MarcFormat value) {
            return settings.value(this, "format", value);
        }

        /// Detect the format from the first bytes of the input (see [FormatDetector]) instead of
        /// naming it. An empty input is read as ISO 2709; one in no known format fails `open` with
        /// a [MarcParseException] ([ErrorCode#STRUCTURE_INVALID]).
        ///
        /// @return this builder
        /// @throws IllegalStateException after [#format(MarcFormat)]
        public Builder detectFormat() {
            settings.set("format", "detected", "detectFormat()");
            return this;
        }

        /// How many threads decode (default 1: the reading thread itself). Above 1, ISO 2709 and
        /// MARC-in-JSON input is decoded on that many workers with the same result; decoding is
        /// CPU-bound, so more than the number of cores does not help.
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder concurrency(int value) {
            return settings.count(this, "concurrency", value);
        }

        /// Where the decoding threads come from when the concurrency is above 1 (default: virtual
        /// threads named `marcloom-read-N`).
        ///
        /// @param value the factory
        /// @return this builder
        public Builder threadFactory(ThreadFactory value) {
            return settings.value(this, "threadFactory", value);
        }

        /// The name used in error messages (default: the path for `open(Path)`).
        ///
        /// @param value the name
        /// @return this builder
        public Builder sourceName(String value) {
            return settings.value(this, "sourceName", value);
        }

        /// Keep what a lenient read cannot read as a record (junk between records, bytes after the
        /// last one, malformed text): the raw bytes of each region and a JSON line each go to
        /// `value` (see [Quarantine] for the format, what each input format quarantines and the
        /// guarantee). The caller closes the quarantine.
        ///
        /// @param value the quarantine, which may be shared by several readers
        /// @return this builder
        public Builder quarantine(Quarantine value) {
            return settings.value(this, "quarantine", value);
        }

        /// Leave a caller's channel or stream open when the reader is closed.
        ///
        /// @param value true to leave it open
        /// @return this builder
        public Builder keepOpen(boolean value) {
            return settings.flag(this, "keepOpen", value);
        }

        /// The decoding settings given so far, over [ReaderOptions#DEFAULTS].
        ///
        /// @return the options a reader opened now would use
        /// @throws IllegalStateException when the settings do not go together (see
        ///                               [ReaderOptions.Builder#build()])
        public ReaderOptions readerOptions() {
            ReaderOptions d = ReaderOptions.DEFAULTS;
            return ReaderOptions.builder()
                    .lenient(settings.get("lenient", d.lenient()))
                    .encoding(settings.get("encoding", d.encoding()))
                    .guessEncoding(settings.get("guessEncoding", d.guessEncoding()))
                    .normalizeNfc(settings.get("normalizeNfc", d.normalizeNfc()))
                    .decodeNumericCharacterReferences(settings.get("decodeNumericCharacterReferences",
                            d.decodeNumericCharacterReferences()))
                    .limits(settings.get("limits", d.limits()))
                    .maxDiagnosticsPerRecord(settings.get("maxDiagnosticsPerRecord", d.maxDiagnosticsPerRecord()))
                    .build();
        }

        /// Opens a file; the reader owns its channel.
        ///
        /// @param path the file
        /// @return the reader
        /// @throws IOException              when the file cannot be opened
        /// @throws MarcParseException       when the format is detected and is none marcloom reads
        /// @throws IllegalArgumentException with a [#quarantine(Quarantine)], for MARC-in-JSON in
        ///                                  UTF-16 or UTF-32 (see [Quarantine])
        public MarcReader open(Path path) throws IOException {
            Objects.requireNonNull(path, "path");
            ReaderOptions options = readerOptions();
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            try {
                return build(options, channel, settings.get("sourceName", path.toString()), true);
            } catch (RuntimeException | Error e) {
                channel.close();
                throw e;
            }
        }

        /// Reads a caller's channel (closed with the reader unless [#keepOpen(boolean)]).
        ///
        /// @param channel the channel
        /// @return the reader
        /// @throws MarcParseException   when the format is detected and is none marcloom reads
        /// @throws UncheckedIOException when detecting the format fails to read
        public MarcReader open(ReadableByteChannel channel) {
            Objects.requireNonNull(channel, "channel");
            return build(readerOptions(), channel, settings.get("sourceName", null), !settings.get("keepOpen", false));
        }

        /// Reads a caller's stream (closed with the reader unless [#keepOpen(boolean)]).
        ///
        /// @param in the stream; the reader buffers, so it need not be buffered
        /// @return the reader
        /// @throws MarcParseException   when the format is detected and is none marcloom reads
        /// @throws UncheckedIOException when detecting the format fails to read
        public MarcReader open(InputStream in) {
            Objects.requireNonNull(in, "in");
            return open(Channels.newChannel(in));
        }

        private MarcReader build(ReaderOptions options, ReadableByteChannel channel, String name, boolean own) {
            int concurrency = settings.get("concurrency", 1);
            ThreadFactory threads = settings.threads("marcloom-read-");
            Object format = settings.get("format", MarcFormat.ISO_2709);
            OffsetChannel counted = new OffsetChannel(channel, name);
            channel = counted;
            Quarantine q = settings.get("quarantine", null);
            org.marcloom.internal.QuarantineSink sink = q == null ? null : q.sink();
            RecordSource source = format instanceof MarcFormat f
                    ? Sources.create(f, options, channel, name, own, concurrency, threads, sink)
                    : Sources.detectAndCreate(options, channel, name, own, concurrency, threads, sink);
            return new MarcReader(source, options, name, counted);
        }
    }
}
