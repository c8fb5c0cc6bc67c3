package org.marcloom.internal.mrk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// MrkSink then MrkSource gives back the same records, whatever the text holds.
class MrkRoundTripTest {

    @Property(tries = 300)
    void writeThenReadGivesTheSameRecords(@ForAll("records") @Size(max = 4) List<MarcRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(MarcFormat.MARCMAKER).open(out)) {
            for (MarcRecord r : records) {
                w.write(r);
            }
        }
        List<MarcRecord> back = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCMAKER)
                .open(new ByteArrayInputStream(out.toByteArray()))) {
            for (MarcRecord rec : r) {
                back.add(rec);
                assertEquals(List.of(), rec.diagnostics());
            }
        }
        assertEquals(records, back, () -> out.toString(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<MarcRecord>> records() {
        return record().list().ofMaxSize(4);
    }

    static Arbitrary<String> text() {
        Arbitrary<Character> tricky = Arbitraries.of('$', '\\', '{', '}', ' ', '\t', '\r', '\n', '\u001B', '=', '\u0301');
        Arbitrary<Character> latin = Arbitraries.chars().range(' ', '~');
        Arbitrary<Character> nonLatin = Arbitraries.of('é', 'ß', 'ł', 'Ж', 'ש', 'ع', '中', '日', 'ก', '\u02BB');
        Arbitrary<String> mnemonicLike = Arbitraries.of("{acute}", "{dollar}", "{bsol}", "{x41}", "{U+00E9}", "{text}");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, latin.map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, tricky.map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, nonLatin.map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, mnemonicLike),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("\uD83D\uDCDA")));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    static Arbitrary<MarcRecord> record() {
        Arbitrary<Leader> leader = Arbitraries.strings().withChars("0123456789 acnmz\\{$").ofLength(24).map(Leader::of);
        Arbitrary<Field> control = Combinators.combine(Arbitraries.of("001", "003", "005", "008", "009"), text())
                .as(ControlField::new);
        Arbitrary<Character> indicator = Arbitraries.of(' ', '0', '1', '9', 'a', 'z', '#', '|');
        Arbitrary<Character> code = Arbitraries.of('a', 'b', 'z', '0', '9', '6', '{', '\\', 'A');
        Arbitrary<Subfield> subfield = Combinators.combine(code, text()).as(Subfield::new);
        Arbitrary<Field> data = Combinators.combine(Arbitraries.of("245", "100", "650", "880", "999", "LOC", "01A"),
                indicator, indicator, subfield.list().ofMaxSize(5))
                .as((tag, i1, i2, subs) -> DataField.of(tag, i1, i2, subs));
        Arbitrary<List<Field>> fields = Arbitraries.oneOf(control, data).list().ofMaxSize(8);
        return Combinators.combine(leader, fields).as((l, fs) -> {
            MarcRecord.Builder b = MarcRecord.builder().leader(l);
            fs.forEach(b::add);
            return b.build();
        });
    }
}
