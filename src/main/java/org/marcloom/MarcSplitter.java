package org.marcloom;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marcloom.internal.Settings;
import org.marcloom.internal.split.Iso2709Splits;
import org.marcloom.internal.split.JsonLineSplits;
import org.marcloom.internal.split.SplitSource;

/// Reads a large ISO 2709 or MARC-in-JSON-lines input as byte ranges ("splits") on many machines
/// (Spark, Hadoop, Flink, Beam), so that the records of all splits, in split order, are exactly
/// the records [MarcReader] reads sequentially with the same options: the same records, none lost
/// and none twice, with the same diagnostics, record indexes, byte offsets and line numbers, and
/// in strict mode the same first error, whatever the split size, in strict and lenient mode, on
/// well-formed and damaged input. A split owns the records whose first byte lies in its range.
///
/// {@snippet class="org.marcloom.snippets.SplitSnippets" region="splits"}
///
/// Three steps, each on a [SeekableByteChannel] over the whole input:
/// 1. [#survey] each range `[start, end)` (anywhere, in parallel): ISO 2709 is framed by the
///    framing function every marcloom reader uses, without decoding, from a guessed first record
///    (just after a record terminator 0x1D that a valid leader follows); MARC-in-JSON lines are
///    decoded from the range's first line. Reads the range and at most the record that runs past
///    its end.
/// 2. [#plan] the surveys, in input order, on one machine: each split's true start is where the
///    split before it stopped. Where a guess was wrong (a terminator and a leader inside a damaged
///    record's data) the framing from both positions is compared until they meet, reading only
///    those bytes, so the counts are exact. The result gives each split its first position, first
///    record index and record count.
/// 3. [#open] each [Split] (anywhere, in parallel): a [MarcReader] over its records.
///
/// Costs: the survey reads the input once more than a sequential read (ISO 2709 without decoding,
/// at about the speed of I/O; MARC-in-JSON with decoding). In a MARC-in-JSON file with malformed
/// JSON, the split where it is met reads on to the end of the input (as the parallel reader
/// does); ISO 2709 splits stay independent however damaged the input. In strict mode, a split that
/// meets an error reads the input from its first byte up to that record before throwing, so that
/// the error is the one the sequential reader meets first.
///
/// Immutable and thread-safe; [Survey] and [Split] are serializable values to ship between
/// machines.
public final class MarcSplitter {

    private final MarcFormat format;
    private final ReaderOptions options;
    private final String sourceName;
    private final boolean keepOpen;

    private MarcSplitter(MarcFormat format, ReaderOptions options, String sourceName, boolean keepOpen) {
        this.format = format;
        this.options = options;
        this.sourceName = sourceName;
        this.keepOpen = keepOpen;
    }

    /// A builder: ISO 2709, [ReaderOptions#DEFAULTS].
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// The format split.
    ///
    /// @return [MarcFormat#ISO_2709] or [MarcFormat#MARC_JSON_LINES]
    public MarcFormat format() {
        return format;
    }

    /// The decoding settings of every reader this splitter opens.
    ///
    /// @return the options
    public ReaderOptions options() {
        return options;
    }

    /// Ranges of about `splitSize` bytes that cover an input of `size` bytes, in order: the ranges
    /// to survey.
    ///
    /// @param size      the input's size in bytes
    /// @param splitSize the size of each range but the last
    /// @return `[start, end)` pairs; one empty range `[0, 0)` for an empty input
    /// @throws IllegalArgumentException when `size` is negative or `splitSize` below 1
    public static List<long[]> ranges(long size, long splitSize) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        if (splitSize < 1) {
            throw new IllegalArgumentException("splitSize must be at least 1, was " + splitSize);
        }
        List<long[]> out = new ArrayList<>();
        long start = 0;
        do {
            long end = Math.min(size, start + splitSize);
            out.add(new long[] {start, end});
            start = end;
        } while (start < size);
        return out;
    }

    /// Step 1: surveys the range `[start, end)` of `channel` (the whole input, which is not closed).
    ///
    /// @param channel the input; only read, from any position
    /// @param start   the range's first byte
    /// @param end     one past its last byte, at most the channel's size
    /// @return what [#plan] needs of this range
    /// @throws IllegalArgumentException when the range is not within the input
    /// @throws UncheckedIOException     when reading fails
    public Survey survey(SeekableByteChannel channel, long start, long end) {
        Objects.requireNonNull(channel, "channel");
        long size = size(channel);
        if (start < 0 || end < start || end > size) {
            throw new IllegalArgumentException("the range [" + start + ", " + end + ") is not within the input of "
                    + size + " bytes");
        }
        return format == MarcFormat.ISO_2709
                ? Iso2709Splits.survey(options, channel, size, start, end, sourceName)
                : JsonLineSplits.survey(options, channel, size, start, end, sourceName);
    }

    /// Step 2: the splits, from the surveys of ranges that cover the whole input in order.
    ///
    /// @param surveys what [#survey] returned for each range, in input order
    /// @param channel the input (not closed); read only where a guess was wrong
    /// @return one split per survey, in the same order
    /// @throws IllegalArgumentException when the surveys do not cover the input from byte 0 to its
    ///                                  end without gaps, or are of another format
    /// @throws UncheckedIOException     when reading fails
    public List<Split> plan(List<Survey> surveys, SeekableByteChannel channel) {
        Objects.requireNonNull(surveys, "surveys");
        Objects.requireNonNull(channel, "channel");
        long size = size(channel);
        long at = 0;
        for (Survey s : surveys) {
            if (s.format() != format) {
                throw new IllegalArgumentException("surveys: a survey of " + s.format() + " given to a splitter of "
                        + format);
            }
            if (s.start() != at) {
                throw new IllegalArgumentException("surveys must cover the input in order without gaps: expected a"
                        + " range from byte " + at + ", found [" + s.start() + ", " + s.end() + ")");
            }
            at = s.end();
        }
        if (surveys.isEmpty() || at != size) {
            throw new IllegalArgumentException("surveys must cover the input of " + size + " bytes; they end at byte "
                    + at);
        }
        return format == MarcFormat.ISO_2709
                ? Iso2709Splits.plan(options, surveys, channel, size, sourceName)
                : JsonLineSplits.plan(surveys, size);
    }

    /// The one split of an input read whole, without a survey (a small file, or one that is not
    /// worth splitting): reading it is reading the input sequentially.
    ///
    /// @param size the input's size in bytes
    /// @return a split from byte 0 to the end
    /// @throws IllegalArgumentException when `size` is negative
    public Split whole(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        return new Split(format, 0, size, 0, 0, 0, true, 0, 0, -1, 0, size, true);
    }

    /// Step 3: a reader of the split's records, with the input's record indexes, byte offsets and
    /// line numbers. Only the split read to the end of the input ([Split#toEnd()]) reports
    /// [MarcReader#trailingDiagnostics()]. [MarcReader#readRaw()] works for ISO 2709.
    ///
    /// @param channel the input, as surveyed; closed with the reader unless [Builder#keepOpen]
    /// @param split   one of the splits [#plan] returned for this input
    /// @return a reader (one thread)
    /// @throws IllegalArgumentException when the split is of another format
    /// @throws IllegalStateException    from the reader, when the input changed since it was surveyed
    public MarcReader open(SeekableByteChannel channel, Split split) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(split, "split");
        if (split.format() != format) {
            throw new IllegalArgumentException("split: a split of " + split.format() + " given to a splitter of "
                    + format);
        }
        return new MarcReader(SplitSource.open(channel, !keepOpen, options, sourceName, split, size(channel)),
                options, sourceName);
    }

    private static long size(SeekableByteChannel channel) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the input's size", e);
        }
    }

    /// What a survey of one range found; pass it to [#plan] as it is. The components are the
    /// splitter's bookkeeping: `entry` is where reading was started (ISO 2709: a guess, -1 for
    /// none; JSON: the first line), `records` and `objects` what was read before `end`, `exit`
    /// where it stopped, `lines` the line breaks read (JSON).
    ///
    /// @param format     the format
    /// @param start      the range's first byte
    /// @param end        one past its last byte
    /// @param entry      where reading started, or -1
    /// @param records    records that start in the range (from `entry`)
    /// @param objects    record indexes used by them (JSON counts skipped objects too)
    /// @param exit       the position after the last of them, or -1
    /// @param lines      line breaks read (JSON)
    /// @param ended      the input ended after them
    /// @param failed     an error (strict mode, or a limit) stopped the reading
    /// @param clean      JSON: the reading ended between two records with nothing pending
    /// @param plainStart JSON: the range's first line can start a parser
    public record Survey(MarcFormat format, long start, long end, long entry, long records, long objects, long exit,
                         long lines, boolean ended, boolean failed, boolean clean, boolean plainStart)
            implements Serializable {
    }

    /// One split of an input, as planned: read it with [#open].
    ///
    /// @param format           the format
    /// @param start            the range's first byte (the split owns the records that start in
    ///                         `[start, end)`)
    /// @param end              one past the range's last byte
    /// @param entry            the byte where reading starts (the end of the record before, or
    ///                         the first line)
    /// @param junk             ISO 2709: bytes that are not a record, skipped before `entry`
    /// @param junkOffset       where they begin
    /// @param junkWhitespace   whether they are all white space
    /// @param firstRecordIndex the record index of the split's first record in the input
    /// @param recordsBefore    how many records the sequential reader returns before it (the same
    ///                         as `firstRecordIndex` but where lenient MARC-in-JSON skipped values
    ///                         that were not records, which use record indexes too)
    /// @param records          how many records the split has; -1 when it reads to the end
    /// @param lineBase         JSON: the line breaks before `entry`
    /// @param readLimit        one past the last byte read
    /// @param toEnd            the split reads to the end of the input (the last split, the split
    ///                         where the input ends or fails, or a MARC-in-JSON split followed by
    ///                         malformed JSON); the splits after it have no records
    public record Split(MarcFormat format, long start, long end, long entry, long junk, long junkOffset,
                        boolean junkWhitespace, long firstRecordIndex, long recordsBefore, long records, long lineBase, long readLimit,
                        boolean toEnd) implements Serializable {
    }

    /// Configures a [MarcSplitter]; each setting once. Not thread-safe.
    public static final class Builder {
        private final Settings settings = new Settings();

        private Builder() {
        }

        /// The format to split (default [MarcFormat#ISO_2709]).
        ///
        /// @param value [MarcFormat#ISO_2709] or [MarcFormat#MARC_JSON_LINES]
        /// @return this builder
        /// @throws IllegalArgumentException for a format that cannot be split (read it whole with
        ///                                  [MarcReader])
        public Builder format(MarcFormat value) {
            Settings.notNull("format", value);
            if (value != MarcFormat.ISO_2709 && value != MarcFormat.MARC_JSON_LINES) {
                throw new IllegalArgumentException("format " + value + " cannot be split by byte ranges; only"
                        + " ISO_2709 and MARC_JSON_LINES can (read " + value + " whole with MarcReader)");
            }
            return settings.value(this, "format", value);
        }

        /// The decoding settings (default [ReaderOptions#DEFAULTS]).
        ///
        /// @param value the options
        /// @return this builder
        public Builder options(ReaderOptions value) {
            return settings.value(this, "options", value);
        }

        /// The input's name in error messages (a file name).
        ///
        /// @param value the name
        /// @return this builder
        public Builder sourceName(String value) {
            return settings.value(this, "sourceName", value);
        }

        /// Leave the channel open when a reader from [#open] is closed (default false).
        ///
        /// @param value true to leave it open
        /// @return this builder
        public Builder keepOpen(boolean value) {
            return settings.flag(this, "keepOpen", value);
        }

        /// The splitter.
        ///
        /// @return a new immutable splitter
        public MarcSplitter build() {
            return new MarcSplitter(settings.get("format", MarcFormat.ISO_2709),
                    settings.get("options", ReaderOptions.DEFAULTS), settings.get("sourceName", null),
                    settings.get("keepOpen", false));
        }
    }
}
