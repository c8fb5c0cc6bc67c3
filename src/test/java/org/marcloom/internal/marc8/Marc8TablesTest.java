package org.marcloom.internal.marc8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marcloom.testing.ByteArrays.codePoints;
import static org.marcloom.testing.ByteArrays.hex;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.marcloom.marc8.Marc8Decoder;
import org.marcloom.marc8.Marc8DecodingException;
import org.marcloom.marc8.Marc8Encoder;
import org.marcloom.testing.CodeTables;

/// The generated tables against their source, `src/build/marc8/codetables.xml`: the committed
/// resource is exactly what the generator makes from it, and every entry of every code table
/// decodes (and, where it is the preferred code of its character, encodes) as the table says.
class Marc8TablesTest {

    private static final int ESC = 0x1B;

    @Test
    void committedTablesEqualAFreshGenerationFromCodetablesXml() throws Exception {
        byte[] fresh;
        try (InputStream in = Files.newInputStream(Marc8TableGenerator.SOURCE)) {
            fresh = Marc8TableGenerator.generate(in);
        }
        byte[] committed = Files.readAllBytes(Marc8TableGenerator.TARGET);
        assertArrayEquals(fresh, committed, "src/main/resources/org/marcloom/internal/marc8/marc8.tables differs from what "
                + "Marc8TableGenerator makes from src/build/marc8/codetables.xml: regenerate it, do not edit it");
        byte[] loaded;
        try (InputStream in = Marc8Tables.class.getResourceAsStream("marc8.tables")) {
            loaded = in.readAllBytes();
        }
        assertArrayEquals(committed, loaded, "the resource on the class path is the committed one");
    }

    @Test
    void theTwelveLibraryOfCongressSetsAreAllPresent() {
        // Final bytes (ISOcode) of the code tables' character sets.
        TreeSet<Integer> expected = new TreeSet<>(List.of(0x42, 0x45, 0x67, 0x62, 0x70, 0x32, 0x4E, 0x51, 0x33, 0x34,
                0x53, 0x31));
        assertEquals(expected, new TreeSet<>(CodeTables.bySet().keySet()));
        for (int set : expected) {
            assertTrue(Marc8Tables.isKnownSet(set), () -> String.format("set 0x%02X loaded", set));
        }
        assertEquals(15_739, CodeTables.bySet().get(0x31).size(), "EACC entries in codetables.xml");
    }

    /// Every code of every set, designated the way its table writes it (G0 codes 0x21-0x7E through
    /// `ESC ( F`, G1 codes 0xA1-0xFE through `ESC ) F`, the technique sets through `ESC g/b/p`,
    /// EACC through `ESC $ 1`), decodes to the table's character; a lone combining mark decodes to
    /// itself, and the ANSEL second halves (no `ucs`) to nothing.
    @Test
    void everyEntryDecodesToItsUnicodeCharacter() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (CodeTables.Entry e : CodeTables.entries()) {
            if (e.control()) {
                continue;
            }
            checked++;
            check(failures, e, designatedAsWritten(e));
        }
        assertEquals(CodeTables.entries().stream().filter(e -> !e.control()).count(), checked);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    /// ISO 2022 lets any 94-character set sit in G0 or G1: the same codes designated to the other
    /// half (`ESC ) F` with the high bit set for the G0 tables, `ESC ( F` / `ESC ( ! E` with it
    /// cleared for the G1 tables, `ESC $ ) 1` for EACC in G1) decode to the same characters.
    @Test
    void everyEntryDecodesTheSameWhenDesignatedToTheOtherHalf() {
        List<String> failures = new ArrayList<>();
        for (CodeTables.Entry e : CodeTables.entries()) {
            if (e.control() || isTechnique(e.set()) || !e.threeBytes() && (e.marc() == 0x20 || e.marc() < 0xA0
                    && e.marc() >= 0x80)) {
                continue; // the technique sets are G0 only; space and C1 are the same in every set
            }
            check(failures, e, designatedToOtherHalf(e));
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    /// Every character of the tables encodes without a numeric character reference and decodes back.
    @Test
    void everyCharacterInTheTablesEncodesAndDecodesBack() {
        List<String> failures = new ArrayList<>();
        TreeSet<Integer> points = new TreeSet<>();
        for (CodeTables.Entry e : CodeTables.entries()) {
            if (!e.control() && e.codePoint() >= 0x20) {
                points.add(e.codePoint());
            }
        }
        for (int cp : points) {
            String s = Character.toString(cp);
            byte[] bytes = Marc8Encoder.standard().encode(s);
            String back = Marc8Decoder.standard().decode(bytes, 0, bytes.length);
            boolean reference = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("&#x");
            if (!back.equals(s) || reference || !Marc8Encoder.standard().canEncode(s)) {
                failures.add(String.format("U+%04X -> %s -> %s", cp, hex(bytes), back));
            }
        }
        // the distinct code points of codetables.xml's graphic characters, counted in the file
        assertEquals(16_073, points.size(), "distinct characters");
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    /// The encoder writes each character with the first table (in the order ASCII, ANSEL,
    /// superscripts, subscripts, Greek symbols, Hebrew, Cyrillic, Extended Cyrillic, Arabic,
    /// Extended Arabic, Greek, EACC) and the first code of that table that holds it.
    @Test
    void encoderPrefersTheFirstCodeOfTheFirstSetThatHoldsACharacter() {
        List<Integer> preference = List.of(0x42, 0x45, 0x70, 0x62, 0x67, 0x32, 0x4E, 0x51, 0x33, 0x34, 0x53, 0x31);
        Map<Integer, List<CodeTables.Entry>> bySet = CodeTables.bySet();
        java.util.Map<Integer, CodeTables.Entry> first = new java.util.HashMap<>();
        for (int set : preference) {
            for (CodeTables.Entry e : bySet.get(set)) {
                if (!e.control() && e.codePoint() > 0x20) {
                    first.putIfAbsent(e.codePoint(), e);
                }
            }
        }
        Marc8Tables tables = Marc8Tables.get();
        List<String> failures = new ArrayList<>();
        for (var kv : first.entrySet()) {
            int expected = kv.getValue().set() << 24 | kv.getValue().marc();
            if (kv.getKey() >= 0x80 && tables.encode(kv.getKey()) != expected) {
                failures.add(String.format("U+%04X: %08X, table says %08X", kv.getKey(), tables.encode(kv.getKey()),
                        expected));
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
        // Two spot checks of the rule: U+0301 is ANSEL 0xE2, not Greek 0x22; U+03B1 is the Greek
        // symbol `ESC g a`, not Basic Greek 0x61 (both are in codetables.xml).
        assertEquals(0x45 << 24 | 0xE2, tables.encode(0x0301));
        assertEquals(0x67 << 24 | 0x61, tables.encode(0x03B1));
    }

    private static void check(List<String> failures, CodeTables.Entry e, byte[] bytes) {
        String got;
        try {
            got = Marc8Decoder.standard().decode(bytes, 0, bytes.length);
        } catch (Marc8DecodingException ex) {
            got = "threw " + ex.getMessage();
        }
        if (!got.equals(e.text())) {
            failures.add(String.format("%s %X: %s decoded to %s, expected %s", e.setName(), e.marc(), hex(bytes),
                    codePoints(got), codePoints(e.text())));
        }
    }

    private static byte[] designatedAsWritten(CodeTables.Entry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int set = e.set();
        if (e.threeBytes()) {
            out.writeBytes(new byte[] {ESC, '$', '1'});
            writeCode(out, e.marc(), 0);
        } else if (isTechnique(set)) {
            out.writeBytes(new byte[] {ESC, (byte) set, (byte) e.marc()});
        } else if (e.marc() >= 0x80 && e.marc() < 0xA0 || set == 0x45 || set == 0x42) {
            out.write(e.marc()); // C1 bytes, and the default sets (G0 ASCII, G1 ANSEL), need no escape
        } else {
            out.writeBytes(new byte[] {ESC, (byte) (e.marc() < 0x80 ? '(' : ')'), (byte) set, (byte) e.marc()});
        }
        return out.toByteArray();
    }

    private static byte[] designatedToOtherHalf(CodeTables.Entry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int set = e.set();
        if (e.threeBytes()) {
            out.writeBytes(new byte[] {ESC, '$', ')', '1'});
            writeCode(out, e.marc(), 0x80);
        } else if (e.marc() < 0x80) {
            out.writeBytes(new byte[] {ESC, ')', (byte) set, (byte) (e.marc() | 0x80)});
        } else if (set == 0x45) {
            out.writeBytes(new byte[] {ESC, '(', '!', 'E', (byte) (e.marc() & 0x7F)});
        } else {
            out.writeBytes(new byte[] {ESC, '(', (byte) set, (byte) (e.marc() & 0x7F)});
        }
        return out.toByteArray();
    }

    private static void writeCode(ByteArrayOutputStream out, int code, int highBit) {
        out.write((code >>> 16 & 0x7F) | highBit);
        out.write((code >>> 8 & 0x7F) | highBit);
        out.write((code & 0x7F) | highBit);
    }

    private static boolean isTechnique(int set) {
        return set == 0x67 || set == 0x62 || set == 0x70;
    }

}
