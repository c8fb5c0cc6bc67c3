package org.marcloom;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/// An ISO 2709 record's bytes exactly as framed, with where it was found; for pass-through without
/// decoding (copy, split, filter by leader). Immutable and thread-safe.
///
/// Bytes are exactly those between the start of the leader and the record terminator inclusive
/// (in lenient mode, a truncated record has no terminator).
public final class RawRecord {

    private final long index;
    private final long offset;
    private final byte[] bytes;
    private final List<Diagnostic> diagnostics;

    /// A record's bytes and where they were found.
    ///
    /// @param index       zero-based record index in the input
    /// @param offset      absolute byte offset of the first leader byte
    /// @param bytes       the record's bytes (not copied: the caller hands them over and must not
    ///                    change them afterwards)
    /// @param diagnostics framing diagnostics (junk skipped before it, length mismatch); copied
    /// @throws NullPointerException when `diagnostics` or one of them is null
    public RawRecord(long index, long offset, byte[] bytes, List<Diagnostic> diagnostics) {
        this.index = index;
        this.offset = offset;
        this.bytes = bytes;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /// Zero-based index of the record in its input.
    ///
    /// @return the index
    public long index() {
        return index;
    }

    /// Absolute byte offset of the record's first leader byte in its input.
    ///
    /// @return the offset
    public long offset() {
        return offset;
    }

    /// How many bytes the record has.
    ///
    /// @return the length in bytes
    public int length() {
        return bytes.length;
    }

    /// The record's bytes.
    ///
    /// @return a new copy
    public byte[] bytes() {
        return bytes.clone();
    }

    /// The record's bytes without a copy, to write them somewhere.
    ///
    /// @return a new read-only buffer positioned at the first byte
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /// The byte at a position within the record (leader/06 is `byteAt(6)`).
    ///
    /// @param position from 0 to `length() - 1`
    /// @return the byte
    /// @throws ArrayIndexOutOfBoundsException when `position` is outside the record
    public byte byteAt(int position) {
        return bytes[position];
    }

    /// What framing found wrong before or in this record (lenient mode).
    ///
    /// @return the diagnostics, unmodifiable; empty in strict mode
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RawRecord r && index == r.index && offset == r.offset
                && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawRecord[index=" + index + ", offset=" + offset + ", length=" + bytes.length + "]";
    }

    /// The bytes without a copy, for marcloom's own writers and decoders.
    byte[] unsafeBytes() {
        return bytes;
    }
}
