package org.marcloom.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// The jazz fixture's 1,000 records, and the same records encoded in every format.
final class Corpus {

    static final Path JAZZ = Path.of("fixtures/iso2709/evergreen__jazz_1k.mrc");
    private static List<MarcRecord> records;

    private Corpus() {
    }

    static synchronized List<MarcRecord> records() {
        if (records == null) {
            List<MarcRecord> list = new ArrayList<>();
            try (MarcReader r = MarcReader.builder().lenient(true).open(JAZZ)) {
                r.forEach(list::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            records = List.copyOf(list);
        }
        return records;
    }

    /// The records in `format`, as the writer writes them.
    static byte[] bytes(MarcFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(format).open(out)) {
            records().forEach(w::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /// A sequential lenient read of `bytes`.
    static List<MarcRecord> read(MarcFormat format, byte[] bytes) {
        List<MarcRecord> list = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(format).lenient(true)
                .open(new java.io.ByteArrayInputStream(bytes))) {
            r.forEach(list::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /// How many records a lenient read of `bytes` gives.
    static long count(MarcFormat format, byte[] bytes) {
        try (MarcReader r = MarcReader.builder().format(format).lenient(true)
                .open(new java.io.ByteArrayInputStream(bytes))) {
            return r.stream().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
