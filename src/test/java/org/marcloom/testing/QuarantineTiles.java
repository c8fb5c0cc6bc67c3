package org.marcloom.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.QuarantineSink;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.internal.parallel.ParallelSource;

/// The text formats' quarantine invariant, for tests and fuzz targets: a lenient read puts every
/// input byte into a record span, a quarantined region (holding exactly the input's bytes, with a
/// diagnostic) or markup between them (white space; JSON's brackets and commas; in MARCXML,
/// anything but MARC field elements: the prologue, comments, the collection, envelopes; MARCMaker's
/// blank lines).
public final class QuarantineTiles {

    private QuarantineTiles() {
    }

    /// A record span (`bytes == null`) or a quarantined region, in the order the reader gave them.
    public record Span(long offset, long length, byte[] bytes, List<String> codes) {
        public boolean region() {
            return bytes != null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Span s && s.offset == offset && s.length == length && Arrays.equals(s.bytes, bytes)
                    && s.codes.equals(codes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(offset) * 31 + Long.hashCode(length);
        }

        @Override
        public String toString() {
            return (region() ? "region " : "record ") + offset + "+" + length + (region() ? " " + codes : "");
        }
    }

    /// Collects what a source reports, as the real quarantine would see it.
    public static final class Recording implements QuarantineSink {
        public final List<Span> spans = new ArrayList<>();

        @Override
        public synchronized void put(String source, long offset, byte[] buf, int from, int length,
                                     List<Diagnostic> diagnostics) {
            spans.add(new Span(offset, length, Arrays.copyOfRange(buf, from, from + length),
                    diagnostics.stream().map(d -> d.code().name()).toList()));
        }

        @Override
        public synchronized void record(long offset, long length) {
            spans.add(new Span(offset, length, null, List.of()));
        }
    }

    /// Reads `input` with `options` (lenient) through the internal source with a recording sink;
    /// `perRead` 0 reads it in one go; `concurrency` above 1 is the parallel reader with chunks of
    /// about 2 KiB.
    public static Result read(MarcFormat format, ReaderOptions options, byte[] input, int perRead, int concurrency) {
        Recording sink = new Recording();
        BytesChannel channel = perRead == 0 ? new BytesChannel(input) : new BytesChannel(input, perRead);
        long records = 0;
        try (RecordSource source = concurrency > 1
                ? ParallelSource.create(format, options, channel, "in", true, concurrency,
                        Thread.ofVirtual().factory(), new ParallelSource.Tuning(64, 2_048, -1, -1), sink)
                : Sources.create(format, options, channel, "in", true, 1, null, sink)) {
            while (source.next() != null) {
                records++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(records, List.copyOf(sink.spans));
    }

    public record Result(long records, List<Span> spans) {
        public List<Span> regions() {
            return spans.stream().filter(Span::region).toList();
        }
    }

    /// Walks the input: every byte is in a record span, a region (whose bytes are the input's), or
    /// markup that `format` allows between records.
    public static void assertTiles(MarcFormat format, byte[] input, Result result) {
        long pos = 0;
        long recordSpans = 0;
        for (Span s : result.spans()) {
            assertTrue(s.offset() >= pos, "span " + s + " starts before " + pos);
            assertMarkup(format, input, (int) pos, (int) s.offset());
            assertTrue(s.length() > 0, s.toString());
            int from = (int) s.offset();
            int to = (int) (s.offset() + s.length());
            if (s.region()) {
                assertArrayEquals(Arrays.copyOfRange(input, from, to), s.bytes(), s.toString());
                assertTrue(!s.codes().isEmpty(), s + " has no diagnostic");
            } else {
                recordSpans++;
                assertRecordSpan(format, input, from, to);
            }
            pos = to;
        }
        assertMarkup(format, input, (int) pos, input.length);
        assertEquals(result.records(), recordSpans, "records read and record spans");
    }

    private static void assertRecordSpan(MarcFormat format, byte[] input, int from, int to) {
        String head = new String(input, from, Math.min(8, to - from), StandardCharsets.ISO_8859_1);
        String tail = new String(input, Math.max(from, to - 9), Math.min(9, to - from), StandardCharsets.ISO_8859_1);
        switch (format) {
            case MARC_JSON, MARC_JSON_LINES -> {
                assertEquals('{', head.charAt(0), "record at " + from);
                assertEquals('}', tail.charAt(tail.length() - 1), "record at " + from + " ends " + tail);
            }
            case MARCXML -> {
                String start = new String(input, from, Math.min(32, to - from), StandardCharsets.ISO_8859_1);
                assertTrue(start.matches("(?s)<(\\w+:)?record\\b.*"), "record at " + from + ": " + start);
                String end = new String(input, Math.max(from, to - 64), Math.min(64, to - from),
                        StandardCharsets.ISO_8859_1);
                assertTrue(end.matches("(?s).*(</(\\w+:)?record\\s*|/)>"), "record at " + from + " ends " + end);
            }
            case MARCMAKER -> assertEquals('=', head.charAt(0), "record at " + from);
            default -> throw new AssertionError(format);
        }
    }

    /// Markup: what may lie between records without being quarantined.
    private static void assertMarkup(MarcFormat format, byte[] input, int from, int to) {
        String gap = new String(input, from, to - from, StandardCharsets.UTF_8);
        if (from == 0 && gap.startsWith("\uFEFF")) {
            gap = gap.substring(1);
        }
        String rest = switch (format) {
            case MARC_JSON, MARC_JSON_LINES -> gap.replaceAll("[\\s\\[\\],]", "");
            case MARCMAKER -> gap.replaceAll("[ \\t\\r\\n\\f\\u001A]", "");
            // the prologue, comments, the collection and any envelope (SRU, OAI-PMH) around the
            // records: anything but MARC fields
            // (what a comment, a processing instruction or a CDATA section holds is only text)
            case MARCXML -> java.util.regex.Pattern.compile("<(\\w+:)?(leader|controlfield|datafield)\\b")
                    .matcher(gap.replaceAll("(?s)<!--.*?-->|<\\?.*?\\?>|<!\\[CDATA\\[.*?]]>", "")).find() ? gap : "";
            default -> throw new AssertionError(format);
        };
        assertEquals("", rest, "bytes " + from + ".." + to + " are not markup: " + gap);
    }

}
