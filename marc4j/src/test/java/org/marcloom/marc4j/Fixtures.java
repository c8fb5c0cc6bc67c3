package org.marcloom.marc4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// Test support: the fixture files (paths relative to the checkout's top, surefire's working
/// directory) read with marcloom.
final class Fixtures {

    static final Path ISO2709 = Path.of("fixtures", "iso2709");
    static final Path XML = Path.of("fixtures", "xml");
    static final Path JSON = Path.of("fixtures", "json");

    private Fixtures() {
    }

    static Path iso(String name) {
        return ISO2709.resolve(name);
    }

    /// Every record of a file, any format marcloom detects, strict or lenient.
    static List<MarcRecord> read(Path file, boolean lenient) {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(lenient).detectFormat().open(file)) {
            for (MarcRecord m : r) {
                out.add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static MarcRecord record(Path file, int index, boolean lenient) {
        return read(file, lenient).get(index);
    }
}
