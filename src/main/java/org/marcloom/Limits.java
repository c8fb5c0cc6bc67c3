package org.marcloom;

import java.util.Objects;
import org.marcloom.internal.Settings;

/// Bounds on input size that protect a reader from hostile or broken data: with them, a reader's
/// memory stays bounded whatever its input. Immutable and thread-safe; start from [#DEFAULTS] or
/// [#builder()], change one bound with [#toBuilder()].
///
/// An error for a limit is [ErrorCode#LIMIT_EXCEEDED] and names the setting that changes it, for
/// example `record of 20000000 bytes exceeds the maximum allowed (16777216, from
/// Limits.maxRecordBytes)`. Which reader enforces which bound, and what strict and lenient mode
/// then do, is tabled in `docs/reliability.md`.
public final class Limits {

    /// 16 MiB records, 100,000 fields per record, 10,000 subfields per field; for the text
    /// formats: tokens of 1 MiB characters, names of 1,000 characters, 1,000 levels of nesting,
    /// 1,000 attributes per element.
    public static final Limits DEFAULTS = new Limits(new Builder());

    private final int maxRecordBytes;
    private final int maxFieldsPerRecord;
    private final int maxSubfieldsPerField;
    private final int maxTokenLength;
    private final int maxNameLength;
    private final int maxNestingDepth;
    private final int maxAttributesPerElement;

    private Limits(Builder b) {
        this.maxRecordBytes = b.maxRecordBytes;
        this.maxFieldsPerRecord = b.maxFieldsPerRecord;
        this.maxSubfieldsPerField = b.maxSubfieldsPerField;
        this.maxTokenLength = b.maxTokenLength;
        this.maxNameLength = b.maxNameLength;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxAttributesPerElement = b.maxAttributesPerElement;
    }

    /// A builder that starts from [#DEFAULTS].
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// A builder that starts from these limits.
    ///
    /// @return a new builder holding these limits
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRecordBytes = maxRecordBytes;
        b.maxFieldsPerRecord = maxFieldsPerRecord;
        b.maxSubfieldsPerField = maxSubfieldsPerField;
        b.maxTokenLength = maxTokenLength;
        b.maxNameLength = maxNameLength;
        b.maxNestingDepth = maxNestingDepth;
        b.maxAttributesPerElement = maxAttributesPerElement;
        return b;
    }

    /// The longest record a reader accepts, in bytes. ISO 2709 can only describe 99,999 bytes, but
    /// lenient mode recovers longer records (real exports have them) up to this many bytes; the
    /// text formats hold each record to it too (MARCXML counts the characters of its text,
    /// MARC-in-JSON and MARCMaker the bytes of the record's text in the input).
    ///
    /// @return the bound in bytes
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /// The most fields (directory entries) in one record.
    ///
    /// @return the bound
    public int maxFieldsPerRecord() {
        return maxFieldsPerRecord;
    }

    /// The most subfields in one data field.
    ///
    /// @return the bound
    public int maxSubfieldsPerField() {
        return maxSubfieldsPerField;
    }

    /// The longest single token of a text format, in characters: in MARCXML one text value (a
    /// leader, control field or subfield), a CDATA section, a start or end tag with its
    /// attributes, or everything before the root element; in MARC-in-JSON a string or a number.
    /// (MARCXML comments and processing instructions after the root element starts are checked as
    /// they stream past and never held, so they are not bounded.)
    ///
    /// @return the bound in characters
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /// The longest name, in characters: a MARCXML element or attribute name (with its prefix), a
    /// MARC-in-JSON key.
    ///
    /// @return the bound in characters
    public int maxNameLength() {
        return maxNameLength;
    }

    /// The deepest nesting: MARCXML elements, MARC-in-JSON objects and arrays.
    ///
    /// @return the bound in levels
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /// The most attributes (namespace declarations included) on one MARCXML element.
    ///
    /// @return the bound
    public int maxAttributesPerElement() {
        return maxAttributesPerElement;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits l && maxRecordBytes == l.maxRecordBytes
                && maxFieldsPerRecord == l.maxFieldsPerRecord && maxSubfieldsPerField == l.maxSubfieldsPerField
                && maxTokenLength == l.maxTokenLength && maxNameLength == l.maxNameLength
                && maxNestingDepth == l.maxNestingDepth && maxAttributesPerElement == l.maxAttributesPerElement;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRecordBytes, maxFieldsPerRecord, maxSubfieldsPerField, maxTokenLength, maxNameLength,
                maxNestingDepth, maxAttributesPerElement);
    }

    @Override
    public String toString() {
        return "Limits[maxRecordBytes=" + maxRecordBytes + ", maxFieldsPerRecord=" + maxFieldsPerRecord
                + ", maxSubfieldsPerField=" + maxSubfieldsPerField + ", maxTokenLength=" + maxTokenLength
                + ", maxNameLength=" + maxNameLength + ", maxNestingDepth=" + maxNestingDepth
                + ", maxAttributesPerElement=" + maxAttributesPerElement + "]";
    }

    /// Builds [Limits]. Each method checks its argument at once. Not thread-safe.
    public static final class Builder {
        private int maxRecordBytes = 16 * 1024 * 1024;
        private int maxFieldsPerRecord = 100_000;
        private int maxSubfieldsPerField = 10_000;
        private int maxTokenLength = 1024 * 1024;
        private int maxNameLength = 1_000;
        private int maxNestingDepth = 1_000;
        private int maxAttributesPerElement = 1_000;

        private Builder() {
        }

        /// Sets [Limits#maxRecordBytes()].
        ///
        /// @param value at least 25 (a leader and a record terminator)
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 25
        public Builder maxRecordBytes(int value) {
            maxRecordBytes = Settings.atLeast("maxRecordBytes", 25, value);
            return this;
        }

        /// Sets [Limits#maxFieldsPerRecord()].
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder maxFieldsPerRecord(int value) {
            maxFieldsPerRecord = Settings.atLeastOne("maxFieldsPerRecord", value);
            return this;
        }

        /// Sets [Limits#maxSubfieldsPerField()].
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder maxSubfieldsPerField(int value) {
            maxSubfieldsPerField = Settings.atLeastOne("maxSubfieldsPerField", value);
            return this;
        }

        /// Sets [Limits#maxTokenLength()].
        ///
        /// @param value at least 1,024 characters
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1,024
        public Builder maxTokenLength(int value) {
            maxTokenLength = Settings.atLeast("maxTokenLength", 1024, value);
            return this;
        }

        /// Sets [Limits#maxNameLength()].
        ///
        /// @param value at least 16 characters
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 16
        public Builder maxNameLength(int value) {
            maxNameLength = Settings.atLeast("maxNameLength", 16, value);
            return this;
        }

        /// Sets [Limits#maxNestingDepth()].
        ///
        /// @param value at least 8 levels (MARCXML needs 4 inside any envelope)
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 8
        public Builder maxNestingDepth(int value) {
            maxNestingDepth = Settings.atLeast("maxNestingDepth", 8, value);
            return this;
        }

        /// Sets [Limits#maxAttributesPerElement()].
        ///
        /// @param value at least 8
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 8
        public Builder maxAttributesPerElement(int value) {
            maxAttributesPerElement = Settings.atLeast("maxAttributesPerElement", 8, value);
            return this;
        }

        /// The limits set so far.
        ///
        /// @return a new immutable value
        public Limits build() {
            return new Limits(this);
        }
    }
}
