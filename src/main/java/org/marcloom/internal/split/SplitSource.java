package org.marcloom.internal.split;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcParseException;
import org.marcloom.MarcSplitter.Split;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.FilterChannel;
import org.marcloom.internal.ModelAccess;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.internal.iso2709.Iso2709Parser;
import org.marcloom.internal.iso2709.Iso2709Source;
import org.marcloom.internal.json.JsonSource;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// The records of one planned [Split]: ISO 2709 framed by [FramedInput] from the split's entry,
/// or MARC-in-JSON lines read by [JsonSource] from the split's first line, with indexes, offsets
/// and line numbers of the whole input.
///
/// An error (strict mode, or a limit) is not thrown as met: the input is first read sequentially
/// from its first byte up to that record, and the first error the sequential reader meets there is
/// thrown, so that whichever split fails first, the error is the sequential reader's.
public abstract sealed class SplitSource implements RecordSource, Sources.HasTrailing {

    final SeekableByteChannel channel;
    final boolean owns;
    final ReaderOptions options;
    final String name;
    final Split split;
    final long size;
    long returned;

    SplitSource(SeekableByteChannel channel, boolean owns, ReaderOptions options, String name, Split split, long size) {
        this.channel = channel;
        this.owns = owns;
        this.options = options;
        this.name = name;
        this.split = split;
        this.size = size;
    }

    /// A source for `split` of `channel` (whose size is `size`).
    public static SplitSource open(SeekableByteChannel channel, boolean owns, ReaderOptions options, String name,
                                   Split split, long size) {
        return switch (split.format()) {
            case ISO_2709 -> new Iso(channel, owns, options, name, split, size);
            case MARC_JSON_LINES -> new JsonLines(channel, owns, options, name, split, size);
            default -> throw new IllegalArgumentException("split.format() " + split.format() + " cannot be split");
        };
    }

    /// How many records this split has returned.
    public long recordsRead() {
        return returned;
    }

    @Override
    public void close() throws IOException {
        if (owns) {
            channel.close();
        }
    }

    /// Whether this split has returned all its records (for a split not read to the end).
    boolean full() {
        return !split.toEnd() && returned >= split.records();
    }

    IllegalStateException changed(String what) {
        return new IllegalStateException(Iso2709Splits.where(name) + ": " + what + " in the split [" + split.start()
                + ", " + split.end() + ") planned for " + split.records() + " records from record "
                + split.firstRecordIndex() + "; the input changed after it was surveyed");
    }

    /// The error the sequential reader meets first, at or before `e`'s record.
    MarcParseException firstError(MarcParseException e, boolean raw) {
        if (split.firstRecordIndex() == 0 && split.entry() == 0) {
            return e; // this split starts where the sequential reader does
        }
        try (RecordSource seq = sequential()) {
            long read = 0;
            while (true) {
                if (raw) {
                    RawRecord r = seq.nextRaw();
                    if (r == null || r.index() >= e.recordIndex()) {
                        return e;
                    }
                } else {
                    MarcRecord r = seq.next();
                    if (r == null || ++read > e.recordIndex()) {
                        return e;
                    }
                }
            }
        } catch (MarcParseException first) {
            return first;
        } catch (IOException | RuntimeException other) {
            e.addSuppressed(other);
            return e;
        }
    }

    abstract RecordSource sequential();

    static final class Iso extends SplitSource {
        private final FramedInput input;
        private final Iso2709Parser parser;

        Iso(SeekableByteChannel channel, boolean owns, ReaderOptions options, String name, Split split, long size) {
            super(channel, owns, options, name, split, size);
            input = new FramedInput(new RangeChannel(channel, split.entry(), size), true, options, name);
            input.resume(split.entry(), split.firstRecordIndex(), split.junk(), split.junkOffset(),
                    split.junkWhitespace());
            parser = new Iso2709Parser(options);
        }

        private boolean frame(boolean raw) {
            if (full()) {
                return false;
            }
            boolean more;
            try {
                more = input.next();
            } catch (MarcParseException e) {
                throw firstError(e, raw);
            }
            if (!more) {
                if (!split.toEnd()) {
                    throw changed("the input ended after " + returned + " records");
                }
                return false;
            }
            if (!split.toEnd() && input.offset() >= split.end()) {
                throw changed("record " + input.index() + " starts at byte " + input.offset());
            }
            return true;
        }

        @Override
        public MarcRecord next() {
            if (!frame(false)) {
                return null;
            }
            MarcRecord r;
            try {
                r = parser.parse(input);
            } catch (MarcParseException e) {
                input.markDone();
                MarcParseException named = name == null ? e : e.withSource(name);
                throw firstError(named, false);
            }
            returned++;
            return r;
        }

        @Override
        public RawRecord nextRaw() {
            if (!frame(true)) {
                return null;
            }
            returned++;
            return input.raw();
        }

        @Override
        public MarcRecord decode(RawRecord raw) {
            try {
                return parser.parse(raw);
            } catch (MarcParseException e) {
                MarcParseException named = name == null ? e : e.withSource(name);
                throw firstError(named, false);
            }
        }

        @Override
        public List<Diagnostic> trailingDiagnostics() {
            return split.toEnd() ? input.trailingDiagnostics() : List.of();
        }

        @Override
        RecordSource sequential() {
            return new Iso2709Source(new RangeChannel(channel, 0, size), true, options, name);
        }

        @Override
        public void close() throws IOException {
            input.close();
            super.close();
        }
    }

    /// `count` newline bytes, then a channel.
    static final class NewlinesFirst extends FilterChannel {
        private long left;

        NewlinesFirst(long count, ReadableByteChannel rest) {
            super(rest);
            this.left = count;
        }

        @Override
        public int read(java.nio.ByteBuffer dst) throws IOException {
            if (left == 0) {
                return in.read(dst);
            }
            int n = (int) Math.min(dst.remaining(), left);
            for (int i = 0; i < n; i++) {
                dst.put((byte) '\n');
            }
            left -= n;
            return n;
        }
    }

    static final class JsonLines extends SplitSource {
        private static final ModelAccess.Factory MODEL = ModelAccess.factory();
        private final JsonSource source;

        JsonLines(SeekableByteChannel channel, boolean owns, ReaderOptions options, String name, Split split,
                  long size) {
            super(channel, owns, options, name, split, size);
            long to = split.toEnd() ? size : split.readLimit();
            ReadableByteChannel lines = new RangeChannel(channel, split.entry(), to);
            if (split.lineBase() > 0) {
                // As many newlines as come before the split: Jackson then counts the input's own
                // line numbers, in diagnostics and in the text of its messages alike.
                lines = new NewlinesFirst(split.lineBase(), lines);
            }
            // Byte offsets in diagnostics are the input's: the channel's first byte is at the split's
            // entry, less the newlines put before it.
            source = new JsonSource(lines, true, options, name, split.firstRecordIndex(), split.entry() > 0,
                    split.entry() - split.lineBase());
        }

        @Override
        public MarcRecord next() {
            if (full()) {
                return null;
            }
            MarcRecord r;
            try {
                r = source.next();
            } catch (MarcParseException e) {
                throw firstError(shift(e), false);
            }
            if (r == null) {
                if (!split.toEnd()) {
                    throw changed("the input ended after " + returned + " records");
                }
                return null;
            }
            returned++;
            if (r.diagnostics().isEmpty() || split.entry() == split.lineBase()) {
                return r;
            }
            List<Diagnostic> shifted = new ArrayList<>(r.diagnostics().size());
            for (Diagnostic d : r.diagnostics()) {
                shifted.add(shift(d));
            }
            Field[] fields = r.fields().toArray(new Field[0]);
            return MODEL.record(r.leader(), fields, fields.length, List.copyOf(shifted));
        }

        private MarcParseException shift(MarcParseException e) {
            if (split.entry() == split.lineBase()) {
                return e;
            }
            MarcParseException moved = new MarcParseException(shift(e.diagnostic()), e.controlNumber());
            moved.setStackTrace(e.getStackTrace());
            return name == null ? moved : moved.withSource(name);
        }

        private Diagnostic shift(Diagnostic d) {
            // The reader's offsets count the newlines put in front of the split.
            if (d.byteOffset() < 0 || split.entry() == split.lineBase()) {
                return d;
            }
            return d.toBuilder().byteOffset(d.byteOffset() - split.lineBase() + split.entry()).build();
        }

        @Override
        public List<Diagnostic> trailingDiagnostics() {
            if (!split.toEnd()) {
                return List.of();
            }
            List<Diagnostic> out = new ArrayList<>();
            for (Diagnostic d : source.trailingDiagnostics()) {
                out.add(shift(d));
            }
            return List.copyOf(out);
        }

        @Override
        RecordSource sequential() {
            return new JsonSource(new RangeChannel(channel, 0, size), true, options, name);
        }

        @Override
        public void close() throws IOException {
            source.close();
            super.close();
        }
    }
}
