package org.marcloom.internal.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;

/// Every bundled ISO 2709 and MARC-in-JSON-lines fixture (well formed and damaged), read by 1, 2,
/// 7 and 64 splits through a FileChannel, strict and lenient, decoded and raw, equals the
/// sequential read; and so does a split size that cuts most records (97 bytes).
class MarcSplitterFixturesTest {

    static Stream<Arguments> fixtures() throws IOException {
        Stream<Path> iso;
        try (Stream<Path> s = Files.list(Path.of("fixtures/iso2709"))) {
            iso = s.sorted().toList().stream();
        }
        List<Path> json = List.of(Path.of("fixtures/json/marc-perl__test.ndj"),
                Path.of("fixtures/json/traject__test_data.utf8.json"),
                Path.of("fixtures/json/marc4j__illegal-marc-in-json.json"),
                Path.of("fixtures/json/pymarc__batch.json"));
        return Stream.concat(iso.map(p -> Arguments.of(p, MarcFormat.ISO_2709)),
                json.stream().map(p -> Arguments.of(p, MarcFormat.MARC_JSON_LINES)));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void splitsEqualSequential(Path file, MarcFormat format) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (boolean lenient : new boolean[] {false, true}) {
            ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
            SplitReads.Outcome expected = SplitReads.sequential(bytes, options, format, false);
            SplitReads.Outcome expectedRaw = format == MarcFormat.ISO_2709
                    ? SplitReads.sequential(bytes, options, format, true) : null;
            try (FileChannel channel = FileChannel.open(file)) {
                for (long splitSize : new long[] {bytes.length + 1L, ceil(bytes.length, 2), ceil(bytes.length, 7),
                    ceil(bytes.length, 64), 97}) {
                    String what = file + " lenient=" + lenient + " splitSize=" + splitSize;
                    assertEquals(expected, SplitReads.bySplits(channel, options, format, splitSize, false, splitSize),
                            what);
                    if (expectedRaw != null) {
                        assertEquals(expectedRaw, SplitReads.bySplits(channel, options, format, splitSize, true,
                                splitSize), what + " raw");
                    }
                }
            }
        }
    }

    private static long ceil(long size, int parts) {
        return Math.max(1, (size + parts - 1) / parts);
    }
}
