package org.marcloom.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;

/// The diagnostics of the record being read, for every parser: one cap, one truncation marker,
/// one strict error.
///
/// - A problem is reported with what is wrong and, separately, what lenient reading did about it
///   (the repair, empty when nothing was done).
/// - Strict reading ([ReaderOptions#lenient()] false): a problem that is not a
///   [Severity#WARNING] throws [MarcParseException] at once, severity [Severity#FATAL], with the
///   problem alone (strict reading repairs nothing), the record's control number when it is
///   already known, and the input's name.
/// - Otherwise the diagnostic is kept, up to [ReaderOptions#maxDiagnosticsPerRecord()] per record;
///   the first one over the cap is replaced by one [ErrorCode#DIAGNOSTICS_TRUNCATED] warning at its
///   position that names the setting, and the rest are dropped.
///
/// [#startRecord] begins a record, [#finish()] hands its diagnostics over. Allocates nothing for a
/// record without diagnostics. Not thread-safe: one per parser.
public final class DiagnosticCollector {

    private final boolean lenient;
    private final int max;
    private final String sourceName;

    private ArrayList<Diagnostic> diagnostics;
    private boolean truncated;
    private long recordIndex = -1;
    private String controlNumber;

    /// A collector for a reader with these options.
    ///
    /// @param options    the reader's options (lenient, the cap)
    /// @param sourceName the input's name for strict errors, or null
    public DiagnosticCollector(ReaderOptions options, String sourceName) {
        this.lenient = options.lenient();
        this.max = options.maxDiagnosticsPerRecord();
        this.sourceName = sourceName;
    }

    /// Whether problems are repaired (else they throw).
    ///
    /// @return the reader's lenient setting
    public boolean lenient() {
        return lenient;
    }

    /// Starts a record: no diagnostics, no control number.
    ///
    /// @param index the record's zero-based index, which [#atOffset] and [#atLine] give
    public void startRecord(long index) {
        diagnostics = null;
        truncated = false;
        recordIndex = index;
        controlNumber = null;
    }

    /// The index [#startRecord] was given.
    ///
    /// @return the record index
    public long recordIndex() {
        return recordIndex;
    }

    /// Records the record's control number (the first 001), for strict errors.
    ///
    /// @param value the 001's data
    public void controlNumber(String value) {
        if (controlNumber == null) {
            controlNumber = value;
        }
    }

    /// The record's control number, when already read.
    ///
    /// @return the 001, or null
    public String controlNumber() {
        return controlNumber;
    }

    /// Reports a problem at a byte offset in the current record (ISO 2709).
    ///
    /// @param severity   how bad it is
    /// @param code       the error code
    /// @param byteOffset the absolute byte offset
    /// @param tag        the field's tag, or null
    /// @param problem    what is wrong
    /// @param repair     what lenient reading did, or empty
    /// @throws MarcParseException in strict mode, unless a warning
    public void atOffset(Severity severity, ErrorCode code, long byteOffset, String tag, String problem,
                         String repair) {
        report(severity, code, recordIndex, byteOffset, -1, -1, tag, problem, repair);
    }

    /// Reports a problem at a line and column in the current record (the text formats).
    ///
    /// @param severity how bad it is
    /// @param code     the error code
    /// @param line     one-based line
    /// @param column   one-based column
    /// @param tag      the field's tag, or null
    /// @param problem  what is wrong
    /// @param repair   what lenient reading did, or empty
    /// @throws MarcParseException in strict mode, unless a warning
    public void atLine(Severity severity, ErrorCode code, int line, int column, String tag, String problem,
                       String repair) {
        report(severity, code, recordIndex, -1, line, column, tag, problem, repair);
    }

    /// Reports a problem with every position given.
    ///
    /// @param severity    how bad it is
    /// @param code        the error code
    /// @param index       the record index it is reported for
    /// @param byteOffset  the absolute byte offset, or -1
    /// @param line        one-based line, or -1
    /// @param column      one-based column, or -1
    /// @param tag         the field's tag, or null
    /// @param problem     what is wrong
    /// @param repair      what lenient reading did, or empty
    /// @throws MarcParseException in strict mode, unless a warning
    public void report(Severity severity, ErrorCode code, long index, long byteOffset, int line, int column,
                       String tag, String problem, String repair) {
        if (!lenient && severity != Severity.WARNING) {
            throw exception(code, index, byteOffset, line, column, tag, problem);
        }
        add(Diagnostic.builder(severity, code).recordIndex(index).byteOffset(byteOffset).line(line).column(column)
                .tag(tag).problem(problem).repair(repair).build());
    }

    /// Reports a diagnostic made elsewhere (a decoder's bad bytes): thrown as in [#report] in
    /// strict mode unless a warning, else kept.
    ///
    /// @param d the diagnostic
    /// @throws MarcParseException in strict mode, unless a warning
    public void report(Diagnostic d) {
        if (!lenient && d.severity() != Severity.WARNING) {
            throw exception(d);
        }
        add(d);
    }

    /// Keeps a diagnostic whatever the mode (one found before the record, or moved from
    /// elsewhere), within the cap.
    ///
    /// @param d the diagnostic
    public void add(Diagnostic d) {
        if (diagnostics == null) {
            diagnostics = new ArrayList<>(4);
        }
        if (diagnostics.size() < max) {
            diagnostics.add(d);
        } else if (!truncated) {
            truncated = true;
            diagnostics.add(Diagnostic.builder(Severity.WARNING, ErrorCode.DIAGNOSTICS_TRUNCATED)
                    .recordIndex(d.recordIndex()).byteOffset(d.byteOffset()).line(d.line()).column(d.column())
                    .problem("more than " + max + " diagnostics for this record (ReaderOptions.maxDiagnosticsPerRecord)")
                    .repair("the rest were dropped").build());
        }
    }

    /// The strict error for a diagnostic: its code and positions, severity FATAL, the problem
    /// alone, the record's control number when known, and the input's name.
    ///
    /// @param d the diagnostic
    /// @return the exception, to throw
    public MarcParseException exception(Diagnostic d) {
        return exception(d.code(), d.recordIndex(), d.byteOffset(), d.line(), d.column(), d.tag(), d.problem());
    }

    private MarcParseException exception(ErrorCode code, long index, long byteOffset, int line, int column,
                                         String tag, String problem) {
        Diagnostic fatal = Diagnostic.builder(Severity.FATAL, code).recordIndex(index).byteOffset(byteOffset)
                .line(line).column(column).tag(tag).problem(problem).build();
        MarcParseException e = new MarcParseException(fatal, controlNumber);
        return sourceName == null ? e : e.withSource(sourceName);
    }

    /// Whether the current record has no diagnostics yet.
    ///
    /// @return true when none was kept
    public boolean isEmpty() {
        return diagnostics == null;
    }

    /// Hands the current record's diagnostics over and starts empty (the record index and control
    /// number stay until the next [#startRecord]).
    ///
    /// @return the diagnostics, unmodifiable (an empty list when there were none)
    public List<Diagnostic> finish() {
        List<Diagnostic> d = diagnostics == null ? List.of() : Collections.unmodifiableList(diagnostics);
        diagnostics = null;
        truncated = false;
        return d;
    }
}
