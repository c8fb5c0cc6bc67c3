package org.marcloom.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Spot checks of [Marc8Decoder] per character set, escapes, combining marks, references and
/// errors. Expected characters come from `src/build/marc8/codetables.xml`; each is given with the
/// set and MARC-8 code it is listed under.
class Marc8DecoderTest {

    private static final int ESC = 0x1B;
    private static final Marc8Decoder STANDARD = Marc8Decoder.standard();
    private static final Marc8Decoder NFC = Marc8Decoder.builder().normalizeNfc(true).build();

    /// Bytes from parts: an Integer is one byte, a String its ASCII bytes.
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                out.write(i);
            } else {
                out.writeBytes(((String) p).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    static String decode(Object... parts) {
        byte[] b = bytes(parts);
        return STANDARD.decode(b, 0, b.length);
    }

    record Problem(int index, String message) {
    }

    // ---- Basic Latin and ANSEL ----

    @Test
    void asciiIsItself() {
        assertEquals("Moby Dick; or, The whale / 1851.", decode("Moby Dick; or, The whale / 1851."));
        assertEquals("tab\there", decode("tab", 0x09, "here"), "C0 controls pass through");
    }

    @Test
    void anselLettersAndSymbols() {
        // ANSEL A1 U+0141, B1 U+0142, A2 U+00D8, C7 U+00DF, C8 U+20AC
        assertEquals("\u0141\u0142\u00D8\u00DF\u20AC", decode(0xA1, 0xB1, 0xA2, 0xC7, 0xC8));
        assertEquals("\u0141\u00F3d\u017A", NFC.decode(bytes(0xA1, 0xE2, "od", 0xE2, "z"), 0, 6));
    }

    @Test
    void anselControlCharactersInC1() {
        // ANSEL 88 U+0098 (non-sort begin), 89 U+009C (non-sort end), 8D U+200D, 8E U+200C
        assertEquals("\u0098The \u009Cend", decode(0x88, "The ", 0x89, "end"));
        assertEquals("a\u200Db\u200Cc", decode("a", 0x8D, "b", 0x8E, "c"));
        // C1 bytes do not depend on G1: with Extended Cyrillic in G1 they are still ANSEL's.
        assertEquals("\u0491\u200C", decode(ESC, ")", "Q", 0xC0, 0x8E));
    }

    // ---- Combining marks ----

    @Test
    void combiningMarkComesAfterItsBaseCharacter() {
        // ANSEL E2 U+0301 (acute), E8 U+0308 (diaeresis)
        assertEquals("e\u0301", decode(0xE2, "e"));
        assertEquals("caf\u00E9", NFC.decode(bytes("caf", 0xE2, "e"), 0, 5));
        assertEquals("u\u0308ber", decode(0xE8, "uber"));
        assertEquals("\u00FCber", NFC.decode(bytes(0xE8, "uber"), 0, 5));
    }

    @Test
    void stackedMarksKeepTheirMarc8Order() {
        // ANSEL F2 U+0323 (dot below), E3 U+0302 (circumflex): Vietnamese e with both.
        assertEquals("e\u0323\u0302", decode(0xF2, 0xE3, "e"));
        assertEquals("\u1EC7", NFC.decode(bytes(0xF2, 0xE3, "e"), 0, 3));
        // Two marks of the same class (acute, diaeresis, both 230) stay in their written order.
        assertEquals("a\u0301\u0308", decode(0xE2, 0xE8, "a"));
        assertEquals("a\u0308\u0301", decode(0xE8, 0xE2, "a"));
    }

    @Test
    void aMarkWithNoBaseAtTheEndIsKept() {
        assertEquals("abc\u0301", decode("abc", 0xE2));
        assertEquals("\u0301\u0308", decode(0xE2, 0xE8));
    }

    @Test
    void marksAttachToTheNextCharacterWhateverItsSet() {
        // A mark, then an escape, then a Cyrillic letter (Basic Cyrillic 41 U+0430): the mark
        // follows the letter.
        assertEquals("\u0430\u0301", decode(0xE2, ESC, "(N", "A"));
        // Mark before a space.
        assertEquals(" \u0301x", decode(0xE2, " x"));
    }

    @Test
    void ligatureAndDoubleTildeSecondHalvesAddNoCharacter() {
        // ANSEL EB U+0361 (ligature first half), EC (second half, no ucs); FA U+0360, FB (no ucs)
        assertEquals("t\u0361s", decode(0xEB, "t", 0xEC, "s"));
        assertEquals("n\u0360g", decode(0xFA, "n", 0xFB, "g"));
    }

    // ---- Other scripts ----

    /// codetables.xml has one Hebrew set (Basic Hebrew, final byte 2); there is no Extended Hebrew.
    @Test
    void basicHebrew() {
        // Basic Hebrew 60 U+05D0, 61 U+05D1, 40 U+05B7 (patah, combining)
        assertEquals("\u05D0\u05D1", decode(ESC, "(2", 0x60, 0x61));
        assertEquals("\u05D1\u05B7", decode(ESC, "(2", 0x40, 0x61));
    }

    @Test
    void basicAndExtendedCyrillic() {
        // Basic Cyrillic 6D U+041C, 49 U+0438, 52 U+0440; Extended Cyrillic C0 U+0491
        assertEquals("\u041C\u0438\u0440", decode(ESC, "(N", 0x6D, 0x49, 0x52));
        assertEquals("\u0491", decode(ESC, ")Q", 0xC0));
        assertEquals("\u041C\u0491", decode(ESC, "(N", ESC, ")Q", 0x6D, 0xC0));
    }

    @Test
    void basicAndExtendedArabic() {
        // Basic Arabic 47 U+0627, 48 U+0628, 6B U+064B (fathatan, combining); Extended Arabic A1 U+06FD
        assertEquals("\u0627\u0628", decode(ESC, "(3", 0x47, 0x48));
        assertEquals("\u0627\u064B", decode(ESC, "(3", 0x6B, 0x47));
        assertEquals("\u06FD", decode(ESC, ")4", 0xA1));
    }

    @Test
    void basicGreek() {
        // Basic Greek 61 U+03B1, 62 U+03B2, 22 U+0301 (combining acute)
        assertEquals("\u03B1\u03B2", decode(ESC, "(S", 0x61, 0x62));
        assertEquals("\u03AC", NFC.decode(bytes(ESC, "(S", 0x22, 0x61), 0, 5));
    }

    @Test
    void greekSymbolsSubscriptsAndSuperscriptsTechnique() {
        // Greek Symbols 61 U+03B1, 62 U+03B2, 63 U+03B3; Subscripts 32 U+2082; Superscripts 32 U+00B2
        assertEquals("\u03B1\u03B2\u03B3", decode(ESC, "g", "abc"));
        assertEquals("H\u2082O", decode("H", ESC, "b", "2", ESC, "s", "O"));
        assertEquals("E=mc\u00B2!", decode("E=mc", ESC, "p", "2", ESC, "s", "!"));
        // One technique set to another without returning to ASCII first.
        assertEquals("\u00B2\u2082x", decode(ESC, "p2", ESC, "b2", ESC, "sx"));
    }

    @Test
    void eaccThreeByteCharacters() {
        // EACC 213021 U+4E00, 213034 U+4E2D, 214258 U+6587, 213A52 U+5B57, 6F485F U+AC00 (Hangul)
        assertEquals("\u4E00\u4E2D\u6587\u5B57\uAC00", decode(ESC, "$1", "!0!", "!04", "!BX", "!:R", "oH_"));
        // 217559 U+212C4 (CJK Extension B): a surrogate pair in Java.
        assertEquals(Character.toString(0x212C4), decode(ESC, "$1", 0x21, 0x75, 0x59));
        // 212320 U+3000 (ideographic space) has a space as its third byte.
        assertEquals("\u3000\u4E00", decode(ESC, "$1", 0x21, 0x23, 0x20, "!0!"));
        // An ASCII space between EACC characters is a space.
        assertEquals("\u4E2D \u6587", decode(ESC, "$1", "!04", " ", "!BX"));
    }

    @Test
    void eaccInG1HasTheHighBitsSet() {
        // ESC $ ) 1 and ESC $ - 1 designate EACC to G1; 213021 U+4E00 becomes A1 B0 A1.
        assertEquals("a\u4E00b", decode(ESC, "$)1", "a", 0xA1, 0xB0, 0xA1, "b"));
        assertEquals("a\u4E00b", decode(ESC, "$-1", "a", 0xA1, 0xB0, 0xA1, "b"));
        // ESC $ , 1 designates it to G0, like ESC $ 1.
        assertEquals("\u4E00", decode(ESC, "$,1", "!0!"));
    }

    // ---- Escape sequences ----

    @Test
    void g0AndG1DesignationsAreIndependent() {
        // G1 = Extended Cyrillic: ASCII stays in G0, 0xC0 is U+0491 rather than ANSEL's U+00B0.
        assertEquals("ab\u0491", decode(ESC, ")Q", "ab", 0xC0));
        // G0 = Basic Cyrillic: ANSEL stays in G1.
        assertEquals("\u0430\u0141", decode(ESC, "(N", "A", 0xA1));
        // The alternate intermediates: ESC , F for G0 and ESC - F for G1.
        assertEquals("\u0430", decode(ESC, ",N", "A"));
        assertEquals("\u0491", decode(ESC, "-Q", 0xC0));
        // ANSEL with its registered intermediate: ESC ) ! E back to G1.
        assertEquals("\u0491\u0141", decode(ESC, ")Q", 0xC0, ESC, ")!E", 0xA1));
    }

    @Test
    void multipleEscapesInOneValue() {
        assertEquals("\u041C abc \u4E2D \u05D0 \u03B1 x\u00B2 \u0141",
                decode(ESC, "(N", 0x6D, " ", ESC, "(B", "abc ", ESC, "$1", "!04", " ", ESC, "(2", 0x60, " ",
                        ESC, "g", "a", ESC, "s", " x", ESC, "p", "2", ESC, "s", " ", 0xA1));
    }

    @Test
    void eachCallStartsInTheDefaultSets() {
        byte[] cyrillic = bytes(ESC, "(N", "A", ESC, ")Q", 0xC0);
        assertEquals("\u0430\u0491", STANDARD.decode(cyrillic, 0, cyrillic.length));
        // The next value is read with G0 = ASCII and G1 = ANSEL again.
        assertEquals("A\u00B0", decode("A", 0xC0)); // ANSEL C0 U+00B0
    }

    @Test
    void decodesOnlyTheGivenRange() {
        byte[] b = bytes("xx", 0xE2, "e", ESC);
        assertEquals("e\u0301", STANDARD.decode(b, 2, 2));
    }

    // ---- Numeric character references ----

    @Test
    void numericCharacterReferencesBecomeCharacters() {
        assertEquals("a\u200Cb", decode("a&#x200C;b"));
        assertEquals("\u0250\u0250", decode("&#x250;&#X250;"));
        assertEquals("\uD83D\uDE00", decode("&#x1F600;"), "supplementary: a surrogate pair");
        assertEquals("\u0141&#x250;", Marc8Decoder.builder().decodeNumericCharacterReferences(false).build()
                .decode(bytes(0xA1, "&#x250;"), 0, 8));
        byte[] ascii = bytes("&#x250;");
        assertEquals("&#x250;", Marc8Decoder.builder().decodeNumericCharacterReferences(false).build()
                .decode(ascii, 0, ascii.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#x;", "&#x250", "&#xZZ;", "&#65;", "&#xD800;", "&#x110000;", "&#x00000041;",
        "& #x41;", "&#x 41;", "AT&T", "&#", "&"})
    void malformedReferencesStayLiteral(String text) {
        assertEquals(text, decode(text));
        assertEquals("x" + text + "\u0141", decode("x" + text, 0xA1));
    }

    @Test
    void referenceDigitsAreAsciiOnly() {
        // Basic Arabic 34 U+0664, 31 U+0661 (Arabic-Indic digits four and one): "&#x٤١;" is text,
        // not the reference U+0041.
        assertEquals("&#x\u0664\u0661;", decode("&#x", ESC, "(3", 0x34, 0x31, ESC, "(B", ";"));
    }

    // ---- NFC option ----

    @Test
    void nfcIsOffByDefault() {
        assertEquals("e\u0301", decode(0xE2, "e"));
        assertEquals("\u00E9", NFC.decode(bytes(0xE2, "e"), 0, 2));
    }

    // ---- Errors ----

    @Test
    void strictDecodingThrowsWithTheByteIndex() {
        // ANSEL AF has no character in codetables.xml.
        Marc8DecodingException e = assertThrows(Marc8DecodingException.class, () -> decode("abc", 0xAF, "d"));
        assertEquals(3, e.byteIndex());
        assertTrue(e.getMessage().contains("0xAF"), e.getMessage());
        // Relative to the offset given.
        byte[] b = bytes("zzzz", "ab", 0xAF);
        Marc8DecodingException e2 = assertThrows(Marc8DecodingException.class, () -> STANDARD.decode(b, 4, 3));
        assertEquals(2, e2.byteIndex());
    }

    @Test
    void invalidSequencesAreRejectedAtTheirFirstByte() {
        record Case(String what, byte[] bytes, int index) {
        }
        List<Case> cases = List.of(
                new Case("ESC at the end", bytes("ab", ESC), 2),
                new Case("ESC ( at the end", bytes("ab", ESC, "("), 2),
                new Case("ESC $ at the end", bytes("ab", ESC, "$"), 2),
                new Case("unknown final byte", bytes("a", ESC, "(Z", "b"), 1),
                new Case("unknown escape", bytes("a", ESC, "Q"), 1),
                new Case("EACC final byte without $", bytes(ESC, "(1", "!0!"), 0),
                new Case("single-byte set with $", bytes(ESC, "$N", "A"), 0),
                new Case("truncated EACC character", bytes(ESC, "$1", "!0!", "!0"), 6),
                new Case("EACC character cut by an escape", bytes(ESC, "$1", "!0", ESC, "(B", "a"), 3),
                new Case("EACC code not in the table", bytes(ESC, "$1", "!0!", "~~~"), 6),
                new Case("Hebrew 4F has no character", bytes(ESC, "(2", 0x60, 0x4F), 4),
                new Case("technique set lacks the letter", bytes(ESC, "p", "2x"), 3),
                new Case("DEL", bytes("a", 0x7F), 1),
                new Case("0xA0", bytes("a", 0xA0), 1),
                new Case("0xFF", bytes("ab", 0xFF), 2),
                new Case("C1 byte ANSEL does not define", bytes(0x80), 0),
                new Case("Extended Cyrillic A1 has no character", bytes(ESC, ")Q", 0xA1), 3));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            try {
                STANDARD.decode(c.bytes(), 0, c.bytes().length);
                failures.add(c.what() + ": no exception");
            } catch (Marc8DecodingException e) {
                if (e.byteIndex() != c.index()) {
                    failures.add(c.what() + ": index " + e.byteIndex() + ", expected " + c.index());
                }
            }
            List<Problem> problems = new ArrayList<>();
            String text = STANDARD.decode(c.bytes(), 0, c.bytes().length,
                    (index, message) -> problems.add(new Problem(index, message)));
            if (problems.isEmpty() || problems.getFirst().index() != c.index()) {
                failures.add(c.what() + ": lenient problems " + problems);
            }
            if (text.indexOf('\uFFFD') < 0) {
                failures.add(c.what() + ": lenient text has no U+FFFD: " + text);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void lenientDecodingSubstitutesAndReportsEachProblem() {
        List<Problem> problems = new ArrayList<>();
        byte[] b = bytes("a", 0xAF, "b", 0xFF, "c");
        String text = STANDARD.decode(b, 0, b.length, (index, message) -> problems.add(new Problem(index, message)));
        assertEquals("a\uFFFDb\uFFFDc", text);
        assertEquals(List.of(1, 3), problems.stream().map(Problem::index).toList());
        assertTrue(problems.get(0).message().contains("0xAF"), problems.get(0).message());
    }

    @Test
    void lenientTruncatedEaccStopsAtTheEnd() {
        List<Problem> problems = new ArrayList<>();
        byte[] b = bytes(ESC, "$1", "!0!", "!0");
        String text = STANDARD.decode(b, 0, b.length, (index, message) -> problems.add(new Problem(index, message)));
        assertEquals("\u4E00\uFFFD", text);
        assertEquals(List.of(6), problems.stream().map(Problem::index).toList());
    }

    @Test
    void lenientEaccCharacterCutShortByAnEscapeLosesNoText() {
        // "!0" then ESC ( B: the ESC ends the broken character and is read as an escape, so the
        // ASCII text after it survives.
        List<Problem> problems = new ArrayList<>();
        byte[] b = bytes(ESC, "$1", "!0!", "!0", ESC, "(B", "abc");
        String text = STANDARD.decode(b, 0, b.length, (index, message) -> problems.add(new Problem(index, message)));
        assertEquals("\u4E00\uFFFDabc", text);
        assertEquals(List.of(6), problems.stream().map(Problem::index).toList());
        // The same in G1: A1 B0 then ESC ) E.
        problems.clear();
        byte[] g1 = bytes(ESC, "$)1", 0xA1, 0xB0, ESC, ")E", 0xA1, "x");
        assertEquals("\uFFFD\u0141x", STANDARD.decode(g1, 0, g1.length,
                (index, message) -> problems.add(new Problem(index, message))));
        assertEquals(List.of(4), problems.stream().map(Problem::index).toList());
    }

    @Test
    void lenientBadEscapeIsReplacedAndDecodingGoesOn() {
        List<Problem> problems = new ArrayList<>();
        byte[] b = bytes("a", ESC, "(Z", "b", 0xA1);
        String text = STANDARD.decode(b, 0, b.length, (index, message) -> problems.add(new Problem(index, message)));
        // The ESC is replaced; the bytes after it are read in the sets still designated.
        assertEquals("a\uFFFD(Zb\u0141", text);
        assertEquals(List.of(1), problems.stream().map(Problem::index).toList());
    }
}
