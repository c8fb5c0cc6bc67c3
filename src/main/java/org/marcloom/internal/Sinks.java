package org.marcloom.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriteException;
import org.marcloom.WriterOptions;
import org.marcloom.internal.iso2709.Iso2709Encoder;
import org.marcloom.internal.json.JsonEncoder;
import org.marcloom.internal.mrk.MrkEncoder;
import org.marcloom.internal.parallel.ParallelSink;
import org.marcloom.internal.xml.MarcXmlEncoder;
import org.marcloom.record.MarcRecord;

/// Creates the [RecordSink] behind a [org.marcloom.MarcWriter]: one format's [RecordEncoder],
/// used on the writing thread ([#sequential]) or on worker threads ([#create] with more than one).
public final class Sinks {

    /// Bytes gathered before they are handed to the target.
    static final int FLUSH_AT = 64 * 1024;

    private Sinks() {
    }

    /// A new encoder for `format`; each call gives a new one (encoders are not thread-safe).
    public static RecordEncoder encoder(MarcFormat format, WriterOptions options) {
        return switch (format) {
            case ISO_2709 -> new Iso2709Encoder(options);
            case MARC_JSON -> new JsonEncoder(options, false);
            case MARC_JSON_LINES -> new JsonEncoder(options, true);
            case MARCXML -> new MarcXmlEncoder(options);
            case MARCMAKER -> new MrkEncoder(options);
        };
    }

    /// A sink for `format` on `out`.
    ///
    /// @param out         the target; the sink buffers, so pass it unbuffered
    /// @param ownTarget   close `out` when the sink is closed
    /// @param concurrency how many threads encode (1: the writing thread itself)
    /// @param threads     where the encoding threads come from when `concurrency > 1`
    public static RecordSink create(MarcFormat format, WriterOptions options, OutputStream out, boolean ownTarget,
                                    int concurrency, ThreadFactory threads, String name) {
        return create(format, options, out, ownTarget, concurrency, threads, name, false);
    }

    /// As [#create(MarcFormat, WriterOptions, OutputStream, boolean, int, ThreadFactory, String)];
    /// with `verify`, each record is read back before it is written ([VerifyingEncoder]).
    public static RecordSink create(MarcFormat format, WriterOptions options, OutputStream out, boolean ownTarget,
                                    int concurrency, ThreadFactory threads, String name, boolean verify) {
        Supplier<RecordEncoder> encoders = verify
                ? () -> new VerifyingEncoder(format, options, encoder(format, options))
                : () -> encoder(format, options);
        if (concurrency > 1) {
            return new ParallelSink(encoders, out, ownTarget, concurrency, threads, name);
        }
        return new Sequential(encoders.get(), out, ownTarget, verify ? null : format, options);
    }

    /// A new raw encoder for `format` and `options`, for records a reader with `readerOptions`
    /// decodes, or `null` when records cannot be written from their bytes with exactly the output
    /// of the format's encoder: the reader decodes text that is not UTF-8 (MARC-8, Latin-1) or
    /// normalises it, its limits could be reached, the output is indented, in MARCMaker, or an
    /// ISO 2709 writer's MARC-8.
    public static RawEncoder rawEncoder(MarcFormat format, WriterOptions options,
                                        org.marcloom.ReaderOptions readerOptions) {
        Boolean forcedUtf8 = org.marcloom.internal.iso2709.RawLayout.forcedUtf8(readerOptions);
        if (forcedUtf8 == null || readerOptions.normalizeNfc()
                || !org.marcloom.internal.iso2709.RawLayout.limitsUnreachable(readerOptions)) {
            return null;
        }
        return switch (format) {
            case ISO_2709 -> options.encoding() == org.marcloom.OutputEncoding.UTF_8
                    ? new org.marcloom.internal.iso2709.Iso2709Passthrough() : null;
            case MARC_JSON, MARC_JSON_LINES -> options.indent() && format == MarcFormat.MARC_JSON ? null
                    : new org.marcloom.internal.json.JsonRawEncoder(format == MarcFormat.MARC_JSON_LINES, forcedUtf8);
            case MARCXML -> options.indent() ? null : new org.marcloom.internal.xml.MarcXmlRawEncoder(forcedUtf8);
            case MARCMAKER -> null;
        };
    }

    /// The writing thread encodes each record into one reused buffer, handed to the target every
    /// 64 KiB.
    private static final class Sequential implements RecordSink {
        private final RecordEncoder encoder;
        private final OutputStream out;
        private final boolean ownTarget;
        /// The format and options for a [RawEncoder], or a `null` format when there is none (verify).
        private final MarcFormat format;
        private final WriterOptions options;
        private final OutputBuffer buf = new OutputBuffer(FLUSH_AT * 2);
        private long count;
        private boolean started;
        private boolean closed;

        Sequential(RecordEncoder encoder, OutputStream out, boolean ownTarget, MarcFormat format,
                   WriterOptions options) {
            this.encoder = encoder;
            this.out = Objects.requireNonNull(out, "out");
            this.ownTarget = ownTarget;
            this.format = format;
            this.options = options;
        }

        /// The last [#rawTarget] and the reader options it was for.
        private org.marcloom.ReaderOptions rawFor;
        private RawTarget rawTarget;

        @Override
        public RawTarget rawTarget(org.marcloom.ReaderOptions readerOptions) {
            if (readerOptions.equals(rawFor)) {
                return rawTarget;
            }
            RawEncoder raw = format == null ? null : rawEncoder(format, options, readerOptions);
            rawFor = readerOptions;
            rawTarget = raw == null ? null : (b, start, end) -> {
                if (closed) {
                    throw new IllegalStateException("the writer is closed");
                }
                if (!started) {
                    started = true;
                    encoder.start(buf);
                }
                if (!raw.record(b, start, end, count, buf)) {
                    return false;
                }
                count++;
                if (buf.size >= FLUSH_AT) {
                    try {
                        buf.drainTo(out, FLUSH_AT * 2);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("writing record " + count, e); // as MarcWriter.write says it
                    }
                }
                return true;
            };
            return rawTarget;
        }

        @Override
        public void write(MarcRecord record) throws IOException {
            if (closed) {
                throw new IllegalStateException("the writer is closed");
            }
            if (!started) {
                started = true;
                encoder.start(buf);
            }
            try {
                encoder.record(record, count, buf);
            } catch (MarcWriteException e) {
                throw e.forRecord(count, record.controlNumber().orElse(null));
            }
            count++;
            if (buf.size >= FLUSH_AT) {
                buf.drainTo(out, FLUSH_AT * 2);
            }
        }

        @Override
        public long recordsWritten() {
            return count;
        }

        @Override
        public void flush() throws IOException {
            if (!closed) {
                buf.drainTo(out, FLUSH_AT * 2);
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!started) {
                    started = true;
                    encoder.start(buf);
                }
                encoder.end(count, buf);
                buf.drainTo(out, FLUSH_AT * 2);
                out.flush();
            } finally {
                if (ownTarget) {
                    out.close();
                }
            }
        }
    }
}
