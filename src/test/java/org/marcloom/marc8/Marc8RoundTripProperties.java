package org.marcloom.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.OutputEncoding;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.testing.CodeTables;

/// Round trips through MARC-8. Text MARC-8 can represent (drawn from the characters of
/// `codetables.xml`: ASCII, ANSEL, combining sequences, Hebrew, Cyrillic, Arabic, Greek, the
/// technique sets, EACC) comes back exactly; any other text comes back equal under NFC, through
/// numeric character references. Both through the codec and through a whole record written with
/// [MarcWriter] (MARC-8 output) and read with [MarcReader].
class Marc8RoundTripProperties {

    private static final List<Integer> MARKS = new ArrayList<>();
    private static final List<Integer> BASES = new ArrayList<>();
    private static final List<Integer> EACC = new ArrayList<>();

    static {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (CodeTables.Entry e : CodeTables.entries()) {
            int cp = e.codePoint();
            if (e.control() || cp <= 0x20 || cp == 0x7F || !seen.add(cp)) {
                continue;
            }
            if (e.combining()) {
                MARKS.add(cp);
            } else if (e.threeBytes()) {
                EACC.add(cp);
            } else {
                BASES.add(cp);
            }
        }
    }

    /// One unit of representable text: ASCII, a character of a single-byte table, an EACC
    /// character, or a base followed by one to three marks of the tables.
    static Arbitrary<String> representableUnit() {
        Arbitrary<String> base = Arbitraries.of(BASES).map(Character::toString);
        Arbitrary<String> marks = Arbitraries.of(MARKS).map(Character::toString).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join("", l));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(4, base),
                Tuple.of(3, Arbitraries.of(EACC).map(Character::toString)),
                Tuple.of(3, Combinators.combine(Arbitraries.oneOf(base, Arbitraries.chars().range('a', 'z')
                        .map(String::valueOf)), marks).as((b, m) -> b + m)),
                Tuple.of(1, Arbitraries.of(MARKS).map(Character::toString)));
    }

    @Provide
    Arbitrary<String> representable() {
        return representableUnit().list().ofMaxSize(25).map(l -> String.join("", l));
    }

    /// Any text a record can hold: every code point but unpaired surrogates and the ISO 2709
    /// delimiters, with a bias to the characters MARC-8 handles specially (marks, `&#x`, ESC, DEL).
    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> unit = Arbitraries.frequencyOf(
                Tuple.of(4, representableUnit()),
                Tuple.of(3, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> !(cp >= 0xD800 && cp <= 0xDFFF) && !(cp >= 0x1D && cp <= 0x1F))
                        .map(Character::toString)),
                Tuple.of(2, Arbitraries.integers().between(0x0300, 0x036F).map(Character::toString)),
                Tuple.of(1, Arbitraries.of("&", "&#x", "&#x41;", "&#X1f600;", ";", "#", "\u001B", "\u007F", "\u0670",
                        "\u0334", "\u00E9", "\u1EC7", "\u0344")));
        return unit.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    private static String roundTrip(String s) {
        byte[] b = Marc8Encoder.standard().encode(s);
        return Marc8Decoder.standard().decode(b, 0, b.length);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    @Property(tries = 1000)
    void representableTextComesBackExactly(@ForAll("representable") String s) {
        byte[] b = Marc8Encoder.standard().encode(s);
        assertEquals(s, Marc8Decoder.standard().decode(b, 0, b.length));
        for (byte x : b) {
            assertFalse(x >= 0x1D && x <= 0x1F, "no ISO 2709 delimiter in MARC-8 output");
        }
        // Only a leading lone mark, or literal reference-like text, needs a reference.
        if (s.indexOf('&') < 0 && (s.isEmpty() || !MARKS.contains(s.codePointAt(0)))) {
            assertFalse(new String(b, StandardCharsets.ISO_8859_1).contains("&#x"), "no reference needed");
            assertTrue(Marc8Encoder.standard().canEncode(s));
        }
    }

    @Property(tries = 1000)
    void anyTextComesBackEqualUnderNfc(@ForAll("anyText") String s) {
        assertEquals(nfc(s), nfc(roundTrip(s)));
        byte[] b = Marc8Encoder.standard().encode(s);
        String viaNfcDecoder = Marc8Decoder.builder().normalizeNfc(true).build().decode(b, 0, b.length);
        assertEquals(nfc(s), viaNfcDecoder);
    }

    @Provide
    Arbitrary<MarcRecord> representableRecords() {
        return records(representable());
    }

    @Provide
    Arbitrary<MarcRecord> anyRecords() {
        return records(anyText());
    }

    private static Arbitrary<MarcRecord> records(Arbitrary<String> text) {
        Arbitrary<Character> code = Arbitraries.chars().range('a', 'z');
        Arbitrary<Subfield> sub = Combinators.combine(code, text).as(Subfield::new);
        Arbitrary<Field> data = Combinators.combine(Arbitraries.integers().between(10, 999), sub.list().ofMinSize(1)
                .ofMaxSize(5)).as((t, subs) -> (Field) DataField.of(String.format("%03d", t), '1', ' ', subs));
        Arbitrary<Field> control = text.map(s -> (Field) new ControlField("005", s));
        Arbitrary<Field> field = Arbitraries.frequencyOf(Tuple.of(1, control), Tuple.of(5, data));
        return field.list().ofMaxSize(12).map(fs -> {
            MarcRecord.Builder b = MarcRecord.builder().leader(Leader.of("00000cam a2200000 i 4500"));
            fs.forEach(b::add);
            return b.build();
        });
    }

    private static byte[] writeMarc8(MarcRecord rec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().encoding(OutputEncoding.MARC_8).open(out)) {
            w.write(rec);
        }
        return out.toByteArray();
    }

    private static MarcRecord read(byte[] bytes, boolean nfc) throws IOException {
        try (MarcReader r = MarcReader.builder().normalizeNfc(nfc).open(new ByteArrayInputStream(bytes))) {
            MarcRecord rec = r.read();
            assertEquals(null, r.read(), "one record");
            return rec;
        }
    }

    @Property(tries = 200)
    void representableRecordsComeBackExactlyThroughWriterAndReader(@ForAll("representableRecords") MarcRecord rec)
            throws IOException {
        byte[] bytes = writeMarc8(rec);
        assertEquals(' ', (char) bytes[9], "leader/09 blank: MARC-8");
        MarcRecord back = read(bytes, false);
        assertEquals(rec.fields(), back.fields());
        assertEquals(List.of(), back.diagnostics());
    }

    @Property(tries = 200)
    void anyRecordComesBackEqualUnderNfcThroughWriterAndReader(@ForAll("anyRecords") MarcRecord rec)
            throws IOException {
        MarcRecord back = read(writeMarc8(rec), true);
        assertEquals(nfcFields(rec), back.fields());
    }

    private static List<Field> nfcFields(MarcRecord rec) {
        List<Field> out = new ArrayList<>();
        for (Field f : rec.fields()) {
            switch (f) {
                case ControlField c -> out.add(new ControlField(c.tag(), nfc(c.data())));
                case DataField d -> out.add(DataField.of(d.tag(), d.indicator1(), d.indicator2(),
                        d.subfields().stream().map(s -> new Subfield(s.code(), nfc(s.value()))).toList()));
            }
        }
        return out;
    }
}
