package org.marcloom.internal.iso2709;

import java.nio.charset.StandardCharsets;
import org.marcloom.ReaderOptions;

/// Decodes MARC-8 field data for the parser, reporting bad sequences back to it.
interface TextDecoder {

    String decode(byte[] buf, int off, int len, Iso2709Parser parser, String tag);

    static TextDecoder marc8(ReaderOptions options) {
        // Placeholder until the MARC-8 codec lands: ASCII is exact, the rest is read as Latin-1.
        return (buf, off, len, parser, tag) -> new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }
}
