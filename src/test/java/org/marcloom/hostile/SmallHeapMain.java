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
/// Arguments: the format name ([MarcFormat]), `strict`, `lenient` or `quarantine` (lenient, with a
/// quarantine next to the file: the line ends with what it holds), the concurrency, the file.
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
        boolean quarantining = args[1].equals("quarantine");
        lenient |= quarantining;
        Path q = Path.of(file + ".q");
        try (org.marcloom.Quarantine quarantine = quarantining ? org.marcloom.Quarantine.toFiles(q) : null;
             MarcReader r = (quarantining ? MarcReader.builder().quarantine(quarantine) : MarcReader.builder())
                     .format(format).lenient(lenient).concurrency(concurrency).open(file)) {
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
            System.out.println("records=" + records + " diagnostics=" + codes + " trailing=[" + trailing + "]"
                    + (quarantining ? " " + quarantined(quarantine) : ""));
        }
    }

    /// `quarantined=BYTES regions=N codes=[...]`, after checking that the regions follow each other
    /// without a gap and that the data file holds their bytes.
    private static String quarantined(org.marcloom.Quarantine quarantine) throws java.io.IOException {
        quarantine.flush();
        java.util.Set<String> codes = new java.util.TreeSet<>();
        long next = -1;
        long regions = 0;
        for (String line : java.nio.file.Files.readAllLines(quarantine.indexFile())) {
            long offset = Long.parseLong(line.replaceAll(".*\"offset\":(\\d+).*", "$1"));
            long length = Long.parseLong(line.replaceAll(".*\"length\":(\\d+).*", "$1"));
            if (next >= 0 && offset != next) {
                return "quarantined: a gap before offset " + offset;
            }
            next = offset + length;
            regions++;
            codes.add(line.replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1"));
        }
        long size = java.nio.file.Files.size(quarantine.dataFile());
        return "quarantined=" + quarantine.bytes() + (size == quarantine.bytes() ? "" : " (file " + size + ")")
                + " regions=" + regions + " codes=" + codes;
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
