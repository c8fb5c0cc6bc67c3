package org.marcloom.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.ReaderOptions;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// Paths, column pruning, writing in every format, the Parquet round trip and the SQL functions.
class MarcSourceBehaviourTest {

    private static final String CAMEL = "fixtures/iso2709/evergreen__lul_fre_100.mrc";
    private static final String UTF8 = "fixtures/iso2709/ruby-marc__utf8_multirecord.marc";
    private static final String MARC8 = "fixtures/iso2709/marc4j__brkrtest.mrc";

    private static SparkSession spark() {
        return SparkTests.spark();
    }

    private static List<MarcRecord> sequential(String file) throws Exception {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().detectFormat().open(Path.of(file))) {
            r.forEach(out::add);
        }
        return out;
    }

    private static List<List<Field>> fields(List<MarcRecord> records) {
        return records.stream().map(MarcRecord::fields).toList();
    }

    private static List<List<Field>> fields(Dataset<Row> df) {
        return df.orderBy("file", "recordIndex").collectAsList().stream().map(SparkTests::fromRow)
                .map(SparkTests.Rec::fields).toList();
    }

    @Test
    void pathsFilesDirectoriesGlobsGzipEmptyAndOneRecord(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.mrc");
        Path b = dir.resolve("b.mrc");
        Files.copy(Path.of(CAMEL), a);
        Files.copy(Path.of(UTF8), b);
        Files.write(dir.resolve("_SUCCESS"), new byte[0]);
        Files.write(dir.resolve(".hidden.mrc"), new byte[] {'x'});
        int camel = sequential(CAMEL).size();
        int utf8 = sequential(UTF8).size();
        assertEquals(100, camel);
        assertEquals(camel + utf8, spark().read().format("marc").load(a.toString(), b.toString()).count());
        assertEquals(camel + utf8, spark().read().format("marc").load(dir.toString()).count());
        assertEquals(camel, spark().read().format("marc").load(dir.resolve("a*").toString()).count());

        Path gz = dir.resolve("sub/c.mrc.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Path.of(CAMEL)));
        }
        Dataset<Row> zipped = spark().read().format("marc").option("splitSize", 1000).load(gz.toString());
        assertEquals(1, zipped.rdd().getNumPartitions());
        assertEquals(fields(sequential(CAMEL)), fields(zipped));

        Path empty = dir.resolve("empty.mrc");
        Files.write(empty, new byte[0]);
        assertEquals(0, spark().read().format("marc").load(empty.toString()).count());
        Path one = dir.resolve("one.mrc");
        Files.copy(Path.of("fixtures/iso2709/marc-perl__sample1.usmarc"), one);
        Dataset<Row> single = spark().read().format("marc").option("splitSize", 7).load(one.toString());
        assertEquals(fields(sequential("fixtures/iso2709/marc-perl__sample1.usmarc")), fields(single));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> spark().read().format("marc").load(dir.resolve("nothing").toString()).count());
        assertEquals("Path does not exist: file:" + dir.resolve("nothing"), missing.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> spark().read().format("marc").option("lenietn", true).load(a.toString()).count());
        assertTrue(typo.getMessage().startsWith("format(\"marc\") has no read option \"lenietn\"; the options are"),
                typo.getMessage());
    }

    @Test
    void otherFormatsAreReadWholePerFile() throws Exception {
        for (String file : List.of("fixtures/xml/evergreen__serials_mfhd.xml", "fixtures/mrk/marc-perl__camel.mrk",
                "fixtures/json/marc4j__marc-in-json.json")) {
            Dataset<Row> df = spark().read().format("marc").option("splitSize", 100).load(file);
            assertEquals(1, df.rdd().getNumPartitions(), file);
            assertEquals(fields(sequential(file)), fields(df), file);
        }
    }

    /// Every `Limits` setting is a read option; the text-format ones reach the MARCXML reader: a
    /// record in an envelope six elements deep reads with the defaults, and fails a strict read
    /// with `maxNestingDepth` 8 at its leader, the ninth level.
    @Test
    void everyLimitIsAReadOption(@TempDir Path dir) throws Exception {
        MarcOptions o = MarcOptions.read(java.util.Map.of("maxRecordBytes", "1000", "maxFieldsPerRecord", "11",
                "maxSubfieldsPerField", "12", "maxTokenLength", "2000", "maxNameLength", "30", "maxNestingDepth", "9",
                "maxAttributesPerElement", "10"));
        org.marcloom.Limits limits = o.reader.limits();
        assertEquals(List.of(1000, 11, 12, 2000, 30, 9, 10), List.of(limits.maxRecordBytes(),
                limits.maxFieldsPerRecord(), limits.maxSubfieldsPerField(), limits.maxTokenLength(),
                limits.maxNameLength(), limits.maxNestingDepth(), limits.maxAttributesPerElement()));
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> MarcOptions.read(java.util.Map.of("maxNestingDepth", "7")));
        assertEquals("'maxNestingDepth' must be at least 8, was 7", low.getMessage());

        String summerland = Files.readString(Path.of("fixtures/xml/marc4j__summerland.xml"));
        Path nested = dir.resolve("nested.xml");
        Files.writeString(nested, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a><b><c><d><e><f>"
                + summerland.substring(summerland.indexOf("?>") + 2) + "</f></e></d></c></b></a>");
        assertEquals(1, spark().read().format("marc").load(nested.toString()).count());
        Exception e = assertThrows(Exception.class, () -> spark().read().format("marc").option("maxNestingDepth", 8)
                .load(nested.toString()).collectAsList());
        assertTrue(MarcSourceTest.messages(e).contains("at record 0, line 3, column 6: element \"leader\" is nested"
                + " deeper than 8 elements, the maximum allowed (from Limits.maxNestingDepth)"),
                MarcSourceTest.messages(e));
    }

    /// A leader-and-offset query frames but does not decode: a record whose directory entry is
    /// broken fails a strict query of `fields` and not one of `leader` and `offset`.
    @Test
    void prunedColumnsAreNotDecoded(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(CAMEL));
        List<Long> offsets = new ArrayList<>();
        List<String> leaders = new ArrayList<>();
        try (MarcReader r = MarcReader.open(Path.of(CAMEL))) {
            for (var raw = r.readRaw(); raw != null; raw = r.readRaw()) {
                offsets.add(raw.offset());
                leaders.add(new String(raw.bytes(), 0, 24, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        // Record 2's first directory entry gets a field length that is not a number.
        bytes[(int) (offsets.get(2) + 24 + 3)] = 'x';
        Path broken = dir.resolve("broken.mrc");
        Files.write(broken, bytes);
        Dataset<Row> df = spark().read().format("marc").option("splitSize", 20_000).load(broken.toString());
        List<Row> rows = df.select("leader", "offset").orderBy("offset").collectAsList();
        assertEquals(leaders, rows.stream().map(r -> r.getString(0)).toList());
        assertEquals(offsets, rows.stream().map(r -> r.getLong(1)).toList());
        Exception e = assertThrows(Exception.class, () -> df.select("fields").collectAsList());
        assertTrue(MarcSourceTest.messages(e).contains("at record 2, byte " + (offsets.get(2) + 24)),
                MarcSourceTest.messages(e));
    }

    @Test
    void rawColumnHoldsTheFramedBytes() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(CAMEL));
        List<Row> rows = spark().read().format("marc").option("raw", true).option("splitSize", 10_000).load(CAMEL)
                .select("raw", "offset", "length").orderBy("offset").collectAsList();
        assertEquals(100, rows.size());
        long next = 0;
        for (Row r : rows) {
            long offset = r.getLong(1);
            assertEquals(next, offset);
            assertArrayEquals(Arrays.copyOfRange(bytes, (int) offset, (int) (offset + r.getLong(2))),
                    (byte[]) r.get(0));
            next = offset + r.getLong(2);
        }
        assertEquals(bytes.length, next);
    }

    @Test
    void writesAndReadsBackEveryFormat(@TempDir Path dir) throws Exception {
        Dataset<Row> source = spark().read().format("marc").load(CAMEL);
        for (String format : List.of("iso2709", "marcxml", "ndjson", "mrk")) {
            Path out = dir.resolve(format);
            source.repartition(3).write().format("marc").option("format", format).mode("overwrite")
                    .save(out.toString());
            try (var files = Files.list(out)) {
                List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                        .sorted().toList();
                assertEquals("_SUCCESS", names.getFirst(), names.toString());
                assertEquals(4, names.size(), names.toString()); // three part files
            }
            Dataset<Row> back = spark().read().format("marc").load(out.toString());
            List<List<Field>> expected = new ArrayList<>(fields(sequential(CAMEL)));
            List<List<Field>> actual = new ArrayList<>(fields(back));
            expected.sort(java.util.Comparator.comparing(Object::toString));
            actual.sort(java.util.Comparator.comparing(Object::toString));
            assertEquals(expected, actual, format);
        }
        // Append adds part files; overwrite replaces them.
        Path out = dir.resolve("iso2709");
        source.write().format("marc").mode("append").save(out.toString());
        assertEquals(200, spark().read().format("marc").load(out.toString()).count());
        source.write().format("marc").mode("overwrite").save(out.toString());
        assertEquals(100, spark().read().format("marc").load(out.toString()).count());
    }

    /// ISO 2709 -> Spark -> Parquet -> Spark -> ISO 2709: UTF-8 records come back byte for byte,
    /// MARC-8 records equal after decoding.
    @Test
    void parquetRoundTripIsLossless(@TempDir Path dir) throws Exception {
        for (String file : List.of(UTF8, CAMEL, MARC8)) {
            Path parquet = dir.resolve(Path.of(file).getFileName() + ".parquet");
            Path marc = dir.resolve(Path.of(file).getFileName() + ".out");
            spark().read().format("marc").option("splitSize", 3000).load(file).write().parquet(parquet.toString());
            spark().read().parquet(parquet.toString()).orderBy("file", "recordIndex").coalesce(1).write()
                    .format("marc").mode("overwrite").save(marc.toString());
            Path part;
            try (var files = Files.list(marc)) {
                part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            }
            List<MarcRecord> original = sequential(file);
            boolean utf8 = original.stream().allMatch(r -> r.leader().charAt(9) == 'a');
            if (utf8) {
                assertArrayEquals(Files.readAllBytes(Path.of(file)), Files.readAllBytes(part), file);
            }
            assertEquals(fields(original), fields(sequential(part.toString())), file);
        }
    }

    @Test
    void sqlFunctionsUseTheLibrarysSelectors() throws Exception {
        spark().read().format("marc").load(CAMEL).createOrReplaceTempView("camel");
        List<Row> rows = spark().sql("SELECT marc_value(fields, '245$a'), marc_values(fields, '650$a'),"
                + " marc_control(fields, '008'), marc_values(fields, '0..'), marc_value(fields, '999$z')"
                + " FROM camel ORDER BY recordIndex").collectAsList();
        List<MarcRecord> records = sequential(CAMEL);
        assertEquals(records.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            MarcRecord r = records.get(i);
            Row row = rows.get(i);
            assertEquals(r.value("245$a").orElse(null), row.getString(0), "record " + i);
            assertEquals(r.values("650$a"), row.getList(1), "record " + i);
            assertEquals(r.controlValue("008").orElse(null), row.getString(2), "record " + i);
            assertEquals(r.values("0.."), row.getList(3), "record " + i);
            assertEquals(null, row.get(4));
        }
        long french = spark().sql("SELECT count(*) FROM camel WHERE marc_control(fields, '008') LIKE '%fre%'")
                .first().getLong(0);
        assertEquals(records.stream().filter(r -> r.controlValue("008").orElse("").contains("fre")).count(), french);
        assertEquals(Arrays.asList(records.getFirst().value("245$a").orElse(null)),
                spark().read().format("marc").load(CAMEL).orderBy("recordIndex").limit(1)
                        .select(MarcFunctions.marcValue(org.apache.spark.sql.functions.col("fields"), "245$a"))
                        .collectAsList().stream().map(r -> r.getString(0)).toList());
    }
}
