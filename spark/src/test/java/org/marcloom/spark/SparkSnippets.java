package org.marcloom.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Java examples of docs/spark.md and the README's Spark section, compiled and run on the
/// fixtures in the test JVM's one SparkSession.
class SparkSnippets {

    static final String CAMEL = "fixtures/iso2709/pymarc__test.dat";

    // @start region="titles"
    static List<Row> frenchTitles(SparkSession spark, String input, String output) {
        MarcFunctions.register(spark);                       // marc_value, marc_values, marc_control
        Dataset<Row> records = spark.read().format("marc").option("lenient", true).load(input);
        records.createOrReplaceTempView("records");
        Dataset<Row> titles = spark.sql("SELECT marc_value(fields, '245$a') AS title FROM records"
                + " WHERE marc_control(fields, '008') LIKE '%fre%'");
        records.write().mode("overwrite").parquet(output);
        return titles.collectAsList();
    }
    // @end

    // @start region="write"
    static void writeIso2709(Dataset<Row> df, String output) {
        df.write().format("marc").option("format", "iso2709").mode("overwrite").save(output);
    }
    // @end

    @TempDir
    Path tmp;

    @Test
    void titles() {
        List<Row> rows = frenchTitles(SparkTests.spark(), "fixtures/iso2709/evergreen__lul_fre_100.mrc",
                tmp.resolve("parquet").toString());
        assertEquals(100, rows.size(), "every record of the file has fre in its 008");
        assertEquals(100, SparkTests.spark().read().parquet(tmp.resolve("parquet").toString()).count());
    }

    @Test
    void write() throws Exception {
        Dataset<Row> df = SparkTests.spark().read().format("marc").load(CAMEL);
        writeIso2709(df, tmp.resolve("out").toString());
        try (var files = Files.list(tmp.resolve("out"))) {
            long records = files.filter(p -> p.getFileName().toString().endsWith(".mrc"))
                    .mapToLong(p -> SparkTests.spark().read().format("marc").load(p.toString()).count()).sum();
            assertEquals(10, records);
        }
    }
}
