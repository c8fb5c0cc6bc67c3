package org.marcloom.examples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// ISO 2709 to MARC-in-JSON lines on all cores, keeping file order: a reader with
/// `concurrency(n)` decodes on n threads and a writer with `concurrency(n)` encodes on n threads;
/// the output equals the sequential one byte for byte (the example checks it and exits 1 if not).
///
/// Then reads those lines back ([MarcFormat#MARC_JSON_LINES]) with one thread and with n; the
/// `.ndjson` file is written next to the input once. Warm-up rounds first, then timed rounds in
/// alternation (median, best).
///
/// Run from the checkout's top folder (default: the 100,000-record synthetic file, generated
/// into `target/synthetic-100k.mrc` if missing; n: the number of processors):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.JsonParallel [file.mrc]`
public final class JsonParallel {

    private JsonParallel() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : SyntheticCorpus.ensure(SyntheticCorpus.DEFAULT_OUT, 100_000);
        ReaderOptions options = ReaderOptions.builder().lenient(true).build();
        int cores = Runtime.getRuntime().availableProcessors();
        Support.Timings serialise = Support.measure(1, 3, () -> {
            Support.Checksum seq = new Support.Checksum();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MarcReader reader = MarcReader.builder().options(options).open(file);
                 MarcWriter writer = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).open(bytes)) {
                for (MarcRecord r : reader) {
                    writer.write(r);
                }
            }
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("(?<=\\n)")) {
                seq.add(line);
            }
            return seq.records + ":" + seq.hex();
        }, () -> {
            Support.Checksum par = new Support.Checksum();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MarcReader reader = MarcReader.builder().options(options).concurrency(cores).open(file);
                 MarcWriter writer = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).concurrency(cores)
                         .open(bytes)) {
                for (MarcRecord r : reader) {
                    writer.write(r);
                }
            }
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("(?<=\\n)")) {
                par.add(line);
            }
            return par.records + ":" + par.hex();
        });
        Support.report(file.getFileName() + " to MARC-in-JSON lines", 1, serialise);

        // Reading MARC-in-JSON lines back: the same records as NDJSON, read with one thread and
        // with format(MARC_JSON_LINES).concurrency(n).
        Path lines = file.resolveSibling(file.getFileName() + ".ndjson");
        if (!Files.exists(lines)) {
            try (MarcReader reader = MarcReader.builder().options(options).concurrency(cores).open(file);
                 MarcWriter writer = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).concurrency(cores)
                         .open(lines)) {
                for (MarcRecord r : reader) {
                    writer.write(r);
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
}
