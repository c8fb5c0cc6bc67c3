package org.marcloom.spark.examples;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marcloom.spark.MarcFunctions;

/// Reads a directory of MARC files (any format marcloom reads), counts the records by type of
/// record (leader/06) and language (008/35-37), prints the table and writes it as Parquet.
///
/// `CountByTypeAndLanguage INPUT_DIR OUTPUT_DIR [MASTER]` (default master `local[2]`; under
/// spark-submit the master comes from spark-submit). Damaged files are read leniently.
public final class CountByTypeAndLanguage {

    private CountByTypeAndLanguage() {
    }

    /// Counts the records of a directory by type of record and language and writes a Parquet table.
    ///
    /// @param args the input directory, the output directory, and optionally the Spark master
    ///             (default `local[2]` when none is configured)
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CountByTypeAndLanguage INPUT_DIR OUTPUT_DIR [MASTER]");
            System.exit(2);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("marc: count by type and language");
        if (args.length > 2 || System.getProperty("spark.master") == null) {
            builder.master(args.length > 2 ? args[2] : "local[2]").config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            MarcFunctions.register(spark);
            spark.read().format("marc").option("lenient", true).load(args[0]).createOrReplaceTempView("records");
            Dataset<Row> counts = spark.sql("""
                    SELECT substring(leader, 7, 1) AS type_of_record,
                           nullif(trim(substring(marc_control(fields, '008'), 36, 3)), '') AS language,
                           count(*) AS records
                    FROM records
                    WHERE leader IS NOT NULL
                    GROUP BY 1, 2
                    ORDER BY records DESC, type_of_record, language""");
            counts.write().mode("overwrite").parquet(args[1]);
            spark.read().parquet(args[1]).orderBy(org.apache.spark.sql.functions.desc("records"),
                    org.apache.spark.sql.functions.col("type_of_record"),
                    org.apache.spark.sql.functions.col("language")).show(50, false);
            System.out.println("wrote " + args[1]);
        } finally {
            spark.stop();
        }
    }
}
