package org.marcloom.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcloom.marc8.Marc8DecoderTest.bytes;
import static org.marcloom.testing.ByteArrays.codePoints;
import static org.marcloom.testing.ByteArrays.hex;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/// [Marc8Encoder]: escapes to the set each character needs and back to the defaults at the end,
/// marks before their base, and `&#xXXXX;` for what MARC-8 cannot hold. Expected codes come from
/// `src/build/marc8/codetables.xml` (set and code given next to each).
class Marc8EncoderTest {

    private static final int ESC = 0x1B;
    private static final Marc8Encoder ENCODER = Marc8Encoder.standard();

    private static void assertEncodes(byte[] expected, String text) {
        assertEquals(hex(expected), hex(ENCODER.encode(text)), () -> "encoding " + codePoints(text));
    }

    private static String roundTrip(String text) {
        byte[] b = ENCODER.encode(text);
        return Marc8Decoder.standard().decode(b, 0, b.length);
    }

    @Test
    void asciiIsWrittenAsIs() {
        assertEncodes(bytes("Moby Dick / Herman Melville."), "Moby Dick / Herman Melville.");
        assertEncodes(bytes(), "");
    }

    @Test
    void anselLettersAndMarksBeforeTheirBase() {
        // ANSEL E2 U+0301 acute; A1 U+0141. Precomposed and decomposed input give the same bytes.
        assertEncodes(bytes("caf", 0xE2, "e"), "caf\u00E9");
        assertEncodes(bytes("caf", 0xE2, "e"), "cafe\u0301");
        assertEncodes(bytes(0xA1, 0xE2, "od", 0xE2, "z"), "\u0141\u00F3d\u017A");
        // U+1EC7 is e + dot below (F2) + circumflex (E3) in NFD order.
        assertEncodes(bytes(0xF2, 0xE3, "e"), "\u1EC7");
        // ANSEL C1: 8D U+200D, 8E U+200C; 88/89 U+0098/U+009C (non-sort).
        assertEncodes(bytes(0x88, "The ", 0x89, "a", 0x8D, "b", 0x8E), "\u0098The \u009Ca\u200Db\u200C");
        // EB U+0361 over the first letter of the pair.
        assertEncodes(bytes(0xEB, "ts"), "t\u0361s");
    }

    @Test
    void otherSetsAreEscapedToAndBackFromAtTheEnd() {
        // Basic Cyrillic 6D U+041C, 49 U+0438, 52 U+0440
        assertEncodes(bytes(ESC, "(N", 0x6D, 0x49, 0x52, ESC, "(B"), "\u041C\u0438\u0440");
        // Extended Cyrillic C0 U+0491: a G1 set, so G1 returns to ANSEL with ESC ) ! E (ANSEL's
        // registered final is the two bytes "!E").
        assertEncodes(bytes(ESC, ")Q", 0xC0, ESC, ")!E"), "\u0491");
        // Basic Hebrew 60 U+05D0, 61 U+05D1
        assertEncodes(bytes(ESC, "(2", 0x60, 0x61, ESC, "(B"), "\u05D0\u05D1");
        // Basic Arabic 47 U+0627, 48 U+0628; Extended Arabic A1 U+06FD
        assertEncodes(bytes(ESC, "(3", 0x47, 0x48, ESC, "(B"), "\u0627\u0628");
        assertEncodes(bytes(ESC, ")4", 0xA1, ESC, ")!E"), "\u06FD");
        // Basic Greek 65 U+03B4
        assertEncodes(bytes(ESC, "(S", 0x65, ESC, "(B"), "\u03B4");
        // EACC 213034 U+4E2D, 214258 U+6587; a space needs no escape
        assertEncodes(bytes(ESC, "$1", "!04", " ", "!BX", ESC, "(B"), "\u4E2D \u6587");
        assertEncodes(bytes("a", ESC, "$1", "!04", ESC, "(B", "b"), "a\u4E2Db");
    }

    @Test
    void subscriptsSuperscriptsAndGreekSymbolsUseTheTechnique() {
        // Superscripts 32 U+00B2, Subscripts 32 U+2082, Greek Symbols 61-63 U+03B1-U+03B3; ESC s back.
        assertEncodes(bytes("E=mc", ESC, "p", "2", ESC, "s"), "E=mc\u00B2");
        assertEncodes(bytes("H", ESC, "b", "2", ESC, "s", "O"), "H\u2082O");
        assertEncodes(bytes(ESC, "g", "abc", ESC, "s"), "\u03B1\u03B2\u03B3");
        // From the technique to a standard set: ESC ( S designates G0 directly.
        assertEncodes(bytes(ESC, "g", "a", ESC, "(S", 0x65, ESC, "(B"), "\u03B1\u03B4");
    }

    @Test
    void charactersOutsideMarc8BecomeNumericCharacterReferences() {
        assertEncodes(bytes("&#x0250;"), "\u0250");
        assertEncodes(bytes("a&#x1F600;b"), "a\uD83D\uDE00b");
        assertFalse(ENCODER.canEncode("\u0250"));
        assertFalse(ENCODER.canEncode("\uD83D\uDE00"));
        assertTrue(ENCODER.canEncode("caf\u00E9 \u041C\u0438\u0440 \u4E2D\u6587 E=mc\u00B2"));
        // A reference inside another set returns to ASCII for it.
        assertEncodes(bytes(ESC, "(N", 0x6D, ESC, "(B", "&#x0250;"), "\u041C\u0250");
    }

    // ---- Lossless edge cases (each was a bug: the round trip changed the text) ----

    @Test
    void aMarkAfterACharacterWrittenAsAReferenceStaysWithIt() {
        // Acute on U+0250: the mark cannot go before "&#x0250;" (the decoder would put it on '&').
        assertEquals("\u0250\u0301", roundTrip("\u0250\u0301"));
        assertEncodes(bytes("&#x0250;&#x0301;"), "\u0250\u0301");
    }

    @Test
    void aMarkWithNoMarc8CodeStaysAfterItsBase() {
        // U+0334 (combining tilde overlay) is not in MARC-8.
        assertEquals("e\u0334x", roundTrip("e\u0334x"));
        assertEquals(Normalizer.normalize("\u00E9\u0334", Normalizer.Form.NFC),
                Normalizer.normalize(roundTrip("\u00E9\u0334"), Normalizer.Form.NFC));
    }

    @Test
    void aMarkWithNoBaseKeepsItsPlace() {
        assertEquals("\u0301a", roundTrip("\u0301a"), "a leading mark must not move onto the next letter");
        assertEquals("x \u0301\u0302", roundTrip("x \u0301\u0302"));
        assertEquals("\u0302\u0301", roundTrip("\u0302\u0301"), "trailing marks keep their order");
        assertEquals("x\u0301\u0334", roundTrip("x\u0301\u0334"));
        assertEquals("\u0301\u0334", roundTrip("\u0301\u0334"), "trailing marks, one written as a reference");
    }

    @Test
    void aSpacingCharacterThatUnicodeCallsAMarkIsNotMovedBeforeItsNeighbour() {
        // Basic Arabic 74 U+0670 (superscript alef) is not combining in codetables.xml, though
        // Unicode classes it Mn; Basic Arabic 64 U+0644 (lam).
        assertEquals("\u0644\u0670", roundTrip("\u0644\u0670"));
        assertEncodes(bytes(ESC, "(3", 0x64, 0x74, ESC, "(B"), "\u0644\u0670");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#x41;", "AT&T &#x200C; x", "&#X1F600;", "&#x0026;", "&#x\u0664\u0661;", "&&#x41;;"})
    void textThatLooksLikeAReferenceSurvives(String text) {
        assertEquals(text, roundTrip(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#x;", "&#65;", "AT&T", "&#xD800;", "&#x00000041;"})
    void ampersandsThatStartNoReferenceAreWrittenAsIs(String text) {
        assertEncodes(bytes(text), text);
    }

    @Test
    void escapeAndDeleteCharactersAreWrittenAsReferences() {
        assertEncodes(bytes("a&#x001B;b"), "a\u001Bb");
        assertEncodes(bytes("a&#x007F;"), "a\u007F");
        assertEquals("a\u001B(Nb\u007F", roundTrip("a\u001B(Nb\u007F"));
        assertEquals("\u001B\u0309", roundTrip("\u001B\u0309"), "a mark on ESC stays on it");
    }
}
