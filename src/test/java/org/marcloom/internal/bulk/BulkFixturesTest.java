package org.marcloom.internal.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcFormat;
import org.marcloom.OutputEncoding;
import org.marcloom.ReaderOptions;
import org.marcloom.WriterOptions;

/// Every ISO 2709 fixture, converted to each format with [BulkAccess#transfer] between the reads,
/// gives exactly what reading and writing every record gives: the same bytes, the same diagnostics
/// and write errors of the same records, the same trailing diagnostics and the same error; and
/// counted with [BulkAccess#skipWellFormed], the same diagnostics as the check `marcloom count`
/// used before ([StructureCheckOracle]). Strict and lenient, the encoding from leader/09 or
/// forced, a record at a time and 4,096 at a time.
class BulkFixturesTest {

    private static final List<MarcFormat> FORMATS = List.of(MarcFormat.ISO_2709, MarcFormat.MARC_JSON,
            MarcFormat.MARC_JSON_LINES, MarcFormat.MARCXML);

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("fixtures", "iso2709"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<ReaderOptions> readerOptions() {
        return List.of(ReaderOptions.DEFAULTS,
                ReaderOptions.builder().lenient(true).build(),
                ReaderOptions.builder().encoding(MarcEncoding.UTF_8).build(),
                ReaderOptions.builder().lenient(true).encoding(MarcEncoding.UTF_8).build());
    }

    @Test
    void transferGivesWhatReadingAndWritingGives() throws IOException {
        List<Path> files = fixtures();
        assertEquals(149, files.size());
        Map<MarcFormat, Long> fromBytes = new EnumMap<>(MarcFormat.class);
        long records = 0;
        for (Path f : files) {
            byte[] input = Files.readAllBytes(f);
            for (ReaderOptions options : readerOptions()) {
                for (MarcFormat format : FORMATS) {
                    BulkPaths.Run plain = BulkPaths.convert(input, options, format, WriterOptions.DEFAULTS, 0);
                    for (long max : new long[] {1, 4096}) {
                        BulkPaths.Run bulk = BulkPaths.convert(input, options, format, WriterOptions.DEFAULTS, max);
                        String what = f + " " + options + " " + format + " max " + max;
                        assertArrayEquals(plain.output(), bulk.output(), what);
                        assertEquals(plain.events(), bulk.events(), what);
                        assertEquals(plain.read(), bulk.read(), what);
                        if (max == 4096 && options.equals(readerOptions().get(1))) {
                            fromBytes.merge(format, bulk.bulk(), Long::sum);
                        }
                    }
                    if (format == MarcFormat.ISO_2709 && options.equals(readerOptions().get(1))) {
                        records += plain.read();
                    }
                }
            }
        }
        // Lenient, encoding from leader/09: how many of the fixtures' records were written from
        // their bytes (the others have diagnostics, MARC-8 text or, for ISO 2709, another layout).
        assertEquals(2_558, records);
        assertEquals(Map.of(MarcFormat.ISO_2709, 1_021L, MarcFormat.MARC_JSON, 1_039L,
                MarcFormat.MARC_JSON_LINES, 1_039L, MarcFormat.MARCXML, 1_039L), fromBytes);
    }

    @Test
    void nothingIsTransferredWhereTheOutputWouldDiffer() throws IOException {
        byte[] input = Files.readAllBytes(Path.of("fixtures", "iso2709", "marc4j__chabon.mrc"));
        List<String> seen = new ArrayList<>();
        List<Object[]> cases = List.of(
                new Object[] {ReaderOptions.DEFAULTS, MarcFormat.MARCXML, WriterOptions.builder().indent(true).build()},
                new Object[] {ReaderOptions.DEFAULTS, MarcFormat.MARC_JSON, WriterOptions.builder().indent(true).build()},
                new Object[] {ReaderOptions.DEFAULTS, MarcFormat.ISO_2709,
                        WriterOptions.builder().encoding(OutputEncoding.MARC_8).build()},
                new Object[] {ReaderOptions.DEFAULTS, MarcFormat.MARCMAKER, WriterOptions.DEFAULTS},
                new Object[] {ReaderOptions.builder().encoding(MarcEncoding.MARC_8).build(), MarcFormat.MARCXML,
                        WriterOptions.DEFAULTS},
                new Object[] {ReaderOptions.builder().encoding(MarcEncoding.LATIN_1).build(), MarcFormat.MARCXML,
                        WriterOptions.DEFAULTS},
                new Object[] {ReaderOptions.builder().normalizeNfc(true).build(), MarcFormat.MARCXML,
                        WriterOptions.DEFAULTS},
                new Object[] {ReaderOptions.builder().limits(org.marcloom.Limits.builder().maxFieldsPerRecord(8330)
                        .build()).build(), MarcFormat.MARCXML, WriterOptions.DEFAULTS});
        for (Object[] c : cases) {
            ReaderOptions options = (ReaderOptions) c[0];
            MarcFormat format = (MarcFormat) c[1];
            WriterOptions writerOptions = (WriterOptions) c[2];
            BulkPaths.Run plain = BulkPaths.convert(input, options, format, writerOptions, 0);
            BulkPaths.Run bulk = BulkPaths.convert(input, options, format, writerOptions, 4096);
            assertArrayEquals(plain.output(), bulk.output());
            assertEquals(plain.events(), bulk.events());
            seen.add(format + " " + bulk.bulk());
        }
        assertEquals(List.of("MARCXML 0", "MARC_JSON 0", "ISO_2709 0", "MARCMAKER 0", "MARCXML 0", "MARCXML 0",
                "MARCXML 0", "MARCXML 0"), seen);
        // and the same file with the defaults does go through the bytes
        assertEquals(2, BulkPaths.convert(input, ReaderOptions.DEFAULTS, MarcFormat.MARCXML, WriterOptions.DEFAULTS,
                4096).bulk());
    }

    @Test
    void skipGivesWhatTheOldCountCheckGave() throws IOException {
        long skipped = 0;
        for (Path f : fixtures()) {
            byte[] input = Files.readAllBytes(f);
            for (boolean lenient : new boolean[] {false, true}) {
                ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
                BulkPaths.Run old = BulkPaths.count(input, options,
                        raw -> StructureCheckOracle.wellFormed(raw.bytes(), raw.length()), 0);
                for (long max : new long[] {1, 3, 4096}) {
                    BulkPaths.Run bulk = BulkPaths.count(input, options, null, max);
                    String what = f + (lenient ? " lenient" : " strict") + " max " + max;
                    assertEquals(old.events(), bulk.events(), what);
                    assertEquals(old.read(), bulk.read(), what);
                    if (lenient && max == 4096) {
                        skipped += bulk.bulk();
                    }
                }
            }
        }
        assertEquals(2_411, skipped);
    }

    /// A well-formed file repeated to about 7 MB, with records that fail the check (an error in
    /// strict mode) here and there, runs of them about the first and second MiB, one after the
    /// fourth MiB and the very last record: strict (stopping at the first) and lenient, a few
    /// records at a time and many, the same as the old check.
    @Test
    void skipAroundRecordsToDecodeInALargeInput() throws IOException {
        byte[] one = Files.readAllBytes(Path.of("fixtures", "iso2709", "marc4j__pride-and-prejudice-fixed.mrc"));
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int copy = 0; copy < 20; copy++) {
            all.write(one);
        }
        byte[] input = all.toByteArray();
        assertEquals(20 * 352_005, input.length);
        // the byte after the first subfield delimiter of each chosen record becomes an invalid code
        List<Integer> damaged = new ArrayList<>();
        int index = 0;
        for (int p = 0; p < input.length; index++) {
            int length = Integer.parseInt(new String(input, p, 5, java.nio.charset.StandardCharsets.US_ASCII));
            if (index == 100 || p > 1_040_000 && p < 1_049_000 || p > 2_090_000 && p < 2_096_000
                    || p > 4_194_304 && p < 4_196_000 || p + length == input.length) {
                int sd = p + 24;
                while (input[sd] != 0x1F) {
                    sd++;
                }
                input[sd + 1] = 0x01; // a subfield code that is no printable character: an error
                damaged.add(index);
            }
            p += length;
        }
        assertEquals(20 * 383, index);
        assertEquals(List.of(100, 1132, 1133, 1134, 1135, 1136, 1137, 1138, 1139, 2275, 2276, 2277, 2278, 2279, 2280,
                4565, 7659), damaged);
        for (boolean lenient : new boolean[] {false, true}) {
            ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
            BulkPaths.Run old = BulkPaths.count(input, options,
                    raw -> StructureCheckOracle.wellFormed(raw.bytes(), raw.length()), 0);
            for (long max : new long[] {7, 4096, 1_000_000}) {
                BulkPaths.Run bulk = BulkPaths.count(input, options, null, max);
                String what = (lenient ? "lenient" : "strict") + " max " + max;
                assertEquals(old.events(), bulk.events(), what);
                assertEquals(old.read(), bulk.read(), what);
                assertEquals(lenient ? 20 * 383 - damaged.size() : 100, bulk.bulk(), what);
            }
        }
    }

    /// All the fixtures one after another, three times, as one input with records to decode here
    /// and there: the same as the old check.
    @Test
    void skipGivesWhatTheOldCountCheckGaveOnAllFixturesInOne() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int copy = 0; copy < 3; copy++) {
            for (Path f : fixtures()) {
                all.write(Files.readAllBytes(f));
            }
        }
        byte[] input = all.toByteArray();
        assertEquals(3 * 4_285_199, input.length);
        ReaderOptions lenient = ReaderOptions.builder().lenient(true).build();
        BulkPaths.Run old = BulkPaths.count(input, lenient,
                raw -> StructureCheckOracle.wellFormed(raw.bytes(), raw.length()), 0);
        for (long max : new long[] {4096, 100_000}) {
            BulkPaths.Run bulk = BulkPaths.count(input, lenient, null, max);
            assertEquals(old.events(), bulk.events());
            assertEquals(old.read(), bulk.read());
            assertEquals(7_212, bulk.bulk()); // of 7,668: the other 456 are decoded
        }
        assertEquals("count 7668", old.events().getLast());
    }
}
