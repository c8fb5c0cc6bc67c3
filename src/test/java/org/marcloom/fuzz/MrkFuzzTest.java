package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// MARCMaker (.mrk), strict and lenient: only documented exceptions, the same outcome for any read size.
///
/// Seeds: fixtures/fuzz/mrk (run over in every test run); fuzz with `.ci/fuzz MrkFuzzTest MINUTES`.
class MrkFuzzTest {

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("mrk");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.MARCMAKER, false);
    }
}
