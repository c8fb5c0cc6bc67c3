package org.marcloom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriteException;
import org.marcloom.MarcWriter;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.testing.CrossFormat;

/// Each writer (ISO 2709, MARCXML, MARC-in-JSON, MARCMaker) on records built from the fuzz data
/// (leader, tags, indicators, subfield codes and values from a small alphabet of the characters
/// that matter: delimiters, controls, markup and escape characters, combining marks, astral and
/// unpaired surrogates): every record is either written and read back (strict) as the format's
/// documented policy says, or refused with a [MarcWriteException] whose code is one the writers
/// document, and then nothing of it is written (the next record still is). Nothing else escapes.
///
/// Seeds: fixtures/fuzz/records (any bytes drive the builder); fuzz with
/// `.ci/fuzz WriterRoundTripFuzzTest#iso2709 MINUTES` (or #marcXml, #json, #mrk).
class WriterRoundTripFuzzTest {

    private static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.CHARACTER_NOT_ALLOWED, ErrorCode.RECORD_TOO_LARGE,
            ErrorCode.TAG_INVALID, ErrorCode.INDICATOR_INVALID, ErrorCode.SUBFIELD_CODE_INVALID,
            ErrorCode.LEADER_INVALID);

    /// The characters values are built from (one byte picks one).
    private static final String TEXT = "aZ09 .,;:/-$\\{}<>&\"'\n\r\t\u001d\u001e\u001f\u0000\u001b\u007f\u0080\u00e9"
            + "\u0301\u0308\u05d0\u0416\u4e2d\ufffd\ufeff\ufffe\ud83d\ude00\ud800\udc00\u2028#=|";
    /// The characters tags, indicators, subfield codes and leader positions are built from.
    private static final String CODE = "0123456789abczAZ |\\$#{\u001f\u001e\u0000\u00e9\n-";

    @FuzzTarget("records")
    void iso2709(byte[] data) {
        roundTrip(data, MarcFormat.ISO_2709);
    }

    @FuzzTarget("records")
    void marcXml(byte[] data) {
        roundTrip(data, MarcFormat.MARCXML);
    }

    @FuzzTarget("records")
    void json(byte[] data) {
        roundTrip(data, MarcFormat.MARC_JSON);
    }

    @FuzzTarget("records")
    void mrk(byte[] data) {
        roundTrip(data, MarcFormat.MARCMAKER);
    }

    /// Writes the generated record and a plain one after it; reads the output back.
    static void roundTrip(byte[] data, MarcFormat format) {
        if (data.length > FuzzSupport.MAX_INPUT) {
            return;
        }
        MarcRecord record = build(new Bytes(data));
        MarcRecord plain = MarcRecord.builder().addControlField("001", "plain")
                .addDataField("245", '1', '0', Subfield.of('a', "after")).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriteException refused = null;
        try (MarcWriter w = MarcWriter.builder().format(format).open(out)) {
            try {
                w.write(record);
            } catch (MarcWriteException e) {
                refused = e;
                assertTrue(REFUSALS.contains(e.code()), () -> "undocumented refusal code: " + e.getMessage());
                assertEquals(0, e.recordIndex(), "refusal's record index");
                assertTrue(e.getMessage().startsWith(e.code() + " at record 0"), e.getMessage());
            }
            w.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        List<MarcRecord> back = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(format).open(new ByteArrayInputStream(bytes))) {
            r.forEach(back::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(format + " writer output that its strict reader refuses: " + e.getMessage()
                    + "\nrecord: " + record + "\noutput: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
        String iso = format == MarcFormat.ISO_2709 ? CrossFormat.isoRefusal(record) : null;
        if (refused != null) {
            assertEquals(1, back.size(), "a refused record leaves nothing in the output: " + back);
            assertEquals(plain.fields(), back.get(0).fields(), "the record after the refused one");
            return;
        }
        if (iso != null) {
            fail("the ISO 2709 writer wrote a record it must refuse (" + iso + "): " + record);
        }
        assertEquals(2, back.size(), () -> "records read back: " + back + "\noutput: "
                + new String(bytes, StandardCharsets.UTF_8));
        MarcRecord expected = expected(record, format);
        MarcRecord got = back.get(0);
        if (format == MarcFormat.ISO_2709) {
            assertEquals(CrossFormat.mask(expected.leader().toString(), CrossFormat.ISO_WRITER_POSITIONS),
                    CrossFormat.mask(got.leader().toString(), CrossFormat.ISO_WRITER_POSITIONS), "leader");
            assertEquals(expected.fields(), got.fields(), "fields");
        } else {
            assertEquals(expected, got, () -> "read back\noutput: " + new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /// The record as the format's documented policy writes it: unpaired surrogates become U+FFFD
    /// in every format; MARCXML also turns every character XML 1.0 forbids into U+FFFD, in the
    /// leader, tags, indicators and subfield codes as in the values.
    static MarcRecord expected(MarcRecord r, MarcFormat format) {
        UnaryOperator<String> text = format == MarcFormat.MARCXML ? CrossFormat::xmlText
                : CrossFormat::unpairedSurrogatesReplaced;
        UnaryOperator<String> code = text;
        MarcRecord.Builder b = MarcRecord.builder().leader(code.apply(r.leader().toString()));
        for (Field f : r.fields()) {
            switch (f) {
                case ControlField c -> b.add(new ControlField(code.apply(c.tag()), text.apply(c.data())));
                case DataField d -> b.add(DataField.of(code.apply(d.tag()), one(code, d.indicator1()),
                        one(code, d.indicator2()), d.subfields().stream()
                                .map(s -> new Subfield(one(code, s.code()), text.apply(s.value()))).toList()));
            }
        }
        return b.build();
    }

    private static char one(UnaryOperator<String> f, char c) {
        return f.apply(String.valueOf(c)).charAt(0);
    }

    /// A record from the bytes: a leader (mostly valid), up to 12 fields.
    static MarcRecord build(Bytes in) {
        StringBuilder leader = new StringBuilder("00000nam a2200000   4500");
        int changes = in.next() & 3;
        for (int i = 0; i < changes; i++) {
            leader.setCharAt(in.next() % 24, in.pick(CODE));
        }
        MarcRecord.Builder b = MarcRecord.builder().leader(Leader.of(leader.toString()));
        int fields = in.next() % 13;
        for (int i = 0; i < fields && in.more(); i++) {
            int kind = in.next();
            String tag = (kind & 0x80) != 0 ? "" + in.pick(CODE) + in.pick(CODE) + in.pick(CODE)
                    : (kind & 1) == 0 ? "00" + (char) ('1' + in.next() % 9) : String.format("%03d", 10 + in.next() % 990);
            if (tag.startsWith("00") && (kind & 0x40) == 0) {
                b.add(new ControlField(tag, in.text()));
            } else {
                char i1 = (kind & 0x20) != 0 ? in.pick(CODE) : ' ';
                char i2 = (kind & 0x10) != 0 ? in.pick(CODE) : '0';
                List<Subfield> subfields = new ArrayList<>();
                int n = in.next() % 5;
                for (int s = 0; s < n; s++) {
                    char code = (in.next() & 7) == 0 ? in.pick(CODE) : (char) ('a' + in.next() % 26);
                    subfields.add(new Subfield(code, in.text()));
                }
                b.add(DataField.of(tag, i1, i2, subfields));
            }
        }
        return b.build();
    }

    /// The fuzz data as a stream of choices; zeros once it is used up.
    static final class Bytes {
        private final byte[] data;
        private int pos;

        Bytes(byte[] data) {
            this.data = data;
        }

        boolean more() {
            return pos < data.length;
        }

        int next() {
            return pos < data.length ? data[pos++] & 0xFF : 0;
        }

        char pick(String from) {
            return from.charAt(next() % from.length());
        }

        /// A value: mostly letters, with one of [#TEXT]'s characters now and then; a length byte
        /// of 255 makes a long run (for the ISO 2709 size limits).
        String text() {
            int len = next();
            if (len == 255) {
                return "x".repeat(9000 + next() * 4);
            }
            len %= 24;
            StringBuilder sb = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                int c = next();
                sb.append(c < 128 ? (char) ('a' + c % 26) : TEXT.charAt(c % TEXT.length()));
            }
            return sb.toString();
        }
    }
}
