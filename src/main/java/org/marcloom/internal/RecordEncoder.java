package org.marcloom.internal;

import org.marcloom.ErrorCode;
import org.marcloom.MarcWriteException;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// One output format's serialisation, in three parts so that records can be encoded apart from
/// each other (the parallel writer encodes batches on several threads and joins their bytes in
/// order): what comes before the first record, each record with whatever separates it from the
/// one before, and what comes after the last. The sequential and the parallel writer use the same
/// encoders, so their output is the same byte for byte.
///
/// Not thread-safe (encoders keep scratch state): one per thread.
public interface RecordEncoder {

    /// Appends what comes before the first record (an XML declaration and `<collection>`, a `[`).
    default void start(OutputBuffer out) {
    }

    /// Appends `record`, the `index`-th (from 0) of the output, with what separates it from the
    /// record before it when `index > 0`.
    ///
    /// @throws MarcWriteException when the format cannot hold the record (its index is -1; the
    ///                            writer fills it in); nothing is appended then
    void record(MarcRecord record, long index, OutputBuffer out);

    /// Appends what comes after the last of `count` records (`</collection>`, `]`).
    default void end(long count, OutputBuffer out) {
    }

    /// For formats whose readers tell a control field from a data field by its tag alone (ISO 2709,
    /// MARCMaker: tags `00X` are control fields): refuses a field whose kind its tag contradicts,
    /// since it would read back as the other kind (a data field tagged `008` as a control field
    /// holding its indicators and delimiters).
    ///
    /// @throws MarcWriteException ([ErrorCode#TAG_INVALID]) for a data field tagged `00X` or a
    ///                            control field with another tag
    static void requireKindOfTag(Field f, String format) {
        boolean controlTag = Field.isControlTag(f.tag());
        if (f.isControlField() != controlTag) {
            throw new MarcWriteException(ErrorCode.TAG_INVALID, -1, f.tag(), null, (controlTag
                    ? "a data field tagged " + f.tag() + " cannot be written in " + format
                    + ": its readers take tags 00X for control fields"
                    : "a control field tagged " + f.tag() + " cannot be written in " + format
                    + ": its readers take only tags 00X for control fields"));
        }
    }
}
