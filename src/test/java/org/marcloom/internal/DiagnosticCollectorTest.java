package org.marcloom.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;

/// The one collector behind every parser: the cap and its single marker, the strict throw, and
/// what a record without diagnostics costs.
class DiagnosticCollectorTest {

    private static final ReaderOptions LENIENT_3 = ReaderOptions.builder().lenient(true).maxDiagnosticsPerRecord(3)
            .build();

    @Test
    void theCapKeepsTheFirstDiagnosticsAndOneMarkerAtTheFirstDroppedOne() {
        DiagnosticCollector c = new DiagnosticCollector(LENIENT_3, "in.mrc");
        c.startRecord(7);
        for (int i = 0; i < 6; i++) {
            c.atOffset(Severity.ERROR, ErrorCode.INDICATOR_INVALID, 100 + i, "245", "problem " + i, "repair " + i);
        }
        List<Diagnostic> d = c.finish();
        assertEquals(4, d.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(Diagnostic.builder(Severity.ERROR, ErrorCode.INDICATOR_INVALID).recordIndex(7)
                    .byteOffset(100 + i).tag("245").problem("problem " + i).repair("repair " + i).build(), d.get(i));
        }
        Diagnostic marker = d.get(3);
        assertEquals(Severity.WARNING, marker.severity());
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, marker.code());
        assertEquals(7, marker.recordIndex());
        assertEquals(103, marker.byteOffset(), "the position of the first diagnostic dropped");
        assertEquals(-1, marker.line());
        assertEquals(-1, marker.column());
        assertEquals(null, marker.tag());
        assertEquals("more than 3 diagnostics for this record (ReaderOptions.maxDiagnosticsPerRecord)",
                marker.problem());
        assertEquals("the rest were dropped", marker.repair());
        assertEquals("WARNING DIAGNOSTICS_TRUNCATED at record 7, byte 103: more than 3 diagnostics for this record"
                + " (ReaderOptions.maxDiagnosticsPerRecord); the rest were dropped", marker.toString());
    }

    @Test
    void theMarkerOfATextFormatHasTheLineAndColumnOfTheFirstDroppedOne() {
        DiagnosticCollector c = new DiagnosticCollector(LENIENT_3, null);
        c.startRecord(2);
        for (int i = 1; i <= 5; i++) {
            c.atLine(Severity.WARNING, ErrorCode.STRUCTURE_INVALID, 10 + i, 3 * i, null, "p", "");
        }
        Diagnostic marker = c.finish().getLast();
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, marker.code());
        assertEquals(2, marker.recordIndex());
        assertEquals(-1, marker.byteOffset());
        assertEquals(14, marker.line());
        assertEquals(12, marker.column());
    }

    @Test
    void eachRecordHasItsOwnCapAndARecordWithoutDiagnosticsGetsTheSharedEmptyList() {
        DiagnosticCollector c = new DiagnosticCollector(LENIENT_3, null);
        c.startRecord(0);
        for (int i = 0; i < 5; i++) {
            c.atOffset(Severity.ERROR, ErrorCode.TAG_INVALID, i, null, "p", "r");
        }
        assertEquals(4, c.finish().size());
        c.startRecord(1);
        assertTrue(c.isEmpty());
        assertSame(List.of(), c.finish(), "no list is made for a record without diagnostics");
        c.startRecord(2);
        for (int i = 0; i < 4; i++) {
            c.atOffset(Severity.ERROR, ErrorCode.TAG_INVALID, i, null, "p", "r");
        }
        List<Diagnostic> d = c.finish();
        assertEquals(4, d.size());
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, d.get(3).code());
        assertEquals(2, d.get(3).recordIndex());
        assertThrows(UnsupportedOperationException.class, () -> d.add(d.get(0)));
    }

    @Test
    void strictModeThrowsTheProblemAloneAsFatalWithTheControlNumberAndTheSource() {
        DiagnosticCollector c = new DiagnosticCollector(ReaderOptions.DEFAULTS, "in.mrc");
        c.startRecord(4);
        c.controlNumber("ocm123");
        c.controlNumber("second 001");
        MarcParseException e = assertThrows(MarcParseException.class, () -> c.atOffset(Severity.ERROR,
                ErrorCode.SUBFIELD_CODE_INVALID, 1234, "245", "a subfield delimiter is not followed by a subfield code",
                "the empty subfield was dropped"));
        assertEquals(ErrorCode.SUBFIELD_CODE_INVALID, e.code());
        assertEquals(4, e.recordIndex());
        assertEquals(1234, e.byteOffset());
        assertEquals(-1, e.line());
        assertEquals(-1, e.column());
        assertEquals("245", e.tag());
        assertEquals("ocm123", e.controlNumber());
        assertEquals("in.mrc", e.source());
        assertEquals(Severity.FATAL, e.diagnostic().severity());
        assertEquals("a subfield delimiter is not followed by a subfield code", e.diagnostic().problem());
        assertEquals("", e.diagnostic().repair());
        assertEquals("in.mrc: SUBFIELD_CODE_INVALID at record 4, byte 1234, tag 245 (001 ocm123): a subfield"
                + " delimiter is not followed by a subfield code", e.getMessage());
    }

    @Test
    void strictModeThrowsADiagnosticMadeElsewhereWithItsOwnPositions() {
        DiagnosticCollector c = new DiagnosticCollector(ReaderOptions.DEFAULTS, null);
        c.startRecord(1);
        Diagnostic bad = Diagnostic.builder(Severity.ERROR, ErrorCode.INVALID_UTF8).recordIndex(1).byteOffset(77)
                .line(3).column(9).tag("100").problem("byte 0xFF is not valid UTF-8").repair(Utf8.REPLACED).build();
        MarcParseException e = assertThrows(MarcParseException.class, () -> c.report(bad));
        assertEquals("INVALID_UTF8 at record 1, byte 77, line 3, column 9, tag 100: byte 0xFF is not valid UTF-8",
                e.getMessage());
        assertEquals(null, e.source());
        assertEquals(null, e.controlNumber(), "no 001 read yet");
    }

    @Test
    void strictModeKeepsWarningsAndLenientModeKeepsEveryDiagnosticWithItsSeverity() {
        DiagnosticCollector strict = new DiagnosticCollector(ReaderOptions.DEFAULTS, null);
        strict.startRecord(0);
        strict.atLine(Severity.WARNING, ErrorCode.SYNTAX_ERROR, 2, 6, "245", "one space instead of two after the tag",
                "data read from column 6");
        assertEquals(List.of(Diagnostic.builder(Severity.WARNING, ErrorCode.SYNTAX_ERROR).recordIndex(0).line(2)
                .column(6).tag("245").problem("one space instead of two after the tag")
                .repair("data read from column 6").build()), strict.finish());

        DiagnosticCollector lenient = new DiagnosticCollector(LENIENT_3, null);
        lenient.startRecord(5);
        lenient.atOffset(Severity.FATAL, ErrorCode.LIMIT_EXCEEDED, 24, null, "too many", "the rest were ignored");
        Diagnostic d = lenient.finish().getFirst();
        assertEquals(Severity.FATAL, d.severity());
        assertEquals("too many; the rest were ignored", d.message());
    }

    @Test
    void addKeepsADiagnosticInStrictModeToo() {
        DiagnosticCollector c = new DiagnosticCollector(ReaderOptions.DEFAULTS, null);
        c.startRecord(3);
        Diagnostic framing = Diagnostic.builder(Severity.ERROR, ErrorCode.JUNK_SKIPPED).recordIndex(3).byteOffset(10)
                .problem("2 bytes before this record are not a record").repair("skipped").build();
        c.add(framing);
        assertEquals(List.of(framing), c.finish());
    }
}
