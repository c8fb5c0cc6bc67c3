package org.marcloom.marc8;

import org.marcloom.internal.marc8.Marc8Decoding;

/// Decodes MARC-8 bytes to Unicode text, following the Library of Congress MARC-8 code tables:
/// Basic and Extended Latin (ANSEL), Hebrew, Cyrillic, Extended Cyrillic, Arabic, Extended Arabic,
/// Greek, the subscript/superscript/Greek-symbol technique, and the 3-byte East Asian set (EACC).
///
/// Each call starts in the default state (G0 = ASCII, G1 = ANSEL) and follows the escape sequences
/// it meets (`ESC ( F`, `ESC , F`, `ESC $ F`, `ESC $ , F` for G0; `ESC ) F`, `ESC - F`,
/// `ESC $ ) F`, `ESC $ - F` for G1; `ESC g`, `ESC b`, `ESC p`, `ESC s`). Combining marks, which
/// MARC-8 writes before their base character, come out after it, as Unicode wants. Numeric
/// character references (`&#x2113;`, the lossless form for characters MARC-8 lacks) are turned into
/// their characters unless that is switched off; NFC normalisation is optional.
///
/// ## Errors
/// [#decode(byte[], int, int)] throws [Marc8DecodingException] at the first invalid sequence.
/// [#decode(byte[], int, int, ErrorListener)] never throws for bad data: it puts U+FFFD in place of
/// each bad sequence and tells the listener where it was.
///
/// Immutable and thread-safe: one decoder may serve any number of threads.
public final class Marc8Decoder {

    /// Receives the problems a lenient decode found, in the order of the bytes.
    ///
    /// Called on the thread that decodes; an implementation may throw to stop the decoding (the
    /// exception reaches the caller of `decode`).
    @FunctionalInterface
    public interface ErrorListener {
        /// One invalid sequence, which the text holds as U+FFFD.
        ///
        /// @param byteIndex where the bad sequence starts, relative to the decoded range's offset
        /// @param message   what is wrong with it, for example `byte 0xAF has no character in the G1 set ANSEL`
        void onError(int byteIndex, String message);
    }

    private static final Marc8Decoder STANDARD = new Marc8Decoder(true, false);

    /// The strict decode: the first bad sequence throws.
    private static final Marc8Decoding.Errors STRICT = (byteIndex, problem) -> {
        throw new Marc8DecodingException(byteIndex, problem);
    };

    private final Marc8Decoding decoding;

    private Marc8Decoder(boolean decodeNcr, boolean nfc) {
        this.decoding = new Marc8Decoding(decodeNcr, nfc);
    }

    /// The decoder with the default settings: numeric character references decoded, no
    /// normalisation.
    ///
    /// @return the shared instance (thread-safe)
    public static Marc8Decoder standard() {
        return STANDARD;
    }

    /// A builder for a decoder with other settings.
    ///
    /// @return a new builder, with the settings of [#standard()]
    public static Builder builder() {
        return new Builder();
    }

    /// Strict decoding of `bytes[offset, offset + length)`.
    ///
    /// @param bytes  the MARC-8 bytes
    /// @param offset where the text starts
    /// @param length how many bytes it has
    /// @return the text
    /// @throws Marc8DecodingException at the first byte sequence that is not valid MARC-8 (its
    ///                                [Marc8DecodingException#byteIndex()] is relative to `offset`)
    /// @throws IndexOutOfBoundsException when the range is not inside `bytes`
    /// @throws NullPointerException when `bytes` is null
    public String decode(byte[] bytes, int offset, int length) {
        return decoding.decode(bytes, offset, length, STRICT);
    }

    /// Lenient decoding of `bytes[offset, offset + length)`: each bad sequence becomes U+FFFD and is
    /// reported to `listener`.
    ///
    /// @param bytes    the MARC-8 bytes
    /// @param offset   where the text starts
    /// @param length   how many bytes it has
    /// @param listener told of each bad sequence; `null` makes the call strict, as
    ///                 [#decode(byte[], int, int)]
    /// @return the text
    /// @throws Marc8DecodingException only when `listener` is null, at the first bad sequence
    /// @throws IndexOutOfBoundsException when the range is not inside `bytes`
    /// @throws NullPointerException when `bytes` is null
    public String decode(byte[] bytes, int offset, int length, ErrorListener listener) {
        return decoding.decode(bytes, offset, length, listener == null ? STRICT : listener::onError);
    }

    /// Whether every byte is below 0x7F and none is ESC: such bytes are plain ASCII in MARC-8, and
    /// decode to the same characters. (DEL, 0x7F, is not: Basic Latin has no character there, and
    /// the decoder rejects it.)
    ///
    /// @param bytes  the bytes
    /// @param offset where to start
    /// @param length how many bytes to look at
    /// @return true when the range is plain ASCII in MARC-8 (or empty)
    /// @throws IndexOutOfBoundsException when the range is not inside `bytes`
    /// @throws NullPointerException when `bytes` is null
    public static boolean isAsciiOnly(byte[] bytes, int offset, int length) {
        return Marc8Decoding.isAsciiOnly(bytes, offset, length);
    }

    /// Configures a [Marc8Decoder]. Not thread-safe; the decoders it builds are.
    public static final class Builder {
        private boolean decodeNcr = true;
        private boolean nfc;

        private Builder() {
        }

        /// Whether `&#xXXXX;` references become the characters they name (default true). When
        /// false they stay as written.
        ///
        /// @param value the setting
        /// @return this builder
        public Builder decodeNumericCharacterReferences(boolean value) {
            decodeNcr = value;
            return this;
        }

        /// Whether the text is normalised to Unicode NFC (default false: each combining mark follows
        /// its base character).
        ///
        /// @param value the setting
        /// @return this builder
        public Builder normalizeNfc(boolean value) {
            nfc = value;
            return this;
        }

        /// A decoder with these settings.
        ///
        /// @return a new immutable, thread-safe decoder
        public Marc8Decoder build() {
            return new Marc8Decoder(decodeNcr, nfc);
        }
    }
}
