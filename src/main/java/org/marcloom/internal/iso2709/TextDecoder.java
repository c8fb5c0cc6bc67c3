package org.marcloom.internal.iso2709;

import org.marcloom.ReaderOptions;
import org.marcloom.marc8.Marc8Decoder;

/// Decodes MARC-8 field data for the parser, reporting bad sequences back to it (which throws in
/// strict mode and attaches a diagnostic in lenient mode).
final class TextDecoder {

    private final Marc8Decoder decoder;

    private TextDecoder(Marc8Decoder decoder) {
        this.decoder = decoder;
    }

    static TextDecoder marc8(ReaderOptions options) {
        return new TextDecoder(Marc8Decoder.builder()
                .decodeNumericCharacterReferences(options.decodeNumericCharacterReferences())
                .normalizeNfc(options.normalizeNfc())
                .build());
    }

    private static boolean hasAmpersand(byte[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (buf[i] == '&') {
                return true;
            }
        }
        return false;
    }

    String decode(byte[] buf, int off, int len, Iso2709Parser parser, String tag) {
        if (Marc8Decoder.isAsciiOnly(buf, off, len) && !hasAmpersand(buf, off, len)) {
            // Plain ASCII (most MARC-8 data): no decoder, no listener allocation.
            return new String(buf, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return decoder.decode(buf, off, len, (index, message) -> parser.marc8Error(off + index, tag, message));
    }
}
