package org.marcloom.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.marcloom.internal.parallel.ParallelSource;
import org.marcloom.ErrorCode;
import org.marcloom.FormatDetector;
import org.marcloom.MarcParseException;
import org.marcloom.Severity;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.iso2709.Iso2709Source;
import org.marcloom.internal.mrk.MrkSource;

/// Creates the [RecordSource] for a format.
public final class Sources {

    /// A source that can report diagnostics belonging to no record (trailing bytes).
    public interface HasTrailing {
        List<Diagnostic> trailingDiagnostics();
    }

    private Sources() {
    }

    /// @param name  the input's name for error messages, or `null`
    /// @param owns  close the channel when the source is closed
    public static RecordSource create(MarcFormat format, ReaderOptions options, ReadableByteChannel channel,
                                      String name, boolean owns) {
        return create(format, options, channel, name, owns, 1, null, null);
    }

    /// As [#create(MarcFormat, ReaderOptions, ReadableByteChannel, String, boolean, int, ThreadFactory, QuarantineSink)]
    /// without a quarantine.
    public static RecordSource create(MarcFormat format, ReaderOptions options, ReadableByteChannel channel,
                                      String name, boolean owns, int concurrency, ThreadFactory threads) {
        return create(format, options, channel, name, owns, concurrency, threads, null);
    }

    /// A source for `format`: with `concurrency > 1` and a format [ParallelSource] reads, a parallel
    /// one; otherwise the format's sequential source.
    ///
    /// @param threads where the decoding threads come from (with `concurrency > 1`)
    ///
    /// @param quarantine where skipped bytes go, or `null`
    public static RecordSource create(MarcFormat format, ReaderOptions options, ReadableByteChannel channel,
                                      String name, boolean owns, int concurrency, ThreadFactory threads,
                                      QuarantineSink quarantine) {
        if (concurrency > 1 && ParallelSource.supports(format)) {
            return ParallelSource.create(format, options, channel, name, owns, concurrency, threads,
                    ParallelSource.Tuning.DEFAULT, quarantine);
        }
        return switch (format) {
            case ISO_2709 -> new Iso2709Source(channel, owns, options, name, quarantine);
            case MARC_JSON, MARC_JSON_LINES -> new org.marcloom.internal.json.JsonSource(channel, owns, options, name,
                    0, false, 0, quarantine);
            case MARCXML -> new org.marcloom.internal.xml.MarcXmlSource(channel, owns, options, name, quarantine);
            case MARCMAKER -> new MrkSource(channel, owns, options, name, quarantine);
        };
    }

    /// How many bytes [#detectAndCreate] looks at.
    public static final int SNIFF_BYTES = 8192;

    /// Detects the format from the first bytes (up to [#SNIFF_BYTES], see
    /// [org.marcloom.FormatDetector]), then creates that format's source on a channel that replays
    /// them. An empty input is read as ISO 2709 (no records).
    ///
    /// @throws MarcParseException (STRUCTURE_INVALID, record 0, offset 0) when the format is not
    ///                            recognised; the channel is closed first when `owns`
    /// @throws UncheckedIOException when reading the first bytes fails
    public static RecordSource detectAndCreate(ReaderOptions options, ReadableByteChannel channel, String name,
                                               boolean owns, int concurrency, ThreadFactory threads,
                                               QuarantineSink quarantine) {
        byte[] head = new byte[SNIFF_BYTES];
        ByteBuffer buf = ByteBuffer.wrap(head);
        try {
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            closeQuietly(channel, owns, e);
            throw new UncheckedIOException("reading the first bytes to detect the format", e);
        }
        int length = buf.position();
        ReadableByteChannel replay = new PrefixedChannel(head, length, channel);
        if (length == 0) {
            return create(MarcFormat.ISO_2709, options, replay, name, owns, concurrency, threads, quarantine);
        }
        Optional<MarcFormat> format = FormatDetector.detectFormat(head, length);
        if (format.isEmpty()) {
            MarcParseException e = new DiagnosticCollector(options, name).exception(Diagnostic.builder(Severity.FATAL,
                    ErrorCode.STRUCTURE_INVALID).recordIndex(0).byteOffset(0).problem("the input is in no format"
                            + " marcloom recognises: expected ISO 2709 (five digits of record length starting a"
                            + " leader), MARCXML ('<?xml' or a <collection> or <record> element), MARC-in-JSON ('['"
                            + " for an array, '{' for one record per line) or MARCMaker ('=LDR'); it starts with "
                            + describe(head, length)).build());
            closeQuietly(channel, owns, e);
            throw e;
        }
        return create(format.get(), options, replay, name, owns, concurrency, threads, quarantine);
    }

    private static String describe(byte[] head, int length) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(length, 16);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02X", b));
            }
        }
        return sb.append(length > n ? "...\"" : "\"").toString();
    }

    private static void closeQuietly(ReadableByteChannel channel, boolean owns, Exception cause) {
        if (owns) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }
}
