package org.marcloom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.Limits;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;

/// ISO 2709, strict (and lenient for comparison), with the reader options the first input byte
/// picks: the encoding (AUTO, UTF_8, MARC_8, LATIN_1), guessEncoding, NFC, numeric character
/// references, one diagnostic per record, and tight limits (200-byte records, 3 fields, 3
/// subfields). Only a [org.marcloom.MarcParseException] escapes strict reading, the same one for
/// any read size; lenient throws only for a limit; a strict read that succeeds gives the records a
/// lenient one gives.
///
/// Seeds: fixtures/fuzz/iso2709 (run over in every test run); fuzz with
/// `.ci/fuzz Iso2709StrictFuzzTest MINUTES`.
class Iso2709StrictFuzzTest {

    private static final Limits TIGHT = Limits.builder().maxRecordBytes(200).maxFieldsPerRecord(3)
            .maxSubfieldsPerField(3).build();

    static Stream<byte[]> seeds() {
        return FuzzSupport.seeds("iso2709");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void fuzz(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.ISO_2709, false, options(data.length == 0 ? 0 : data[0]));
    }

    /// The options a byte picks (0 gives the defaults; a seed starting with the digit 0, 0x30, reads
    /// with one diagnostic per record and references left as they are).
    static ReaderOptions options(int b) {
        MarcEncoding encoding = MarcEncoding.values()[b & 3];
        return ReaderOptions.builder()
                .encoding(encoding)
                .guessEncoding((b & 4) != 0 && encoding == MarcEncoding.AUTO)
                .normalizeNfc((b & 8) != 0)
                .decodeNumericCharacterReferences((b & 16) == 0)
                .maxDiagnosticsPerRecord((b & 32) != 0 ? 1 : 100)
                .limits((b & 64) != 0 ? TIGHT : Limits.DEFAULTS)
                .build();
    }
}
