package org.marcloom.internal.parallel;

import org.marcloom.batch.MarcBatchException;
import java.io.IOException;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.internal.iso2709.Iso2709Parser;
import org.marcloom.record.MarcRecord;

/// ISO 2709 for [ParallelMarcReader]: records are framed with the shared [FramedInput] (the same
/// framing loop, junk accounting, record indexes and offsets as the sequential reader) in batch
/// mode: the input is read straight into the chunk's buffer and the chunk records where each
/// record starts and ends in it (only a record cut by the end of a buffer is copied, into the next
/// chunk's buffer); a decoder parses them with the shared [Iso2709Parser].
final class Iso2709Chunks implements ChunkFormat {

    private final FramedInput input;
    private final ReaderOptions options;
    private final String name;
    private final int batchRecords;
    private final int batchBytes;
    private volatile List<Diagnostic> trailing = List.of();

    Iso2709Chunks(FramedInput input, ReaderOptions options, String name, int batchRecords, int batchBytes) {
        this.input = input;
        this.options = options;
        this.name = name;
        this.batchRecords = batchRecords;
        this.batchBytes = batchBytes;
    }

    @Override
    public void fill(Chunk c) {
        FramedInput in = input;
        in.beginBatch(c.data);
        try {
            int first = -1;
            while (c.count < batchRecords && c.size < batchBytes) {
                if (!in.next()) {
                    if (!in.batchFull()) {
                        c.last = true;
                        trailing = in.trailingDiagnostics();
                    }
                    return;
                }
                if (first < 0) {
                    first = in.start();
                }
                c.add(in.start(), in.end(), in.index(), in.offset(), in.framing());
                c.size = in.end() - first;
            }
        } catch (RuntimeException e) {
            c.framingError = e;
            c.last = true;
        } catch (Error e) {
            c.framingError = new MarcBatchException("framing " + name + " failed", name, e);
            c.last = true;
        } finally {
            c.data = in.buffer(); // the records' bytes; the input moves to another buffer next time
        }
    }

    @Override
    public List<Diagnostic> trailingDiagnostics() {
        return trailing;
    }

    @Override
    public Decoder newDecoder() {
        Iso2709Parser parser = new Iso2709Parser(options, name);
        return c -> {
            MarcRecord[] records = new MarcRecord[c.count];
            c.records = records;
            byte[] data = c.data;
            for (int i = 0; i < c.count; i++) {
                try {
                    records[i] = parser.parse(data, c.starts[i], c.ends[i], c.indexes[i], c.offsets[i], c.framing[i]);
                } catch (MarcParseException e) {
                    c.decodeError = e;
                    return;
                }
                c.decodedCount = i + 1;
            }
        };
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
