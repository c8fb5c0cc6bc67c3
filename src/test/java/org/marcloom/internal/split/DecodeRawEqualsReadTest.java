package org.marcloom.internal.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// `decode(readRaw())` gives what `read()` gives (records, diagnostics, the strict error) on every
/// ISO 2709 fixture: a record decoded from its own exact-size bytes is the record decoded in the
/// reader's buffer.
class DecodeRawEqualsReadTest {

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("fixtures/iso2709"))) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void decodeOfRawIsRead(Path file) throws IOException {
        for (boolean lenient : new boolean[] {false, true}) {
            ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
            assertEquals(read(file, options, false), read(file, options, true), file + " lenient=" + lenient);
        }
    }

    private static List<String> read(Path file, ReaderOptions options, boolean raw) throws IOException {
        List<String> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().options(options).open(file)) {
            while (true) {
                MarcRecord m;
                if (raw) {
                    RawRecord b = r.readRaw();
                    m = b == null ? null : r.decode(b);
                } else {
                    m = r.read();
                }
                if (m == null) {
                    return out;
                }
                out.add(m + " " + m.diagnostics());
            }
        } catch (MarcParseException e) {
            out.add(e.getMessage());
            return out;
        }
    }
}
