package org.marcloom.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.InputPartition;
import org.marcloom.FormatDetector;
import org.marcloom.MarcFormat;
import org.marcloom.MarcSplitter;

/// Plans a read: lists the files, finds each one's format, cuts the splittable ones into ranges,
/// surveys the ranges in one Spark job (only when some file has more than one), and plans the
/// splits on the driver.
final class Planner {

    private static final int SNIFF = 8192;

    private Planner() {
    }

    record Plan(InputPartition[] partitions, HadoopConf conf) {
    }

    /// A file to read: where, how big, its format.
    record FileInfo(String uri, long size, MarcFormat format, boolean gzip, String[] hosts) implements Serializable {
        boolean splittable() {
            return !gzip && (format == MarcFormat.ISO_2709 || format == MarcFormat.MARC_JSON_LINES);
        }
    }

    /// One range of one file to survey.
    record Task(int file, String uri, long size, MarcFormat format, long start, long end) implements Serializable {
    }

    static Plan plan(SparkSession spark, Map<String, String> options, MarcOptions marc) {
        SparkContext sc = spark.sparkContext();
        Configuration conf = new Configuration(sc.hadoopConfiguration());
        HadoopConf shipped = new HadoopConf(conf);
        List<FileInfo> files = new ArrayList<>();
        try {
            for (String p : paths(options)) {
                for (FileStatus f : list(conf, p)) {
                    files.add(describe(conf, f, marc.format, marc.reader.lenient()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + paths(options), e);
        }
        long splitSize = marc.splitSize > 0 ? marc.splitSize : sparkSplitSize(spark, files);
        List<Task> tasks = new ArrayList<>();
        List<List<long[]>> ranges = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileInfo f = files.get(i);
            List<long[]> r = f.splittable() ? MarcSplitter.ranges(f.size(), splitSize) : List.of();
            ranges.add(r);
            if (r.size() > 1) {
                for (long[] range : r) {
                    tasks.add(new Task(i, f.uri(), f.size(), f.format(), range[0], range[1]));
                }
            }
        }
        List<MarcSplitter.Survey> surveys = tasks.isEmpty() ? List.of() : survey(sc, tasks, shipped, marc);
        List<InputPartition> partitions = new ArrayList<>();
        int t = 0;
        for (int i = 0; i < files.size(); i++) {
            FileInfo f = files.get(i);
            MarcSplitter splitter = splitter(f, marc);
            if (!f.splittable()) {
                partitions.add(new MarcPartition(f.uri(), f.size(), f.format(), f.gzip(), null, f.hosts()));
            } else if (ranges.get(i).size() == 1) {
                partitions.add(new MarcPartition(f.uri(), f.size(), f.format(), false, splitter.whole(f.size()),
                        f.hosts()));
            } else {
                int n = ranges.get(i).size();
                List<MarcSplitter.Survey> own = surveys.subList(t, t + n);
                t += n;
                List<MarcSplitter.Split> splits;
                try (HadoopChannel channel = open(conf, f)) {
                    splits = splitter.plan(own, channel);
                } catch (IOException e) {
                    throw new UncheckedIOException("planning the splits of " + f.uri(), e);
                }
                for (MarcSplitter.Split s : splits) {
                    if (s.toEnd() || s.records() > 0) {
                        partitions.add(new MarcPartition(f.uri(), f.size(), f.format(), false, s,
                                hosts(conf, f, s.start(), s.end())));
                    }
                }
            }
        }
        return new Plan(partitions.toArray(new InputPartition[0]), shipped);
    }

    static MarcSplitter splitter(FileInfo f, MarcOptions marc) {
        MarcFormat format = f.format() == MarcFormat.MARC_JSON_LINES ? MarcFormat.MARC_JSON_LINES
                : MarcFormat.ISO_2709;
        return MarcSplitter.builder().format(format).options(marc.reader).sourceName(f.uri()).build();
    }

    /// One Spark job: a task per range.
    private static List<MarcSplitter.Survey> survey(SparkContext sc, List<Task> tasks, HadoopConf conf,
                                                    MarcOptions marc) {
        String before = sc.getLocalProperty("spark.job.description");
        sc.setLocalProperty("spark.job.description", "marc: survey " + tasks.size() + " splits");
        try {
            return JavaSparkContext.fromSparkContext(sc).parallelize(tasks, tasks.size())
                    .map(task -> surveyOne(task, conf, marc)).collect();
        } finally {
            sc.setLocalProperty("spark.job.description", before);
        }
    }

    private static MarcSplitter.Survey surveyOne(Task task, HadoopConf conf, MarcOptions marc) throws IOException {
        FileInfo f = new FileInfo(task.uri(), task.size(), task.format(), false, new String[0]);
        try (HadoopChannel channel = open(conf.get(), f)) {
            return splitter(f, marc).survey(channel, task.start(), task.end());
        }
    }

    static HadoopChannel open(Configuration conf, FileInfo f) throws IOException {
        Path path = new Path(f.uri());
        FSDataInputStream in = path.getFileSystem(conf).open(path);
        return new HadoopChannel(in, f.size());
    }

    /// Spark's own rule for files: `min(maxPartitionBytes, max(openCostInBytes, bytes / cores))`.
    private static long sparkSplitSize(SparkSession spark, List<FileInfo> files) {
        long maxPartition = JavaUtils.byteStringAsBytes(spark.conf().get("spark.sql.files.maxPartitionBytes",
                "128m"));
        long openCost = JavaUtils.byteStringAsBytes(spark.conf().get("spark.sql.files.openCostInBytes", "4m"));
        long total = 0;
        for (FileInfo f : files) {
            total += f.size() + openCost;
        }
        long perCore = total / Math.max(1, spark.sparkContext().defaultParallelism());
        return Math.max(1, Math.min(maxPartition, Math.max(openCost, perCore)));
    }

    /// The `path` option, or the `paths` option (a JSON array) of `load(p1, p2, ...)`.
    static List<String> paths(Map<String, String> options) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        String one = MarcOptions.get(options, "path");
        if (one != null) {
            out.add(one);
        }
        String many = MarcOptions.get(options, "paths");
        if (many != null) {
            try (JsonParser p = new JsonFactory().createParser(many)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("option paths must be a JSON array, was " + many);
                }
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    out.add(p.getValueAsString());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("option paths must be a JSON array, was " + many, e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("format(\"marc\") needs a path: load(path), load(path1, path2, ...)");
        }
        return List.copyOf(out);
    }

    /// The files a path names: a file, a glob, or a directory (every file below it whose name and
    /// folders do not start with `_` or `.`), in path order.
    private static List<FileStatus> list(Configuration conf, String p) throws IOException {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            throw new IllegalArgumentException("Path does not exist: " + fs.makeQualified(path));
        }
        List<FileStatus> out = new ArrayList<>();
        for (FileStatus m : matches) {
            if (m.isDirectory()) {
                List<FileStatus> below = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                String root = m.getPath().toUri().getPath();
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    String rel = f.getPath().toUri().getPath().substring(root.length());
                    if (!hidden(rel)) {
                        below.add(f);
                    }
                }
                below.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
                out.addAll(below);
            } else if (!hidden(m.getPath().getName())) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith("_") || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /// Its format: the one given, else sniffed. A file that starts in no known format is ISO 2709
    /// with junk in front in lenient mode (the framer skips and reports it), an error in strict.
    private static FileInfo describe(Configuration conf, FileStatus status, MarcFormat given, boolean lenient)
            throws IOException {
        Path path = status.getPath();
        FileSystem fs = path.getFileSystem(conf);
        String uri = fs.makeQualified(path).toString();
        byte[] head = new byte[SNIFF];
        int n;
        boolean gzip;
        try (FSDataInputStream in = fs.open(path)) {
            n = readFully(in, head);
            gzip = n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
        }
        if (gzip) {
            try (InputStream in = new GZIPInputStream(fs.open(path))) {
                n = readFully(in, head);
            }
        }
        MarcFormat format = given;
        if (format == MarcFormat.MARC_JSON_LINES && n > 0 && firstNonBlank(head, n) == '[') {
            format = MarcFormat.MARC_JSON; // a JSON array: read whole
        }
        if (format == null) {
            if (n == 0) {
                format = MarcFormat.ISO_2709;
            } else {
                Optional<MarcFormat> found = FormatDetector.detectFormat(head, n);
                if (found.isEmpty() && lenient) {
                    found = Optional.of(MarcFormat.ISO_2709);
                }
                if (found.isEmpty()) {
                    throw new IllegalArgumentException(uri + " is in no format marcloom recognises (ISO 2709,"
                            + " MARCXML, MARC-in-JSON, MARCMaker); name it with option format");
                }
                format = found.get();
            }
        }
        return new FileInfo(uri, status.getLen(), format, gzip, hosts(conf, status, 0, status.getLen()));
    }

    private static int firstNonBlank(byte[] head, int n) {
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
                return b;
            }
        }
        return -1;
    }

    private static int readFully(InputStream in, byte[] buf) throws IOException {
        int n = 0;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static String[] hosts(Configuration conf, FileStatus status, long start, long end) {
        try {
            FileSystem fs = status.getPath().getFileSystem(conf);
            BlockLocation[] blocks = fs.getFileBlockLocations(status, start, Math.max(1, end - start));
            LinkedHashSet<String> hosts = new LinkedHashSet<>();
            for (BlockLocation b : blocks) {
                for (String h : b.getHosts()) {
                    if (!"localhost".equals(h)) {
                        hosts.add(h);
                    }
                }
            }
            return hosts.toArray(new String[0]);
        } catch (IOException e) {
            return new String[0]; // locality is a hint
        }
    }

    private static String[] hosts(Configuration conf, FileInfo f, long start, long end) {
        try {
            Path path = new Path(f.uri());
            return hosts(conf, path.getFileSystem(conf).getFileStatus(path), start, end);
        } catch (IOException e) {
            return new String[0];
        }
    }
}
