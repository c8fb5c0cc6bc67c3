package org.marcloom.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;

/// `spark.read().format("marc")` gives the sequential reader's records, in order, with the same
/// diagnostics, offsets, lengths and record indexes, for 1, 2, 7 and 64 partitions per file, strict
/// and lenient, on real, damaged and MARC-in-JSON files; strict mode fails with the sequential
/// reader's first error.
class MarcSourceTest {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("fixtures/iso2709/evergreen__jazz_1k.mrc", MarcFormat.ISO_2709),
                Arguments.of("fixtures/iso2709/marc4j__pride-and-prejudice-with-many-errors.mrc", MarcFormat.ISO_2709),
                Arguments.of("fixtures/iso2709/marc-perl__cameleof.usmarc", MarcFormat.ISO_2709),
                Arguments.of("fixtures/json/marc-perl__test.ndj", MarcFormat.MARC_JSON_LINES));
    }

    @ParameterizedTest
    @MethodSource("files")
    void rowsAreTheSequentialRecords(String name, MarcFormat format) throws Exception {
        Path file = Path.of(name);
        long size = Files.size(file);
        for (boolean lenient : new boolean[] {false, true}) {
            ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
            MarcParseException sequentialError = strictError(file, options, format);
            List<SparkTests.Rec> expected = sequentialError == null ? SparkTests.sequential(file, options, format) : null;
            for (int partitions : new int[] {1, 2, 7, 64}) {
                long splitSize = Math.max(1, (size + partitions - 1) / partitions);
                Dataset<Row> df = SparkTests.spark().read().format("marc").option("lenient", lenient)
                        .option("splitSize", splitSize).option("trailingDiagnostics", true).load(name)
                        .orderBy("recordIndex");
                String what = name + " lenient=" + lenient + " partitions=" + partitions;
                if (sequentialError != null) {
                    Exception e = assertThrows(Exception.class, df::collectAsList, what);
                    assertTrue(messages(e).contains(sequentialError.getMessage()), what + ": " + messages(e)
                            + "\nshould contain\n" + sequentialError.getMessage());
                } else {
                    assertEquals(expected, df.collectAsList().stream().map(SparkTests::fromRow).toList(), what);
                }
            }
        }
    }

    static MarcParseException strictError(Path file, ReaderOptions options, MarcFormat format) throws Exception {
        try (MarcReader r = MarcReader.builder().options(options).format(format).open(file)) {
            r.forEach(x -> { });
            return null;
        } catch (MarcParseException e) {
            return e;
        }
    }

    static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
