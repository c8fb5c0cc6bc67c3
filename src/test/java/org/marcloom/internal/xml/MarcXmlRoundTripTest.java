package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Write then read gives the same records, for generated records in many scripts.
class MarcXmlRoundTripTest {

    /// Pieces values are built from: markup characters, white space XML normalises, Latin with
    /// combining marks, Greek, Cyrillic, Hebrew, Arabic, Devanagari, CJK, Hangul, emoji (astral).
    private static final List<String> PIECES = List.of(
            "a", "Z", "0", " ", "  ", "&", "<", ">", "\"", "'", "]]>", "&amp;", "\t", "\n", "\r", "\r\n",
            "e\u0301", "\u00e9", "\u00df", "\u0308", "\u03a9\u03b1", "\u0416\u0438", "\u05e9\u05dc\u05d5\u05dd",
            "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u0939\u093f\u0928\u094d\u0926\u0940", "\u4e2d\u6587",
            "\u65e5\u672c\u8a9e", "\ud55c\uad6d\uc5b4", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\uD840\uDC0B", "\u007F", "\uFFFD", "\u200F", "$", "\\", "{", "}");

    private static Arbitrary<String> values() {
        return Arbitraries.of(PIECES).list().ofMaxSize(12).map(l -> String.join("", l));
    }

    private static Arbitrary<Field> controlFields() {
        return Combinators.combine(Arbitraries.integers().between(1, 9), values())
                .as((n, v) -> (Field) new ControlField("00" + n, v));
    }

    private static Arbitrary<Field> dataFields() {
        Arbitrary<Character> indicators = Arbitraries.of(' ', '0', '1', '9', 'a', 'z', '&', '"', '<');
        Arbitrary<Subfield> subfields = Combinators.combine(
                Arbitraries.chars().with("abcdez0123456789&<>\"'"), values()).as(Subfield::new);
        return Combinators.combine(Arbitraries.integers().between(10, 999), indicators, indicators,
                        subfields.list().ofMaxSize(6))
                .as((t, i1, i2, s) -> (Field) DataField.of(String.format("%03d", t), i1, i2, s));
    }

    @Provide
    Arbitrary<List<MarcRecord>> records() {
        Arbitrary<String> leaders = Arbitraries.strings().withChars("0123456789 abcnmz&<>\"").ofLength(24);
        Arbitrary<MarcRecord> record = Combinators.combine(leaders,
                        Arbitraries.oneOf(controlFields(), dataFields()).list().ofMaxSize(15))
                .as((l, fs) -> {
                    MarcRecord.Builder b = MarcRecord.builder().leader(l);
                    fs.forEach(b::add);
                    return b.build();
                });
        return record.list().ofMaxSize(5);
    }

    @Property(tries = 300)
    void writeThenReadIsIdentity(@ForAll("records") List<MarcRecord> records, @ForAll boolean indent) {
        byte[] bytes = XmlTestSupport.write(records, indent);
        assertEquals(records, XmlTestSupport.readAll(bytes, false));
    }

    /// marc4j keeps one 001 per record and reads leader/00-04 and 10-16 as numbers, so records
    /// for it have one 001 at most and digits there.
    @Property(tries = 100)
    void marc4jReadsTheSameRecords(@ForAll("records") List<MarcRecord> generated) {
        List<MarcRecord> records = new ArrayList<>();
        for (MarcRecord r : generated) {
            MarcRecord.Builder b = r.toBuilder();
            String l = r.leader().toString();
            b.leader("01234" + l.substring(5, 10) + "22" + "00321" + l.substring(17));
            records.add(withOne001(b.build()));
        }
        byte[] bytes = XmlTestSupport.write(records, false);
        Marc4jOracle.assertSame(Marc4jOracle.read(new ByteArrayInputStream(bytes)), records, "generated");
    }

    private static MarcRecord withOne001(MarcRecord r) {
        MarcRecord.Builder b = r.toBuilder();
        boolean first = true;
        for (int i = 0; i < b.fields().size(); i++) {
            if (b.fields().get(i).tag().equals("001")) {
                if (first) {
                    first = false;
                } else {
                    b.remove(i--);
                }
            }
        }
        return b.build();
    }
}
