package org.marcloom.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.internal.Utf8;
import org.marcloom.record.MarcRecord;

/// Bytes that are not valid UTF-8 in MARC-in-JSON: an exact INVALID_UTF8 error in strict mode,
/// U+FFFD plus a diagnostic on the record in lenient mode (the record and the others are kept),
/// never an `UncheckedIOException`, a syntax error or a silent replacement.
class JsonMalformedUtf8Test {

    private static final String MARK = "#BAD#";

    private static String record(int i, String title) {
        return "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[{\"001\":\"r" + i + "\"},"
                + "{\"245\":{\"ind1\":\"0\",\"ind2\":\"0\",\"subfields\":[{\"a\":\"" + title + "\"}]}}]}";
    }

    /// Three records, one per line (an array puts `[` on line 1 and the records on lines 2 to 4).
    private static String doc(boolean array, String title1) {
        String body = record(0, "first") + (array ? ",\n" : "\n") + record(1, title1) + (array ? ",\n" : "\n")
                + record(2, "third") + "\n";
        return array ? "[\n" + body + "]\n" : body;
    }

    private static byte[] withBadBytes(String doc, byte... bad) {
        int at = doc.indexOf(MARK);
        byte[] head = doc.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = doc.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + bad.length + tail.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
    }

    /// One-based line and byte column of the mark (the text before it is ASCII).
    private static int[] position(String doc) {
        int at = doc.indexOf(MARK);
        int nl = doc.lastIndexOf('\n', at);
        return new int[] {(int) doc.substring(0, at).chars().filter(c -> c == '\n').count() + 1, at - nl};
    }

    private static MarcReader reader(byte[] bytes, boolean lenient) {
        return MarcReader.builder().format(MarcFormat.MARC_JSON).lenient(lenient).open(new ByteArrayInputStream(bytes));
    }

    private static List<MarcRecord> readAll(byte[] bytes, boolean lenient) {
        try (MarcReader r = reader(bytes, lenient)) {
            List<MarcRecord> out = new ArrayList<>();
            r.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void strictModeThrowsInvalidUtf8WithRecordIndexLineColumnAndOffset(boolean array) throws IOException {
        String doc = doc(array, "ba" + MARK + "d");
        byte[] bytes = withBadBytes(doc, (byte) 0xC3);
        int[] pos = position(doc);
        try (MarcReader r = reader(bytes, false)) {
            assertEquals("r0", r.read().controlNumber().orElseThrow());
            MarcParseException e = assertThrows(MarcParseException.class, r::read);
            assertEquals(ErrorCode.INVALID_UTF8, e.code(), e.getMessage());
            assertEquals(1, e.recordIndex());
            assertEquals(array ? 3 : 2, e.line());
            assertEquals(pos[0], e.line());
            assertEquals(pos[1], e.column());
            assertEquals(doc.indexOf(MARK), e.byteOffset());
            assertEquals("245", e.tag());
            assertTrue(e.getMessage().contains("0xC3"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lenientModeKeepsEveryRecordAndReportsTheBadBytesOnTheirRecord(boolean array) throws IOException {
        String doc = doc(array, "ba" + MARK + "d");
        int[] pos = position(doc);
        try (MarcReader r = reader(withBadBytes(doc, (byte) 0xC3), true)) {
            List<MarcRecord> records = new ArrayList<>();
            r.forEach(records::add);
            assertEquals(3, records.size());
            assertEquals(List.of(), records.get(0).diagnostics());
            assertEquals(List.of(), records.get(2).diagnostics());
            assertEquals("ba\uFFFDd", records.get(1).dataField("245").orElseThrow().value('a'));
            assertEquals(1, records.get(1).diagnostics().size(), records.get(1).diagnostics().toString());
            Diagnostic d = records.get(1).diagnostics().get(0);
            assertEquals(ErrorCode.INVALID_UTF8, d.code());
            assertEquals(1, d.recordIndex());
            assertEquals(pos[0], d.line());
            assertEquals(pos[1], d.column());
            assertEquals(doc.indexOf(MARK), d.byteOffset());
            assertEquals("245", d.tag());
            assertEquals(List.of(), r.trailingDiagnostics());
        }
    }

    @Test
    void aSecondBadByteOnTheSameLineHasItsOriginalOffset() {
        String doc = doc(false, "x" + MARK + "y" + MARK + "z");
        int first = doc.indexOf(MARK);
        int second = doc.indexOf(MARK, first + 1) - MARK.length() + 1;
        String[] parts = doc.split(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.write(0x80);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        out.writeBytes(parts[2].getBytes(StandardCharsets.UTF_8));
        byte[] bytes = out.toByteArray();
        assertEquals(first + 2, second);
        MarcRecord r = readAll(bytes, true).get(1);
        assertEquals("x\uFFFDy\uFFFDz", r.dataField("245").orElseThrow().value('a'));
        assertEquals(2, r.diagnostics().size());
        assertEquals(first, r.diagnostics().get(0).byteOffset());
        assertEquals(second, r.diagnostics().get(1).byteOffset(), "offsets are in the input, not the repaired text");
        assertTrue(r.diagnostics().get(1).message().contains("0xFF"), r.diagnostics().get(1).message());
    }

    @Test
    void badBytesAfterTheLastRecordAreTrailingInLenientModeAndAnErrorInStrictMode() throws IOException {
        String doc = doc(false, "fine") + MARK + "\n";
        byte[] bytes = withBadBytes(doc, (byte) 0xFF);
        try (MarcReader r = reader(bytes, true)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of(), r.read().diagnostics());
            }
            assertNull(r.read());
            List<ErrorCode> codes = r.trailingDiagnostics().stream().map(Diagnostic::code).toList();
            assertEquals(ErrorCode.INVALID_UTF8, codes.get(0), r.trailingDiagnostics().toString());
            assertEquals(doc.indexOf(MARK), r.trailingDiagnostics().get(0).byteOffset());
            assertEquals(4, r.trailingDiagnostics().get(0).line());
        }
        try (MarcReader r = reader(bytes, false)) {
            r.read();
            r.read();
            r.read();
            MarcParseException e = assertThrows(MarcParseException.class, r::read);
            assertEquals(ErrorCode.INVALID_UTF8, e.code());
            assertEquals(3, e.recordIndex());
        }
    }

    @Test
    void aSequenceCutOffByTheEndOfTheInputIsMalformed() {
        String doc = doc(false, "fine").stripTrailing() + MARK;
        byte[] bytes = withBadBytes(doc, (byte) 0xE2, (byte) 0x82);
        MarcParseException e = assertThrows(MarcParseException.class, () -> readAll(bytes, false));
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(doc.indexOf(MARK), e.byteOffset());
        assertTrue(e.getMessage().contains("0xE2 0x82"), e.getMessage());
    }

    /// Valid multi-byte text crossing the 128 KiB read buffer at every alignment reads back exactly.
    @Test
    void multiByteCharactersAcrossBufferBoundaries() {
        String[] texts = {"a\u00e9", "\u4e2d\u6587", "\uD83D\uDE00x", "\u00e9\uD83D\uDE00\u4e2d"};
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String t = texts[i % texts.length] + "z".repeat(i % 7);
            expected.add(t);
            sb.append(record(i, t)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 4 * 128 * 1024);
        List<String> got = readAll(bytes, false).stream()
                .map(r -> r.dataField("245").orElseThrow().value('a')).toList();
        assertEquals(expected, got);
    }

    @Test
    void nothingIsPrintedOnStandardError() {
        byte[] bytes = withBadBytes(doc(true, "ba" + MARK + "d"), (byte) 0xC3);
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThrows(MarcParseException.class, () -> readAll(bytes, false));
            assertEquals(3, readAll(bytes, true).size());
        } finally {
            System.setErr(old);
        }
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
    }

    /// Any bytes in a subfield value: lenient mode reads what the JDK's UTF-8 decoder makes of them
    /// and reports INVALID_UTF8 exactly when they are not UTF-8, with the offset of the first bad
    /// byte; strict mode throws then.
    @Property(tries = 300)
    void anyBytesDecodeLikeTheJdk(@ForAll("valueBytes") byte[] value) {
        byte[] followed = Arrays.copyOf(value, value.length + 1);
        followed[value.length] = '"';
        String decoded = new String(followed, StandardCharsets.UTF_8);
        decoded = decoded.substring(0, decoded.length() - 1);
        // control characters must be escaped in JSON strings
        Assume.that(decoded.chars().noneMatch(c -> c < 0x20));
        String doc = doc(false, MARK);
        byte[] bytes = withBadBytes(doc, value);
        int firstBad = Utf8.firstInvalid(value, 0, value.length);
        List<MarcRecord> records = readAll(bytes, true);
        assertEquals(3, records.size());
        MarcRecord r = records.get(1);
        assertEquals(decoded, r.dataField("245").orElseThrow().value('a'));
        assertEquals(firstBad >= 0, !r.diagnostics().isEmpty(), r.diagnostics().toString());
        if (firstBad >= 0) {
            assertEquals(doc.indexOf(MARK) + firstBad, r.diagnostics().get(0).byteOffset());
            MarcParseException e = assertThrows(MarcParseException.class, () -> readAll(bytes, false));
            assertEquals(ErrorCode.INVALID_UTF8, e.code());
            assertEquals(1, e.recordIndex());
            assertEquals(doc.indexOf(MARK) + firstBad, e.byteOffset());
        }
    }

    @Provide
    Arbitrary<byte[]> valueBytes() {
        Arbitrary<Byte> high = Arbitraries.integers().between(0x80, 0xFF).map(i -> (byte) (int) i);
        Arbitrary<Byte> letter = Arbitraries.of((byte) 'a', (byte) 'b', (byte) ' ');
        return Arbitraries.frequencyOf(Tuple.of(3, high), Tuple.of(1, letter)).list().ofMinSize(1).ofMaxSize(12)
                .map(l -> {
                    byte[] out = new byte[l.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = l.get(i);
                    }
                    return out;
                });
    }
}
