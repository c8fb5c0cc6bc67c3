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

    /// @param index       zero-based record index in the input
    /// @param offset      absolute byte offset of the first leader byte
    /// @param bytes       the record's bytes (not copied: the caller hands them over)
    /// @param diagnostics framing diagnostics (junk skipped before it, length mismatch), unmodifiable
    public RawRecord(long index, long offset, byte[] bytes, List<Diagnostic> diagnostics) {
        this.index = index;
        this.offset = offset;
        this.bytes = bytes;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public long index() {
        return index;
    }

    public long offset() {
        return offset;
    }

    public int length() {
        return bytes.length;
    }

    /// A copy of the bytes.
    public byte[] bytes() {
        return bytes.clone();
    }

    /// A read-only view of the bytes.
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /// The byte at a position within the record (leader/06 is `byteAt(6)`).
    public byte byteAt(int position) {
        return bytes[position];
    }

    /// Framing diagnostics, in lenient mode; empty otherwise.
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
