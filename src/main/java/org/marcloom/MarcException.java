package org.marcloom;

/// A data error: a record that could not be read ([MarcParseException]) or written
/// ([MarcWriteException]). Every one carries a stable [ErrorCode] and says where. Unchecked;
/// I/O problems are reported separately, as [java.io.UncheckedIOException] or [java.io.IOException].
public abstract sealed class MarcException extends RuntimeException permits MarcParseException, MarcWriteException {

    private static final long serialVersionUID = 1L;

    MarcException(String message, Throwable cause) {
        super(message, cause);
    }

    /// The stable code of the problem.
    ///
    /// @return the code
    public abstract ErrorCode code();

    /// Zero-based index of the record at fault in its input or output.
    ///
    /// @return the index, or -1 when none applies
    public abstract long recordIndex();

    /// The tag of the field at fault.
    ///
    /// @return the tag, or `null`
    public abstract String tag();

    /// The record's control number (001), when it was known.
    ///
    /// @return the control number, or `null`
    public abstract String controlNumber();
}
