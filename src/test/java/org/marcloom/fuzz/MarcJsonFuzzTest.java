package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// MARC-in-JSON, as an array and as lines, strict and lenient: only documented exceptions, the same outcome for any read size.
///
/// Seeds: fixtures/fuzz/json (run over in every test run); fuzz with `.ci/fuzz MarcJsonFuzzTest MINUTES`.
class MarcJsonFuzzTest {

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("json");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.MARC_JSON, false);
        FuzzSupport.checkReader(data, MarcFormat.MARC_JSON_LINES, false);
    }
}
