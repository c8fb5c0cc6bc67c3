package org.marcloom;

/// Thrown in strict mode at the first data error: says what is wrong and exactly where.
///
/// Carries a stable [ErrorCode], the zero-based record index, the absolute byte offset (or line
/// and column for text formats), the record's control number (001) when it was already known, and
/// the tag of the field at fault when there is one. Unchecked, like FastCSV's `CsvParseException`:
/// I/O problems are reported separately as [java.io.UncheckedIOException].
public final class MarcParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;
    private final String controlNumber;
    private final String source;

    /// @param diagnostic    what and where
    /// @param controlNumber the record's 001, or `null` when unknown
    public MarcParseException(Diagnostic diagnostic, String controlNumber) {
        this(diagnostic, controlNumber, null, null);
    }

    private MarcParseException(Diagnostic diagnostic, String controlNumber, String source, Throwable cause) {
        super(format(diagnostic, controlNumber, source), cause);
        this.diagnostic = diagnostic;
        this.controlNumber = controlNumber;
        this.source = source;
    }

    /// The same error, with the name of the input (a file name) added to the message.
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

    /// The problem as a diagnostic value (severity `FATAL`).
    public Diagnostic diagnostic() {
        return diagnostic;
    }

    public ErrorCode code() {
        return diagnostic.code();
    }

    public long recordIndex() {
        return diagnostic.recordIndex();
    }

    /// Absolute byte offset in the input, or -1 for text formats.
    public long byteOffset() {
        return diagnostic.byteOffset();
    }

    /// One-based line for text formats, or -1.
    public int line() {
        return diagnostic.line();
    }

    /// One-based column for text formats, or -1.
    public int column() {
        return diagnostic.column();
    }

    /// The tag of the field at fault, or `null`.
    public String tag() {
        return diagnostic.tag();
    }

    /// The record's control number (001) when it was known, or `null`.
    public String controlNumber() {
        return controlNumber;
    }

    /// The input's name when one was attached with [#withSource], or `null`.
    public String source() {
        return source;
    }
}
