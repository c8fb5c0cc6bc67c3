package org.marcloom.marc8;

/// Thrown by a strict [Marc8Decoder#decode(byte[], int, int)] at the first byte sequence that is
/// not valid MARC-8. [#byteIndex()] is relative to the `offset` the decoder was given. Unchecked;
/// immutable.
public final class Marc8DecodingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /// Where the bad sequence starts, relative to the decoded range's offset.
    private final int byteIndex;

    /// An exception for a bad sequence; the message reads `MESSAGE (at byte N)`.
    ///
    /// @param byteIndex where the bad sequence starts, relative to the decoded range's offset
    /// @param message   what is wrong with it
    public Marc8DecodingException(int byteIndex, String message) {
        super(message + " (at byte " + byteIndex + ")");
        this.byteIndex = byteIndex;
    }

    /// Where the bad sequence starts, relative to the decoded range's offset.
    ///
    /// @return the index, from 0
    public int byteIndex() {
        return byteIndex;
    }
}
