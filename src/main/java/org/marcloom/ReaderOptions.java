package org.marcloom;

import java.util.Objects;

/// Immutable settings shared by every reader: strictness, encoding, limits and the diagnostics cap.
///
/// Build one with [#builder()], or start from [#DEFAULTS] and use the `with` methods. Values are
/// thread-safe and may be shared by many readers.
///
/// @param lenient                   recover from bad data and attach diagnostics instead of throwing
/// @param encoding                  how to decode record data (ISO 2709 only)
/// @param guessEncoding             when leader/09 contradicts the bytes (blank but valid UTF-8, or `a`
///                                  but invalid UTF-8), use the encoding the bytes show and add an
///                                  [ErrorCode#ENCODING_GUESSED] warning. Only with [MarcEncoding#AUTO].
/// @param normalizeNfc              normalise decoded text to Unicode NFC
/// @param decodeNumericCharacterReferences turn MARC-8 `&#xXXXX;` references into the characters
/// @param limits                    size bounds
/// @param maxDiagnosticsPerRecord   cap on diagnostics kept per record (then one DIAGNOSTICS_TRUNCATED)
public record ReaderOptions(boolean lenient, MarcEncoding encoding, boolean guessEncoding,
                            boolean normalizeNfc, boolean decodeNumericCharacterReferences,
                            Limits limits, int maxDiagnosticsPerRecord) {

    /// Strict, encoding from leader/09, no guessing, no NFC, NCRs decoded, default limits, 100 diagnostics.
    public static final ReaderOptions DEFAULTS =
            new ReaderOptions(false, MarcEncoding.AUTO, false, false, true, Limits.DEFAULT, 100);

    public ReaderOptions {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(limits, "limits");
        if (maxDiagnosticsPerRecord < 1) {
            throw new IllegalArgumentException(
                    "'maxDiagnosticsPerRecord' must be positive, was " + maxDiagnosticsPerRecord);
        }
    }

    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /// Mutable builder for [ReaderOptions]; not thread-safe.
    public static final class Builder {
        private boolean lenient;
        private MarcEncoding encoding;
        private boolean guessEncoding;
        private boolean normalizeNfc;
        private boolean decodeNcr;
        private Limits limits;
        private int maxDiagnostics;

        private Builder(ReaderOptions o) {
            lenient = o.lenient;
            encoding = o.encoding;
            guessEncoding = o.guessEncoding;
            normalizeNfc = o.normalizeNfc;
            decodeNcr = o.decodeNumericCharacterReferences;
            limits = o.limits;
            maxDiagnostics = o.maxDiagnosticsPerRecord;
        }

        public Builder lenient(boolean value) {
            lenient = value;
            return this;
        }

        public Builder encoding(MarcEncoding value) {
            encoding = Objects.requireNonNull(value, "encoding");
            return this;
        }

        public Builder guessEncoding(boolean value) {
            guessEncoding = value;
            return this;
        }

        public Builder normalizeNfc(boolean value) {
            normalizeNfc = value;
            return this;
        }

        public Builder decodeNumericCharacterReferences(boolean value) {
            decodeNcr = value;
            return this;
        }

        public Builder limits(Limits value) {
            limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        public Builder maxDiagnosticsPerRecord(int value) {
            maxDiagnostics = value;
            return this;
        }

        public ReaderOptions build() {
            if (guessEncoding && encoding != MarcEncoding.AUTO) {
                throw new IllegalStateException("guessEncoding(true) needs encoding AUTO, but encoding is " + encoding);
            }
            return new ReaderOptions(lenient, encoding, guessEncoding, normalizeNfc, decodeNcr, limits, maxDiagnostics);
        }
    }
}
