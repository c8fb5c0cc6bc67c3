package org.marcloom.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;

/// Prints the readers' diagnostics on standard error without flooding it.
///
/// - [Mode#SUMMARY] (the default): the first [#SHOWN_PER_CODE] diagnostics of each code, one line
///   each (`marcloom: FILE: SEVERITY CODE at LOCATION: MESSAGE`); at the end of the run, when some
///   were not shown, one line with the counts per code:
///   `marcloom: 223 diagnostics: SUBFIELD_CODE_INVALID 223 (first 5 of each code shown; --verbose for all)`.
/// - [Mode#VERBOSE] (`--verbose`): every diagnostic, no summary.
/// - [Mode#JSON] (`--diagnostics json`): every diagnostic as one JSON object per line, no summary.
///
/// The lines depend only on the diagnostics and their order, never on timing, so standard error is
/// the same whatever the concurrency. Not thread-safe: the command's thread prints.
final class DiagnosticPrinter {

    /// How many diagnostics of one code are printed in [Mode#SUMMARY].
    static final int SHOWN_PER_CODE = 5;

    /// How diagnostics are printed.
    enum Mode { SUMMARY, VERBOSE, JSON }

    private final PrintStream err;
    private Mode mode = Mode.SUMMARY;
    /// Diagnostics seen per code, in the order the codes first appeared.
    private final Map<ErrorCode, Long> counts = new LinkedHashMap<>();
    private long total;
    private long hidden;
    private boolean finished;
    /// Run before each line is printed: erases a progress line ([Progress]).
    private Runnable beforeLine = () -> { };

    DiagnosticPrinter(PrintStream err) {
        this.err = err;
    }

    /// What to run before each line (the progress display erasing itself); `null` for nothing.
    void beforeLine(Runnable value) {
        beforeLine = value == null ? () -> { } : value;
    }

    void mode(Mode value) {
        mode = value;
    }

    Mode mode() {
        return mode;
    }

    /// Prints (or counts) the diagnostics of one input.
    void report(String source, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            long n = counts.merge(d.code(), 1L, Long::sum);
            if (mode != Mode.SUMMARY || n <= SHOWN_PER_CODE) {
                beforeLine.run();
            }
            total++;
            switch (mode) {
                case VERBOSE -> err.println("marcloom: " + source + ": " + d);
                case JSON -> err.println(json(source, d));
                case SUMMARY -> {
                    if (n <= SHOWN_PER_CODE) {
                        err.println("marcloom: " + source + ": " + d);
                    } else {
                        hidden++;
                    }
                }
            }
        }
    }

    /// At the end of the run (success or failure): the summary line when some diagnostics were
    /// not shown. Prints once.
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (hidden == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder("marcloom: ").append(total).append(total == 1 ? " diagnostic: " : " diagnostics: ");
        boolean first = true;
        for (Map.Entry<ErrorCode, Long> e : counts.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(e.getKey()).append(' ').append(e.getValue());
        }
        sb.append(" (first ").append(SHOWN_PER_CODE).append(" of each code shown; --verbose for all)");
        err.println(sb);
    }

    /// One diagnostic as a JSON object on one line: source, record, offset, line, column (null when
    /// unknown), tag (null when none), severity, code, problem, repair.
    static String json(String source, Diagnostic d) {
        StringBuilder sb = new StringBuilder(160).append("{\"source\":");
        string(sb, source);
        sb.append(",\"record\":").append(d.recordIndex() < 0 ? "null" : String.valueOf(d.recordIndex()));
        sb.append(",\"offset\":").append(d.byteOffset() < 0 ? "null" : String.valueOf(d.byteOffset()));
        sb.append(",\"line\":").append(d.line() < 0 ? "null" : String.valueOf(d.line()));
        sb.append(",\"column\":").append(d.column() < 0 ? "null" : String.valueOf(d.column()));
        sb.append(",\"tag\":");
        if (d.tag() == null) {
            sb.append("null");
        } else {
            string(sb, d.tag());
        }
        sb.append(",\"severity\":\"").append(d.severity()).append("\",\"code\":\"").append(d.code()).append('"');
        sb.append(",\"problem\":");
        string(sb, d.problem());
        sb.append(",\"repair\":");
        string(sb, d.repair());
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
