package org.marcloom.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.unsafe.types.UTF8String;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.RawRecord;
import org.marcloom.record.MarcRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads one partition into rows: ISO 2709 through [org.marcloom.MarcSplitter] framing (decoded
/// only when the query reads `fields` or `diagnostics`), other formats through [MarcReader].
final class MarcPartitionReader implements PartitionReader<InternalRow> {

    private static final Logger LOG = LoggerFactory.getLogger(MarcPartitionReader.class);

    private final MarcPartition partition;
    private final MarcOptions options;
    private final int[] columns;
    private final MarcReader reader;
    private final boolean iso;
    private final boolean decode;
    private final UTF8String file;
    private long nextIndex;
    private InternalRow current;
    private Iterator<Diagnostic> trailing;

    MarcPartitionReader(MarcPartition partition, Configuration conf, MarcOptions options, int[] columns)
            throws IOException {
        this.partition = partition;
        this.options = options;
        this.columns = columns;
        this.iso = partition.format() == MarcFormat.ISO_2709;
        boolean needsRecord = false;
        for (int c : columns) {
            needsRecord |= c == Rows.FIELDS || c == Rows.DIAGNOSTICS || (!iso && c == Rows.LEADER);
        }
        this.decode = needsRecord || !iso;
        this.file = UTF8String.fromString(partition.file());
        Planner.FileInfo info = new Planner.FileInfo(partition.file(), partition.size(), partition.format(),
                partition.gzip(), new String[0]);
        if (partition.split() != null) {
            reader = Planner.splitter(info, options).open(Planner.open(conf, info), partition.split());
            nextIndex = partition.split().recordsBefore();
        } else {
            Path path = new Path(partition.file());
            InputStream in = path.getFileSystem(conf).open(path);
            if (partition.gzip()) {
                in = new GZIPInputStream(in, 64 * 1024);
            }
            reader = MarcReader.builder().options(options.reader).format(partition.format())
                    .sourceName(partition.file()).open(in);
        }
    }

    @Override
    public boolean next() {
        if (trailing == null) {
            if (iso) {
                RawRecord raw = reader.readRaw();
                if (raw != null) {
                    MarcRecord record = decode ? reader.decode(raw) : null;
                    current = Rows.row(columns, new Rows.Source(record, record == null ? Rows.leader(raw.bytes())
                            : null, raw.diagnostics(), options.raw ? raw.bytes() : null, file, raw.offset(),
                            raw.length(), raw.index()));
                    return true;
                }
            } else {
                MarcRecord record = reader.read();
                if (record != null) {
                    current = Rows.row(columns, new Rows.Source(record, null, null, null, file, -1, -1,
                            nextIndex++));
                    return true;
                }
            }
            List<Diagnostic> t = reader.trailingDiagnostics();
            if (!options.trailingDiagnostics) {
                for (Diagnostic d : t) {
                    LOG.warn("{}: {}", partition.file(), d);
                }
                t = List.of();
            }
            trailing = t.iterator();
        }
        if (trailing.hasNext()) {
            Diagnostic d = trailing.next();
            current = Rows.row(columns, new Rows.Source(null, null, List.of(d), null, file, d.byteOffset(), -1,
                    d.recordIndex()));
            return true;
        }
        return false;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /// Creates the readers on the executors.
    record Factory(HadoopConf conf, MarcOptions options, int[] columns) implements PartitionReaderFactory {
        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            try {
                return new MarcPartitionReader((MarcPartition) partition, conf.get(), options, columns);
            } catch (IOException e) {
                throw new UncheckedIOException("opening " + ((MarcPartition) partition).file(), e);
            }
        }
    }
}
