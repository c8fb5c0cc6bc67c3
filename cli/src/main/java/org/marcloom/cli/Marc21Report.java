package org.marcloom.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.marcloom.Diagnostic;
import org.marcloom.Severity;
import org.marcloom.validation.Finding;

/// The report of `marcloom validate --marc21`: one block per record with findings or reader
/// diagnostics, then a corpus summary (counts per problem type, and per problem type and tag), as
/// text, JSON lines or CSV. Records must be given in input order; not thread-safe (the command
/// feeds it on one thread).
final class Marc21Report {

    enum Format { TEXT, JSON, CSV }

    /// What validating one record found.
    ///
    /// @param index       the record's index in its file
    /// @param id          its 001, or empty
    /// @param checked     whether the validator has definitions for its kind
    /// @param findings    the MARC 21 findings
    /// @param diagnostics what the lenient reader reported for it
    record Result(long index, String id, boolean checked, List<Finding> findings, List<Diagnostic> diagnostics) {
    }

    private final PrintStream out;
    private final Format format;
    private final long maxPrinted;
    private long printed;
    private long files;
    private long records;
    private long recordsWithFindings;
    private long findings;
    private long recordsWithDiagnostics;
    private long diagnostics;
    private long errors;
    private long notChecked;
    private final Map<String, Long> byCode = new TreeMap<>();
    private final Map<String, Long> byCodeAndTag = new TreeMap<>();

    Marc21Report(PrintStream out, Format format, long maxPrinted) {
        this.out = out;
        this.format = format;
        this.maxPrinted = maxPrinted;
        if (format == Format.CSV) {
            out.print("file,record,id,kind,code,field,tag,subfield,position,value,label,message\n");
        }
    }

    void file() {
        files++;
    }

    /// Whether the run found anything worse than a reader warning.
    boolean anyProblem() {
        return findings > 0 || errors > 0;
    }

    void record(String file, Result r) {
        records++;
        if (!r.checked()) {
            notChecked++;
        }
        if (!r.findings().isEmpty()) {
            recordsWithFindings++;
        }
        if (!r.diagnostics().isEmpty()) {
            recordsWithDiagnostics++;
        }
        for (Finding f : r.findings()) {
            findings++;
            count(f.code().name(), f.tag());
        }
        for (Diagnostic d : r.diagnostics()) {
            diagnostics(d);
        }
        if (r.findings().isEmpty() && r.diagnostics().isEmpty()) {
            return;
        }
        switch (format) {
            case TEXT -> text(file, r);
            case JSON -> json(file, r.index(), r.id(), r.findings(), r.diagnostics());
            case CSV -> csv(file, r.index(), r.id(), r.findings(), r.diagnostics());
        }
    }

    /// Diagnostics that belong to no record (a file's trailing bytes, a reader that gave up).
    void trailing(String file, List<Diagnostic> ds) {
        if (ds.isEmpty()) {
            return;
        }
        for (Diagnostic d : ds) {
            diagnostics(d);
        }
        switch (format) {
            case TEXT -> {
                if (printed < maxPrinted) {
                    out.print(file + ": outside any record\n");
                    for (Diagnostic d : ds) {
                        if (printed++ < maxPrinted) {
                            out.print("  " + d.code() + " " + diagnosticLocation(d) + ": " + d.message() + "\n");
                        }
                    }
                }
            }
            case JSON -> json(file, -1, "", List.of(), ds);
            case CSV -> csv(file, -1, "", List.of(), ds);
        }
    }

    private void diagnostics(Diagnostic d) {
        diagnostics++;
        if (d.severity() != Severity.WARNING) {
            errors++;
        }
        count(d.code().name(), d.tag());
    }

    private void count(String code, String tag) {
        byCode.merge(code, 1L, Long::sum);
        byCodeAndTag.merge(code + "\t" + (tag == null ? "-" : tag), 1L, Long::sum);
    }

    private void text(String file, Result r) {
        if (printed >= maxPrinted) {
            printed += r.findings().size() + r.diagnostics().size();
            return;
        }
        int n = r.findings().size() + r.diagnostics().size();
        out.print(file + ": record " + r.index() + (r.id().isEmpty() ? "" : " (001 " + r.id() + ")") + ": " + n
                + (n == 1 ? " problem\n" : " problems\n"));
        for (Diagnostic d : r.diagnostics()) {
            if (printed++ < maxPrinted) {
                out.print("  " + d.code() + " " + diagnosticLocation(d) + ": " + d.message() + "\n");
            }
        }
        for (Finding f : r.findings()) {
            if (printed++ < maxPrinted) {
                String where = f.location().substring(("record " + f.recordIndex()).length());
                out.print("  " + f.code() + (where.isEmpty() ? "" : " " + where.substring(2)) + ": " + f.message() + "\n");
            }
        }
    }

    private static String diagnosticLocation(Diagnostic d) {
        String l = d.location();
        int comma = l.indexOf(", ");
        return "(reader" + (comma < 0 ? "" : ", " + l.substring(comma + 2)) + ")";
    }

    private void json(String file, long index, String id, List<Finding> fs, List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"file\":").append(quote(file)).append(",\"record\":").append(index)
                .append(",\"id\":").append(quote(id)).append(",\"findings\":[");
        for (int k = 0; k < fs.size(); k++) {
            Finding f = fs.get(k);
            sb.append(k > 0 ? "," : "").append("{\"code\":").append(quote(f.code().name()))
                    .append(",\"field\":").append(f.fieldIndex())
                    .append(",\"tag\":").append(f.tag() == null ? "null" : quote(f.tag()))
                    .append(",\"subfield\":").append(f.subfield() == null ? "null" : quote(f.subfield().toString()))
                    .append(",\"position\":").append(f.position())
                    .append(",\"value\":").append(quote(f.value()))
                    .append(",\"label\":").append(quote(f.label()))
                    .append(",\"message\":").append(quote(f.message())).append('}');
        }
        sb.append("],\"diagnostics\":[");
        for (int k = 0; k < ds.size(); k++) {
            Diagnostic d = ds.get(k);
            sb.append(k > 0 ? "," : "").append("{\"code\":").append(quote(d.code().name()))
                    .append(",\"severity\":").append(quote(d.severity().name()))
                    .append(",\"byteOffset\":").append(d.byteOffset())
                    .append(",\"tag\":").append(d.tag() == null ? "null" : quote(d.tag()))
                    .append(",\"message\":").append(quote(d.message())).append('}');
        }
        out.print(sb.append("]}\n"));
    }

    private void csv(String file, long index, String id, List<Finding> fs, List<Diagnostic> ds) {
        for (Diagnostic d : ds) {
            out.print(String.join(",", csv(file), index < 0 ? "" : String.valueOf(index), csv(id), "diagnostic",
                    d.code().name(), "", csv(d.tag()), "", "", "", "", csv(d.message())) + "\n");
        }
        for (Finding f : fs) {
            out.print(String.join(",", csv(file), String.valueOf(index), csv(id), "finding", f.code().name(),
                    f.fieldIndex() < 0 ? "" : String.valueOf(f.fieldIndex()), csv(f.tag()),
                    f.subfield() == null ? "" : csv(f.subfield().toString()),
                    f.position() < 0 ? "" : String.valueOf(f.position()), csv(f.value()), csv(f.label()),
                    csv(f.message())) + "\n");
        }
    }

    /// The corpus summary, in the report's format.
    void summary() {
        switch (format) {
            case TEXT -> {
                out.print(String.format(Locale.ROOT, "summary: %d %s in %d %s, %d with findings, %d %s; %d reader"
                                + " %s in %d %s; %d %s not checked (no MARC 21 definitions for their type)%n",
                        records, plural(records, "record"), files, plural(files, "file"), recordsWithFindings, findings,
                        plural(findings, "finding"), diagnostics, plural(diagnostics, "diagnostic"),
                        recordsWithDiagnostics, plural(recordsWithDiagnostics, "record"), notChecked,
                        plural(notChecked, "record")));
                if (byCode.isEmpty()) {
                    return;
                }
                int width = byCode.keySet().stream().mapToInt(String::length).max().orElse(0);
                out.print("by code:\n");
                for (Map.Entry<String, Long> e : byCode.entrySet()) {
                    out.print("  " + Command.pad(e.getKey(), width) + "  " + e.getValue() + "\n");
                }
                out.print("by code and tag:\n");
                for (Map.Entry<String, Long> e : byCodeAndTag.entrySet()) {
                    String[] ct = e.getKey().split("\t");
                    out.print("  " + Command.pad(ct[0], width) + "  " + Command.pad(ct[1], 3) + "  " + e.getValue() + "\n");
                }
            }
            case JSON -> {
                StringBuilder sb = new StringBuilder("{\"summary\":{");
                sb.append("\"files\":").append(files).append(",\"records\":").append(records)
                        .append(",\"recordsWithFindings\":").append(recordsWithFindings)
                        .append(",\"findings\":").append(findings)
                        .append(",\"recordsWithDiagnostics\":").append(recordsWithDiagnostics)
                        .append(",\"diagnostics\":").append(diagnostics)
                        .append(",\"notChecked\":").append(notChecked).append(",\"byCode\":{");
                boolean first = true;
                for (Map.Entry<String, Long> e : byCode.entrySet()) {
                    sb.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(e.getValue());
                    first = false;
                }
                sb.append("},\"byCodeAndTag\":[");
                first = true;
                for (Map.Entry<String, Long> e : byCodeAndTag.entrySet()) {
                    String[] ct = e.getKey().split("\t");
                    sb.append(first ? "" : ",").append("{\"code\":").append(quote(ct[0])).append(",\"tag\":")
                            .append(ct[1].equals("-") ? "null" : quote(ct[1])).append(",\"count\":")
                            .append(e.getValue()).append('}');
                    first = false;
                }
                out.print(sb.append("]}}\n"));
            }
            case CSV -> {
                out.print("\ncode,tag,count\n");
                for (Map.Entry<String, Long> e : byCodeAndTag.entrySet()) {
                    String[] ct = e.getKey().split("\t");
                    out.print(ct[0] + "," + (ct[1].equals("-") ? "" : csv(ct[1])) + "," + e.getValue() + "\n");
                }
            }
        }
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }
}
