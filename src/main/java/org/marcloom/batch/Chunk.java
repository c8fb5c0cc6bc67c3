package org.marcloom.batch;

import java.util.Arrays;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.record.MarcRecord;

/// A run of consecutive records of the input, copied out of the framing buffer, that one worker
/// decodes. Written under the reader's framing lock, then by the worker that framed it, then read
/// by the consumer; the hand-off to the consumer is a volatile write of the decoded chunk, which
/// orders the accesses.
final class Chunk {

    final long seq;
    byte[] data;
    int size;
    int count;
    int[] ends;             // record i is data[ends[i-1] (or 0), ends[i])
    long[] indexes;
    long[] offsets;
    List<Diagnostic>[] framing;
    /// Framing stopped here: thrown after this chunk's records.
    RuntimeException framingError;
    /// The input ended after this chunk (or framing failed).
    boolean last;

    // Line-based formats: where the chunk starts, and what its decoder found.
    long startOffset;
    /// Line breaks in the chunk, counted as the JSON parser counts them.
    long lines;
    /// Record objects the decoder saw (the record indexes the chunk used).
    long objects;
    /// The chunk cannot be decoded apart from what precedes it (see [JsonChunks]).
    boolean needsSequential;

    MarcRecord[] records;
    int decodedCount;
    RuntimeException decodeError;

    /// @param data    the buffer to copy records into (grown when a record does not fit)
    /// @param records the expected number of records (the index arrays grow past it)
    @SuppressWarnings("unchecked")
    Chunk(long seq, byte[] data, int records) {
        this.seq = seq;
        this.data = data;
        int n = Math.max(1, records);
        this.ends = new int[n];
        this.indexes = new long[n];
        this.offsets = new long[n];
        this.framing = new List[n];
    }

    /// Appends one framed record `buf[start, end)`.
    void add(byte[] buf, int start, int end, long index, long offset, List<Diagnostic> framingDiagnostics) {
        int len = end - start;
        if (size + len > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + len));
        }
        System.arraycopy(buf, start, data, size, len);
        size += len;
        if (count == ends.length) {
            int n = count * 2;
            ends = Arrays.copyOf(ends, n);
            indexes = Arrays.copyOf(indexes, n);
            offsets = Arrays.copyOf(offsets, n);
            framing = Arrays.copyOf(framing, n);
        }
        ends[count] = size;
        indexes[count] = index;
        offsets[count] = offset;
        framing[count] = framingDiagnostics;
        count++;
    }
}
