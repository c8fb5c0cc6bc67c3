package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// MARC-in-JSON lines read with concurrency(2): the same records, diagnostics, trailing diagnostics and first error as one thread, strict and lenient.
///
/// Seeds: fixtures/fuzz/json (run over in every test run); fuzz with `.ci/fuzz ParallelJsonFuzzTest MINUTES`.
class ParallelJsonFuzzTest {

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("json");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.MARC_JSON_LINES, true);
    }
}
