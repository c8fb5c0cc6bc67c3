package org.marcloom;

import java.util.Objects;

/// Thrown in strict mode at the first data error: says what is wrong and exactly where.
///
/// Carries a stable [ErrorCode], the zero-based record index, the absolute byte offset (or line
/// and column for text formats), the record's control number (001) when it was already known, the
/// tag of the field at fault when there is one, and the input's name when known. The message reads
/// `FILE: CODE at record 3, byte 1234, tag 245 (001 ocm123): what is wrong`. Unchecked, like
/// FastCSV's `CsvParseException`; immutable.
public final class MarcParseException extends MarcException {

    private static final long serialVersionUID = 1L;

    /// What and where.
    private final Diagnostic diagnostic;
    /// The record's 001, or `null`.
    private final String controlNumber;
    /// The input's name, or `null`.
    private final String source;

    /// An exception for `diagnostic`.
    ///
    /// @param diagnostic    what and where
    /// @param controlNumber the record's 001, or `null` when unknown
    /// @throws NullPointerException when `diagnostic` is null
    public MarcParseException(Diagnostic diagnostic, String controlNumber) {
        this(Objects.requireNonNull(diagnostic, "diagnostic"), controlNumber, null, null);
    }

    private MarcParseException(Diagnostic diagnostic, String controlNumber, String source, Throwable cause) {
        super(format(diagnostic, controlNumber, source), cause);
        this.diagnostic = diagnostic;
        this.controlNumber = controlNumber;
        this.source = source;
    }

    /// The same error, with the name of the input (a file name) in the message.
    ///
    /// @param sourceName the input's name
    /// @return a new exception with the same stack trace
    public MarcParseException withSource(String sourceName) {
        MarcParseException e = new MarcParseException(diagnostic, controlNumber, sourceName, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    private static String format(Diagnostic d, String controlNumber, String source) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(": ");
        }
        sb.append(d.code()).append(" at ").append(d.location());
        if (controlNumber != null) {
            sb.append(" (001 ").append(controlNumber).append(')');
        }
        return sb.append(": ").append(d.message()).toString();
    }

    /// The problem as a diagnostic value (severity [Severity#FATAL]).
    ///
    /// @return the diagnostic
    public Diagnostic diagnostic() {
        return diagnostic;
    }

    @Override
    public ErrorCode code() {
        return diagnostic.code();
    }

    @Override
    public long recordIndex() {
        return diagnostic.recordIndex();
    }

    /// Absolute byte offset in the input.
    ///
    /// @return the offset, or -1 for text formats read by line
    public long byteOffset() {
        return diagnostic.byteOffset();
    }

    /// One-based line for text formats.
    ///
    /// @return the line, or -1
    public int line() {
        return diagnostic.line();
    }

    /// One-based column for text formats.
    ///
    /// @return the column, or -1
    public int column() {
        return diagnostic.column();
    }

    @Override
    public String tag() {
        return diagnostic.tag();
    }

    @Override
    public String controlNumber() {
        return controlNumber;
    }

    /// The input's name when one was attached with [#withSource].
    ///
    /// @return the name, or `null`
    public String source() {
        return source;
    }
}
