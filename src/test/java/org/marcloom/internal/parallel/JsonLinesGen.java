package org.marcloom.internal.parallel;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/// Test generator: MARC-in-JSON lines (one record object per line), optionally damaged the ways
/// real files are: malformed lines (cut short, a missing brace, garbage), blank lines and CR LF
/// endings, values that are not records, records with structural errors (no leader, a short
/// leader, a bad indicator, an unknown key), two objects on one line, an object spread over
/// several lines, a last line without newline.
public final class JsonLinesGen {

    private static final String[] WORDS = {"pride", "prejudice", "jazz", "Été", "東京", "a", "", "quote \\\" in",
        "long value with spaces"};

    private JsonLinesGen() {
    }

    static String record(Random r, int n) {
        StringBuilder sb = new StringBuilder("{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"001\":\"rec")
                .append(n).append("\"}");
        int fields = r.nextInt(6);
        for (int i = 0; i < fields; i++) {
            sb.append(",{\"").append(String.format("%03d", 10 + r.nextInt(990))).append("\":{\"ind1\":\"")
                    .append(r.nextBoolean() ? '1' : ' ').append("\",\"ind2\":\" \",\"subfields\":[");
            int subs = 1 + r.nextInt(3);
            for (int s = 0; s < subs; s++) {
                if (s > 0) {
                    sb.append(',');
                }
                sb.append("{\"").append((char) ('a' + r.nextInt(26))).append("\":\"")
                        .append(WORDS[r.nextInt(WORDS.length)]).append("\"}");
            }
            sb.append("]}}");
        }
        return sb.append("]}").toString();
    }

    /// A damaged line (or lines), one of several kinds.
    static String damage(Random r, int n) {
        String good = record(r, n);
        return switch (r.nextInt(13)) {
            case 0 -> good.substring(0, 1 + r.nextInt(good.length() - 1));       // cut short
            case 1 -> good.substring(0, good.length() - 1);                       // missing brace
            case 2 -> "garbage " + n;
            case 3 -> "";                                                           // blank line
            case 4 -> "   \t";
            case 5 -> "42";                                                         // not a record
            case 6 -> "{}";
            case 7 -> "{\"fields\":[{\"001\":\"noleader" + n + "\"}]}";
            case 8 -> "{\"leader\":\"short\",\"fields\":[{\"245\":{\"ind1\":\"12\",\"ind2\":null,\"subfields\":[]}}]}";
            case 9 -> "{\"leader\":\"00000nam a2200000   4500\",\"extra\":1,\"fields\":[]}";
            case 10 -> good + " " + record(r, n + 100_000);                        // two on one line
            case 11 -> good.replace(",", ",\n");                                    // spread over lines
            default -> "[" + good + "]";                                            // an array value
        };
    }

    /// A file of `records` lines; `damage` mixes in damaged lines; `crlf` ends lines with CR LF.
    public static byte[] file(long seed, int records, boolean damage, boolean crlf) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        String eol = crlf ? "\r\n" : "\n";
        for (int i = 0; i < records; i++) {
            sb.append(damage && r.nextInt(6) == 0 ? damage(r, i) : record(r, i));
            if (i < records - 1 || r.nextBoolean()) {
                sb.append(eol);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
