package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;
import org.marcloom.MarcSplitter;
import org.marcloom.MarcSplitter.Split;
import org.marcloom.MarcSplitter.Survey;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// Splits: the example of the `MarcSplitter` Javadoc, run on a fixture with small splits and
/// checked against the sequential reader.
class SplitSnippets {

    static final Path JAZZ = Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc");

    // @start region="splits"
    static List<MarcRecord> readInSplits(Path file, ReaderOptions options, long splitSize) throws IOException {
        MarcSplitter splitter = MarcSplitter.builder().options(options).sourceName(file.toString())
                .keepOpen(true).build();                          // the splits share one channel
        List<MarcRecord> records = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file)) {
            List<Survey> surveys = new ArrayList<>();
            for (long[] range : MarcSplitter.ranges(channel.size(), splitSize)) {   // on the workers
                surveys.add(splitter.survey(channel, range[0], range[1]));
            }
            List<Split> splits = splitter.plan(surveys, channel);                 // once, in order
            for (Split split : splits) {                                           // on the workers
                try (MarcReader reader = splitter.open(channel, split)) {
                    reader.forEach(records::add);
                }
            }
        }
        return records;
    }
    // @end

    @Test
    void splits() throws IOException {
        ReaderOptions lenient = ReaderOptions.builder().lenient(true).build();
        List<MarcRecord> sequential = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().options(lenient).open(JAZZ)) {
            reader.forEach(sequential::add);
        }
        List<MarcRecord> split = readInSplits(JAZZ, lenient, 64 * 1024);
        assertEquals(1000, split.size());
        assertEquals(sequential, split);
        for (int i = 0; i < split.size(); i++) {
            assertEquals(sequential.get(i).diagnostics(), split.get(i).diagnostics(), "record " + i);
        }
    }
}
