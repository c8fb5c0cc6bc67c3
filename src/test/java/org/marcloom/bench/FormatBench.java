package org.marcloom.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.marc4j.MarcJsonReader;
import org.marc4j.MarcJsonWriter;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.MarcXmlWriter;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// Format throughput, marcloom vs marc4j 2.9.6, in one JVM: MARCXML, MARC-in-JSON and MARCMaker,
/// writing and reading. Prints a markdown table.
///
/// ```
/// java -cp <test classpath> org.marcloom.bench.FormatBench real-100k.mrc [records=20000] [runs=7] [warmup=3]
/// ```
///
/// Writes: the first `records` records of the ISO 2709 file are decoded once into memory by each
/// library (marcloom `MarcRecord`s, marc4j `Record`s); a row then serialises the whole list to a
/// counting output stream that discards the bytes (serialisation only, no I/O).
///
/// Reads: each library writes its own file once into `/tmp/marcloom-formatbench/`; a row reads a
/// whole file (from the page cache, through a buffered file stream) and counts the records. Each
/// read row names the file it reads.
///
/// Every row: `warmup` untimed runs, then `runs` timed runs; the median is reported as records/s.
/// The ratio is marcloom's rate over marc4j's for the same operation. Single-threaded.
public final class FormatBench {

    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "marcloom-formatbench");

    private FormatBench() {
    }

    @FunctionalInterface
    interface Job {
        /// Runs once; returns the number of records handled (checked against the expected count).
        long run() throws Exception;
    }

    record Result(String name, double rate, long bytes, String note) {
    }

    private static int warmup = 3;
    private static int runs = 7;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "real-100k.mrc");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Files.createDirectories(DIR);

        List<MarcRecord> ours = new ArrayList<>(n);
        try (MarcReader r = MarcReader.builder().format(MarcFormat.ISO_2709).open(file)) {
            MarcRecord rec;
            while (ours.size() < n && (rec = r.read()) != null) {
                ours.add(rec);
            }
        }
        List<org.marc4j.marc.Record> theirs = new ArrayList<>(n);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            MarcStreamReader r = new MarcStreamReader(in, "UTF-8");
            while (theirs.size() < n && r.hasNext()) {
                theirs.add(r.next());
            }
        }
        if (ours.size() != theirs.size()) {
            throw new IllegalStateException("marcloom decoded " + ours.size() + ", marc4j " + theirs.size());
        }
        n = ours.size();
        final int count = n;

        System.out.printf(Locale.ROOT, "# FormatBench: %d records of %s; %d warm-up + %d timed runs, median%n",
                n, file.getFileName(), warmup, runs);
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %d MiB%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        List<String[]> rows = new ArrayList<>();
        // -Dformatbench.only=xmlread runs only the two MARCXML read rows (for quick before/after checks)
        boolean all = !"xmlread".equals(System.getProperty("formatbench.only"));

        // ---- writes: serialisation of in-memory records to a discarding stream
        if (all) {
            Result xmlW = measure("marcloom MARCXML write", count, () -> writeOurs(MarcFormat.MARCXML, ours));
            Result xmlW4 = measure("marc4j MarcXmlWriter", count, () -> {
                Counting out = new Counting();
                MarcXmlWriter w = new MarcXmlWriter(out, "UTF-8", false);
                for (org.marc4j.marc.Record r : theirs) {
                    w.write(r);
                }
                w.close();
                return theirs.size();
            });
            pair(rows, "MARCXML write", xmlW, xmlW4);

            Result ndW = measure("marcloom MARC_JSON_LINES write", count, () -> writeOurs(MarcFormat.MARC_JSON_LINES, ours));
            Result jsW = measure("marcloom MARC_JSON write", count, () -> writeOurs(MarcFormat.MARC_JSON, ours));
            Result jsW4 = measure("marc4j MarcJsonWriter(MARC_IN_JSON)", count, () -> {
                Counting out = new Counting();
                MarcJsonWriter w = new MarcJsonWriter(out, MarcJsonWriter.MARC_IN_JSON);
                for (org.marc4j.marc.Record r : theirs) {
                    w.write(r);
                }
                w.close();
                return theirs.size();
            });
            pair(rows, "MARC-in-JSON write, NDJSON", ndW, jsW4);
            pair(rows, "MARC-in-JSON write, array", jsW, jsW4);

            Result mrkW = measure("marcloom MARCMAKER write", count, () -> writeOurs(MarcFormat.MARCMAKER, ours));
            pair(rows, "MARCMaker write", mrkW, null);
        }

        // ---- reads: files written once by each library
        Path xmlOurs = DIR.resolve("marcloom.xml");
        Path xmlTheirs = DIR.resolve("marc4j.xml");
        Path ndOurs = DIR.resolve("marcloom.ndjson");
        Path jsOurs = DIR.resolve("marcloom.json");
        Path jsTheirs = DIR.resolve("marc4j.json");
        Path mrkOurs = DIR.resolve("marcloom.mrk");
        writeOursTo(MarcFormat.MARCXML, ours, xmlOurs);
        if (all) {
            writeOursTo(MarcFormat.MARC_JSON_LINES, ours, ndOurs);
            writeOursTo(MarcFormat.MARC_JSON, ours, jsOurs);
            writeOursTo(MarcFormat.MARCMAKER, ours, mrkOurs);
        }
        try (OutputStream out = Files.newOutputStream(xmlTheirs)) {
            MarcXmlWriter w = new MarcXmlWriter(out, "UTF-8", false);
            theirs.forEach(w::write);
            w.close();
        }
        if (all) {
            try (OutputStream out = Files.newOutputStream(jsTheirs)) {
                MarcJsonWriter w = new MarcJsonWriter(out, MarcJsonWriter.MARC_IN_JSON);
                theirs.forEach(w::write);
                w.close();
            }
            System.out.printf(Locale.ROOT, "marc4j MarcJsonWriter output starts with: %s%n",
                    head(jsTheirs));
        }

        Result xmlR = measure("marcloom MARCXML read marcloom.xml", count, () -> readOurs(MarcFormat.MARCXML, xmlOurs));
        Result xmlR4 = measure("marc4j MarcXmlReader marcloom.xml", count, () -> readMarc4jXml(xmlOurs));
        pair(rows, "MARCXML read (marcloom.xml)", xmlR, xmlR4);
        Result xmlRb = measure("marcloom MARCXML read marc4j.xml", count, () -> readOurs(MarcFormat.MARCXML, xmlTheirs));
        Result xmlR4b = measure("marc4j MarcXmlReader marc4j.xml", count, () -> readMarc4jXml(xmlTheirs));
        pair(rows, "MARCXML read (marc4j.xml)", xmlRb, xmlR4b);

        if (all) {
            Result ndR = measure("marcloom JSON read marcloom.ndjson", count, () -> readOurs(MarcFormat.MARC_JSON_LINES, ndOurs));
            Result jsR = measure("marcloom JSON read marcloom.json", count, () -> readOurs(MarcFormat.MARC_JSON, jsOurs));
            Result js4R = measure("marcloom JSON read marc4j.json", count, () -> readOurs(MarcFormat.MARC_JSON, jsTheirs));
            Result jsR4 = tryMeasure("marc4j MarcJsonReader marcloom.json", count, () -> readMarc4jJson(jsOurs));
            Result ndR4 = tryMeasure("marc4j MarcJsonReader marcloom.ndjson", count, () -> readMarc4jJson(ndOurs));
            Result js4R4 = tryMeasure("marc4j MarcJsonReader marc4j.json", count, () -> readMarc4jJson(jsTheirs));
            Result best4 = jsR4 != null ? jsR4 : js4R4;
            pair(rows, "MARC-in-JSON read, array (marcloom.json)", jsR, jsR4);
            pair(rows, "MARC-in-JSON read, NDJSON (marcloom.ndjson)", ndR, ndR4 != null ? ndR4 : best4);
            pair(rows, "MARC-in-JSON read (marc4j.json)", js4R, js4R4);

            Result mrkR = measure("marcloom MARCMAKER read marcloom.mrk", count, () -> readOurs(MarcFormat.MARCMAKER, mrkOurs));
            pair(rows, "MARCMaker read (marcloom.mrk)", mrkR, null);
        }

        System.out.println();
        System.out.println("| operation | marcloom rec/s | marc4j rec/s | ratio |");
        System.out.println("|---|---:|---:|---:|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "files: %s (%s)%n", DIR, all ? String.join(", ", size(xmlOurs),
                size(xmlTheirs), size(ndOurs), size(jsOurs), size(jsTheirs), size(mrkOurs))
                : String.join(", ", size(xmlOurs), size(xmlTheirs)));
    }

    private static String size(Path p) throws IOException {
        return p.getFileName() + " " + (Files.size(p) >> 10) + " KiB";
    }

    private static String head(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(60);
            return new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\n", "\\n");
        }
    }

    private static void pair(List<String[]> rows, String op, Result ours, Result theirs) {
        String t = theirs == null ? "n/a" : fmt(theirs.rate());
        String ratio = theirs == null ? "n/a" : String.format(Locale.ROOT, "%.1fx", ours.rate() / theirs.rate());
        rows.add(new String[] {op, fmt(ours.rate()), t, ratio});
    }

    private static String fmt(double rate) {
        return String.format(Locale.ROOT, "%,.0f", rate);
    }

    private static long writeOurs(MarcFormat format, List<MarcRecord> records) throws IOException {
        Counting out = new Counting();
        try (MarcWriter w = MarcWriter.builder().format(format).open(out)) {
            for (MarcRecord r : records) {
                w.write(r);
            }
        }
        return records.size();
    }

    private static void writeOursTo(MarcFormat format, List<MarcRecord> records, Path path) throws IOException {
        try (MarcWriter w = MarcWriter.builder().format(format).open(path)) {
            for (MarcRecord r : records) {
                w.write(r);
            }
        }
    }

    private static long readOurs(MarcFormat format, Path path) throws IOException {
        long k = 0;
        try (MarcReader r = MarcReader.builder().format(format).open(path)) {
            while (r.read() != null) {
                k++;
            }
        }
        return k;
    }

    private static long readMarc4jXml(Path path) throws IOException {
        long k = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            MarcXmlReader r = new MarcXmlReader(in);
            while (r.hasNext()) {
                r.next();
                k++;
            }
        }
        return k;
    }

    private static long readMarc4jJson(Path path) throws IOException {
        long k = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            MarcJsonReader r = new MarcJsonReader(in);
            while (r.hasNext()) {
                r.next();
                k++;
            }
        }
        return k;
    }

    /// Like [#measure], but a job that fails or reads a different number of records is reported
    /// and gives `null` (marc4j's JSON reader does not read every layout).
    private static Result tryMeasure(String name, long expected, Job job) {
        try {
            return measure(name, expected, job);
        } catch (Exception | Error e) {
            System.out.printf(Locale.ROOT, "%-44s not measured: %s%n", name, e);
            return null;
        }
    }

    private static Result measure(String name, long expected, Job job) throws Exception {
        for (int i = 0; i < warmup; i++) {
            long got = job.run();
            if (got != expected) {
                throw new IllegalStateException(name + ": handled " + got + " records, expected " + expected);
            }
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long got = job.run();
            nanos[i] = System.nanoTime() - t0;
            if (got != expected) {
                throw new IllegalStateException(name + ": handled " + got + " records, expected " + expected);
            }
        }
        Arrays.sort(nanos);
        long median = nanos[runs / 2];
        double rate = expected * 1e9 / median;
        System.out.printf(Locale.ROOT, "%-44s %,10.0f rec/s  (median %.1f ms, min %.1f, max %.1f)%n",
                name, rate, median / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6);
        return new Result(name, rate, 0, "");
    }

    /// Discards everything, counting the bytes (so the JIT cannot drop the writing).
    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
