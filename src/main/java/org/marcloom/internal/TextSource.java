package org.marcloom.internal;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.ReaderOptions;

/// What the sequential sources of the text formats (MARCXML, MARC-in-JSON, MARCMaker) share: the
/// channel they read and whether they own it, the input's name and the mode, the end of the input,
/// the diagnostics that belong to no record, and closing.
///
/// Not thread-safe, but for [#abort()].
public abstract class TextSource implements RecordSource, Sources.HasTrailing {

    /// The input.
    protected final ReadableByteChannel channel;
    private final boolean owns;
    /// The input's name for error messages, or `null`.
    protected final String name;
    protected final boolean lenient;
    /// Set once the input is read to its end, failed for good, or closed: [#next()] then returns
    /// `null`.
    protected boolean done;
    /// Diagnostics that belong to no record, for [#trailingDiagnostics()].
    protected final List<Diagnostic> trailing = new ArrayList<>(1);

    /// Where skipped regions go, or `null`.
    private final QuarantineSink quarantine;
    /// With a quarantine: the input, keeping what is not yet accounted for; else `null`.
    private final Capture capture;
    /// With a quarantine: the input offset up to which every byte is in a record, a region or markup.
    private long accounted;

    /// @param owns close the channel when the source is closed
    protected TextSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this(channel, owns, options, name, null, 0);
    }

    /// @param owns       close the channel when the source is closed
    /// @param quarantine where the bytes of skipped regions go, or `null`
    /// @param offsetBase the input offset of the channel's first byte
    protected TextSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name,
                         QuarantineSink quarantine, long offsetBase) {
        this.quarantine = quarantine;
        this.capture = quarantine == null ? null : new Capture(channel, offsetBase);
        this.channel = capture == null ? channel : capture;
        this.accounted = offsetBase;
        this.owns = owns;
        this.name = name;
        this.lenient = options.lenient();
    }

    /// With a quarantine: the bytes before `offset` will never be part of a region (a record that
    /// cannot turn into one has passed them): they are no longer held.
    protected final void notNeeded(long offset) {
        if (capture != null) {
            capture.release(offset);
        }
    }

    /// Whether skipped regions are quarantined (then [#recordRead], [#skipped] and
    /// [#skippedToEnd] must be called; otherwise they do nothing).
    protected final boolean quarantining() {
        return quarantine != null;
    }

    /// With a quarantine: the record just read lies in `[start, end)` of the input (what lies
    /// between the last byte accounted for and `start` is markup: white space, the document's
    /// wrapper).
    protected final void recordRead(long start, long end) {
        if (capture != null) {
            quarantine.record(start, end - start);
            accounted = end;
            capture.release(end);
        }
    }

    /// With a quarantine: the bytes `[start, end)` were skipped (no record holds them), for the
    /// reasons `why`. `start` may be [#NEXT]: the first byte after what is accounted for that is not
    /// white space.
    protected final void skipped(long start, long end, List<Diagnostic> why) {
        if (capture != null) {
            long from = start == NEXT ? capture.skipWhitespace(accounted) : start;
            if (from < end) {
                capture.quarantine(quarantine, name, from, end, why);
            }
            accounted = Math.max(accounted, end);
            capture.release(accounted);
        }
    }

    /// With a quarantine: nothing from `start` (or [#NEXT], see [#skipped]) to the end of the input
    /// will be read as a record: reads the rest of the input into the quarantine as one region.
    protected final void skippedToEnd(long start, List<Diagnostic> why) {
        if (capture != null) {
            long from = start;
            if (start == NEXT) {
                // white space up to the first byte of the region is markup, however much of it
                // was read ahead
                from = capture.skipWhitespace(accounted);
                while (from == capture.position()) {
                    capture.release(from); // markup, not held while more is read
                    accounted = from;
                    if (!capture.readMore()) {
                        break;
                    }
                    from = capture.skipWhitespace(from);
                }
            }
            if (!capture.atEnd() || from < capture.position()) {
                capture.quarantineToEnd(quarantine, name, from, why);
            }
            accounted = capture.position();
        }
    }

    /// With a quarantine: the bytes up to `offset` are markup (a JSON array's closing bracket).
    protected final void markupTo(long offset) {
        if (capture != null && offset > accounted) {
            accounted = offset;
            capture.release(offset);
        }
    }

    /// For [#skipped] and [#skippedToEnd]: the region starts at the first byte after the last one
    /// accounted for that is not white space.
    protected static final long NEXT = Long.MIN_VALUE;

    /// With a quarantine: the input offset up to which every byte is accounted for.
    protected final long accounted() {
        return accounted;
    }

    /// With a quarantine: the input offset just after the last byte read from the channel.
    protected final long bytesRead() {
        return capture == null ? -1 : capture.position();
    }

    /// With a quarantine: [Capture#utf16Advance(long, long)].
    protected final long utf16Advance(long offset, long units) {
        return capture.utf16Advance(offset, units);
    }

    /// With a quarantine: the byte at input offset `offset` if it is held, else -1.
    protected final int heldByte(long offset) {
        return capture == null ? -1 : capture.byteAt(offset);
    }

    /// Diagnostics that belong to no record (malformed input after the last record, a document
    /// that ended early). Complete once [#next()] has returned `null`.
    @Override
    public final List<Diagnostic> trailingDiagnostics() {
        return List.copyOf(trailing);
    }

    /// Ends the source: releases the format's parser ([#closeParser()]), then closes the channel
    /// when owned (also when releasing the parser failed).
    @Override
    public final void close() throws IOException {
        done = true;
        try {
            closeParser();
        } finally {
            try {
                if (capture != null) {
                    capture.discard();
                }
            } finally {
                abort();
            }
        }
    }

    /// Releases what the format's parser holds; called by [#close()] on the reading thread. Nothing
    /// by default.
    protected void closeParser() throws IOException {
    }

    /// Closes only the channel (when owned): the parser is the reading thread's, released by its
    /// [#close()].
    @Override
    public final void abort() throws IOException {
        if (owns) {
            channel.close();
        }
    }
}
