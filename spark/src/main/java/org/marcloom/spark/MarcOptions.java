package org.marcloom.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.marcloom.Limits;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;

/// The options of `format("marc")`, read once on the driver; unknown option names are an error
/// that lists the known ones (a misspelt `lenient` must not silently read strictly).
final class MarcOptions implements Serializable {

    static final Set<String> READ = Stream.concat(Stream.of("path", "paths", "format", "lenient",
                    "encoding", "normalizenfc", "splitsize", "raw", "trailingdiagnostics", "maxdiagnosticsperrecord"),
            Limits.settings().stream().map(s -> s.toLowerCase(Locale.ROOT))).collect(Collectors.toUnmodifiableSet());
    static final Set<String> WRITE = Set.of("path", "format", "encoding", "allowoversize", "indent");

    private final java.util.HashMap<String, String> given; // what travels: the options as given
    final MarcFormat format; // null: sniffed per file
    final transient ReaderOptions reader;
    final long splitSize; // 0: Spark's own rule
    final boolean raw;
    final boolean trailingDiagnostics;

    private MarcOptions(Map<String, String> given, MarcFormat format, ReaderOptions reader, long splitSize,
                        boolean raw, boolean trailing) {
        this.given = new java.util.HashMap<>(given);
        this.format = format;
        this.reader = reader;
        this.splitSize = splitSize;
        this.raw = raw;
        this.trailingDiagnostics = trailing;
    }

    /// ReaderOptions is not serializable: the executors read the options again.
    @java.io.Serial
    private Object readResolve() {
        return read(given);
    }

    static void check(Map<String, String> options, Set<String> known, String what) {
        for (String k : options.keySet()) {
            String key = k.toLowerCase(Locale.ROOT);
            if (!known.contains(key) && !key.startsWith("__")) {
                throw new IllegalArgumentException("format(\"marc\") has no " + what + " option \"" + k
                        + "\"; the options are " + new java.util.TreeSet<>(known));
            }
        }
    }

    static MarcOptions read(Map<String, String> o) {
        check(o, READ, "read");
        ReaderOptions.Builder b = ReaderOptions.builder().lenient(bool(o, "lenient", false))
                .normalizeNfc(bool(o, "normalizeNfc", false));
        String enc = get(o, "encoding");
        if (enc != null) {
            b.encoding(switch (enc.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
                case "auto" -> MarcEncoding.AUTO;
                case "utf8" -> MarcEncoding.UTF_8;
                case "marc8" -> MarcEncoding.MARC_8;
                case "latin1", "iso88591" -> MarcEncoding.LATIN_1;
                default -> throw new IllegalArgumentException("option encoding must be auto, utf8, marc8 or latin1,"
                        + " was \"" + enc + "\"");
            });
        }
        Limits.Builder limits = Limits.builder();
        String v;
        for (String setting : Limits.settings()) {
            if ((v = get(o, setting)) != null) {
                limits.set(setting, integer(setting, v));
            }
        }
        b.limits(limits.build());
        if ((v = get(o, "maxDiagnosticsPerRecord")) != null) {
            b.maxDiagnosticsPerRecord(integer("maxDiagnosticsPerRecord", v));
        }
        long split = 0;
        if ((v = get(o, "splitSize")) != null) {
            split = Long.parseLong(v.trim());
            if (split < 1) {
                throw new IllegalArgumentException("option splitSize must be at least 1 byte, was " + v);
            }
        }
        return new MarcOptions(o, format(get(o, "format"), false), b.build(), split, bool(o, "raw", false),
                bool(o, "trailingDiagnostics", false));
    }

    /// `iso2709`, `marcxml`, `json` (MARC-in-JSON lines; an array is read too), `mrk`.
    static MarcFormat format(String value, boolean writing) {
        if (value == null) {
            return writing ? MarcFormat.ISO_2709 : null;
        }
        return switch (value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "iso2709", "mrc", "marc21" -> MarcFormat.ISO_2709;
            case "marcxml", "xml" -> MarcFormat.MARCXML;
            case "ndjson", "json", "jsonl", "marcjson", "jsonlines" -> MarcFormat.MARC_JSON_LINES;
            case "mrk", "marcmaker", "marcbreaker" -> MarcFormat.MARCMAKER;
            default -> throw new IllegalArgumentException("option format must be iso2709, marcxml, ndjson or mrk,"
                    + " was \"" + value + "\"");
        };
    }

    static String get(Map<String, String> o, String key) {
        for (Map.Entry<String, String> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    static boolean bool(Map<String, String> o, String key, boolean fallback) {
        String v = get(o, key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + key + " must be true or false, was \"" + v
                    + "\"");
        };
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a whole number, was \"" + v + "\"", e);
        }
    }
}
