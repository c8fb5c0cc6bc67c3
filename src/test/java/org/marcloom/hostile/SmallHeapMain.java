package org.marcloom.hostile;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.marcloom.Diagnostic;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// What [SmallHeapLimitsTest] runs in a JVM with a small heap: reads one file and prints one line,
/// `records=N diagnostics={CODE=count...} trailing=[CODE: problem...]`, or `error=CODE: message`
/// for a strict-mode error. Any OutOfMemoryError ends the JVM with a non-zero status.
///
/// Arguments: the format name ([MarcFormat]), `strict` or `lenient`, the concurrency, the file.
public final class SmallHeapMain {

    private SmallHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        MarcFormat format = MarcFormat.valueOf(args[0]);
        boolean lenient = args[1].equals("lenient");
        int concurrency = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        long records = 0;
        Map<String, Integer> codes = new TreeMap<>();
        try (MarcReader r = MarcReader.builder().format(format).lenient(lenient).concurrency(concurrency).open(file)) {
            try {
                MarcRecord rec;
                while ((rec = r.read()) != null) {
                    records++;
                    for (Diagnostic d : rec.diagnostics()) {
                        codes.merge(d.code() + (d.problem().contains("from Limits.") ? "(" + setting(d.problem())
                                + ")" : ""), 1, Integer::sum);
                    }
                }
            } catch (MarcParseException e) {
                System.out.println("records=" + records + " error=" + e.code() + ": " + e.diagnostic().problem());
                return;
            }
            StringBuilder trailing = new StringBuilder();
            for (Diagnostic d : r.trailingDiagnostics()) {
                trailing.append(trailing.isEmpty() ? "" : "; ").append(d.code()).append(": ").append(d.problem());
            }
            System.out.println("records=" + records + " diagnostics=" + codes + " trailing=[" + trailing + "]");
        }
    }

    private static String setting(String problem) {
        int i = problem.indexOf("from Limits.") + "from Limits.".length();
        int j = i;
        while (j < problem.length() && Character.isLetter(problem.charAt(j))) {
            j++;
        }
        return problem.substring(i, j);
    }
}
