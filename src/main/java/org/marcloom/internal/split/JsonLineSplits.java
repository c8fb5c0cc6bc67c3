package org.marcloom.internal.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcSplitter.Split;
import org.marcloom.MarcSplitter.Survey;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.FilterChannel;
import org.marcloom.internal.json.JsonSource;

/// Splits of MARC-in-JSON lines (NDJSON). A split owns the lines whose first byte lies in
/// `[start, end)`; its lines are read by the sequential reader's [JsonSource], started at the
/// split's first line with the record index and line number that the lines before it reached.
///
/// That gives the sequential result when the sequential parser is between two records where the
/// split's lines begin, which holds when the lines before ended cleanly (no malformed JSON, no
/// object left open, no diagnostic waiting for a next record, the object-stream form) and the
/// split does not begin with bytes Jackson would read as a byte-order mark or UTF-16/32. The
/// survey (which reads and decodes each split's lines) says whether a split ended cleanly; the
/// plan reads the rest of the input from the last split that began cleanly when one did not (in a
/// damaged file, parallelism stops at the first split that ends on malformed JSON), exactly as the
/// parallel reader does with its batches.
public final class JsonLineSplits {

    private JsonLineSplits() {
    }

    /// Phase 1 for `[start, end)` of a channel of `size` bytes.
    public static Survey survey(ReaderOptions options, SeekableByteChannel channel, long size, long start, long end,
                                String name) {
        try {
            long entry = lineStart(channel, size, start);
            long exit = end >= size ? size : lineStart(channel, size, end);
            boolean plain = entry >= exit || plainStart(channel, entry, exit);
            if (entry >= exit) {
                return new Survey(MarcFormat.MARC_JSON_LINES, start, end, entry, 0, 0, exit, 0, false, false, true,
                        plain);
            }
            LineCounter lines = new LineCounter(new RangeChannel(channel, entry, exit));
            JsonSource source = new JsonSource(lines, true, options, name, 0, entry > 0, entry);
            long records = 0;
            boolean failed = false;
            try {
                while (source.next() != null) {
                    records++;
                }
            } catch (MarcParseException e) {
                failed = true;
            } finally {
                source.close();
            }
            boolean clean = !failed && !source.hadSyntaxError() && source.isObjectStream()
                    && source.trailingDiagnostics().isEmpty();
            return new Survey(MarcFormat.MARC_JSON_LINES, start, end, entry, records, source.recordObjectsSeen(), exit,
                    lines.breaks(), exit >= size, failed, clean, plain);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + Iso2709Splits.where(name) + " from byte " + start, e);
        }
    }

    /// Phase 2: the splits, in order.
    public static List<Split> plan(List<Survey> surveys, long size) {
        List<Split> out = new ArrayList<>(surveys.size());
        long index = 0;
        long ordinal = 0;
        long lines = 0;
        boolean clean = true; // every split so far began cleanly and ended cleanly
        for (int k = 0; k < surveys.size(); k++) {
            Survey s = surveys.get(k);
            boolean last = k == surveys.size() - 1;
            if (clean && (k == 0 || s.plainStart())) {
                boolean toEnd = last || !s.clean();
                out.add(new Split(MarcFormat.MARC_JSON_LINES, s.start(), s.end(), s.entry(), 0, 0, true, index,
                        ordinal, toEnd ? -1 : s.records(), lines, toEnd ? size : s.exit(), toEnd));
                clean = s.clean();
            } else {
                if (clean) {
                    // This split cannot begin on its own: the one before reads on to the end.
                    Split p = out.removeLast();
                    out.add(new Split(p.format(), p.start(), p.end(), p.entry(), 0, 0, true, p.firstRecordIndex(),
                            p.recordsBefore(), -1, p.lineBase(), size, true));
                }
                clean = false;
                out.add(new Split(MarcFormat.MARC_JSON_LINES, s.start(), s.end(), s.entry(), 0, 0, true, index,
                        ordinal, 0, lines, s.entry(), false));
            }
            index += s.objects();
            ordinal += s.records();
            lines += s.lines();
        }
        return out;
    }

    /// The first byte at or after `from` that begins a line.
    static long lineStart(SeekableByteChannel channel, long size, long from) throws IOException {
        if (from <= 0) {
            return 0;
        }
        RangeChannel in = new RangeChannel(channel, from - 1, size);
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long at = from - 1;
        while (true) {
            buf.clear();
            int n = in.read(buf);
            if (n < 0) {
                return size;
            }
            byte[] a = buf.array();
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
    }

    /// Jackson looks at the first bytes of a stream for a byte-order mark or a UTF-16/32 pattern;
    /// in the middle of a file such bytes are no start (the parallel reader's rule).
    private static boolean plainStart(SeekableByteChannel channel, long from, long to) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(4, to - from));
        RangeChannel in = new RangeChannel(channel, from, to);
        while (head.hasRemaining() && in.read(head) >= 0) {
            // fill
        }
        byte[] a = head.array();
        int n = head.position();
        if (n > 0 && (a[0] & 0xFF) >= 0xEF) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /// Counts line breaks as Jackson does (`\n`, `\r\n`, a lone `\r`) in the bytes read through it.
    private static final class LineCounter extends FilterChannel {
        private long breaks;
        private boolean pendingCr;

        LineCounter(ReadableByteChannel in) {
            super(in);
        }

        long breaks() {
            return breaks + (pendingCr ? 1 : 0);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int from = dst.position();
            int n = in.read(dst);
            for (int i = 0; i < n; i++) {
                byte b = dst.get(from + i);
                if (pendingCr) {
                    breaks++; // "\r\n" or a lone "\r": one break either way
                    pendingCr = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\n') {
                    breaks++;
                } else if (b == '\r') {
                    pendingCr = true;
                }
            }
            return n;
        }
    }
}
