package org.marcloom.internal.parallel;

import org.marcloom.batch.MarcBatchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.ModelAccess;
import org.marcloom.internal.QuarantineSink;
import org.marcloom.internal.RegionLog;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.json.JsonSource;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// MARC-in-JSON lines (NDJSON) for [ParallelMarcReader]. Chunks are cut after the last newline in
/// about `batchBytes` of input; each is decoded by the same [JsonSource] as the sequential reader,
/// started at the chunk's first byte with record indexes and line numbers counted from the chunk,
/// then shifted on the consumer thread (which knows how many records and lines came before).
///
/// That gives exactly the sequential result when the sequential parser is between two records at
/// the chunk's first byte, which holds when the chunk before ended cleanly: no malformed JSON in
/// it (no error, and no object left open at its end) and no diagnostic waiting for a next record.
/// A chunk that does not qualify (and a JSON array, which cannot be cut at lines) is read
/// sequentially from its first byte to the end of the input, with the same [JsonSource] primed
/// with the record index and line number reached, so the output is still the sequential one. In
/// a well-formed NDJSON file that never happens; in a damaged one, parallelism stops at the first
/// malformed line.
///
/// Memory stays bounded whatever the input: a JSON array (its first chunk is cut as soon as the
/// `[` is seen) and a line longer than [#LONG_LINE] batches are never buffered whole: the chunk
/// is cut where it is, marked for the sequential reader (which streams), and no more input is
/// framed (later chunks are empty), so the sequential reader takes all the rest from the channel.
final class JsonChunks implements ChunkFormat {

    /// A line this many batches long (or longer) is read sequentially from its start.
    static final int LONG_LINE = 4;

    private static final ModelAccess.Factory MODEL = ModelAccess.factory();

    private final ReadableByteChannel channel;
    private final boolean owns;
    private final ReaderOptions options;
    private final String name;
    private final int batchBytes;
    private final ByteBuffer staging;
    private final QuarantineSink quarantine;

    // Framing state (under the reader's lock).
    private byte[] carry = new byte[0];
    private int carryLength;
    private long carryOffset;
    private boolean eof;
    /// A chunk was handed to the sequential reader: frame nothing more.
    private boolean stopped;

    // Consumer state: what the chunks delivered so far used.
    private long indexBase;
    private long lineBase;

    /// @param quarantine where skipped regions go (each chunk's are replayed in order by
    ///                   [#inOrder]), or `null`
    JsonChunks(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name, int batchBytes,
               QuarantineSink quarantine) {
        this.quarantine = quarantine;
        this.channel = channel;
        this.owns = owns;
        this.options = options;
        this.name = name;
        this.batchBytes = batchBytes;
        // As FramedInput: a FileChannel read into a heap buffer goes through a per-thread
        // temporary direct buffer; own one instead.
        this.staging = channel instanceof FileChannel ? ByteBuffer.allocateDirect(64 * 1024) : null;
    }

    @Override
    public void fill(Chunk c) {
        try {
            if (stopped) {
                c.size = 0; // the sequential reader reads on from the channel
                c.startOffset = carryOffset;
                return;
            }
            byte[] data = c.data;
            if (data.length < carryLength + 1) {
                data = new byte[Math.max(carryLength * 2, data.length)];
            }
            System.arraycopy(carry, 0, data, 0, carryLength);
            int size = carryLength;
            int scanned = carryLength; // the carried bytes hold no newline
            c.startOffset = carryOffset;
            int target = batchBytes;
            while (true) {
                while (!eof && size < target) {
                    if (size == data.length) {
                        data = Arrays.copyOf(data, data.length * 2);
                    }
                    int n = read(data, size);
                    if (n < 0) {
                        eof = true;
                    } else {
                        size += n;
                    }
                }
                c.data = data;
                if (eof) {
                    c.size = size;
                    c.last = true;
                    carryLength = 0;
                    return;
                }
                if (c.seq == 0 && startsArray(data, size) || size >= (long) LONG_LINE * batchBytes) {
                    // an array, or a line too long to buffer: the sequential reader streams it
                    c.size = size;
                    c.needsSequential = true;
                    carryLength = 0;
                    carryOffset = c.startOffset + size;
                    stopped = true;
                    return;
                }
                int cut = lastNewline(data, scanned, size);
                if (cut >= 0) {
                    c.size = cut + 1;
                    carryLength = size - c.size;
                    if (carry.length < carryLength) {
                        carry = new byte[Math.max(carryLength, carry.length * 2)];
                    }
                    System.arraycopy(data, c.size, carry, 0, carryLength);
                    carryOffset = c.startOffset + c.size;
                    return;
                }
                // One line longer than a batch: read on until it ends.
                scanned = size;
                target = size * 2;
            }
        } catch (IOException e) {
            c.framingError = new UncheckedIOException("reading " + (name == null ? "input" : name), e);
            c.last = true;
        } catch (RuntimeException e) {
            c.framingError = e;
            c.last = true;
        } catch (Error e) {
            c.framingError = new MarcBatchException("framing " + name + " failed", name, e);
            c.last = true;
        }
    }

    private int read(byte[] dst, int off) throws IOException {
        int room = dst.length - off;
        if (staging == null) {
            return channel.read(ByteBuffer.wrap(dst, off, room));
        }
        staging.clear();
        staging.limit(Math.min(room, staging.capacity()));
        int n = channel.read(staging);
        if (n > 0) {
            staging.flip();
            staging.get(dst, off, n);
        }
        return n;
    }

    /// Whether the input starts (after a UTF-8 byte order mark and white space) with `[`.
    private static boolean startsArray(byte[] data, int size) {
        int i = size >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i < size && data[i] == '[';
    }

    private static int lastNewline(byte[] data, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /// Line breaks as Jackson counts them: `\n`, `\r\n` and a lone `\r`.
    static long lineBreaks(byte[] data, int size) {
        long n = 0;
        for (int i = 0; i < size; i++) {
            byte b = data[i];
            if (b == '\n' || (b == '\r' && (i + 1 == size || data[i + 1] != '\n'))) {
                n++;
            }
        }
        return n;
    }

    @Override
    public List<Diagnostic> trailingDiagnostics() {
        return List.of(); // a chunk left with diagnostics for a next record is read sequentially
    }

    @Override
    public Decoder newDecoder() {
        return c -> {
            byte[] data = c.data;
            int size = c.size;
            c.records = new MarcRecord[0];
            c.regions = null;
            if (c.needsSequential || c.size == 0 && !c.last) {
                return; // framed for the sequential reader: nothing to decode
            }
            c.lines = lineBreaks(data, size);
            if (c.seq > 0 && !plainStart(data, size)) {
                c.needsSequential = true;
                return;
            }
            List<MarcRecord> out = new ArrayList<>();
            if (quarantine != null) {
                c.regions = new RegionLog();
            }
            JsonSource source = new JsonSource(Channels.newChannel(new ByteArrayInputStream(data, 0, size)), true,
                    options, name, 0, c.seq > 0, c.startOffset, c.regions);
            try {
                for (MarcRecord r = source.next(); r != null; r = source.next()) {
                    out.add(r);
                }
                if (!source.trailingDiagnostics().isEmpty()) {
                    c.needsSequential = true; // diagnostics waiting for the next chunk's first record
                }
            } catch (MarcParseException e) {
                c.decodeError = e;
            } finally {
                closeQuietly(source);
            }
            if (source.hadSyntaxError() || !source.isObjectStream()) {
                c.needsSequential = true;
            }
            c.objects = source.recordObjectsSeen();
            c.records = out.toArray(new MarcRecord[0]);
            c.decodedCount = c.records.length;
        };
    }

    /// Jackson looks at the first bytes of a stream for a byte-order mark or a UTF-16/32 pattern;
    /// in the middle of a file such bytes are not a start, so such a chunk is read sequentially.
    private static boolean plainStart(byte[] data, int size) {
        if (size > 0 && (data[0] & 0xFF) >= 0xEF) {
            return false;
        }
        for (int i = 0; i < Math.min(4, size); i++) {
            if (data[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(JsonSource source) {
        try {
            source.close();
        } catch (IOException ignored) {
            // a byte array holds nothing to release
        }
    }

    @Override
    public boolean keepsBytes() {
        return true;
    }

    @Override
    public RecordSource inOrder(Chunk c, Supplier<InputStream> rest) {
        if (c.needsSequential) {
            // The sequential parser would have started at the input's first byte and met no
            // malformed JSON before this chunk: give it as many newlines as came before, so its
            // own line numbers (which some of Jackson's messages quote) are the input's.
            InputStream in = new SequenceInputStream(new Newlines(lineBase), rest.get());
            return new JsonSource(Channels.newChannel(in), false, options, name, indexBase, c.seq > 0,
                    c.startOffset - lineBase, quarantine);
        }
        if (c.regions != null) {
            c.regions.replay(quarantine);
            c.regions = null;
        }
        if (indexBase != 0 || lineBase != 0) {
            for (int i = 0; i < c.decodedCount; i++) {
                MarcRecord r = c.records[i];
                if (!r.diagnostics().isEmpty()) {
                    List<Diagnostic> shifted = new ArrayList<>(r.diagnostics().size());
                    for (Diagnostic d : r.diagnostics()) {
                        shifted.add(shift(d));
                    }
                    Field[] fields = r.fields().toArray(new Field[0]);
                    c.records[i] = MODEL.record(r.leader(), fields, fields.length, List.copyOf(shifted));
                }
            }
            if (c.decodeError instanceof MarcParseException e) {
                MarcParseException moved = new MarcParseException(shift(e.diagnostic()), e.controlNumber());
                c.decodeError = name == null ? moved : moved.withSource(name);
            }
        }
        indexBase += c.objects;
        lineBase += c.lines;
        return null;
    }

    private Diagnostic shift(Diagnostic d) {
        return d.toBuilder().recordIndex(d.recordIndex() + indexBase)
                .line(d.line() < 0 ? d.line() : Math.toIntExact(d.line() + lineBase)).build();
    }

    @Override
    public InputStream unframed() {
        InputStream carried = new ByteArrayInputStream(Arrays.copyOf(carry, carryLength));
        return eof ? carried : new SequenceInputStream(carried, Channels.newInputStream(channel));
    }

    @Override
    public void close() throws IOException {
        if (owns) {
            channel.close();
        }
    }

    /// `count` newline bytes.
    private static final class Newlines extends InputStream {
        private long left;

        Newlines(long count) {
            left = count;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return '\n';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) '\n');
            left -= n;
            return n;
        }
    }
}
