package org.marcloom;

import org.marcloom.internal.Settings;

/// Bounds on input size that protect a reader from hostile or broken data. Immutable and
/// thread-safe; start from [#DEFAULTS] or [#builder()], change one bound with [#toBuilder()].
///
/// An error for a limit names the setting that changes it, for example
/// `record of 20000000 bytes exceeds the maximum allowed (16777216, from Limits.maxRecordBytes)`.
public final class Limits {

    /// 16 MiB records, 100,000 fields per record, 10,000 subfields per field.
    public static final Limits DEFAULTS = new Limits(new Builder());

    private final int maxRecordBytes;
    private final int maxFieldsPerRecord;
    private final int maxSubfieldsPerField;

    private Limits(Builder b) {
        this.maxRecordBytes = b.maxRecordBytes;
        this.maxFieldsPerRecord = b.maxFieldsPerRecord;
        this.maxSubfieldsPerField = b.maxSubfieldsPerField;
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
        return b;
    }

    /// The longest record a reader accepts, in bytes. ISO 2709 can only describe 99,999 bytes, but
    /// lenient mode recovers longer records (real exports have them) up to this many bytes; the
    /// text formats hold each record to it too.
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits l && maxRecordBytes == l.maxRecordBytes
                && maxFieldsPerRecord == l.maxFieldsPerRecord && maxSubfieldsPerField == l.maxSubfieldsPerField;
    }

    @Override
    public int hashCode() {
        return (maxRecordBytes * 31 + maxFieldsPerRecord) * 31 + maxSubfieldsPerField;
    }

    @Override
    public String toString() {
        return "Limits[maxRecordBytes=" + maxRecordBytes + ", maxFieldsPerRecord=" + maxFieldsPerRecord
                + ", maxSubfieldsPerField=" + maxSubfieldsPerField + "]";
    }

    /// Builds [Limits]. Each method checks its argument at once. Not thread-safe.
    public static final class Builder {
        private int maxRecordBytes = 16 * 1024 * 1024;
        private int maxFieldsPerRecord = 100_000;
        private int maxSubfieldsPerField = 10_000;

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

        /// The limits set so far.
        ///
        /// @return a new immutable value
        public Limits build() {
            return new Limits(this);
        }
    }
}
