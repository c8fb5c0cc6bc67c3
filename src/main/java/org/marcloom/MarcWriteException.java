package org.marcloom;

import java.util.Objects;

/// Thrown by [MarcWriter] for a record its format cannot hold: an ISO 2709 record over 99,999
/// bytes ([ErrorCode#RECORD_TOO_LARGE]), a character the format cannot carry
/// ([ErrorCode#CHARACTER_NOT_ALLOWED]), a tag, indicator or subfield code the format cannot write.
/// The message names the record, its 001, the tag and, where one exists, the setting that allows
/// it: `RECORD_TOO_LARGE at record 5 (001 ocm123), tag 505: the field is 12000 bytes; ISO 2709
/// allows at most 9,999 (WriterOptions.allowOversize writes it anyway)`. Nothing of the record was
/// written. Unchecked; immutable.
public final class MarcWriteException extends MarcException {

    private static final long serialVersionUID = 1L;

    /// What kind of problem.
    private final ErrorCode code;
    /// Zero-based index of the record among those written, or -1.
    private final long recordIndex;
    /// The tag of the field at fault, or `null`.
    private final String tag;
    /// The record's 001, or `null`.
    private final String controlNumber;
    /// What is wrong, for a person.
    private final String problem;

    /// An exception for a record that cannot be written.
    ///
    /// @param code          what kind of problem
    /// @param recordIndex   zero-based index of the record among those written, or -1 when not known yet
    /// @param tag           the tag of the field at fault, or `null`
    /// @param controlNumber the record's 001, or `null`
    /// @param problem       what is wrong, for a person
    /// @throws NullPointerException when `code` or `problem` is null
    public MarcWriteException(ErrorCode code, long recordIndex, String tag, String controlNumber, String problem) {
        super(format(code, recordIndex, tag, controlNumber, problem), null);
        this.code = Objects.requireNonNull(code, "code");
        this.recordIndex = recordIndex;
        this.tag = tag;
        this.controlNumber = controlNumber;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /// The same error for the record at `index` with this 001.
    ///
    /// @param index         zero-based index of the record among those written
    /// @param controlNumber the record's 001, or `null`
    /// @return a new exception with the same stack trace
    public MarcWriteException forRecord(long index, String controlNumber) {
        MarcWriteException e = new MarcWriteException(code, index, tag, controlNumber, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }

    private static String format(ErrorCode code, long index, String tag, String controlNumber, String problem) {
        StringBuilder sb = new StringBuilder().append(code).append(" at record ").append(index);
        if (controlNumber != null) {
            sb.append(" (001 ").append(controlNumber).append(')');
        }
        if (tag != null) {
            sb.append(", tag ").append(tag);
        }
        return sb.append(": ").append(problem).toString();
    }

    @Override
    public ErrorCode code() {
        return code;
    }

    @Override
    public long recordIndex() {
        return recordIndex;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public String controlNumber() {
        return controlNumber;
    }

    /// What is wrong, without the location.
    ///
    /// @return the problem
    public String problem() {
        return problem;
    }
}
