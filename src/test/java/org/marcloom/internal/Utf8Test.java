package org.marcloom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/// The one definition of ill-formed UTF-8 and of a bad run, which every reader uses.
class Utf8Test {

    /// [Utf8#next] on one sequence at the start of `bytes`, the whole input.
    private static int next(int... bytes) {
        byte[] b = bytes(bytes);
        return Utf8.next(b, 0, b.length, true);
    }

    private static int good(int codePoint, int length) {
        return codePoint << 3 | length;
    }

    @Example
    void wellFormedSequencesGiveTheirCodePointAndLength() {
        assertEquals(good(0x41, 1), next(0x41));
        assertEquals(good(0x80, 2), next(0xC2, 0x80));
        assertEquals(good(0x7FF, 2), next(0xDF, 0xBF));
        assertEquals(good(0x800, 3), next(0xE0, 0xA0, 0x80));
        assertEquals(good(0xD7FF, 3), next(0xED, 0x9F, 0xBF));
        assertEquals(good(0xE000, 3), next(0xEE, 0x80, 0x80));
        assertEquals(good(0xFFFF, 3), next(0xEF, 0xBF, 0xBF));
        assertEquals(good(0x10000, 4), next(0xF0, 0x90, 0x80, 0x80));
        assertEquals(good(0x10FFFF, 4), next(0xF4, 0x8F, 0xBF, 0xBF));
        assertEquals(0x10FFFF, Utf8.codePoint(next(0xF4, 0x8F, 0xBF, 0xBF)));
        assertEquals(4, Utf8.length(next(0xF4, 0x8F, 0xBF, 0xBF)));
    }

    @Example
    void badRunsAreTheMaximalIllFormedSubparts() {
        assertEquals(-1, next(0x80), "a lone continuation byte");
        assertEquals(-1, next(0xC0, 0x80), "C0 starts only overlongs");
        assertEquals(-1, next(0xC1, 0xBF), "C1 starts only overlongs");
        assertEquals(-1, next(0xE0, 0x9F, 0xBF), "an overlong three-byte form: the lead alone");
        assertEquals(-1, next(0xF0, 0x8F, 0xBF, 0xBF), "an overlong four-byte form: the lead alone");
        assertEquals(-1, next(0xF4, 0x90, 0x80, 0x80), "over U+10FFFF: the lead alone");
        assertEquals(-1, next(0xF5, 0x80, 0x80, 0x80), "F5 starts no sequence");
        assertEquals(-1, next(0xFF));
        assertEquals(-3, next(0xED, 0xA0, 0x80), "an encoded surrogate is one run of three");
        assertEquals(-3, next(0xED, 0xBF, 0xBF));
        assertEquals(-1, next(0xC3, 0x28), "a lead byte without its continuation");
        assertEquals(-2, next(0xE2, 0x82, 0x28), "lead and one continuation, then not a continuation");
        assertEquals(-3, next(0xF0, 0x9F, 0x98, 0x41));
        assertEquals(-1, next(0xC3), "cut short by the end of the input");
        assertEquals(-2, next(0xE2, 0x82));
        assertEquals(-3, next(0xF0, 0x9F, 0x98));
    }

    @Example
    void aSequenceCutShortByTheBufferWaitsForMoreUnlessItIsAlreadyBad() {
        byte[] b = bytes(0xF0, 0x9F, 0x98);
        assertEquals(0, Utf8.next(b, 0, 1, false));
        assertEquals(0, Utf8.next(b, 0, 3, false));
        byte[] overlong = bytes(0xE0, 0x80);
        assertEquals(-1, Utf8.next(overlong, 0, 2, false), "bad already: no need to wait");
    }

    @Example
    void firstInvalidIsWhereTheFirstBadRunStarts() {
        assertEquals(-1, Utf8.firstInvalid(bytes(0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC), 0, 6));
        assertEquals(3, Utf8.firstInvalid(bytes(0x61, 0xC3, 0xA9, 0xE2, 0x82, 0x41), 0, 6));
        assertEquals(3, Utf8.firstInvalid(bytes(0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC), 0, 5), "cut short");
        assertEquals(2, Utf8.firstInvalid(bytes(0x61, 0x62, 0xED, 0xA0, 0x80), 0, 5));
        assertEquals(4, Utf8.firstInvalid(bytes(0xFF, 0xFF, 0x61, 0x62, 0xFF), 2, 3), "within the range");
    }

    @Example
    void theProblemNamesTheBadBytesAndTheEncoding() {
        byte[] b = bytes(0x61, 0xE2, 0x82, 0x41);
        assertEquals("bytes 0xE2 0x82 are not valid UTF-8", Utf8.problem(b, 1, 2, "UTF-8"));
        assertEquals("byte 0xE2 is not valid windows-1252", Utf8.problem(b, 1, 1, "windows-1252"));
        assertEquals("replaced with U+FFFD", Utf8.REPLACED);
    }

    /// Decoding with [Utf8#next], each bad run as one U+FFFD, gives exactly what the JDK's decoder
    /// gives: the runs are delimited as the JDK delimits them; [Utf8#firstInvalid] is where the
    /// first one starts.
    @Property(tries = 2000)
    void decodingRunByRunEqualsTheJdk(@ForAll("utf8ish") byte[] b) {
        StringBuilder sb = new StringBuilder();
        int firstBad = -1;
        int i = 0;
        while (i < b.length) {
            int s = Utf8.next(b, i, b.length, true);
            if (s < 0) {
                firstBad = firstBad < 0 ? i : firstBad;
                sb.append('\uFFFD');
                i -= s;
            } else {
                sb.appendCodePoint(Utf8.codePoint(s));
                i += Utf8.length(s);
            }
        }
        assertEquals(new String(b, StandardCharsets.UTF_8), sb.toString());
        assertEquals(firstBad, Utf8.firstInvalid(b, 0, b.length));
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        // Lead bytes and continuation bytes of every kind, and ASCII, in any order.
        Arbitrary<Integer> high = Arbitraries.integers().between(0x80, 0xFF);
        Arbitrary<Integer> interesting = Arbitraries.of(0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5,
                0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xBD);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, high), net.jqwik.api.Tuple.of(4, interesting),
                        net.jqwik.api.Tuple.of(2, ascii))
                .list().ofMaxSize(16).map(l -> {
                    byte[] out = new byte[l.size()];
                    for (int k = 0; k < out.length; k++) {
                        out[k] = (byte) (int) l.get(k);
                    }
                    return out;
                });
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
