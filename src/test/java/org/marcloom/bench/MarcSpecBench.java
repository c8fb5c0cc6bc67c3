package org.marcloom.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.marcloom.MarcReader;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.MarcSpec;
import org.marcloom.record.Subfield;

/// Compiled MARCspec evaluation against hand-written Java over the same record model, in one JVM,
/// single-threaded: the records are read into memory once, then each spec and its hand-written
/// twin are timed over all of them, alternating, `runs` times each. Prints a markdown table.
///
/// ```
/// java -Xmx6g -cp <test classpath> org.marcloom.bench.MarcSpecBench real-100k.mrc [runs=11] [warmup=5]
/// ```
///
/// The first three specs are the issue's; `650$a{$2=\lcsh}` finds nothing in this corpus (its
/// LCSH headings have indicator 2 = 0 and no `$2`), so a fourth row, `650$a{^2=\0}`, measures a
/// subSpec that keeps values.
///
/// Both sides return a new `List<String>` per record with the same values (checked before the
/// timed runs); the checksum of the value lengths keeps the JIT from dropping the work. The ratio
/// is MARCspec time / hand-written time per alternating pair; the table gives its median and the
/// range over the pairs, with the median records per second of each side.
public final class MarcSpecBench {

    private MarcSpecBench() {
    }

    private static long sink;

    /// One spec and the hand-written code that gives the same values.
    record Case(String spec, Function<MarcRecord, List<String>> hand) {
    }

    /// The `$code` values of every `tag` field that passes `keep`, in record order: the loop a
    /// hand-written indexer writes.
    static List<String> subfieldValues(MarcRecord r, String tag, Predicate<DataField> keep, char code) {
        List<String> out = new ArrayList<>(4);
        List<Field> fields = r.fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            if (fields.get(i) instanceof DataField d && d.tag().equals(tag) && keep.test(d)) {
                List<Subfield> subs = d.subfields();
                for (int k = 0, m = subs.size(); k < m; k++) {
                    Subfield s = subs.get(k);
                    if (s.code() == code) {
                        out.add(s.value());
                    }
                }
            }
        }
        return out;
    }

    /// Whether `d` has a `$code` whose value passes `test`.
    static boolean hasSubfield(DataField d, char code, Predicate<String> test) {
        List<Subfield> subs = d.subfields();
        for (int k = 0, m = subs.size(); k < m; k++) {
            Subfield s = subs.get(k);
            if (s.code() == code && test.test(s.value())) {
                return true;
            }
        }
        return false;
    }

    static List<String> title(MarcRecord r) {
        return subfieldValues(r, "245", d -> true, 'a');
    }

    static List<String> lcshTopics(MarcRecord r) {
        return subfieldValues(r, "650", d -> hasSubfield(d, '2', "lcsh"::equals), 'a');
    }

    static List<String> lcshByIndicator(MarcRecord r) {
        return subfieldValues(r, "650", d -> d.indicator2() == '0', 'a');
    }

    static List<String> alternateTitles(MarcRecord r) {
        return subfieldValues(r, "880", d -> hasSubfield(d, '6', v -> v.contains("245")), 'a');
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MarcSpecBench real-100k.mrc [runs=11] [warmup=5]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<MarcRecord> records = new ArrayList<>();
        try (MarcReader r = MarcReader.open(file)) {
            r.forEach(records::add);
        }
        List<Case> cases = List.of(
                new Case("245$a", MarcSpecBench::title),
                new Case("650$a{$2=\\lcsh}", MarcSpecBench::lcshTopics),
                new Case("880$a{$6~\\245}", MarcSpecBench::alternateTitles),
                // the corpus's LCSH headings say so in indicator 2, not in $2: this row has values
                new Case("650$a{^2=\\0}", MarcSpecBench::lcshByIndicator));

        System.out.printf(Locale.ROOT, "# MarcSpecBench: %s, %,d records in memory%n", file.getFileName(), records.size());
        System.out.printf(Locale.ROOT, "%d warm-up + %d timed alternating pairs per spec, single-threaded%n", warmup, runs);
        System.out.printf(Locale.ROOT, "JVM %s %s, %d processors, max heap %d MiB%n%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| spec | values | MARCspec rec/s | hand-written rec/s | ratio (median) | ratio (range) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Case c : cases) {
            MarcSpec spec = MarcSpec.compile(c.spec());
            long values = 0;
            for (MarcRecord rec : records) {
                List<String> ours = spec.values(rec);
                List<String> theirs = c.hand().apply(rec);
                if (!ours.equals(theirs)) {
                    throw new IllegalStateException(c.spec() + ": " + ours + " != " + theirs + " in " + rec.controlNumber());
                }
                values += ours.size();
            }
            Function<MarcRecord, List<String>> compiled = spec::values;
            for (int i = 0; i < warmup; i++) {
                time(records, compiled);
                time(records, c.hand());
            }
            double[] ourTimes = new double[runs];
            double[] handTimes = new double[runs];
            double[] ratios = new double[runs];
            for (int i = 0; i < runs; i++) {
                // alternate which side goes first, so that neither always follows a GC of the other
                if (i % 2 == 0) {
                    ourTimes[i] = time(records, compiled);
                    handTimes[i] = time(records, c.hand());
                } else {
                    handTimes[i] = time(records, c.hand());
                    ourTimes[i] = time(records, compiled);
                }
                ratios[i] = ourTimes[i] / handTimes[i];
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "| `%s` | %,d | %,.0f | %,.0f | %.2f | %.2f-%.2f |%n", c.spec(), values,
                    records.size() / median(ourTimes), records.size() / median(handTimes), median(ratios),
                    ratios[0], ratios[runs - 1]);
        }
        System.out.println();
        System.out.println("(checksum " + sink + ")");
    }

    private static double time(List<MarcRecord> records, Function<MarcRecord, List<String>> f) {
        long t0 = System.nanoTime();
        long sum = 0;
        for (int i = 0, n = records.size(); i < n; i++) {
            List<String> v = f.apply(records.get(i));
            for (int k = 0, m = v.size(); k < m; k++) {
                sum += v.get(k).length();
            }
        }
        long t = System.nanoTime() - t0;
        sink += sum;
        return t / 1e9;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
