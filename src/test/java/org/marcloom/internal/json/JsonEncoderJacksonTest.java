package org.marcloom.internal.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriter;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.testing.CrossFormat;
import org.marcloom.testing.RecordArbitraries;

/// The hand-written MARC-in-JSON encoder writes, byte for byte, what Jackson's generator writes
/// for the same tree (with surrogate pairs combined into UTF-8): compact NDJSON, a compact array,
/// and an array through Jackson's default pretty printer; on arbitrary records with text in many scripts, surrogate pairs, every
/// control character, quotes and backslashes, and unpaired surrogates (written as U+FFFD, as
/// Jackson refuses them).
class JsonEncoderJacksonTest {

    /// Jackson writes a surrogate pair as two six-character escapes unless told to combine it into the
    /// character's four UTF-8 bytes, which is what marcloom writes (shorter, and readable).
    private static final JsonFactory JACKSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    @Provide
    Arbitrary<List<MarcRecord>> batches() {
        Arbitrary<String> nasty = Arbitraries.strings().withCharRange('\u0000', '\u007F')
                .withChars('\u2028', '\u2029', '\uFFFD', '\uD800', '\uDC00', '\u00E9').ofMaxLength(12);
        Arbitrary<Field> nastyField = Combinators.combine(
                Arbitraries.of("245", "500", "880", "a\"\\", "\u00001\u001F"),
                Arbitraries.chars().range('\u0000', '\u007F'), nasty, nasty)
                .as((tag, code, v, w) -> (Field) DataField.of(tag, code, '"', List.of(new Subfield(code, v),
                        new Subfield('\\', w))));
        Arbitrary<MarcRecord> records = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, RecordArbitraries.records()),
                net.jqwik.api.Tuple.of(1, Combinators.combine(RecordArbitraries.records(),
                        nastyField.list().ofMaxSize(4), nasty).as((r, fs, c) -> {
                            MarcRecord.Builder b = r.toBuilder().addControlField("001", c);
                            fs.forEach(b::add);
                            return b.build();
                        })));
        return records.list().ofMaxSize(6);
    }

    @Property(tries = 300)
    void linesArrayAndPrettyArrayAreJacksonsBytes(@ForAll("batches") List<MarcRecord> records) throws IOException {
        assertArrayEquals(jackson(records, true, false), marcloom(records, MarcFormat.MARC_JSON_LINES, false));
        assertArrayEquals(jackson(records, false, false), marcloom(records, MarcFormat.MARC_JSON, false));
        assertArrayEquals(jackson(records, false, true), marcloom(records, MarcFormat.MARC_JSON, true));
    }

    private static byte[] marcloom(List<MarcRecord> records, MarcFormat format, boolean indent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(format).indent(indent).open(out)) {
            records.forEach(w::write);
        }
        return out.toByteArray();
    }

    /// The reference: the same tree through Jackson's generator, as the writer did before it had
    /// its own encoder.
    private static byte[] jackson(List<MarcRecord> records, boolean lines, boolean pretty) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JACKSON.createGenerator(out, JsonEncoding.UTF8)) {
            if (lines) {
                g.setRootValueSeparator(null);
            } else {
                if (pretty) {
                    g.useDefaultPrettyPrinter();
                }
                g.writeStartArray();
            }
            for (MarcRecord r : records) {
                g.writeStartObject();
                g.writeStringField("leader", r.leader().toString());
                g.writeArrayFieldStart("fields");
                for (Field f : r.fields()) {
                    g.writeStartObject();
                    switch (f) {
                        case ControlField c -> g.writeStringField(clean(c.tag()), clean(c.data()));
                        case DataField d -> {
                            g.writeObjectFieldStart(clean(d.tag()));
                            g.writeStringField("ind1", clean(String.valueOf(d.indicator1())));
                            g.writeStringField("ind2", clean(String.valueOf(d.indicator2())));
                            g.writeArrayFieldStart("subfields");
                            for (Subfield s : d.subfields()) {
                                g.writeStartObject();
                                g.writeStringField(clean(String.valueOf(s.code())), clean(s.value()));
                                g.writeEndObject();
                            }
                            g.writeEndArray();
                            g.writeEndObject();
                        }
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                if (lines) {
                    g.writeRaw('\n');
                }
            }
            if (!lines) {
                g.writeEndArray();
                if (pretty) {
                    g.writeRaw('\n');
                }
            }
        }
        return out.toByteArray();
    }

    /// Unpaired surrogates as U+FFFD (Jackson refuses them).
    private static String clean(String s) {
        return CrossFormat.unpairedSurrogatesReplaced(s);
    }
}
