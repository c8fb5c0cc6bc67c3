package org.marcloom;

import java.util.Objects;

/// One problem found while reading a record in lenient mode, with where it was found.
///
/// Positions that do not apply are `-1` (a byte offset in a text format read by line, a line in
/// ISO 2709); `tag` is `null` when the problem is not in one field.
///
/// @param severity    how bad it is
/// @param code        the stable error code
/// @param recordIndex zero-based index of the record in its input
/// @param byteOffset  absolute byte offset in the input, or -1
/// @param line        one-based line in a text input, or -1
/// @param column      one-based column in a text input, or -1
/// @param tag         the field tag, or `null`
/// @param message     what is wrong, for a person
public record Diagnostic(Severity severity, ErrorCode code, long recordIndex, long byteOffset,
                         int line, int column, String tag, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /// A diagnostic located by byte offset, as in ISO 2709.
    public static Diagnostic atOffset(Severity severity, ErrorCode code, long recordIndex,
                                      long byteOffset, String tag, String message) {
        return new Diagnostic(severity, code, recordIndex, byteOffset, -1, -1, tag, message);
    }

    /// A diagnostic located by line and column, as in the text formats.
    public static Diagnostic atLine(Severity severity, ErrorCode code, long recordIndex,
                                    int line, int column, String tag, String message) {
        return new Diagnostic(severity, code, recordIndex, -1, line, column, tag, message);
    }

    /// Where the problem is, for a person: `record 3, byte 1234, tag 245`.
    public String location() {
        StringBuilder sb = new StringBuilder("record ").append(recordIndex);
        if (byteOffset >= 0) {
            sb.append(", byte ").append(byteOffset);
        }
        if (line >= 0) {
            sb.append(", line ").append(line);
            if (column >= 0) {
                sb.append(", column ").append(column);
            }
        }
        if (tag != null) {
            sb.append(", tag ").append(tag);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return severity + " " + code + " at " + location() + ": " + message;
    }
}
