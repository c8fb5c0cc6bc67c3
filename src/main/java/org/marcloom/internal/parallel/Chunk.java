package org.marcloom.internal.parallel;

import java.util.Arrays;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.record.MarcRecord;

/// A job of [ParallelSource]: a run of consecutive records of the input that one worker decodes, with the buffer that holds
/// their bytes (for ISO 2709 the buffer the input was read into, so the records are not copied). Written under the reader's framing lock, then by the worker that framed it, then read
/// by the consumer; the hand-off to the consumer is a volatile write of the decoded chunk, which
/// orders the accesses.
final class Chunk extends OrderedEngine.Job {

    byte[] data;
    int size;
    int count;
    int[] starts;           // record i is data[starts[i], ends[i])
    int[] ends;
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
    /// With a quarantine: what the chunk's decoder skipped and read, for the consumer to replay.
    org.marcloom.internal.RegionLog regions;

    MarcRecord[] records;
    int decodedCount;
    RuntimeException decodeError;

    /// @param data    the buffer to read the chunk's bytes into (may be replaced by a bigger one)
    /// @param records the expected number of records (the index arrays grow past it)
    @SuppressWarnings("unchecked")
    Chunk(long seq, byte[] data, int records) {
        super(seq);
        this.data = data;
        int n = Math.max(1, records);
        this.starts = new int[n];
        this.ends = new int[n];
        this.indexes = new long[n];
        this.offsets = new long[n];
        this.framing = new List[n];
    }

    /// Records one framed record `data[start, end)` (its bytes are already in `data`).
    void add(int start, int end, long index, long offset, List<Diagnostic> framingDiagnostics) {
        if (count == ends.length) {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            indexes = Arrays.copyOf(indexes, n);
            offsets = Arrays.copyOf(offsets, n);
            framing = Arrays.copyOf(framing, n);
        }
        starts[count] = start;
        ends[count] = end;
        indexes[count] = index;
        offsets[count] = offset;
        framing[count] = framingDiagnostics;
        count++;
    }
}
