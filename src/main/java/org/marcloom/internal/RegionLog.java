package org.marcloom.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marcloom.Diagnostic;

/// A [QuarantineSink] that keeps what it is given (regions, copied, and record spans), in order,
/// to hand it to the real sink later ([#replay]): a parallel reader's workers decode chunks out of
/// order, and the consumer replays each chunk's log when it reaches the chunk. Not thread-safe
/// (one worker fills it, then the consumer reads it).
public final class RegionLog implements QuarantineSink {

    private record Entry(String source, long offset, byte[] bytes, List<Diagnostic> why, long recordLength) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void put(String source, long offset, byte[] buf, int from, int length, List<Diagnostic> diagnostics) {
        entries.add(new Entry(source, offset, Arrays.copyOfRange(buf, from, from + length),
                List.copyOf(diagnostics), -1));
    }

    @Override
    public void record(long offset, long length) {
        entries.add(new Entry(null, offset, null, null, length));
    }

    /// Hands everything kept to `sink`, in the order it came.
    public void replay(QuarantineSink sink) {
        for (Entry e : entries) {
            if (e.bytes == null) {
                sink.record(e.offset, e.recordLength);
            } else {
                sink.put(e.source, e.offset, e.bytes, 0, e.bytes.length, e.why);
            }
        }
    }
}
