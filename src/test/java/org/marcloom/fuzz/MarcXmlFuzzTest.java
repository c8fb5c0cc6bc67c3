package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// MARCXML, strict and lenient: only documented exceptions, the same outcome for any read size.
///
/// Seeds: fixtures/fuzz/xml (run over in every test run); fuzz with `.ci/fuzz MarcXmlFuzzTest MINUTES`.
class MarcXmlFuzzTest {

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("xml");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.MARCXML, false);
    }
}
