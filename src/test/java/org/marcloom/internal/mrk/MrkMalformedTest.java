package org.marcloom.internal.mrk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.Severity;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Syntax rules, mnemonics, strict errors with line and column, lenient recovery, and the writer's form.
class MrkMalformedTest {

    static List<MarcRecord> read(byte[] bytes, boolean lenient) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCMAKER).lenient(lenient)
                .open(new ByteArrayInputStream(bytes))) {
            for (MarcRecord rec : r) {
                out.add(rec);
            }
        }
        return out;
    }

    static List<MarcRecord> read(String text, boolean lenient) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), lenient);
    }

    static final String GOOD = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  ocm1\\\n=245  10$aTitle{dollar}$bsub\n";

    @Test
    void controlFieldsAndLeaderUseBackslashForBlanksDataFieldsKeepIt() throws IOException {
        MarcRecord r = read("=LDR  00000nam  2200000 a 4500\n=008  a\\b\n=500  \\\\$aback \\ slash {bsol}\n", false).get(0);
        assertEquals("00000nam  2200000 a 4500", r.leader().toString());
        assertEquals("a b", r.controlValue("008").orElseThrow());
        DataField f = r.dataField("500").orElseThrow();
        assertEquals(' ', f.indicator1());
        assertEquals("back \\ slash \\", f.value('a'));
    }

    @Test
    void combiningMnemonicsMoveAfterTheirBaseAndSpecialsAndHexFormsDecode() throws IOException {
        MarcRecord r = read("=LDR  00000nam  2200000 a 4500\n"
                + "=500  \\\\$a{acute}e{uml}{macr}a S{hooka}{ohorn} {aelig}{eth}{copy}{pound}{esc}{x41}{U+00E9}{lcub}{rcub}\n", false).get(0);
        assertEquals("e\u0301a\u0308\u0304 S\u01A1\u0309 æð©£\u001BAé{}", r.value("500$a").orElseThrow());
    }

    @Test
    void bracesAroundNoMnemonicNameStayAsWritten() throws IOException {
        MarcRecord r = read("=LDR  00000nam  2200000 a 4500\n=500  \\\\$abrace ({) and (}) and {}\n", false).get(0);
        assertEquals("brace ({) and (}) and {}", r.value("500$a").orElseThrow());
        assertTrue(r.diagnostics().isEmpty());
    }

    @Test
    void unknownMnemonicIsKeptWithAWarning() throws IOException {
        MarcRecord r = read("=LDR  00000nam  2200000 a 4500\n=500  \\\\$aa{bogus}b\n", false).get(0);
        assertEquals("a{bogus}b", r.value("500$a").orElseThrow());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(ErrorCode.SYNTAX_ERROR, d.code());
        assertEquals(2, d.line());
        assertEquals(12, d.column());
    }

    @Test
    void oldLeaderTagCrlfBomContinuationLinesAndManyBlankLines() throws IOException {
        String text = "\uFEFF=000  00000nam\\\\2200000\\a\\4500\r\n=245  10$aPolitical tides /$cby John\r\n"
                + " ; with an introduction.\r\n\r\n\r\n \r\n=LDR  00000nam  2200000 a 4500\r\n=001  x\r\n";
        List<MarcRecord> rs = read(text, false);
        assertEquals(2, rs.size());
        assertEquals("by John ; with an introduction.", rs.get(0).value("245$c").orElseThrow());
        assertEquals("x", rs.get(1).controlNumber().orElseThrow());
    }

    @Test
    void aNewLeaderLineStartsANewRecordWithoutABlankLine() throws IOException {
        assertEquals(2, read(GOOD + GOOD, false).size());
        assertEquals(3, read(GOOD + "\n\n" + GOOD + "\n" + GOOD, false).size());
    }

    @Test
    void strictModeNamesLineAndColumn() {
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> read(GOOD + "\n=LDR  00000nam  2200000 a 4500\n=001  b\nthis is not a field\n", false));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(7, e.line());
        assertEquals(1, e.column());
        assertEquals("b", e.controlNumber());
        assertEquals(-1, e.byteOffset());

        e = assertThrows(MarcParseException.class, () -> read(GOOD + "=2450 10$aX\n", false));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals(4, e.line());
        assertEquals(2, e.column());

        e = assertThrows(MarcParseException.class, () -> read(GOOD + "=245  1\n", false));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        assertEquals("245", e.tag());
        assertEquals(8, e.column());

        e = assertThrows(MarcParseException.class, () -> read(GOOD + "=245  10Title$bx\n", false));
        assertEquals(ErrorCode.SUBFIELD_DELIMITER_MISSING, e.code());
        assertEquals(9, e.column());

        e = assertThrows(MarcParseException.class, () -> read("=LDR  00000nam\n", false));
        assertEquals(ErrorCode.LEADER_INVALID, e.code());

        e = assertThrows(MarcParseException.class, () -> read("=245  10$aNo leader\n", false));
        assertEquals(ErrorCode.STRUCTURE_INVALID, e.code());
    }

    @Test
    void lenientModeSkipsBadLinesAndKeepsGoing() throws IOException {
        String text = GOOD + "junk line\n=24\n=245  1\n=500  \\\\$$bok\n=650  \\0Loose$xtext\n\n"
                + "=LDR  short\n=001  second\n";
        List<MarcRecord> rs = read(text, true);
        assertEquals(2, rs.size());
        MarcRecord first = rs.get(0);
        assertEquals(List.of(ErrorCode.SYNTAX_ERROR, ErrorCode.SYNTAX_ERROR, ErrorCode.SYNTAX_ERROR,
                ErrorCode.SUBFIELD_CODE_INVALID, ErrorCode.SUBFIELD_DELIMITER_MISSING),
                first.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(List.of(4, 5, 6, 7, 8), first.diagnostics().stream().map(Diagnostic::line).toList());
        assertEquals(List.of(new Subfield('b', "ok")), first.dataField("500").orElseThrow().subfields());
        assertEquals(List.of(new Subfield('a', "Loose"), new Subfield('x', "text")),
                first.dataField("650").orElseThrow().subfields());
        MarcRecord second = rs.get(1);
        assertEquals(ErrorCode.LEADER_INVALID, second.diagnostics().get(0).code());
        assertEquals(1, second.diagnostics().get(0).recordIndex());
        assertEquals("short" + " ".repeat(19), second.leader().toString());
        assertEquals("second", second.controlNumber().orElseThrow());
    }

    @Test
    void invalidUtf8IsAnErrorStrictAndWindows1252Lenient() throws IOException {
        byte[] head = "=LDR  00000nam  2200000 a 4500\n=500  \\\\$acaf".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '\n';
        MarcParseException e = assertThrows(MarcParseException.class, () -> read(bytes, false));
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(2, e.line());
        assertEquals(14, e.column());
        MarcRecord r = read(bytes, true).get(0);
        assertEquals("café", r.value("500$a").orElseThrow());
        assertEquals(ErrorCode.INVALID_UTF8, r.diagnostics().get(0).code());
    }

    /// A bad byte in the second of three records: strict names that record, the line, the column,
    /// the byte offset and the tag; lenient keeps all three records and reports it on the second.
    @Test
    void invalidUtf8InTheSecondRecordHasItsIndexTagAndByteOffset() throws IOException {
        String text = "=LDR  00000nam  2200000 a 4500\n=001  r0\n\n"
                + "=LDR  00000nam  2200000 a 4500\n=001  r1\n=245  00$abad #\n\n"
                + "=LDR  00000nam  2200000 a 4500\n=001  r2\n";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int at = text.indexOf('#');
        bytes[at] = (byte) 0xFF;
        MarcParseException e = assertThrows(MarcParseException.class, () -> read(bytes, false));
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(6, e.line());
        assertEquals(at - text.lastIndexOf('\n', at), e.column());
        assertEquals(at, e.byteOffset());
        assertEquals("245", e.tag());
        List<MarcRecord> rs = read(bytes, true);
        assertEquals(3, rs.size());
        assertEquals(List.of(), rs.get(0).diagnostics());
        assertEquals(List.of(), rs.get(2).diagnostics());
        Diagnostic d = rs.get(1).diagnostics().get(0);
        assertEquals(ErrorCode.INVALID_UTF8, d.code());
        assertEquals(1, d.recordIndex());
        assertEquals(at, d.byteOffset());
        assertEquals("bad \u00ff", rs.get(1).value("245$a").orElseThrow());
    }

    @Test
    void diagnosticsAreCapped() throws IOException {
        StringBuilder sb = new StringBuilder("=LDR  00000nam  2200000 a 4500\n");
        for (int i = 0; i < 10; i++) {
            sb.append("bad\n");
        }
        List<MarcRecord> rs = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCMAKER).lenient(true).maxDiagnosticsPerRecord(3)
                .open(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)))) {
            r.forEach(rs::add);
        }
        assertEquals(4, rs.get(0).diagnostics().size());
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, rs.get(0).diagnostics().get(3).code());
    }

    @Test
    void junkAfterTheLastRecordIsReportedAsTrailing() throws IOException {
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCMAKER).lenient(true)
                .open(new ByteArrayInputStream((GOOD + "\njunk\n").getBytes(StandardCharsets.UTF_8)))) {
            assertEquals("ocm1 ", r.read().controlNumber().orElseThrow());
            assertNull(r.read());
            assertEquals(1, r.trailingDiagnostics().size());
            assertEquals(5, r.trailingDiagnostics().get(0).line());
        }
    }

    @Test
    void writerUsesMarcBreakerForm() throws IOException {
        MarcRecord r = read("=LDR  00000nam  2200000 a 4500\n=001  a b\n=245  1\\$aPrice {dollar}5 {lcub}x{rcub} \\ é$b\n",
                false).get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(MarcFormat.MARCMAKER).open(out)) {
            w.write(r);
            w.write(r);
        }
        String one = "=LDR  00000nam\\\\2200000\\a\\4500\r\n=001  a\\b\r\n"
                + "=245  1\\$aPrice {dollar}5 {lcub}x{rcub} {bsol} é$b\r\n\r\n";
        assertEquals(one + one, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writerRejectsWhatTheFormatCannotHold() {
        MarcRecord r = MarcRecord.builder().add(DataField.of("245", '\\', ' ', new Subfield('a', "x"))).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(MarcFormat.MARCMAKER).open(out)) {
            org.marcloom.MarcWriteException e = assertThrows(org.marcloom.MarcWriteException.class, () -> w.write(r));
            assertEquals(org.marcloom.ErrorCode.INDICATOR_INVALID, e.code());
            assertEquals("INDICATOR_INVALID at record 0, tag 245: indicator 0x5c cannot be written in MARCMaker",
                    e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
