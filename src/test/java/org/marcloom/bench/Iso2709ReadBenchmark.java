package org.marcloom.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.marc4j.MarcStreamReader;
import org.marcloom.MarcReader;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/// JMH version of [ReadBench]'s full-decode rows, for `-prof gc`: one operation decodes a whole
/// ISO 2709 file held in memory, touching every control field's data and every subfield value as
/// a `String`. Divide `gc.alloc.rate.norm` (bytes per operation) by the file's record count for the
/// bytes allocated per record.
///
/// ```
/// java -cp <test classpath> org.openjdk.jmh.Main Iso2709ReadBenchmark -p file=real-100k.mrc -p encoding=UTF-8 -prof gc
/// java -cp <test classpath> org.openjdk.jmh.Main Iso2709ReadBenchmark -p file=real-marc8-20k.mrc -p encoding=MARC8 -prof gc
/// ```
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Iso2709ReadBenchmark {

    /// The ISO 2709 file to decode (read into memory once).
    @Param("real-100k.mrc")
    public String file;

    /// marc4j's encoding argument: `UTF-8` or `MARC8` (marcloom follows leader/09).
    @Param("UTF-8")
    public String encoding;

    private byte[] bytes;

    @Setup
    public void load() throws IOException {
        bytes = Files.readAllBytes(Path.of(file));
    }

    @Benchmark
    public long marcloom(Blackhole bh) throws IOException {
        long n = 0;
        try (MarcReader r = MarcReader.builder().open(new ByteArrayInputStream(bytes))) {
            MarcRecord rec;
            while ((rec = r.read()) != null) {
                List<Field> fields = rec.fields();
                for (int i = 0, k = fields.size(); i < k; i++) {
                    Field f = fields.get(i);
                    if (f instanceof DataField d) {
                        List<Subfield> subs = d.subfields();
                        for (int j = 0, m = subs.size(); j < m; j++) {
                            bh.consume(subs.get(j).value());
                        }
                    } else if (f instanceof ControlField c) {
                        bh.consume(c.data());
                    }
                }
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public long marc4j(Blackhole bh) {
        long n = 0;
        MarcStreamReader r = new MarcStreamReader(new ByteArrayInputStream(bytes), encoding);
        while (r.hasNext()) {
            org.marc4j.marc.Record rec = r.next();
            for (org.marc4j.marc.ControlField c : rec.getControlFields()) {
                bh.consume(c.getData());
            }
            for (org.marc4j.marc.DataField d : rec.getDataFields()) {
                for (org.marc4j.marc.Subfield s : d.getSubfields()) {
                    bh.consume(s.getData());
                }
            }
            n++;
        }
        return n;
    }
}
