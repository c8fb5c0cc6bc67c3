package org.marcloom.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// jqwik generators for arbitrary, well-formed records: every tag, indicator and code ISO 2709
/// can hold, and text in many scripts (combining marks, right-to-left, CJK, emoji as surrogate
/// pairs), empty values included.
public final class RecordArbitraries {

    private RecordArbitraries() {
    }

    private static final String INDICATORS = "0123456789abcdefghijklmnopqrstuvwxyz ";
    private static final String CODES = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_BLANK = "abcdefghijklmnopqrstuvwxyz ";

    /// One "character" of text: a string of one or two chars.
    private static Arbitrary<String> textUnit() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u00A0', '\u017F').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u0391', '\u03C9').map(String::valueOf)), // Greek
                Tuple.of(1, Arbitraries.chars().range('\u0400', '\u04FF').map(String::valueOf)), // Cyrillic
                Tuple.of(1, Arbitraries.chars().range('\u05D0', '\u05EA').map(String::valueOf)), // Hebrew
                Tuple.of(1, Arbitraries.chars().range('\u0621', '\u064A').map(String::valueOf)), // Arabic
                Tuple.of(2, Arbitraries.chars().range('\u0300', '\u036F').map(String::valueOf)), // combining
                Tuple.of(2, Arbitraries.chars().range('\u4E00', '\u9FFF').map(String::valueOf)), // Han
                Tuple.of(1, Arbitraries.chars().range('\uAC00', '\uD7A3').map(String::valueOf)), // Hangul
                Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF)
                        .map(Character::toString)), // emoji: surrogate pairs
                Tuple.of(1, Arbitraries.integers().between(0x20000, 0x2A6DF)
                        .map(Character::toString))); // CJK Ext. B: surrogate pairs
    }

    public static Arbitrary<String> text(int maxUnits) {
        return textUnit().list().ofMinSize(0).ofMaxSize(maxUnits).map(l -> String.join("", l));
    }

    public static Arbitrary<Leader> leaders() {
        Arbitrary<String> digits5 = Arbitraries.strings().withCharRange('0', '9').ofLength(5);
        Arbitrary<String> four = Arbitraries.strings().withChars(LOWER_BLANK).ofLength(4);
        Arbitrary<String> three = Arbitraries.strings().withChars(LOWER_BLANK + "0123456789").ofLength(3);
        Arbitrary<Character> coding = Arbitraries.of(' ', 'a');
        return Combinators.combine(digits5, four, coding, digits5, three)
                .as((len, typ, cs, base, rest) -> Leader.of(len + typ + cs + "22" + base + rest + "4500"));
    }

    public static Arbitrary<Field> controlFields() {
        Arbitrary<String> tag = Arbitraries.integers().between(1, 9).map(i -> "00" + i);
        return Combinators.combine(tag, text(40)).as(ControlField::new);
    }

    public static Arbitrary<Field> dataFields() {
        Arbitrary<String> tag = Arbitraries.integers().between(10, 999).map(i -> String.format("%03d", i));
        Arbitrary<Character> ind = Arbitraries.of(INDICATORS.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Subfield> sub = Combinators.combine(
                Arbitraries.of(CODES.chars().mapToObj(c -> (char) c).toList()), text(30)).as(Subfield::new);
        return Combinators.combine(tag, ind, ind, sub.list().ofMinSize(0).ofMaxSize(8))
                .as((t, a, b, s) -> (Field) DataField.of(t, a, b, s));
    }

    public static Arbitrary<MarcRecord> records() {
        Arbitrary<Field> field = Arbitraries.frequencyOf(
                Tuple.of(1, controlFields()),
                Tuple.of(5, dataFields()));
        Arbitrary<List<Field>> fields = Arbitraries.frequencyOf(
                Tuple.of(8, field.list().ofMinSize(0).ofMaxSize(20)),
                Tuple.of(1, field.list().ofMinSize(20).ofMaxSize(300)));
        return Combinators.combine(leaders(), fields).as((l, fs) -> {
            MarcRecord.Builder b = MarcRecord.builder().leader(l);
            fs.forEach(b::add);
            return b.build();
        });
    }
}
