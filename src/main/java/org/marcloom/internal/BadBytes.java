package org.marcloom.internal;

import java.util.ArrayDeque;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Severity;

/// The log of bad byte runs that a text decoder replaced with U+FFFD before handing the text on
/// (MARC-in-JSON's `ResyncInput`, MARCXML's `XmlDecoder`): the parser above takes each run, in
/// order, to the record it lies in once its own position has passed it. At most [#MAX_PENDING]
/// runs wait at a time; more are only counted ([#dropped()], reported by [#droppedWarning]).
/// Not thread-safe.
public final class BadBytes {

    /// At most this many runs wait to be taken; more are counted.
    public static final int MAX_PENDING = 10_000;

    /// One bad run.
    ///
    /// @param byteOffset where its bytes start in the input
    /// @param streamOffset where its replacement starts in what the decoder hands on (bytes for
    ///                     JSON, characters for XML)
    /// @param line       one-based line of the replacement
    /// @param column     one-based column of the replacement
    /// @param problem    what is wrong ([Utf8#problem])
    public record Run(long byteOffset, long streamOffset, int line, int column, String problem) {

        /// Whether the replacement lies before a parser's line and column.
        ///
        /// @param atLine   the parser's line
        /// @param atColumn the parser's column
        /// @return true when the run comes first
        public boolean before(int atLine, int atColumn) {
            return line < atLine || line == atLine && column < atColumn;
        }
    }

    private final String encoding;
    private final ErrorCode code;
    private final ArrayDeque<Run> runs = new ArrayDeque<>();
    private long dropped;

    /// A log for input in `encoding`.
    ///
    /// @param encoding the encoding's name, as the problems give it
    public BadBytes(String encoding) {
        this.encoding = encoding;
        this.code = "UTF-8".equals(encoding) ? ErrorCode.INVALID_UTF8 : ErrorCode.SYNTAX_ERROR;
    }

    /// Logs the run `b[from, from + length)`.
    ///
    /// @param byteOffset   where it starts in the input
    /// @param streamOffset where its replacement starts in the decoded stream
    /// @param line         one-based line of the replacement
    /// @param column       one-based column of the replacement
    /// @param b            the bytes
    /// @param from         where the run starts in `b`
    /// @param length       its length
    public void add(long byteOffset, long streamOffset, int line, int column, byte[] b, int from, int length) {
        if (runs.size() >= MAX_PENDING) {
            dropped++;
            return;
        }
        runs.add(new Run(byteOffset, streamOffset, line, column, Utf8.problem(b, from, length, encoding)));
    }

    /// Whether runs wait to be taken.
    ///
    /// @return true when [#peek()] has one
    public boolean hasRuns() {
        return !runs.isEmpty();
    }

    /// The oldest run not taken yet.
    ///
    /// @return the run, or null
    public Run peek() {
        return runs.peek();
    }

    /// Takes the oldest run.
    ///
    /// @return the run, or null
    public Run poll() {
        return runs.poll();
    }

    /// How many runs were replaced without being logged (over [#MAX_PENDING] waiting).
    ///
    /// @return the count
    public long dropped() {
        return dropped;
    }

    /// The diagnostic for a run: [ErrorCode#INVALID_UTF8] in UTF-8 input,
    /// [ErrorCode#SYNTAX_ERROR] in another encoding (the XML rule it breaks); severity ERROR (a
    /// strict reader throws it).
    ///
    /// @param run         the run
    /// @param recordIndex the record it belongs to
    /// @param tag         the field it lies in, or null
    /// @return the diagnostic
    public Diagnostic diagnostic(Run run, long recordIndex, String tag) {
        return Diagnostic.builder(Severity.ERROR, code).recordIndex(recordIndex).byteOffset(run.byteOffset())
                .line(run.line()).column(run.column()).tag(tag).problem(run.problem()).repair(Utf8.REPLACED).build();
    }

    /// The warning for runs replaced without a diagnostic of their own.
    ///
    /// @param recordIndex the record index it is given (the next record's)
    /// @return the warning, or null when none was dropped
    public Diagnostic droppedWarning(long recordIndex) {
        if (dropped == 0) {
            return null;
        }
        return Diagnostic.builder(Severity.WARNING, ErrorCode.DIAGNOSTICS_TRUNCATED).recordIndex(recordIndex)
                .problem(dropped + " further bad byte sequences had no diagnostic of their own (more than "
                        + MAX_PENDING + " between two records)")
                .repair(Utf8.REPLACED).build();
    }
}
