package org.marcloom;

import java.util.Arrays;
import org.marcloom.internal.Settings;

/// One problem found while reading a record, with where it was found and, in lenient mode, what
/// the reader did about it. Immutable and thread-safe.
///
/// Positions that do not apply are `-1` (a byte offset in a text format read by line, a line in
/// ISO 2709); [#tag()] is `null` when the problem is not in one field. The text comes in two
/// parts: [#problem()] says what is wrong (this is what a strict reader's [MarcParseException]
/// says) and [#repair()] what a lenient reader did to go on ("kept as subfield 'a'"), empty when
/// it did nothing or the reader is strict. Serializable, so that a [MarcParseException] that crosses
/// a process boundary (a Spark task failing, say) keeps it.
public final class Diagnostic implements java.io.Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /// How bad it is.
    private final Severity severity;
    /// The stable error code.
    private final ErrorCode code;
    /// Zero-based record index, or -1.
    private final long recordIndex;
    /// Absolute byte offset, or -1.
    private final long byteOffset;
    /// One-based line, or -1.
    private final int line;
    /// One-based column, or -1.
    private final int column;
    /// The field's tag, or `null`.
    private final String tag;
    /// What is wrong.
    private final String problem;
    /// What lenient reading did, or empty.
    private final String repair;

    private Diagnostic(Builder b) {
        this.severity = b.severity;
        this.code = b.code;
        this.recordIndex = b.recordIndex;
        this.byteOffset = b.byteOffset;
        this.line = b.line;
        this.column = b.column;
        this.tag = b.tag;
        this.problem = Settings.notNull("problem", b.problem);
        this.repair = b.repair;
    }

    /// A builder for a diagnostic of this severity and code; every position starts at `-1`.
    ///
    /// @param severity how bad it is
    /// @param code     the stable error code
    /// @return a new builder
    /// @throws NullPointerException when an argument is null
    public static Builder builder(Severity severity, ErrorCode code) {
        return new Builder(Settings.notNull("severity", severity), Settings.notNull("code", code));
    }

    /// A builder that starts from this diagnostic (to move it, say).
    ///
    /// @return a new builder holding these values
    public Builder toBuilder() {
        return new Builder(severity, code).recordIndex(recordIndex).byteOffset(byteOffset).line(line).column(column)
                .tag(tag).problem(problem).repair(repair);
    }

    /// How bad it is.
    ///
    /// @return the severity
    public Severity severity() {
        return severity;
    }

    /// The stable error code.
    ///
    /// @return the code
    public ErrorCode code() {
        return code;
    }

    /// Zero-based index of the record in its input.
    ///
    /// @return the index, or -1 when the problem belongs to no record
    public long recordIndex() {
        return recordIndex;
    }

    /// Absolute byte offset in the input.
    ///
    /// @return the offset, or -1
    public long byteOffset() {
        return byteOffset;
    }

    /// One-based line in a text input.
    ///
    /// @return the line, or -1
    public int line() {
        return line;
    }

    /// One-based column in a text input.
    ///
    /// @return the column, or -1
    public int column() {
        return column;
    }

    /// The tag of the field at fault.
    ///
    /// @return the tag, or `null`
    public String tag() {
        return tag;
    }

    /// What is wrong, for a person.
    ///
    /// @return the problem, never empty
    public String problem() {
        return problem;
    }

    /// What a lenient reader did about it ("replaced with U+FFFD").
    ///
    /// @return the repair, or an empty string when nothing was done
    public String repair() {
        return repair;
    }

    /// The problem and the repair as one sentence: `problem; repair`, or the problem alone.
    ///
    /// @return the message
    public String message() {
        return repair.isEmpty() ? problem : problem + "; " + repair;
    }

    /// Where the problem is, for a person: `record 3, byte 1234, tag 245`.
    ///
    /// @return the location
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

    private Object[] values() {
        return new Object[] {severity, code, recordIndex, byteOffset, line, column, tag, problem, repair};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostic d && Arrays.equals(values(), d.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    /// `SEVERITY CODE at LOCATION: MESSAGE`, for example
    /// `ERROR INVALID_UTF8 at record 3, byte 1234, tag 245: byte 0xFF is not valid UTF-8; replaced with U+FFFD`.
    @Override
    public String toString() {
        return severity + " " + code + " at " + location() + ": " + message();
    }

    /// Builds a [Diagnostic]. Not thread-safe.
    public static final class Builder {
        private final Severity severity;
        private final ErrorCode code;
        private long recordIndex = -1;
        private long byteOffset = -1;
        private int line = -1;
        private int column = -1;
        private String tag;
        private String problem;
        private String repair = "";

        private Builder(Severity severity, ErrorCode code) {
            this.severity = severity;
            this.code = code;
        }

        /// Sets [Diagnostic#recordIndex()].
        ///
        /// @param value zero-based, or -1
        /// @return this builder
        public Builder recordIndex(long value) {
            recordIndex = value;
            return this;
        }

        /// Sets [Diagnostic#byteOffset()].
        ///
        /// @param value the absolute offset, or -1
        /// @return this builder
        public Builder byteOffset(long value) {
            byteOffset = value;
            return this;
        }

        /// Sets [Diagnostic#line()].
        ///
        /// @param value one-based, or -1
        /// @return this builder
        public Builder line(int value) {
            line = value;
            return this;
        }

        /// Sets [Diagnostic#column()].
        ///
        /// @param value one-based, or -1
        /// @return this builder
        public Builder column(int value) {
            column = value;
            return this;
        }

        /// Sets [Diagnostic#tag()].
        ///
        /// @param value the tag, or `null`
        /// @return this builder
        public Builder tag(String value) {
            tag = value;
            return this;
        }

        /// Sets [Diagnostic#problem()] (required).
        ///
        /// @param value what is wrong
        /// @return this builder
        /// @throws NullPointerException when `value` is null
        public Builder problem(String value) {
            problem = Settings.notNull("problem", value);
            return this;
        }

        /// Sets [Diagnostic#repair()].
        ///
        /// @param value what lenient reading did; null or empty for nothing
        /// @return this builder
        public Builder repair(String value) {
            repair = value == null ? "" : value;
            return this;
        }

        /// The diagnostic.
        ///
        /// @return a new immutable value
        /// @throws NullPointerException when no problem was given
        public Diagnostic build() {
            return new Diagnostic(this);
        }
    }
}
