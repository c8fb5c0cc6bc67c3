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

    /// @param owns close the channel when the source is closed
    protected TextSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this.channel = channel;
        this.owns = owns;
        this.name = name;
        this.lenient = options.lenient();
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
            abort();
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
