package org.marcloom.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.RawRecord;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// ISO 2709 read and write throughput, marcloom vs marc4j 2.9.6 `MarcStreamReader` /
/// `MarcStreamWriter`, in one JVM, single-threaded. Prints a markdown table.
///
/// ```
/// java -cp <test classpath> org.marcloom.bench.ReadBench real-100k.mrc real-marc8-20k.mrc \
///     [runs=7] [warmup=3] [writeRecords=20000]
/// ```
///
/// Rows:
/// - **scan**: a bare `FileChannel` read into a 64 KiB direct buffer, copied to a `byte[]` and
///   every byte compared with 0x1D: what reading the file and touching every byte costs (the
///   baseline for framing, which jumps from leader to leader and does not look at every byte).
/// - **framing**: [MarcReader#readRaw()]: each record's bytes found and copied out, not decoded.
/// - **full decode (UTF-8)**: [MarcReader#read()] vs `new MarcStreamReader(in, "UTF-8")`; every
///   control field's data and every subfield value is fetched as a `String` and its length summed.
/// - **MARC-8 decode**: the same on the MARC-8 file; marcloom follows leader/09 (blank = MARC-8,
///   default options: no NFC), marc4j is `new MarcStreamReader(in, "MARC8")` (its `AnselToUnicode`).
/// - **write**: the first `writeRecords` records, decoded once into memory by each library, are
///   written as ISO 2709 UTF-8 to an output stream that counts and discards the bytes
///   (`MarcWriter` vs `new MarcStreamWriter(out, "UTF-8")`).
///
/// Reads go through the page cache: marcloom through `MarcReader.open(path)` (a `FileChannel`),
/// marc4j through a 64 KiB `BufferedInputStream` on `Files.newInputStream`.
///
/// Every row: `warmup` untimed runs, then `runs` timed runs; the median is reported. After the timed
/// runs, one more run is measured with `ThreadMXBean.getThreadAllocatedBytes` for the bytes
/// allocated per record. For the decode rows the table also gives the retained size of a decoded
/// record (heap held by the first `writeRecords` records after a full GC, per record), the size of
/// "the record's own objects".
public final class ReadBench {

    private ReadBench() {
    }

    @FunctionalInterface
    interface Job {
        /// Runs once; returns the number of records handled (checked against the expected count).
        long run() throws Exception;
    }

    record Result(String name, double seconds, long records, long bytes, double allocPerRecord) {
        double recordsPerSecond() {
            return records / seconds;
        }

        double megabytesPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    private static int warmup = 3;
    private static int runs = 7;
    private static long sink;
    private static long lastWritten;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReadBench real-100k.mrc real-marc8-20k.mrc [runs=7] [warmup=3] [writeRecords=20000]");
            System.exit(2);
        }
        Path utf8 = Path.of(args[0]);
        Path marc8 = Path.of(args[1]);
        runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int writeRecords = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;

        long utf8Bytes = Files.size(utf8);
        long marc8Bytes = Files.size(marc8);
        long utf8Count = countOurs(utf8);
        long marc8Count = countOurs(marc8);

        System.out.printf(Locale.ROOT, "# ReadBench: %s (%,d records, %,d bytes), %s (%,d records, %,d bytes)%n",
                utf8.getFileName(), utf8Count, utf8Bytes, marc8.getFileName(), marc8Count, marc8Bytes);
        System.out.printf(Locale.ROOT, "%d warm-up + %d timed runs per row, median; single-threaded%n", warmup, runs);
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %d MiB%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        List<String[]> rows = new ArrayList<>();

        Result scan = measure("FileChannel scan for 0x1D", utf8Count, utf8Bytes, () -> scan(utf8, utf8Count));
        row(rows, "bare FileChannel scan for 0x1D (baseline)", scan, null);

        Result frame = measure("marcloom readRaw (framing only)", utf8Count, utf8Bytes, () -> frameOurs(utf8));
        row(rows, "framing only (`readRaw`)", frame, null);

        Result full = measure("marcloom read, every value (UTF-8)", utf8Count, utf8Bytes, () -> decodeOurs(utf8));
        Result full4 = measure("marc4j MarcStreamReader UTF-8", utf8Count, utf8Bytes, () -> decodeMarc4j(utf8, "UTF-8"));
        row(rows, "full decode, UTF-8, every value as a String", full, full4);

        Result m8 = measure("marcloom read, every value (MARC-8)", marc8Count, marc8Bytes, () -> decodeOurs(marc8));
        Result m84 = measure("marc4j MarcStreamReader MARC8", marc8Count, marc8Bytes, () -> decodeMarc4j(marc8, "MARC8"));
        row(rows, "full decode, MARC-8, every value as a String", m8, m84);

        List<MarcRecord> ours = loadOurs(utf8, writeRecords);
        List<org.marc4j.marc.Record> theirs = loadMarc4j(utf8, writeRecords);
        if (ours.size() != theirs.size()) {
            throw new IllegalStateException("marcloom loaded " + ours.size() + " records, marc4j " + theirs.size());
        }
        writeOurs(ours);
        long outBytes = lastWritten;
        writeMarc4j(theirs);
        long outBytes4 = lastWritten;
        Result w = measure("marcloom MarcWriter ISO 2709", ours.size(), outBytes, () -> writeOurs(ours));
        Result w4 = measure("marc4j MarcStreamWriter UTF-8", theirs.size(), outBytes4, () -> writeMarc4j(theirs));
        row(rows, "write ISO 2709 UTF-8 (records in memory to a discarding stream)", w, w4);

        // Retained size: heap held by decoded records, per record.
        double retained = retainedPerRecord(() -> loadOurs(utf8, writeRecords), writeRecords);
        double retained4 = retainedPerRecord(() -> loadMarc4j(utf8, writeRecords), writeRecords);

        System.out.println();
        System.out.println("| operation | marcloom rec/s | marcloom MB/s | marc4j rec/s | marc4j MB/s | ratio"
                + " | marcloom alloc B/rec | marc4j alloc B/rec |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Retained heap per decoded record (first %,d records of %s, after GC):"
                + " marcloom %,.0f B, marc4j %,.0f B%n", writeRecords, utf8.getFileName(), retained, retained4);
        System.out.printf(Locale.ROOT, "Write output: marcloom %,d bytes, marc4j %,d bytes for %,d records%n",
                outBytes, outBytes4, ours.size());
        System.out.println("(checksum " + sink + ")");
    }

    private static void row(List<String[]> rows, String op, Result ours, Result theirs) {
        rows.add(new String[] {
            op,
            String.format(Locale.ROOT, "%,.0f", ours.recordsPerSecond()),
            String.format(Locale.ROOT, "%,.0f", ours.megabytesPerSecond()),
            theirs == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", theirs.recordsPerSecond()),
            theirs == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", theirs.megabytesPerSecond()),
            theirs == null ? "n/a" : String.format(Locale.ROOT, "%.1fx", ours.recordsPerSecond() / theirs.recordsPerSecond()),
            String.format(Locale.ROOT, "%,.0f", ours.allocPerRecord()),
            theirs == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", theirs.allocPerRecord()),
        });
    }

    // ---- jobs

    /// Counts record terminators with a bare channel read: the floor under any framing.
    private static long scan(Path file, long expected) throws IOException {
        long count = 0;
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[64 * 1024];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                int n = buf.remaining();
                buf.get(bytes, 0, n);
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == 0x1D) {
                        count++;
                    }
                }
                buf.clear();
            }
        }
        if (count != expected) {
            throw new IllegalStateException("scan found " + count + " terminators, expected " + expected);
        }
        return count;
    }

    private static long countOurs(Path file) throws IOException {
        long n = 0;
        try (MarcReader r = MarcReader.open(file)) {
            while (r.readRaw() != null) {
                n++;
            }
        }
        return n;
    }

    private static long frameOurs(Path file) throws IOException {
        long n = 0;
        long sum = 0;
        try (MarcReader r = MarcReader.open(file)) {
            RawRecord raw;
            while ((raw = r.readRaw()) != null) {
                sum += raw.byteAt(5);
                n++;
            }
        }
        sink += sum;
        return n;
    }

    private static long decodeOurs(Path file) throws IOException {
        long n = 0;
        long sum = 0;
        try (MarcReader r = MarcReader.open(file)) {
            MarcRecord rec;
            while ((rec = r.read()) != null) {
                sum += touch(rec);
                n++;
            }
        }
        sink += sum;
        return n;
    }

    /// Every control field's data and every subfield value, as Strings.
    private static long touch(MarcRecord rec) {
        long sum = rec.leader().charAt(5);
        List<Field> fields = rec.fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            Field f = fields.get(i);
            if (f instanceof DataField d) {
                sum += d.indicator1() + d.indicator2();
                List<Subfield> subs = d.subfields();
                for (int k = 0, m = subs.size(); k < m; k++) {
                    Subfield s = subs.get(k);
                    sum += s.code() + s.value().length();
                }
            } else if (f instanceof ControlField c) {
                sum += c.data().length();
            }
        }
        return sum;
    }

    private static long decodeMarc4j(Path file, String encoding) throws IOException {
        long n = 0;
        long sum = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            MarcStreamReader r = new MarcStreamReader(in, encoding);
            while (r.hasNext()) {
                sum += touch(r.next());
                n++;
            }
        }
        sink += sum;
        return n;
    }

    private static long touch(org.marc4j.marc.Record rec) {
        long sum = rec.getLeader().getRecordStatus();
        for (org.marc4j.marc.ControlField c : rec.getControlFields()) {
            sum += c.getData().length();
        }
        for (org.marc4j.marc.DataField d : rec.getDataFields()) {
            sum += d.getIndicator1() + d.getIndicator2();
            for (org.marc4j.marc.Subfield s : d.getSubfields()) {
                sum += s.getCode() + s.getData().length();
            }
        }
        return sum;
    }

    private static List<MarcRecord> loadOurs(Path file, int n) throws IOException {
        List<MarcRecord> out = new ArrayList<>(n);
        try (MarcReader r = MarcReader.open(file)) {
            MarcRecord rec;
            while (out.size() < n && (rec = r.read()) != null) {
                out.add(rec);
            }
        }
        return out;
    }

    private static List<org.marc4j.marc.Record> loadMarc4j(Path file, int n) throws IOException {
        List<org.marc4j.marc.Record> out = new ArrayList<>(n);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            MarcStreamReader r = new MarcStreamReader(in, "UTF-8");
            while (out.size() < n && r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    /// Returns the records written; the bytes go to [#lastWritten].
    private static long writeOurs(List<MarcRecord> records) throws IOException {
        FormatBench.Counting out = new FormatBench.Counting();
        try (MarcWriter w = MarcWriter.builder().open(out)) {
            for (MarcRecord r : records) {
                w.write(r);
            }
        }
        lastWritten = out.count;
        return records.size();
    }

    private static long writeMarc4j(List<org.marc4j.marc.Record> records) {
        FormatBench.Counting out = new FormatBench.Counting();
        MarcStreamWriter w = new MarcStreamWriter(out, "UTF-8");
        for (org.marc4j.marc.Record r : records) {
            w.write(r);
        }
        w.close();
        lastWritten = out.count;
        return records.size();
    }

    // ---- measuring

    @FunctionalInterface
    interface Loader {
        List<?> load() throws IOException;
    }

    private static double retainedPerRecord(Loader loader, int n) throws IOException {
        long before = usedAfterGc();
        List<?> held = loader.load();
        long after = usedAfterGc();
        double per = (after - before) / (double) held.size();
        sink += held.size();
        return per;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /// `com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes()`, reached by reflection:
    /// the test sources compile inside the `org.marcloom` module, which does not read
    /// `java.management` / `jdk.management` (at run time the bench runs on the class path).
    private static long allocatedBytes() throws ReflectiveOperationException {
        if (threadBean == null) {
            threadBean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            allocatedMethod = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        }
        return (long) allocatedMethod.invoke(threadBean);
    }

    private static Object threadBean;
    private static Method allocatedMethod;

    private static Result measure(String name, long records, long bytes, Job job) throws Exception {
        for (int i = 0; i < warmup; i++) {
            check(name, records, job.run());
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long got = job.run();
            nanos[i] = System.nanoTime() - t0;
            check(name, records, got);
        }
        long a0 = allocatedBytes();
        check(name, records, job.run());
        long allocated = allocatedBytes() - a0;
        Arrays.sort(nanos);
        long median = nanos[runs / 2];
        Result r = new Result(name, median / 1e9, records, bytes, allocated / (double) records);
        System.out.printf(Locale.ROOT, "%-40s %,11.0f rec/s %,7.0f MB/s  (median %.1f ms, min %.1f, max %.1f)"
                        + "  alloc %,.0f B/rec%n",
                name, r.recordsPerSecond(), r.megabytesPerSecond(), median / 1e6, nanos[0] / 1e6,
                nanos[runs - 1] / 1e6, r.allocPerRecord());
        return r;
    }

    private static void check(String name, long expected, long got) {
        if (got != expected) {
            throw new IllegalStateException(name + ": handled " + got + " records, expected " + expected);
        }
    }
}
