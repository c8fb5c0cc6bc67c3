package org.marcloom.internal.iso2709;

import org.marcloom.ReaderOptions;
import org.marcloom.internal.Marc8Access;
import org.marcloom.marc8.Marc8Decoder;

/// Decodes MARC-8 field data for the parser, reporting bad sequences back to it (which throws in
/// strict mode and attaches a diagnostic in lenient mode). One per parser, not thread-safe: it is
/// its own error listener, set up for each value, so decoding allocates no listener, and it decodes
/// through a [Marc8Access.ScratchDecoder], whose reused arrays leave the String as the only
/// allocation per value.
final class TextDecoder implements Marc8Decoder.ErrorListener {

    private final Marc8Access.ScratchDecoder decoder;

    // The value being decoded, for error reports.
    private Iso2709Parser parser;
    private int offset;
    private String tag;

    private TextDecoder(Marc8Decoder decoder) {
        this.decoder = Marc8Access.factory().scratchDecoder(decoder);
    }

    static TextDecoder marc8(ReaderOptions options) {
        return new TextDecoder(Marc8Decoder.builder()
                .decodeNumericCharacterReferences(options.decodeNumericCharacterReferences())
                .normalizeNfc(options.normalizeNfc())
                .build());
    }

    /// Plain ASCII values take the decoder's own fast path; fields the parser already knows to be
    /// plain never get here.
    String decode(byte[] buf, int off, int len, Iso2709Parser parser, String tag) {
        this.parser = parser;
        this.offset = off;
        this.tag = tag;
        return decoder.decode(buf, off, len, this);
    }

    @Override
    public void onError(int byteIndex, String message) {
        parser.marc8Error(offset + byteIndex, tag, message);
    }
}
