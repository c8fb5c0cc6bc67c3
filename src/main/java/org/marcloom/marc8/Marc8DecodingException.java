package org.marcloom.marc8;

/// Thrown by a strict [Marc8Decoder#decode(byte[], int, int)] at the first byte sequence that is
/// not valid MARC-8. [#byteIndex()] is relative to the `offset` the decoder was given.
public final class Marc8DecodingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int byteIndex;

    public Marc8DecodingException(int byteIndex, String message) {
        super(message + " (at byte " + byteIndex + ")");
        this.byteIndex = byteIndex;
    }

    /// Where the bad sequence starts, relative to the decoded range's offset.
    public int byteIndex() {
        return byteIndex;
    }
}
