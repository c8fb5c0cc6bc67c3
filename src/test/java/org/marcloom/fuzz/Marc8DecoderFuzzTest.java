package org.marcloom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.marc8.Marc8Decoder;
import org.marcloom.marc8.Marc8DecodingException;

/// [Marc8Decoder]: the strict decode returns text or throws [Marc8DecodingException] (nothing
/// else); the lenient decode never throws and reports each bad sequence at an index inside the
/// range, the first one where the strict decode failed; both agree when the bytes are valid; a
/// range inside a larger array decodes as the same bytes alone; the NFC decoder gives the NFC of
/// the standard decoder's text.
///
/// Seeds: fixtures/fuzz/marc8 (field data of MARC-8 records: ANSEL, Hebrew, Cyrillic, CJK escapes);
/// fuzz with `.ci/fuzz Marc8DecoderFuzzTest MINUTES`.
class Marc8DecoderFuzzTest {

    private static final Marc8Decoder NFC = Marc8Decoder.builder().normalizeNfc(true).build();

    @FuzzTarget("marc8")
    void fuzz(byte[] data) {
        if (data.length > FuzzSupport.MAX_INPUT) {
            return;
        }
        Marc8Decoder decoder = Marc8Decoder.standard();
        String strict = null;
        Marc8DecodingException failure = null;
        try {
            strict = decoder.decode(data, 0, data.length);
        } catch (Marc8DecodingException e) {
            failure = e;
        }
        List<Integer> at = new ArrayList<>();
        String lenient = decoder.decode(data, 0, data.length, (index, message) -> {
            assertTrue(index >= 0 && index < data.length, () -> "error index " + index + " outside 0.." + data.length);
            assertTrue(!message.isEmpty(), "empty error message");
            at.add(index);
        });
        for (int i = 1; i < at.size(); i++) {
            assertTrue(at.get(i - 1) <= at.get(i), () -> "errors out of byte order: " + at);
        }
        if (failure == null) {
            assertEquals(List.of(), at, "valid MARC-8: no lenient errors");
            assertEquals(strict, lenient, "valid MARC-8: strict and lenient text");
            assertEquals(Normalizer.normalize(strict, Normalizer.Form.NFC), NFC.decode(data, 0, data.length), "NFC");
        } else {
            assertTrue(!at.isEmpty(), "strict failed (" + failure.getMessage() + ") but lenient found nothing");
            assertEquals(failure.byteIndex(), at.get(0), "first bad sequence: strict vs lenient");
            assertTrue(lenient.indexOf('\uFFFD') >= 0, "lenient text has no U+FFFD for the bad sequence");
        }
        // The same bytes inside a larger array, at an offset.
        byte[] padded = new byte[data.length + 7];
        System.arraycopy(data, 0, padded, 3, data.length);
        padded[0] = 0x1B; // an escape before the range must not leak in
        padded[padded.length - 1] = (byte) 0xE1;
        List<Integer> at2 = new ArrayList<>();
        assertEquals(lenient, decoder.decode(padded, 3, data.length, (index, message) -> at2.add(index)),
                "the range at offset 3");
        assertEquals(at, at2, "error indexes are relative to the offset");
    }
}
