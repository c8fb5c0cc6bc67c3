package org.marcloom.internal.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marcloom.marc8.Marc8Decoder;
import org.marcloom.marc8.Marc8DecodingException;

/// The parsers' [Marc8Decoding.Reusing], which reuses its arrays from one value to the next,
/// gives what the public [Marc8Decoder] with the same settings gives (text, errors, exceptions)
/// for every value of a sequence, whatever came before: no state leaks from one value into the
/// next.
class Marc8ScratchDecoderProperties {

    /// A public decoder and the internal settings it is built with.
    private record Pair(Marc8Decoder decoder, Marc8Decoding decoding) {
        Marc8Decoding.Reusing reusing() {
            return new Marc8Decoding.Reusing(decoding);
        }
    }

    private static final List<Pair> DECODERS = List.of(
            new Pair(Marc8Decoder.standard(), new Marc8Decoding(true, false)),
            new Pair(Marc8Decoder.builder().normalizeNfc(true).build(), new Marc8Decoding(true, true)),
            new Pair(Marc8Decoder.builder().decodeNumericCharacterReferences(false).build(),
                    new Marc8Decoding(false, false)));

    /// What the public strict decode does with an error: throw it.
    private static final Marc8Decoding.Errors STRICT = (at, problem) -> {
        throw new Marc8DecodingException(at, problem);
    };

    /// Pieces of MARC-8 (and of not quite MARC-8): ASCII, ANSEL letters and combining marks,
    /// escapes to the other sets (some cut short), EACC bytes, references good and bad, bytes no
    /// set has.
    private static final List<byte[]> PIECES = List.of(
            b("a"), b("Zz 9"), b("&"), b("#"), b("&#x"), b("&#x41;"), b("&#x1F600;"), b("&#xD800;"),
            b("&#x110000;"), b("&#x250"), b(";"), b("x"), b("0"),
            b(0xA1), b(0xB2), b(0xE1), b(0xE2), b(0xF0), b(0xEB), b(0xEC), b(0xFA), b(0xFB), b(0xC3),
            b(0x1B, '(', '3'), b(0x1B, '(', 'N'), b(0x1B, '(', 'S'), b(0x1B, ')', 'Q'), b(0x1B, '(', 'B'),
            b(0x1B, ')', 'E'), b(0x1B, 'g'), b(0x1B, 'b'), b(0x1B, 'p'), b(0x1B, 's'), b(0x1B, '$', '1'),
            b(0x1B, '$', ')', '1'), b(0x1B), b(0x1B, '('), b(0x1B, '$'), b(0x1B, 'Q'),
            b(0x21, 0x30, 0x21), b(0x21, 0x30), b(0xA1, 0xB0, 0xA1), b(0x7F), b(0x80), b(0x88), b(0xA0), b(0xFF),
            b(0x1F), b(0x41, 0x42, 0x43, 0x44));

    @Property(tries = 300)
    void scratchDecoderMatchesThePublicDecoder(@ForAll("sequences") List<byte[]> values) {
        for (Pair pair : DECODERS) {
            Marc8Decoding.Reusing scratch = pair.reusing();
            for (byte[] value : values) {
                assertSame(pair.decoder(), scratch, value);
            }
        }
    }

    @Example
    void aValueTooLongToKeepItsArraysDecodesTheSame() {
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) {
            big.writeBytes(b(0xE2, 'e', '&', '#', 'x', '4', '1', ';'));
        }
        for (Pair pair : DECODERS) {
            Marc8Decoding.Reusing scratch = pair.reusing();
            assertSame(pair.decoder(), scratch, b(0xE1, 'a', 0xE2));
            assertSame(pair.decoder(), scratch, big.toByteArray());
            assertSame(pair.decoder(), scratch, b(0xE1, 'a', 0xE2));
        }
    }

    private static void assertSame(Marc8Decoder decoder, Marc8Decoding.Reusing scratch, byte[] value) {
        // The value sits inside a larger array, as field data does inside a record.
        byte[] framed = new byte[value.length + 5];
        System.arraycopy(value, 0, framed, 3, value.length);
        List<String> expectedErrors = new ArrayList<>();
        List<String> actualErrors = new ArrayList<>();
        String expected = decoder.decode(framed, 3, value.length, (at, message) -> expectedErrors.add(at + " " + message));
        String actual = scratch.decode(framed, 3, value.length, (at, message) -> actualErrors.add(at + " " + message));
        assertEquals(expected, actual, "lenient text");
        assertEquals(expectedErrors, actualErrors, "lenient errors");
        assertEquals(strict(() -> decoder.decode(framed, 3, value.length)),
                strict(() -> scratch.decode(framed, 3, value.length, STRICT)), "strict");
    }

    private static String strict(java.util.function.Supplier<String> decode) {
        try {
            return "text " + decode.get();
        } catch (Marc8DecodingException e) {
            return "error " + e.byteIndex() + " " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<List<byte[]>> sequences() {
        Arbitrary<byte[]> value = Arbitraries.of(PIECES).list().ofMaxSize(12).map(pieces -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            return out.toByteArray();
        });
        return value.list().ofMinSize(1).ofMaxSize(8);
    }

    private static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }
}
