package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.record.MarcRecord;

/// The public splitting API: its arguments, and an input that changed after it was surveyed.
class MarcSplitterTest {

    private static final Path CAMEL = Path.of("fixtures/iso2709/evergreen__lul_fre_100.mrc");

    @Test
    void rangesCoverTheInput() {
        List<long[]> r = MarcSplitter.ranges(10, 4);
        assertEquals(3, r.size());
        assertEquals(List.of(0L, 4L, 4L, 8L, 8L, 10L), List.of(r.get(0)[0], r.get(0)[1], r.get(1)[0], r.get(1)[1],
                r.get(2)[0], r.get(2)[1]));
        assertEquals(1, MarcSplitter.ranges(0, 4).size());
        assertEquals("splitSize must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> MarcSplitter.ranges(10, 0)).getMessage());
    }

    @Test
    void refusesFormatsThatCannotBeSplit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarcSplitter.builder().format(MarcFormat.MARCXML));
        assertEquals("format MARCXML cannot be split by byte ranges; only ISO_2709 and MARC_JSON_LINES can (read"
                + " MARCXML whole with MarcReader)", e.getMessage());
    }

    @Test
    void planNeedsSurveysThatCoverTheInput() throws Exception {
        MarcSplitter splitter = MarcSplitter.builder().build();
        try (FileChannel channel = FileChannel.open(CAMEL)) {
            long size = channel.size();
            MarcSplitter.Survey first = splitter.survey(channel, 0, 100);
            MarcSplitter.Survey last = splitter.survey(channel, 200, size);
            IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                    () -> splitter.plan(List.of(first, last), channel));
            assertEquals("surveys must cover the input in order without gaps: expected a range from byte 100, found"
                    + " [200, " + size + ")", gap.getMessage());
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                    () -> splitter.survey(channel, 0, size + 1));
            assertEquals("the range [0, " + (size + 1) + ") is not within the input of " + size + " bytes",
                    outside.getMessage());
        }
    }

    @Test
    void splitsReadTheSequentialRecords() throws Exception {
        List<MarcRecord> expected = new ArrayList<>();
        try (MarcReader r = MarcReader.open(CAMEL)) {
            r.forEach(expected::add);
        }
        MarcSplitter splitter = MarcSplitter.builder().sourceName("camel").keepOpen(true).build();
        List<MarcRecord> actual = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(CAMEL)) {
            List<MarcSplitter.Survey> surveys = new ArrayList<>();
            for (long[] range : MarcSplitter.ranges(channel.size(), 1000)) {
                surveys.add(splitter.survey(channel, range[0], range[1]));
            }
            List<MarcSplitter.Split> splits = splitter.plan(surveys, channel);
            long index = 0;
            for (MarcSplitter.Split split : splits) {
                assertEquals(index, split.firstRecordIndex());
                try (MarcReader reader = splitter.open(channel, split)) {
                    reader.forEach(actual::add);
                    index += reader.recordsRead();
                }
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void anInputThatChangedAfterTheSurveyIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.mrc");
        byte[] bytes = Files.readAllBytes(CAMEL);
        Files.write(file, bytes);
        MarcSplitter splitter = MarcSplitter.builder().options(ReaderOptions.builder().lenient(true).build()).sourceName("f.mrc").build();
        List<MarcSplitter.Split> splits;
        long cut;
        try (FileChannel channel = FileChannel.open(file)) {
            long half = channel.size() / 2;
            splits = splitter.plan(List.of(splitter.survey(channel, 0, half), splitter.survey(channel, half,
                    channel.size())), channel);
        }
        try (MarcReader r = MarcReader.open(file)) {
            for (int i = 0; i < 3; i++) {
                r.readRaw();
            }
            RawRecord fourth = r.readRaw();
            cut = fourth.offset();
        }
        // The file now ends after its third record.
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) cut));
        MarcSplitter.Split first = splits.get(0);
        try (MarcReader reader = splitter.open(FileChannel.open(file), first)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.forEach(r -> { }));
            assertEquals("f.mrc: the input ended after 3 records in the split [0, " + first.end() + ") planned for "
                    + first.records() + " records from record 0; the input changed after it was surveyed",
                    e.getMessage());
        }
    }
}
