package org.marcloom.fuzz;

import org.marcloom.Limits;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;

/// The reading targets, one [FuzzTarget] method each, all on [FuzzSupport#checkReader]: only
/// documented exceptions, the same outcome for any read size, strict and lenient (see
/// docs/reliability.md, Fuzzing). Fuzz one with `.ci/fuzz ReaderFuzzTest#METHOD MINUTES`.
class ReaderFuzzTest {

    private static final Limits TIGHT = Limits.builder().maxRecordBytes(200).maxFieldsPerRecord(3)
            .maxSubfieldsPerField(3).build();

    /// ISO 2709, strict (and lenient for comparison), with the reader options the first input byte
    /// picks ([#options(int)]): the encoding (AUTO, UTF_8, MARC_8, LATIN_1), guessEncoding, NFC,
    /// numeric character references, one diagnostic per record, and tight limits (200-byte records,
    /// 3 fields, 3 subfields). Only a [org.marcloom.MarcParseException] escapes strict reading, the
    /// same one for any read size; lenient throws only for a limit; a strict read that succeeds
    /// gives the records a lenient one gives.
    @FuzzTarget("iso2709")
    void iso2709Strict(byte[] data) {
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

    /// ISO 2709, lenient: never throws (but for a limit), the same records and diagnostics for any
    /// read size, and every input byte is in a record, a JUNK_SKIPPED or a TRAILING_BYTES diagnostic.
    @FuzzTarget("iso2709")
    void iso2709Lenient(byte[] data) {
        FuzzSupport.Outcome lenient = FuzzSupport.checkReader(data, MarcFormat.ISO_2709, false);
        if (lenient != null && lenient.error() == null) {
            FuzzSupport.checkIsoAccounting(data, lenient);
        }
    }

    /// ISO 2709 read with concurrency(2): the same records, diagnostics, trailing diagnostics and
    /// first error as one thread, strict and lenient.
    @FuzzTarget("iso2709")
    void parallelIso2709(byte[] data) {
        FuzzSupport.checkReader(data, MarcFormat.ISO_2709, true);
    }

    /// MARCXML, strict and lenient; with a quarantine, every byte in a record, a region or markup
    /// ([FuzzSupport#checkTextQuarantine]).
    @FuzzTarget("xml")
    void marcXml(byte[] data) {
        FuzzSupport.checkTextQuarantine(data, MarcFormat.MARCXML, false,
                FuzzSupport.checkReader(data, MarcFormat.MARCXML, false));
    }

    /// MARC-in-JSON, as an array and as lines, strict and lenient, and with a quarantine.
    @FuzzTarget("json")
    void marcJson(byte[] data) {
        FuzzSupport.checkTextQuarantine(data, MarcFormat.MARC_JSON, false,
                FuzzSupport.checkReader(data, MarcFormat.MARC_JSON, false));
        FuzzSupport.checkReader(data, MarcFormat.MARC_JSON_LINES, false);
    }

    /// MARC-in-JSON lines read with concurrency(2): the same records, diagnostics, trailing
    /// diagnostics and first error as one thread, strict and lenient; the same quarantine.
    @FuzzTarget("json")
    void parallelJson(byte[] data) {
        FuzzSupport.checkTextQuarantine(data, MarcFormat.MARC_JSON_LINES, true,
                FuzzSupport.checkReader(data, MarcFormat.MARC_JSON_LINES, true));
    }

    /// MARCMaker (.mrk), strict and lenient, and with a quarantine.
    @FuzzTarget("mrk")
    void mrk(byte[] data) {
        FuzzSupport.checkTextQuarantine(data, MarcFormat.MARCMAKER, false,
                FuzzSupport.checkReader(data, MarcFormat.MARCMAKER, false));
    }
}
