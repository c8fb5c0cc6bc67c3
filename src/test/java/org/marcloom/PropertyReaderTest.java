package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.marcloom.fixtures.Iso2709Bytes;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Properties of the ISO 2709 reader alone: records written by a test helper ([Iso2709Bytes], not
/// the library's writer) read back equal; junk between records never loses a record in lenient mode.
class PropertyReaderTest {

    /// Text with non-Latin scripts, combining marks, emoji (surrogate pairs) and empty strings.
    static Arbitrary<String> text() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range('a', 'z'),
                Arbitraries.chars().range(' ', '~').filter(c -> c != '$'),
                Arbitraries.chars().range('\u0391', '\u03C9'), // Greek
                Arbitraries.chars().range('\u0410', '\u044F'), // Cyrillic
                Arbitraries.chars().range('\u05D0', '\u05EA'), // Hebrew
                Arbitraries.chars().range('\u0627', '\u064A'), // Arabic
                Arbitraries.chars().range('\u4E00', '\u4FFF'), // Han
                Arbitraries.chars().range('\u0300', '\u036F')); // combining marks
        Arbitrary<String> plain = chars.list().ofMaxSize(30).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, plain),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("\uD83D\uDCDA Book \u00E9\u0301")));
    }

    static Arbitrary<Field> field() {
        Arbitrary<String> dataTag = Arbitraries.integers().between(10, 999).map(i -> String.format("%03d", i));
        Arbitrary<Character> code = Arbitraries.oneOf(Arbitraries.chars().range('a', 'z'), Arbitraries.chars().range('0', '9'));
        Arbitrary<Character> ind = Arbitraries.of(' ', '0', '1', '2', '4', '9');
        Arbitrary<Subfield> sub = Combinators.combine(code, text()).as(Subfield::of);
        Arbitrary<Field> data = Combinators.combine(dataTag, ind, ind, sub.list().ofMinSize(1).ofMaxSize(8))
                .as((t, i1, i2, subs) -> DataField.of(t, i1, i2, subs));
        Arbitrary<Field> control = Combinators.combine(Arbitraries.integers().between(1, 9), text())
                .as((i, s) -> org.marcloom.record.ControlField.of("00" + i, s.replace('\u001F', ' ')));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, control), net.jqwik.api.Tuple.of(5, data));
    }

    @Provide
    Arbitrary<MarcRecord> records() {
        Arbitrary<Integer> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(0, 40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(200, 400)));
        return count.flatMap(n -> field().list().ofSize(n)).map(fields -> {
            MarcRecord.Builder b = MarcRecord.builder().leader(Leader.of("00000cam a2200000 i 4500"));
            fields.forEach(b::add);
            return b.build();
        });
    }

    static List<MarcRecord> readAll(byte[] bytes, boolean lenient, List<Diagnostic> diagnostics) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(lenient).open(new ByteArrayInputStream(bytes))) {
            MarcRecord rec;
            while ((rec = r.read()) != null) {
                out.add(rec);
                diagnostics.addAll(rec.diagnostics());
            }
            diagnostics.addAll(r.trailingDiagnostics());
        }
        return out;
    }

    @Property(tries = 200)
    void wellFormedRecordsReadBackEqual(@ForAll @Size(max = 5) List<@From("records") MarcRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> encoded = new ArrayList<>();
        for (MarcRecord r : records) {
            byte[] b = Iso2709Bytes.encode(r);
            encoded.add(b);
            out.writeBytes(b);
        }
        List<Diagnostic> diags = new ArrayList<>();
        List<MarcRecord> back = readAll(out.toByteArray(), false, diags);
        assertEquals(records.size(), back.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i).fields(), back.get(i).fields(), "record " + i);
            assertEquals(encoded.get(i).length, back.get(i).leader().recordLength());
            assertEquals('a', back.get(i).leader().characterCodingScheme());
        }
        assertEquals(List.of(), diags);
    }

    /// Junk: random bytes that contain no record terminator and cannot start a valid leader at any
    /// position (no digit is followed by four more digits), so the junk itself never frames as a record.
    @Provide
    Arbitrary<byte[]> junk() {
        return Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(60).map(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                byte x = list.get(i);
                if (x == 0x1D) {
                    x = 'J';
                }
                if (x >= '0' && x <= '9' && i > 0 && b[i - 1] >= '0' && b[i - 1] <= '9') {
                    x = 'j'; // at most one digit in a row: no five-digit record length
                }
                b[i] = x;
            }
            return b;
        });
    }

    @Property(tries = 200)
    void junkBetweenRecordsNeverLosesARecord(@ForAll @Size(min = 1, max = 4) List<@From("records") MarcRecord> records,
                                             @ForAll @Size(min = 1, max = 5) List<@From("junk") byte[]> junks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int junkRuns = 0;
        for (int i = 0; i < records.size(); i++) {
            if (i > 0 && i - 1 < junks.size()) {
                // A digit right before the record's leader would change its length: end junk with 'x'.
                out.writeBytes(junks.get(i - 1));
                out.write('x');
                junkRuns++;
            }
            out.writeBytes(Iso2709Bytes.encode(records.get(i)));
        }
        List<Diagnostic> diags = new ArrayList<>();
        List<MarcRecord> back = readAll(out.toByteArray(), true, diags);
        assertEquals(records.size(), back.size(), "no record lost");
        for (int i = 0; i < records.size(); i++) {
            assertEquals(records.get(i).fields(), back.get(i).fields(), "record " + i);
        }
        long skipped = diags.stream().filter(d -> d.code() == ErrorCode.JUNK_SKIPPED).count();
        assertEquals(junkRuns, skipped, diags.toString());
        assertTrue(diags.stream().allMatch(d -> d.code() == ErrorCode.JUNK_SKIPPED), diags.toString());
    }
}
