package org.marcloom.internal.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcSplitter.Split;
import org.marcloom.MarcSplitter.Survey;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.iso2709.FramedInput;
import org.marcloom.internal.iso2709.Framer;

/// Splits of an ISO 2709 input. Every record boundary comes from [FramedInput] (the framing loop
/// of the sequential reader, over the one [Framer]); this class only decides where each split's
/// framing starts and how many records it returns.
///
/// A *position* here is where the framer is called: 0, or the end of a record. Framing is a
/// function of the position (and the bytes after it), so two framing loops that are ever at the
/// same position frame the same records from there on. A split owns the records whose first byte
/// lies in `[start, end)`.
///
/// 1. Survey (each split, anywhere, in parallel): guess the first position of the split (just
///    after a 0x1D that a valid leader follows, possibly after white space in lenient mode; 0 for
///    the first split), frame from there without decoding and count the records that start before
///    `end`; note the position after the last of them (the exit).
/// 2. Plan (once, in file order): the true entry of split 0 is 0, and the true entry of split k+1
///    is the exit of split k. Where the true entry is the survey's guess, the survey's count and
///    exit are exact. Where it is not (the guess was inside a record, for example a 0x1D and a
///    leader inside a damaged record's data), both are framed from the two positions in lockstep,
///    always advancing the one behind, until they meet at one position (from there the survey's
///    counts hold) or the true framing passes `end`. This reads only the bytes between the two
///    positions and the meeting point, usually one record.
/// 3. Read (each split, anywhere): frame from the true entry, with the junk skipped before it
///    and the first record index, and return exactly the planned number of records.
public final class Iso2709Splits {

    private static final int WINDOW = 256 * 1024;
    private static final int LOOKBACK = 4096;
    private static final int LEADER_SPAN = 100_000;

    private Iso2709Splits() {
    }

    /// Phase 1 for `[start, end)` of a channel of `size` bytes.
    public static Survey survey(ReaderOptions options, SeekableByteChannel channel, long size, long start, long end,
                                String name) {
        long guess;
        try {
            guess = start == 0 ? 0 : guess(channel, size, start, end, options.lenient());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + where(name) + " from byte " + start, e);
        }
        if (guess < 0) {
            return new Survey(MarcFormat.ISO_2709, start, end, -1, 0, 0, -1, 0, false, false, true, true);
        }
        Chain chain = new Chain(options, channel, size, name, guess, 0, 0, 0, true);
        chain.run(end);
        return new Survey(MarcFormat.ISO_2709, start, end, guess, chain.count, chain.count, chain.exit(), 0,
                chain.ended, chain.failed, true, true);
    }

    /// Phase 2: the exact splits, in order. `channel` is read only where a guess was wrong.
    public static List<Split> plan(ReaderOptions options, List<Survey> surveys, SeekableByteChannel channel, long size,
                                   String name) {
        List<Split> out = new ArrayList<>(surveys.size());
        long pos = 0;
        long junk = 0;
        long junkOffset = 0;
        boolean junkWhitespace = true;
        long index = 0;
        boolean over = false; // the input ended (or failed) in an earlier split
        for (int k = 0; k < surveys.size(); k++) {
            Survey s = surveys.get(k);
            boolean last = k == surveys.size() - 1;
            if (over) {
                out.add(new Split(MarcFormat.ISO_2709, s.start(), s.end(), pos, junk, junkOffset, junkWhitespace,
                        index, index, 0, 0, size, false));
                continue;
            }
            if (last) {
                // Read to the end of the input (and its trailing bytes): no count needed.
                out.add(new Split(MarcFormat.ISO_2709, s.start(), s.end(), pos, junk, junkOffset, junkWhitespace,
                        index, index, -1, 0, size, true));
                break;
            }
            long count;
            long exit;
            boolean ended;
            boolean failed;
            if (s.entry() == pos) {
                count = s.records();
                exit = s.exit();
                ended = s.ended();
                failed = s.failed();
            } else if (pos >= s.end()) {
                count = 0; // a record that started before this split runs past its end
                exit = -1;
                ended = false;
                failed = false;
            } else {
                Chain a = new Chain(options, channel, size, name, pos, index, junk, junkOffset, junkWhitespace);
                Chain b = s.entry() < 0 ? null : new Chain(options, channel, size, name, s.entry(), 0, 0, 0, true);
                Lockstep l = lockstep(a, b, s);
                count = l.count;
                exit = l.exit;
                ended = l.ended;
                failed = l.failed;
            }
            boolean toEnd = ended || failed;
            out.add(new Split(MarcFormat.ISO_2709, s.start(), s.end(), pos, junk, junkOffset, junkWhitespace, index,
                    index, toEnd ? -1 : count, 0, size, toEnd));
            index += count;
            if (count > 0) {
                pos = exit;
                junk = 0;
                junkOffset = 0;
                junkWhitespace = true;
            }
            over = ended || failed;
        }
        return out;
    }

    private record Lockstep(long count, long exit, boolean ended, boolean failed) {
    }

    /// Frames the true chain `a` and the guessed chain `b` (the survey's) in lockstep.
    private static Lockstep lockstep(Chain a, Chain b, Survey s) {
        long end = s.end();
        while (true) {
            if (b != null && !b.stopped && a.position == b.position) {
                // Met: from here on both frame the same records, so the survey's tally holds.
                long count = a.count + (s.records() - b.count);
                long exit = s.records() > b.count ? s.exit() : a.count > 0 ? a.position : -1;
                return new Lockstep(count, exit, s.ended(), s.failed());
            }
            if (b == null || b.stopped || a.position <= b.position) {
                if (!a.step(end)) {
                    return new Lockstep(a.count, a.count > 0 ? a.position : -1, a.ended, a.failed);
                }
            } else {
                b.step(end);
            }
        }
    }

    /// One framing loop from a position: counts the records that start before a bound.
    private static final class Chain {
        private final FramedInput input;
        long position;
        long count;
        boolean stopped;
        boolean ended;
        boolean failed;

        Chain(ReaderOptions options, SeekableByteChannel channel, long size, String name, long from, long firstIndex,
              long junk, long junkOffset, boolean junkWhitespace) {
            input = new FramedInput(new RangeChannel(channel, from, size), true, options, name);
            input.resume(from, firstIndex, junk, junkOffset, junkWhitespace);
            position = from;
        }

        /// Frames one record; false (and stopped) when the next record starts at or after `end`,
        /// the input ends, or framing fails.
        boolean step(long end) {
            if (stopped) {
                return false;
            }
            try {
                if (!input.next()) {
                    ended = true;
                    stopped = true;
                    return false;
                }
            } catch (MarcParseException e) {
                failed = true;
                stopped = true;
                return false;
            }
            if (input.offset() >= end) {
                stopped = true;
                return false;
            }
            count++;
            position = input.offset() + (input.end() - input.start());
            return true;
        }

        void run(long end) {
            while (step(end)) {
                // counting
            }
        }

        long exit() {
            return count > 0 ? position : -1;
        }
    }

    /// The first position in a split whose next bytes start a record, by the bytes alone: just
    /// after a 0x1D (and, in lenient mode, white space) followed by a valid leader that starts in
    /// `[start, end)`; -1 when there is none.
    static long guess(SeekableByteChannel channel, long size, long start, long end, boolean lenient)
            throws IOException {
        long winStart = Math.max(0, start - 1 - (lenient ? LOOKBACK : 0));
        byte[] buf = new byte[(int) Math.min(LOOKBACK + WINDOW + LEADER_SPAN, size - winStart)];
        long scanFrom = winStart;
        long stopAt = Math.min(end, size);
        while (scanFrom < stopAt) {
            int n = readFully(channel, winStart, buf);
            boolean eof = winStart + n >= size;
            long scanTo = Math.min(stopAt, winStart + LOOKBACK + WINDOW);
            for (long i = scanFrom; i < scanTo; i++) {
                int q = (int) (i - winStart);
                if (q >= n) {
                    break;
                }
                if (buf[q] != 0x1D) {
                    continue;
                }
                int r = q + 1;
                if (lenient) {
                    while (r < n && r - q <= LOOKBACK && Framer.isWhitespace(buf[r])) {
                        r++;
                    }
                }
                long leader = winStart + r;
                if (leader < start) {
                    continue;
                }
                if (leader >= end) {
                    return -1;
                }
                if (Framer.validLeaderAt(buf, r, n, eof) == 1) {
                    return winStart + q + 1;
                }
            }
            if (eof) {
                return -1;
            }
            scanFrom = scanTo;
            winStart = scanTo;
        }
        return -1;
    }

    private static int readFully(SeekableByteChannel channel, long from, byte[] buf) throws IOException {
        RangeChannel in = new RangeChannel(channel, from, Long.MAX_VALUE);
        ByteBuffer b = ByteBuffer.wrap(buf);
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                break;
            }
        }
        return b.position();
    }

    static String where(String name) {
        return name == null ? "input" : name;
    }
}
