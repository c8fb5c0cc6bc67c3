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
        return new Sequential(encoders.get(), out, ownTarget);
    }

    /// The writing thread encodes each record into one reused buffer, handed to the target every
    /// 64 KiB.
    private static final class Sequential implements RecordSink {
        private final RecordEncoder encoder;
        private final OutputStream out;
        private final boolean ownTarget;
        private final OutputBuffer buf = new OutputBuffer(FLUSH_AT * 2);
        private long count;
        private boolean started;
        private boolean closed;

        Sequential(RecordEncoder encoder, OutputStream out, boolean ownTarget) {
            this.encoder = encoder;
            this.out = Objects.requireNonNull(out, "out");
            this.ownTarget = ownTarget;
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
