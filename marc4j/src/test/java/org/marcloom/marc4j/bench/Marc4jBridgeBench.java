package org.marcloom.marc4j.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marcloom.MarcReader;
import org.marcloom.marc4j.Marc4jReader;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// The marc4j bridge against marc4j 2.9.6's own readers, through marc4j's API, in one JVM.
///
/// ```
/// java -Xmx2g -cp <test classpath> org.marcloom.marc4j.bench.Marc4jBridgeBench \
///     real-100k.mrc real-marc8-20k.mrc [rounds=7] [warmup=2]
/// ```
///
/// Each reader runs the same marc4j-API loop over a whole file: `while (hasNext()) next()`, and
/// for every record two leader positions (leader/06 and /09), every control field's data, both indicators of every data
/// field and every subfield's code and data (their lengths summed, so nothing can be skipped).
///
/// Readers, per file:
/// - `MarcStreamReader`: `new MarcStreamReader(in, "UTF-8")` on the UTF-8 file,
///   `new MarcStreamReader(in, "MARC8")` (its `AnselToUnicode`) on the MARC-8 file;
/// - `MarcPermissiveStreamReader`: `new MarcPermissiveStreamReader(in, true, true)`;
/// - the bridge, strict: `Marc4jReader.of(MarcReader.builder().open(path))`;
/// - the bridge, lenient: the same with `lenient(true)`;
/// - the bridge, lenient, `concurrency(2)`: decoding on two worker threads, the conversion to
///   marc4j objects on the reading thread;
/// - for scale, not a marc4j-API row: marcloom's own API, strict, the same loop over `MarcRecord`
///   (what the bridge costs over it is the building of marc4j's objects).
///
/// marc4j reads through a 64 KiB `BufferedInputStream` on `Files.newInputStream`; the bridge
/// through marcloom's `FileChannel`. `warmup` untimed rounds, then `rounds` timed rounds; in each
/// round every reader reads the file once, in turn (so a disturbance hits all of them). Prints
/// the median, the fastest and the slowest round of each, the ratios of medians, and the load
/// average before and after.
public final class Marc4jBridgeBench {

    private Marc4jBridgeBench() {
    }

    @FunctionalInterface
    interface Open {
        org.marc4j.MarcReader open(Path file) throws IOException;
    }

    /// One pass over a file; returns the records read.
    @FunctionalInterface
    interface Pass {
        long run(Path file) throws IOException;
    }

    /// The stream marc4j's reader of the current run reads, closed after the run.
    private static InputStream current;

    private static long sink;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Marc4jBridgeBench real-100k.mrc real-marc8-20k.mrc [rounds=7] [warmup=2]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        System.out.println("load average before: " + load());
        List<String> table = new ArrayList<>();
        table.add("| file | reader | median ms | fastest ms | slowest ms | records/s | bridge (same mode) vs this |");
        table.add("|---|---|---:|---:|---:|---:|---:|");
        bench(Path.of(args[0]), "UTF-8", rounds, warmup, table);
        bench(Path.of(args[1]), "MARC8", rounds, warmup, table);
        System.out.println("load average after: " + load());
        System.out.println();
        table.forEach(System.out::println);
    }

    private static void bench(Path file, String marc4jEncoding, int rounds, int warmup, List<String> table)
            throws Exception {
        Map<String, Pass> readers = new LinkedHashMap<>();
        readers.put("marc4j MarcStreamReader(in, \"" + marc4jEncoding + "\")",
                marc4j(f -> new MarcStreamReader(buffered(f), marc4jEncoding)));
        readers.put("marc4j MarcPermissiveStreamReader(in, true, true)",
                marc4j(f -> new MarcPermissiveStreamReader(buffered(f), true, true)));
        readers.put("bridge, strict", marc4j(f -> Marc4jReader.of(MarcReader.builder().open(f))));
        readers.put("bridge, lenient", marc4j(f -> Marc4jReader.of(MarcReader.builder().lenient(true).open(f))));
        readers.put("bridge, lenient, concurrency(2)",
                marc4j(f -> Marc4jReader.of(MarcReader.builder().lenient(true).concurrency(2).open(f))));
        readers.put("(marcloom's own API, strict)", Marc4jBridgeBench::marcloomLoop);

        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : readers.keySet()) {
            nanos.put(name, new long[rounds]);
        }
        for (int round = -warmup; round < rounds; round++) {
            for (Map.Entry<String, Pass> e : readers.entrySet()) {
                long t0 = System.nanoTime();
                long records = e.getValue().run(file);
                long t = System.nanoTime() - t0;
                if (current != null) {
                    current.close();
                    current = null;
                }
                Long before = counts.putIfAbsent(e.getKey(), records);
                if (before != null && before != records) {
                    throw new IllegalStateException(e.getKey() + " read " + records + " records, before " + before);
                }
                if (round >= 0) {
                    nanos.get(e.getKey())[round] = t;
                }
                System.out.printf(Locale.ROOT, "%s %s round %d: %.1f ms, %d records%n", file.getFileName(),
                        e.getKey(), round, t / 1e6, records);
            }
        }
        long strict = median(nanos.get("bridge, strict"));
        long lenient = median(nanos.get("bridge, lenient"));
        for (Map.Entry<String, long[]> e : nanos.entrySet()) {
            long[] t = e.getValue().clone();
            Arrays.sort(t);
            long med = median(t);
            String name = e.getKey();
            String ratio;
            if (name.contains("MarcStreamReader")) {
                ratio = String.format(Locale.ROOT, "%.2fx (strict)", (double) med / strict);
            } else if (name.contains("Permissive")) {
                ratio = String.format(Locale.ROOT, "%.2fx (lenient)", (double) med / lenient);
            } else {
                ratio = "";
            }
            table.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %,.0f | %s |", file.getFileName(), name,
                    med / 1e6, t[0] / 1e6, t[t.length - 1] / 1e6, counts.get(name) / (med / 1e9), ratio));
        }
    }

    private static InputStream buffered(Path f) throws IOException {
        current = new BufferedInputStream(Files.newInputStream(f), 65536);
        return current;
    }

    static Pass marc4j(Open open) {
        return f -> loop(open.open(f));
    }

    /// The same loop through marcloom's API.
    static long marcloomLoop(Path file) throws IOException {
        long records = 0;
        long chars = 0;
        try (MarcReader reader = MarcReader.open(file)) {
            MarcRecord r;
            while ((r = reader.read()) != null) {
                records++;
                chars += r.leader().typeOfRecord() + r.leader().characterCodingScheme();
                for (Field f : r.fields()) {
                    switch (f) {
                        case org.marcloom.record.ControlField c -> chars += c.tag().length() + c.data().length();
                        case org.marcloom.record.DataField d -> {
                            chars += d.tag().length() + d.indicator1() + d.indicator2();
                            for (org.marcloom.record.Subfield s : d.subfields()) {
                                chars += s.code() + s.value().length();
                            }
                        }
                    }
                }
            }
        }
        sink += chars;
        return records;
    }

    /// The marc4j-API loop: every record, every field, every subfield.
    static long loop(org.marc4j.MarcReader reader) throws IOException {
        long records = 0;
        long chars = 0;
        while (reader.hasNext()) {
            Record r = reader.next();
            records++;
            chars += r.getLeader().getTypeOfRecord() + r.getLeader().getCharCodingScheme();
            for (ControlField c : r.getControlFields()) {
                chars += c.getTag().length() + c.getData().length();
            }
            for (DataField d : r.getDataFields()) {
                chars += d.getTag().length() + d.getIndicator1() + d.getIndicator2();
                for (Subfield s : d.getSubfields()) {
                    chars += s.getCode() + s.getData().length();
                }
            }
        }
        if (reader instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        sink += chars;
        return records;
    }

    private static long median(long[] values) {
        long[] t = values.clone();
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static long sink() {
        return sink;
    }
}
