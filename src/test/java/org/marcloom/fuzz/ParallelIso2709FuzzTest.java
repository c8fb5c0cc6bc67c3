package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// ISO 2709 read with concurrency(2): the same records, diagnostics, trailing diagnostics and first error as one thread, strict and lenient.
///
/// Seeds: fixtures/fuzz/iso2709 (run over in every test run); fuzz with `.ci/fuzz ParallelIso2709FuzzTest MINUTES`.
class ParallelIso2709FuzzTest {

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("iso2709");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.ISO_2709, true);
    }
}
