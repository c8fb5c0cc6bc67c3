package org.marcloom.cli;

import java.util.Locale;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcFormat;

/// Format and encoding names as typed on the command line.
final class Formats {

    static final String FORMAT_NAMES = "marc, marcxml, json, ndjson or mrk";

    private Formats() {
    }

    static MarcFormat format(String command, String option, String name) throws Args.UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "marc", "iso2709", "mrc" -> MarcFormat.ISO_2709;
            case "marcxml", "xml" -> MarcFormat.MARCXML;
            case "json" -> MarcFormat.MARC_JSON;
            case "ndjson", "jsonl" -> MarcFormat.MARC_JSON_LINES;
            case "mrk", "marcmaker", "marcbreaker" -> MarcFormat.MARCMAKER;
            default -> throw new Args.UsageException(command,
                    "unknown format '" + name + "' for --" + option + " (use " + FORMAT_NAMES + ")");
        };
    }

    static MarcEncoding encoding(String command, String name) throws Args.UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "auto" -> MarcEncoding.AUTO;
            case "utf8", "utf-8" -> MarcEncoding.UTF_8;
            case "marc8", "marc-8" -> MarcEncoding.MARC_8;
            case "latin1", "latin-1", "iso-8859-1" -> MarcEncoding.LATIN_1;
            default -> throw new Args.UsageException(command,
                    "unknown encoding '" + name + "' for --encoding (use auto, utf8, marc8 or latin1)");
        };
    }

    /// Parses `100`, `64k`, `10m`, `1g` (binary multiples) as a byte count of at least 1.
    static long size(String command, String value) throws Args.UsageException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'k' -> unit = 1024L;
                case 'm' -> unit = 1024L * 1024;
                case 'g' -> unit = 1024L * 1024 * 1024;
                default -> unit = 1;
            }
            if (unit > 1) {
                v = v.substring(0, v.length() - 1);
            }
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Args.UsageException(command, "--size needs a positive byte count such as 500k, 10m or 1g, not '"
                + value + "'");
    }
}
