package org.marcloom.internal.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marcloom.ErrorCode;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.Utf8;
import org.marcloom.marc8.Marc8Decoder;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// The parser's word-at-a-time delimiter scan and its own UTF-8 decoder against a naive
/// byte-by-byte split decoded by the JDK: for any data field content (delimiters anywhere, runs of
/// them, ASCII, UTF-8 at every length boundary, ill-formed bytes, more subfields than the scan's
/// initial 64-slot table), the lenient parser gives the subfields the naive split gives, and one
/// SUBFIELD_CODE_INVALID error per empty subfield it drops.
class SubfieldSplitProperties {

    private static final byte SD = 0x1F;

    @Provide
    Arbitrary<byte[]> fieldData() {
        Arbitrary<byte[]> delimiter = Arbitraries.just(new byte[] {SD});
        Arbitrary<byte[]> ascii = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.', '0')
                .ofMinLength(1).ofMaxLength(11).map(s -> s.getBytes(StandardCharsets.US_ASCII));
        // Boundaries of each UTF-8 length and of Latin-1, combining marks, a BOM, U+FFFD itself.
        Arbitrary<byte[]> utf8 = Arbitraries.of("é", "ü", "\u0080", "\u00FF", "\u0100", "\u07FF", "\u0800", "€", "ſ",
                        "中文", "\uFEFF", "\uFFFD", "\uFFFF", "\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF", "a\u0301")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        // Single high bytes, truncated sequences, overlongs, encoded surrogates, above U+10FFFF.
        Arbitrary<byte[]> invalid = Arbitraries.oneOf(
                Arbitraries.bytes().between((byte) 0x80, (byte) 0xFF).map(b -> new byte[] {b}),
                Arbitraries.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82},
                        new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, new byte[] {(byte) 0xC0, (byte) 0x80},
                        new byte[] {(byte) 0xC1, (byte) 0xBF}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
                        new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, delimiter),
                net.jqwik.api.Tuple.of(10, ascii),
                net.jqwik.api.Tuple.of(2, utf8),
                net.jqwik.api.Tuple.of(1, invalid));
        return piece.list().ofMaxSize(260).map(SubfieldSplitProperties::concat);
    }

    @Property(tries = 400)
    void wordScanSplitsLikeTheNaiveSplit(@ForAll("fieldData") byte[] data) {
        byte[] record = record(data);
        Iso2709Parser parser = new Iso2709Parser(ReaderOptions.builder().lenient(true).maxDiagnosticsPerRecord(10_000).build());
        MarcRecord rec = parser.parse(record, 0, record.length, 0, 0, List.of());

        DataField field = (DataField) rec.fields().getFirst();
        assertEquals(naiveSplit(data), field.subfields());
        long dropped = rec.diagnostics().stream()
                .filter(d -> d.code() == ErrorCode.SUBFIELD_CODE_INVALID && d.message().contains("empty subfield"))
                .count();
        assertEquals(emptySubfields(data), dropped);
        long invalidUtf8 = rec.diagnostics().stream().filter(d -> d.code() == ErrorCode.INVALID_UTF8).count();
        assertEquals(illFormedValues(data), invalidUtf8);
    }

    @Property(tries = 100)
    void sameSplitAtEveryOffsetInTheBuffer(@ForAll("fieldData") byte[] data) {
        // The scan reads eight bytes at a time from wherever the field starts in the caller's buffer.
        byte[] record = record(data);
        List<Subfield> want = naiveSplit(data);
        Iso2709Parser parser = new Iso2709Parser(ReaderOptions.builder().lenient(true).maxDiagnosticsPerRecord(10_000).build());
        for (int shift = 1; shift < 8; shift++) {
            byte[] buf = new byte[record.length + shift + 3];
            System.arraycopy(record, 0, buf, shift, record.length);
            MarcRecord rec = parser.parse(buf, shift, shift + record.length, 0, 0, List.of());
            assertEquals(want, ((DataField) rec.fields().getFirst()).subfields(), "shift " + shift);
        }
    }

    @Example
    void valuesOver64KiBDecodeTheSame() {
        // Only lenient reading meets such values (a field's length has four digits): the parser
        // decodes them without its scratch arrays. The record stays under 99,999 bytes.
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(("\u001Fa" + "é".repeat(10_000) + "\u001Fb" + "x".repeat(66_000) + "€\u001Fc" + "ok")
                .getBytes(StandardCharsets.UTF_8));
        data.write(0xFF);
        byte[] bytes = data.toByteArray();
        byte[] record = record(bytes);
        Iso2709Parser parser = new Iso2709Parser(ReaderOptions.builder().lenient(true).build());
        MarcRecord rec = parser.parse(record, 0, record.length, 0, 0, List.of());

        assertEquals(naiveSplit(bytes), ((DataField) rec.fields().getFirst()).subfields());
        assertEquals(1, rec.diagnostics().stream().filter(d -> d.code() == ErrorCode.INVALID_UTF8).count());
    }

    @Provide
    Arbitrary<byte[]> marc8Data() {
        Arbitrary<byte[]> delimiter = Arbitraries.just(new byte[] {SD});
        Arbitrary<byte[]> ascii = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '#', ';', 'x', '2')
                .ofMinLength(1).ofMaxLength(11).map(s -> s.getBytes(StandardCharsets.US_ASCII));
        // Escapes to other sets and back, ANSEL letters and combining marks, numeric character
        // references (whole and broken), stray bytes.
        Arbitrary<byte[]> special = Arbitraries.of("\u001B(S", "\u001B(B", "\u001Bb", "\u001Bp", "\u001Bs", "\u001B(2",
                        "\u001B", "\u00E2e", "\u00A5", "\u00F0c", "&#x2113;", "&#x41", "&", "&amp;", "\u00FF", "\u0080")
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, delimiter),
                net.jqwik.api.Tuple.of(10, ascii),
                net.jqwik.api.Tuple.of(2, special));
        return piece.list().ofMaxSize(200).map(SubfieldSplitProperties::concat);
    }

    @Property(tries = 300)
    void marc8FieldsSplitAndDecodeLikeTheDecoderPerValue(@ForAll("marc8Data") byte[] data) {
        byte[] record = record(data, ' ');
        Iso2709Parser parser = new Iso2709Parser(ReaderOptions.builder().lenient(true).maxDiagnosticsPerRecord(10_000).build());
        MarcRecord rec = parser.parse(record, 0, record.length, 0, 0, List.of());

        Marc8Decoder decoder = Marc8Decoder.standard();
        long[] errors = {0};
        List<Subfield> want = new ArrayList<>();
        List<int[]> pieces = pieces(data);
        for (int k = 0; k < pieces.size(); k++) {
            int[] p = pieces.get(k);
            if (k == 0 && p[1] > p[0]) {
                want.add(new Subfield('a', decoder.decode(data, p[0], p[1] - p[0], (i, m) -> errors[0]++)));
            } else if (k > 0 && p[1] > p[0]) {
                want.add(new Subfield((char) (data[p[0]] & 0xFF),
                        decoder.decode(data, p[0] + 1, p[1] - p[0] - 1, (i, m) -> errors[0]++)));
            }
        }
        assertEquals(want, ((DataField) rec.fields().getFirst()).subfields());
        assertEquals(errors[0], rec.diagnostics().stream().filter(d -> d.code() == ErrorCode.INVALID_MARC8).count());
    }

    /// Split at every 0x1F: text before the first becomes subfield `a`, an empty piece is dropped,
    /// the rest are code + UTF-8 value.
    private static List<Subfield> naiveSplit(byte[] data) {
        List<Subfield> out = new ArrayList<>();
        List<int[]> pieces = pieces(data);
        int[] first = pieces.getFirst();
        if (first[1] > first[0]) {
            out.add(new Subfield('a', new String(data, first[0], first[1] - first[0], StandardCharsets.UTF_8)));
        }
        for (int k = 1; k < pieces.size(); k++) {
            int[] p = pieces.get(k);
            if (p[1] > p[0]) {
                out.add(new Subfield((char) (data[p[0]] & 0xFF),
                        new String(data, p[0] + 1, p[1] - p[0] - 1, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /// Values (as [#naiveSplit] cuts them) that are not well-formed UTF-8: each gets one diagnostic.
    private static long illFormedValues(byte[] data) {
        long n = 0;
        List<int[]> pieces = pieces(data);
        for (int k = 0; k < pieces.size(); k++) {
            int[] p = pieces.get(k);
            int from = k == 0 ? p[0] : p[0] + 1; // after the subfield code, except before the first delimiter
            if (p[1] > from && Utf8.firstInvalid(data, from, p[1] - from) >= 0) {
                n++;
            }
        }
        return n;
    }

    /// `[start, end)` of the bytes before the first 0x1F and between and after each 0x1F.
    private static List<int[]> pieces(byte[] data) {
        List<int[]> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == SD) {
                pieces.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return pieces;
    }

    private static long emptySubfields(byte[] data) {
        long n = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == SD && (i + 1 == data.length || data[i + 1] == SD)) {
                n++;
            }
        }
        return n;
    }

    /// One UTF-8 record (leader/09 `a`) with one data field 245, indicators `10`, then `data`.
    private static byte[] record(byte[] data) {
        return record(data, 'a');
    }

    /// One record with leader/09 `scheme` and one data field 245, indicators `10`, then `data`.
    private static byte[] record(byte[] data, char scheme) {
        int fieldLength = 2 + data.length + 1;
        int base = 24 + 12 + 1;
        int total = base + fieldLength + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.format("%05dnam %c22%05d   4500", total, scheme, base).getBytes(StandardCharsets.US_ASCII));
        // Over 9,999 bytes the length cannot be written: 9999 (the reader then reads to the terminator).
        out.writeBytes(String.format("245%04d%05d", Math.min(fieldLength, 9999), 0).getBytes(StandardCharsets.US_ASCII));
        out.write(0x1E);
        out.writeBytes(new byte[] {'1', '0'});
        out.writeBytes(data);
        out.write(0x1E);
        out.write(0x1D);
        return out.toByteArray();
    }

    private static byte[] concat(List<byte[]> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
