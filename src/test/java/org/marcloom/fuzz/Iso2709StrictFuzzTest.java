package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// ISO 2709, strict: only a [org.marcloom.MarcParseException] escapes, the same one for any read size; a strict read that succeeds gives the records a lenient one gives.
///
/// Seeds: fixtures/fuzz/iso2709 (run over in every test run); fuzz with `.ci/fuzz Iso2709StrictFuzzTest MINUTES`.
class Iso2709StrictFuzzTest {

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("iso2709");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.ISO_2709, false);
    }
}
