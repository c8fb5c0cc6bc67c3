package org.marcloom.batch;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.marcloom.Diagnostic;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.internal.iso2709.Iso2709Parser;
import org.marcloom.record.MarcRecord;

/// A batch of framed records, copied out of the framer's buffer, that one decoder decodes.
/// Written by the framer, then by one decoder, then read by the consumer; the hand-offs go
/// through blocking queues and [#decoded], which order the accesses.
final class Chunk {

    static final Chunk POISON = new Chunk(-1, 0);

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

    MarcRecord[] records;
    int decodedCount;
    RuntimeException decodeError;
    final CountDownLatch decoded = new CountDownLatch(1);

    @SuppressWarnings("unchecked")
    Chunk(long seq, int capacity) {
        this.seq = seq;
        this.data = new byte[Math.max(capacity, 16)];
        this.ends = new int[16];
        this.indexes = new long[16];
        this.offsets = new long[16];
        this.framing = new List[16];
    }

    void add(FramedInput in) {
        int len = in.end() - in.start();
        if (size + len > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + len));
        }
        System.arraycopy(in.buffer(), in.start(), data, size, len);
        size += len;
        if (count == ends.length) {
            int n = count * 2;
            ends = Arrays.copyOf(ends, n);
            indexes = Arrays.copyOf(indexes, n);
            offsets = Arrays.copyOf(offsets, n);
            framing = Arrays.copyOf(framing, n);
        }
        ends[count] = size;
        indexes[count] = in.index();
        offsets[count] = in.offset();
        framing[count] = in.framing();
        count++;
    }

    /// Decodes every record; stops at the first exception, keeping the records before it.
    void decode(Iso2709Parser parser, String name) {
        try {
            records = new MarcRecord[count];
            int from = 0;
            for (int i = 0; i < count; i++) {
                try {
                    records[i] = parser.parse(data, from, ends[i], indexes[i], offsets[i], framing[i]);
                } catch (org.marcloom.MarcParseException e) {
                    decodeError = name == null ? e : e.withSource(name);
                    break;
                } catch (RuntimeException e) {
                    decodeError = e;
                    break;
                }
                from = ends[i];
                decodedCount = i + 1;
            }
            data = null; // the bytes are no longer needed
            framing = null;
        } finally {
            decoded.countDown();
        }
    }
}
