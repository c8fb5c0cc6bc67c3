package org.marcloom.internal.iso2709;

import org.marcloom.ReaderOptions;
import org.marcloom.internal.marc8.Marc8Decoding;

/// Decodes MARC-8 field data for the parser, reporting bad sequences back to it (which throws in
/// strict mode and attaches a diagnostic in lenient mode). One per parser, not thread-safe: it is
/// its own error listener, set up for each value, so decoding allocates no listener, and it decodes
/// through a [Marc8Decoding.Reusing], whose reused arrays leave the String as the only allocation
/// per value.
final class TextDecoder implements Marc8Decoding.Errors {

    private final Marc8Decoding.Reusing decoder;

    // The value being decoded, for error reports.
    private Iso2709Parser parser;
    private int offset;
    private String tag;

    private TextDecoder(Marc8Decoding decoding) {
        this.decoder = new Marc8Decoding.Reusing(decoding);
    }

    static TextDecoder marc8(ReaderOptions options) {
        return new TextDecoder(new Marc8Decoding(options.decodeNumericCharacterReferences(), options.normalizeNfc()));
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
    public void onError(int byteIndex, String problem) {
        parser.marc8Error(offset + byteIndex, tag, problem);
    }
}
