package org.marcloom.spark;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// The one SparkSession of the test JVM (local[2], no UI), and comparable views of rows and of
/// the sequential reader's records.
final class SparkTests {

    private static SparkSession spark;

    private SparkTests() {
    }

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("marcloom-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            MarcFunctions.register(spark);
        }
        return spark;
    }

    /// One record as both sides can describe it.
    record Rec(String leader, List<Field> fields, List<String> diagnostics, Long offset, Long length, long index) {
    }

    static String describe(Diagnostic d) {
        return d.severity() + " " + d.code() + " #" + d.recordIndex() + " @" + d.byteOffset() + " " + d.line() + ":"
                + d.column() + " " + d.tag() + " " + d.message();
    }

    static Rec fromRow(Row r) {
        List<String> diags = new ArrayList<>();
        for (Row d : r.<Row>getList(r.fieldIndex("diagnostics"))) {
            diags.add(d.getString(0) + " " + d.getString(1) + " #" + d.getLong(2) + " @" + d.getLong(3) + " "
                    + d.getInt(4) + ":" + d.getInt(5) + " " + d.getString(6) + " " + d.getString(7));
        }
        String leader = r.getString(r.fieldIndex("leader"));
        List<Field> fields = leader == null ? List.of()
                : MarcFunctions.record(r.getSeq(r.fieldIndex("fields"))).fields();
        int o = r.fieldIndex("offset");
        int l = r.fieldIndex("length");
        return new Rec(leader, fields, diags, r.isNullAt(o) ? null : r.getLong(o), r.isNullAt(l) ? null : r.getLong(l),
                r.getLong(r.fieldIndex("recordIndex")));
    }

    /// The sequential reader's records of a file (ISO 2709 with positions, others without).
    static List<Rec> sequential(Path file, ReaderOptions options, MarcFormat format) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().options(options).format(format)
                .open(Channels.newChannel(Files.newInputStream(file)))) {
            if (format == MarcFormat.ISO_2709) {
                // Records from read(), positions from a second, raw read.
                List<RawRecord> raws = new ArrayList<>();
                try (MarcReader positions = MarcReader.builder().options(options)
                        .open(Channels.newChannel(Files.newInputStream(file)))) {
                    for (RawRecord raw = positions.readRaw(); raw != null; raw = positions.readRaw()) {
                        raws.add(raw);
                    }
                }
                int i = 0;
                for (MarcRecord r = reader.read(); r != null; r = reader.read()) {
                    RawRecord raw = raws.get(i++);
                    out.add(new Rec(r.leader().toString(), r.fields(), r.diagnostics().stream()
                            .map(SparkTests::describe).toList(), raw.offset(), (long) raw.length(), raw.index()));
                }
            } else {
                long i = 0;
                for (MarcRecord r = reader.read(); r != null; r = reader.read()) {
                    out.add(new Rec(r.leader().toString(), r.fields(), r.diagnostics().stream()
                            .map(SparkTests::describe).toList(), null, null, i++));
                }
            }
            for (Diagnostic d : reader.trailingDiagnostics()) {
                out.add(new Rec(null, List.of(), List.of(describe(d)), d.byteOffset() < 0 ? null : d.byteOffset(), null,
                        d.recordIndex()));
            }
        }
        return out;
    }
}
