package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// ISO 2709, lenient: never throws (but for a limit), the same records and diagnostics for any read size, and every input byte is in a record, a JUNK_SKIPPED or a TRAILING_BYTES diagnostic.
///
/// Seeds: fixtures/fuzz/iso2709 (run over in every test run); fuzz with `.ci/fuzz Iso2709LenientFuzzTest MINUTES`.
class Iso2709LenientFuzzTest {

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("iso2709");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.Outcome lenient = FuzzSupport.checkReader(data, MarcFormat.ISO_2709, false);
        if (lenient != null && lenient.error() == null) {
            FuzzSupport.checkIsoAccounting(data, lenient);
        }
    }
}
