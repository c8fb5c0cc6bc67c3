package org.marcloom;

/// Bounds on input size that protect a reader from hostile or broken data.
///
/// An error for a limit names the setting that changes it, for example
/// `record of 20000000 bytes exceeds the maximum allowed (16777216, from Limits.maxRecordBytes)`.
///
/// @param maxRecordBytes       the longest record a reader accepts, in bytes. ISO 2709 can only
///                             describe 99,999 bytes, but lenient mode recovers longer records
///                             (real exports have them) up to this many bytes.
/// @param maxFieldsPerRecord   the most fields (directory entries) in one record
/// @param maxSubfieldsPerField the most subfields in one data field
public record Limits(int maxRecordBytes, int maxFieldsPerRecord, int maxSubfieldsPerField) {

    /// 16 MiB records, 100,000 fields, 10,000 subfields per field.
    public static final Limits DEFAULT = new Limits(16 * 1024 * 1024, 100_000, 10_000);

    public Limits {
        if (maxRecordBytes < 25) {
            throw new IllegalArgumentException("'maxRecordBytes' must be at least 25, was " + maxRecordBytes);
        }
        if (maxFieldsPerRecord < 1) {
            throw new IllegalArgumentException("'maxFieldsPerRecord' must be positive, was " + maxFieldsPerRecord);
        }
        if (maxSubfieldsPerField < 1) {
            throw new IllegalArgumentException("'maxSubfieldsPerField' must be positive, was " + maxSubfieldsPerField);
        }
    }

    public Limits withMaxRecordBytes(int value) {
        return new Limits(value, maxFieldsPerRecord, maxSubfieldsPerField);
    }

    public Limits withMaxFieldsPerRecord(int value) {
        return new Limits(maxRecordBytes, value, maxSubfieldsPerField);
    }

    public Limits withMaxSubfieldsPerField(int value) {
        return new Limits(maxRecordBytes, maxFieldsPerRecord, value);
    }
}
