package org.marcloom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// `marcloom stats`: what a file holds: record kinds, encodings, tags and subfield codes.
final class StatsCommand extends Command {

    @Override
    String name() {
        return "stats";
    }

    @Override
    String summary() {
        return "Describe files: record count and size, record types, encodings, tag and subfield frequencies.";
    }

    @Override
    String synopsis() {
        return "[--top N] [--lenient] [--from FORMAT] FILE...";
    }

    @Override
    List<Args.Option> options() {
        return List.of(
                Args.value("top", "N", "subfield codes listed per tag, most frequent first (default 10)"),
                LENIENT, LIMIT,
                FROM,
                CONCURRENCY);
    }

    private static final class TagStats {
        long fields;
        long records;
        final Map<Character, Long> codes = new TreeMap<>();
    }

    @Override
    int execute(Args.Parsed args, Context ctx) throws Args.UsageException, IOException {
        int top = args.intValue("top", 0, 10);
        List<String> inputs = inputs(args);
        Map<Character, Long> types = new TreeMap<>();
        Map<Character, Long> encodings = new TreeMap<>();
        Map<String, TagStats> tags = new TreeMap<>();
        long[] bytes = {0};
        Inputs.Readers readers = Inputs.readers(name(), args, inputs);
        long records = RecordLoop.run(inputs, readers, ctx, true, new RecordLoop.Handler() {
            @Override
            public void record(Inputs.Input in, MarcRecord rec) {
                types.merge(rec.leader().typeOfRecord(), 1L, Long::sum);
                encodings.merge(rec.leader().characterCodingScheme(), 1L, Long::sum);
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (Field f : rec.fields()) {
                    TagStats t = tags.computeIfAbsent(f.tag(), k -> new TagStats());
                    t.fields++;
                    if (seen.add(f.tag())) {
                        t.records++;
                    }
                    if (f instanceof DataField d) {
                        for (Subfield s : d.subfields()) {
                            t.codes.merge(s.code(), 1L, Long::sum);
                        }
                    }
                }
            }

            @Override
            public void endOfInput(Inputs.Input in, long count) {
                bytes[0] += in.bytesRead();
            }
        });
        print(ctx.stdout(), inputs.size(), records, bytes[0], types, encodings, tags, top);
        return 0;
    }

    private static void print(PrintStream out, int files, long records, long bytes, Map<Character, Long> types,
                              Map<Character, Long> encodings, Map<String, TagStats> tags, int top) {
        StringBuilder sb = new StringBuilder();
        sb.append("files    ").append(files).append('\n');
        sb.append("records  ").append(records).append('\n');
        sb.append("bytes    ").append(bytes).append('\n');

        sb.append("\nrecord types (leader/06)\n");
        int w = width(types.values());
        for (Map.Entry<Character, Long> e : types.entrySet()) {
            sb.append("  ").append(padLeft(String.valueOf(e.getValue()), w)).append("  ")
                    .append(show(e.getKey())).append("  ").append(typeName(e.getKey())).append('\n');
        }

        sb.append("\nencodings (leader/09)\n");
        w = width(encodings.values());
        for (Map.Entry<Character, Long> e : encodings.entrySet()) {
            char c = e.getKey();
            sb.append("  ").append(padLeft(String.valueOf(e.getValue()), w)).append("  ").append(show(c)).append("  ")
                    .append(c == 'a' ? "UCS/Unicode (UTF-8)" : c == ' ' ? "MARC-8" : "unknown").append('\n');
        }

        sb.append("\ntags\n");
        List<Long> counts = new ArrayList<>();
        tags.values().forEach(t -> counts.add(t.fields));
        int fw = Math.max(6, width(counts));
        sb.append("  tag  ").append(padLeft("fields", fw)).append("  ").append(padLeft("records", fw))
                .append(top > 0 ? "  subfield codes (top " + top + ")" : "").append('\n');
        for (Map.Entry<String, TagStats> e : tags.entrySet()) {
            TagStats t = e.getValue();
            sb.append("  ").append(e.getKey()).append("  ").append(padLeft(String.valueOf(t.fields), fw)).append("  ")
                    .append(padLeft(String.valueOf(t.records), fw));
            if (top > 0 && !t.codes.isEmpty()) {
                sb.append(' ');
                t.codes.entrySet().stream()
                        .sorted(Map.Entry.<Character, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(top)
                        .forEach(c -> sb.append(" $").append(c.getKey()).append(' ').append(c.getValue()));
            }
            sb.append('\n');
        }
        out.print(sb);
    }

    private static int width(Iterable<Long> values) {
        int w = 1;
        for (Long v : values) {
            w = Math.max(w, String.valueOf(v).length());
        }
        return w;
    }

    private static String show(char c) {
        return c == ' ' ? "' '" : "'" + c + "'";
    }

    static String typeName(char c) {
        return switch (c) {
            case 'a' -> "language material";
            case 'c' -> "notated music";
            case 'd' -> "manuscript notated music";
            case 'e' -> "cartographic material";
            case 'f' -> "manuscript cartographic material";
            case 'g' -> "projected medium";
            case 'i' -> "nonmusical sound recording";
            case 'j' -> "musical sound recording";
            case 'k' -> "two-dimensional nonprojectable graphic";
            case 'm' -> "computer file";
            case 'o' -> "kit";
            case 'p' -> "mixed materials";
            case 'r' -> "three-dimensional artifact or naturally occurring object";
            case 't' -> "manuscript language material";
            case 'z' -> "authority";
            case 'u', 'v', 'x', 'y' -> "holdings";
            case 'w' -> "classification";
            case 'q' -> "community information";
            default -> "unknown";
        };
    }
}
