package org.marcloom.batch;

import java.io.IOException;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.internal.iso2709.Iso2709Parser;
import org.marcloom.record.MarcRecord;

/// ISO 2709 for [ParallelMarcReader]: records are framed with the shared [FramedInput] (the same
/// framing loop, junk accounting, record indexes and offsets as the sequential reader) and copied
/// into the chunk; a decoder parses them with the shared [Iso2709Parser].
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
        try {
            while (c.count < batchRecords && c.size < batchBytes) {
                if (!input.next()) {
                    c.last = true;
                    trailing = input.trailingDiagnostics();
                    return;
                }
                c.add(input.buffer(), input.start(), input.end(), input.index(), input.offset(), input.framing());
            }
        } catch (RuntimeException e) {
            c.framingError = e;
            c.last = true;
        } catch (Error e) {
            c.framingError = new MarcBatchException("framing " + name + " failed", name, e);
            c.last = true;
        }
    }

    @Override
    public List<Diagnostic> trailingDiagnostics() {
        return trailing;
    }

    @Override
    public Decoder newDecoder() {
        Iso2709Parser parser = new Iso2709Parser(options);
        return c -> {
            MarcRecord[] records = new MarcRecord[c.count];
            c.records = records;
            byte[] data = c.data;
            int from = 0;
            for (int i = 0; i < c.count; i++) {
                int end = c.ends[i];
                try {
                    records[i] = parser.parse(data, from, end, c.indexes[i], c.offsets[i], c.framing[i]);
                } catch (MarcParseException e) {
                    c.decodeError = name == null ? e : e.withSource(name);
                    return;
                }
                from = end;
                c.decodedCount = i + 1;
            }
        };
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
