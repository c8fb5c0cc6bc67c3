package org.marcloom.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriter;
import org.marcloom.OutputEncoding;
import org.marcloom.record.MarcRecord;

/// `df.write().format("marc").option("format", "iso2709" | "marcxml" | "ndjson" | "mrk")`: one
/// part file per partition from the `leader` and `fields` columns. Tasks write into
/// `_temporary/<job>/`; the job's commit moves the part files into the directory (removing the
/// files there first in overwrite mode) and writes `_SUCCESS`; an abort removes what the job
/// wrote. Rows with a null leader (diagnostics that belong to no record) are not records and are
/// skipped.
final class MarcWrite {

    private MarcWrite() {
    }

    /// The settings every task needs.
    record Settings(String path, MarcFormat format, OutputEncoding encoding, boolean allowOversize, boolean indent,
                    String job, int leader, int fields, HadoopConf conf) implements Serializable {
        String extension() {
            return switch (format) {
                case ISO_2709 -> "mrc";
                case MARCXML -> "xml";
                case MARC_JSON_LINES, MARC_JSON -> "ndjson";
                case MARCMAKER -> "mrk";
            };
        }

        Path temporary() {
            return new Path(new Path(path, "_temporary"), job);
        }
    }

    static final class Builder implements WriteBuilder, SupportsTruncate {
        private final LogicalWriteInfo info;
        private boolean truncate;

        Builder(LogicalWriteInfo info) {
            this.info = info;
        }

        @Override
        public WriteBuilder truncate() {
            truncate = true;
            return this;
        }

        @Override
        public Write build() {
            Map<String, String> o = info.options();
            MarcOptions.check(o, MarcOptions.WRITE, "write");
            String path = MarcOptions.get(o, "path");
            if (path == null) {
                throw new IllegalArgumentException("df.write().format(\"marc\") needs a path: save(path)");
            }
            StructType schema = info.schema();
            int leader = index(schema, "leader");
            int fields = index(schema, "fields");
            if (leader < 0 || fields < 0) {
                throw new IllegalArgumentException("writing format(\"marc\") needs the columns leader (string) and"
                        + " fields (array of struct: tag, ind1, ind2, value, subfields) of format(\"marc\")'s"
                        + " schema; the data has " + String.join(", ", schema.fieldNames()));
            }
            String enc = MarcOptions.get(o, "encoding");
            OutputEncoding encoding = enc == null ? OutputEncoding.UTF_8
                    : switch (enc.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
                        case "utf8" -> OutputEncoding.UTF_8;
                        case "marc8" -> OutputEncoding.MARC_8;
                        default -> throw new IllegalArgumentException("option encoding must be utf8 or marc8, was \""
                                + enc + "\"");
                    };
            Configuration conf = new Configuration(SparkSession.active().sparkContext().hadoopConfiguration());
            Settings s = new Settings(path, MarcOptions.format(MarcOptions.get(o, "format"), true), encoding,
                    MarcOptions.bool(o, "allowOversize", false), MarcOptions.bool(o, "indent", false),
                    info.queryId() + "-" + UUID.randomUUID(), leader, fields, new HadoopConf(conf));
            boolean overwrite = truncate;
            return new Write() {
                @Override
                public BatchWrite toBatch() {
                    return new Batch(s, overwrite);
                }
            };
        }

        private static int index(StructType schema, String name) {
            String[] names = schema.fieldNames();
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Committed(String temporary, String name) implements WriterCommitMessage {
    }

    static final class Batch implements BatchWrite {
        private final Settings s;
        private final boolean overwrite;

        Batch(Settings s, boolean overwrite) {
            this.s = s;
            this.overwrite = overwrite;
        }

        @Override
        public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
            Settings settings = s;
            return (DataWriterFactory) (partitionId, taskId) -> new Task(settings, partitionId, taskId);
        }

        @Override
        public void commit(WriterCommitMessage[] messages) {
            try {
                Path dir = new Path(s.path());
                FileSystem fs = dir.getFileSystem(s.conf().get());
                if (overwrite && fs.exists(dir)) {
                    for (FileStatus f : fs.listStatus(dir)) {
                        if (!f.getPath().getName().equals("_temporary")) {
                            fs.delete(f.getPath(), true);
                        }
                    }
                }
                fs.mkdirs(dir);
                for (WriterCommitMessage m : messages) {
                    if (m instanceof Committed c) {
                        Path to = new Path(dir, c.name());
                        if (!fs.rename(new Path(c.temporary()), to)) {
                            throw new IOException("could not move " + c.temporary() + " to " + to);
                        }
                    }
                }
                cleanUp(fs);
                fs.create(new Path(dir, "_SUCCESS"), true).close();
            } catch (IOException e) {
                throw new UncheckedIOException("committing the marc files in " + s.path(), e);
            }
        }

        @Override
        public void abort(WriterCommitMessage[] messages) {
            try {
                Path dir = new Path(s.path());
                cleanUp(dir.getFileSystem(s.conf().get()));
            } catch (IOException e) {
                throw new UncheckedIOException("removing the files of an aborted write in " + s.path(), e);
            }
        }

        private void cleanUp(FileSystem fs) throws IOException {
            fs.delete(s.temporary(), true);
            Path parent = s.temporary().getParent();
            FileStatus[] left = fs.exists(parent) ? fs.listStatus(parent) : new FileStatus[0];
            if (left.length == 0) {
                fs.delete(parent, true);
            }
        }
    }

    /// One task's part file.
    static final class Task implements DataWriter<InternalRow> {
        private final Settings s;
        private final Path temporary;
        private final String name;
        private final MarcWriter writer;
        private final FileSystem fs;

        Task(Settings s, int partitionId, long taskId) {
            this.s = s;
            this.name = String.format("part-%05d-%s.%s", partitionId, s.job(), s.extension());
            this.temporary = new Path(s.temporary(), name + "." + taskId);
            try {
                fs = temporary.getFileSystem(s.conf().get());
                OutputStream out = fs.create(temporary, false);
                writer = MarcWriter.builder().format(s.format()).encoding(s.encoding()).allowOversize(s.allowOversize())
                        .indent(s.indent()).open(out);
            } catch (IOException e) {
                throw new UncheckedIOException("creating " + temporary, e);
            }
        }

        @Override
        public void write(InternalRow row) {
            if (row.isNullAt(s.leader())) {
                return;
            }
            MarcRecord record = Rows.record(row.getUTF8String(s.leader()).toString(),
                    row.isNullAt(s.fields()) ? null : row.getArray(s.fields()));
            writer.write(record);
        }

        @Override
        public WriterCommitMessage commit() throws IOException {
            writer.close();
            return new Committed(temporary.toString(), name);
        }

        @Override
        public void abort() throws IOException {
            try {
                writer.close();
            } finally {
                fs.delete(temporary, false);
            }
        }

        @Override
        public void close() {
            // commit() or abort() closed the writer
        }
    }
}
