package org.marcloom.examples;

import java.nio.file.Path;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.ReaderOptions;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Read and serialise to MARC-in-JSON lines in parallel, keeping file order: a
/// parallel `MarcReader` decodes on all cores and a parallel `MarcWriter` serialises with a
/// bounded window; the output equals the sequential one byte for byte.
///
/// marcloom's own MARC-in-JSON writer is not on this branch yet, so [#json(MarcRecord)] is a tiny
/// local serialiser (leader, fields, subfields; JSON string escaping).
///
/// Then reads those lines back with [MarcReader] and with parallel `MarcReader` in
/// [MarcFormat#MARC_JSON_LINES] mode (the `.ndjson` file is written next to the input once).
///
/// Run: `mvn -q -DskipTests package && java -cp examples/target/marcloom-examples.jar org.marcloom.examples.JsonParallel [file.mrc]`
public final class JsonParallel {

    private JsonParallel() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : SyntheticCorpus.ensure(SyntheticCorpus.DEFAULT_OUT, 100_000);
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        int cores = Runtime.getRuntime().availableProcessors();
        Support.Timings serialise = Support.measure(1, 3, () -> {
            Support.Checksum seq = new Support.Checksum();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (MarcReader reader = MarcReader.builder().options(options).open(file);
                 MarcWriter writer = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).open(bytes)) {
                for (MarcRecord r : reader) {
                    writer.write(r);
                }
            }
            for (String line : bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("(?<=\\n)")) {
                seq.add(line);
            }
            return seq.records + ":" + seq.hex();
        }, () -> {
            Support.Checksum par = new Support.Checksum();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (MarcReader reader = MarcReader.builder().options(options).concurrency(cores).open(file);
                 MarcWriter writer = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).concurrency(cores)
                         .open(bytes)) {
                for (MarcRecord r : reader) {
                    writer.write(r);
                }
            }
            for (String line : bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("(?<=\\n)")) {
                par.add(line);
            }
            return par.records + ":" + par.hex();
        });
        Support.report(file.getFileName() + " to MARC-in-JSON lines", 1, serialise);

        // Reading MARC-in-JSON lines back: the same records as NDJSON, read with MarcReader and
        // with format(MARC_JSON_LINES).concurrency(n).
        Path lines = file.resolveSibling(file.getFileName() + ".ndjson");
        if (!java.nio.file.Files.exists(lines)) {
            try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                    java.nio.file.Files.newOutputStream(lines), java.nio.charset.StandardCharsets.UTF_8), 1 << 20);
                 MarcReader reader = MarcReader.builder().options(options).open(file)) {
                for (MarcRecord r : reader) {
                    out.write(json(r));
                }
            }
        }
        int warmup = 1;
        Support.Timings t = Support.measure(warmup, 3, () -> {
            Support.Checksum c = new Support.Checksum();
            try (MarcReader reader = MarcReader.builder().options(options).format(MarcFormat.MARC_JSON_LINES).open(lines)) {
                for (MarcRecord r : reader) {
                    c.add(r);
                }
            }
            return c.records + ":" + c.hex();
        }, () -> {
            Support.Checksum c = new Support.Checksum();
            try (MarcReader reader = MarcReader.builder().options(options)
                    .format(MarcFormat.MARC_JSON_LINES).concurrency(cores).open(lines)) {
                for (MarcRecord r : reader) {
                    c.add(r);
                }
            }
            return c.records + ":" + c.hex();
        });
        Support.report(lines.getFileName() + " read back (MARC-in-JSON lines, checksum of every record)", warmup, t);
    }

    /// One record as a MARC-in-JSON object on one line.
    static String json(MarcRecord r) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("{\"leader\":");
        str(sb, r.leader().toString());
        sb.append(",\"fields\":[");
        boolean first = true;
        for (Field f : r.fields()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('{');
            str(sb, f.tag());
            sb.append(':');
            if (f instanceof ControlField c) {
                str(sb, c.data());
            } else if (f instanceof DataField d) {
                sb.append("{\"ind1\":");
                str(sb, String.valueOf(d.indicator1()));
                sb.append(",\"ind2\":");
                str(sb, String.valueOf(d.indicator2()));
                sb.append(",\"subfields\":[");
                boolean firstSub = true;
                for (Subfield s : d.subfields()) {
                    if (!firstSub) {
                        sb.append(',');
                    }
                    firstSub = false;
                    sb.append('{');
                    str(sb, String.valueOf(s.code()));
                    sb.append(':');
                    str(sb, s.value());
                    sb.append('}');
                }
                sb.append("]}");
            }
            sb.append('}');
        }
        return sb.append("]}\n").toString();
    }

    private static void str(StringBuilder sb, String s) {
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
                    if (c < 0x20) {
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
