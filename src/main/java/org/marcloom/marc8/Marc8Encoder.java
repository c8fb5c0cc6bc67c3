package org.marcloom.marc8;

import org.marcloom.internal.marc8.Marc8Encoding;

/// Encodes Unicode text as MARC-8: ASCII and ANSEL by default, escape sequences to the other
/// Library of Congress sets (Hebrew, Cyrillic, Arabic, Greek, EACC, sub- and superscripts) where a
/// character needs them, and back to the default sets at the end. Combining marks are written
/// before their base character, as MARC-8 wants; a character with no MARC-8 code of its own is
/// written as its canonical decomposition when every part has one (`é` as ANSEL acute + `e`).
/// Anything else becomes the numeric character reference `&#xXXXX;`, which [Marc8Decoder] turns
/// back into the character, so encoding never fails and loses nothing. To keep that promise,
/// references are also used where MARC-8 bytes would be read back differently: ESC and DEL; an
/// `&` that starts text the decoder would take for a reference (`&#x41;` is written `&#x0026;#x41;`);
/// and combining marks that cannot go before their base (a base written as a reference, a mark
/// with no MARC-8 code, or marks with no base before more text), which follow it as references.
///
/// `decode(encode(s))` equals `s` under NFC normalisation.
///
/// Immutable and thread-safe: the one instance may serve any number of threads.
public final class Marc8Encoder {

    private static final Marc8Encoder STANDARD = new Marc8Encoder();

    private Marc8Encoder() {
    }

    /// The encoder.
    ///
    /// @return the shared instance (thread-safe)
    public static Marc8Encoder standard() {
        return STANDARD;
    }

    /// Whether every character has a MARC-8 code (directly or by decomposition), so that
    /// [#encode(String)] needs no numeric character reference for a character MARC-8 lacks. (It may
    /// still write one where MARC-8 bytes would read back differently: see the class comment.)
    ///
    /// @param text the text
    /// @return true when MARC-8 has every character of `text`
    /// @throws NullPointerException when `text` is null
    public boolean canEncode(String text) {
        return Marc8Encoding.canEncode(text);
    }

    /// The MARC-8 bytes of `text`, starting and ending in the default sets (G0 ASCII, G1 ANSEL).
    ///
    /// @param text the text
    /// @return a new array with the bytes; never fails, see the class comment
    /// @throws NullPointerException when `text` is null
    public byte[] encode(String text) {
        return Marc8Encoding.encode(text);
    }
}
