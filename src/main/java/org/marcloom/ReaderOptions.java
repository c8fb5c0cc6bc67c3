package org.marcloom;

import java.util.Arrays;
import java.util.Map;
import org.marcloom.internal.Components;
import org.marcloom.internal.Settings;

/// The decoding settings every reader shares: strictness, encoding, limits and the diagnostics
/// cap. Immutable and thread-safe; many readers may share one.
///
/// Start from [#DEFAULTS] or [#builder()]; derive a variant with [#toBuilder()]. A
/// [MarcReader.Builder] takes these settings one by one too.
public final class ReaderOptions {

    /// Strict, encoding from leader/09, no guessing, no NFC, numeric character references decoded,
    /// [Limits#DEFAULTS], at most 100 diagnostics per record.
    public static final ReaderOptions DEFAULTS = new Builder().build();

    private static final Components COMPONENTS = new Components("ReaderOptions", "lenient", "encoding",
            "guessEncoding", "normalizeNfc", "decodeNumericCharacterReferences", "limits", "maxDiagnosticsPerRecord");

    private final boolean lenient;
    private final MarcEncoding encoding;
    private final boolean guessEncoding;
    private final boolean normalizeNfc;
    private final boolean decodeNumericCharacterReferences;
    private final Limits limits;
    private final int maxDiagnosticsPerRecord;

    private ReaderOptions(Builder b) {
        this.lenient = b.lenient;
        this.encoding = b.encoding;
        this.guessEncoding = b.guessEncoding;
        this.normalizeNfc = b.normalizeNfc;
        this.decodeNumericCharacterReferences = b.decodeNumericCharacterReferences;
        this.limits = b.limits;
        this.maxDiagnosticsPerRecord = b.maxDiagnosticsPerRecord;
    }

    /// A builder that starts from [#DEFAULTS].
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// A builder that starts from these options.
    ///
    /// @return a new builder holding these options
    public Builder toBuilder() {
        return new Builder().lenient(lenient).encoding(encoding).guessEncoding(guessEncoding).normalizeNfc(normalizeNfc)
                .decodeNumericCharacterReferences(decodeNumericCharacterReferences).limits(limits)
                .maxDiagnosticsPerRecord(maxDiagnosticsPerRecord);
    }

    /// Whether readers recover from bad data and attach diagnostics instead of throwing.
    ///
    /// @return true for lenient reading
    public boolean lenient() {
        return lenient;
    }

    /// How ISO 2709 record data is decoded.
    ///
    /// @return the encoding ([MarcEncoding#AUTO]: as leader/09 says)
    public MarcEncoding encoding() {
        return encoding;
    }

    /// Whether, when leader/09 contradicts the bytes (blank but valid UTF-8, or `a` but invalid
    /// UTF-8), readers use the encoding the bytes show and add an [ErrorCode#ENCODING_GUESSED]
    /// warning. Only with [MarcEncoding#AUTO].
    ///
    /// @return true when the encoding is guessed from the bytes
    public boolean guessEncoding() {
        return guessEncoding;
    }

    /// Whether decoded text is normalised to Unicode NFC.
    ///
    /// @return true for NFC
    public boolean normalizeNfc() {
        return normalizeNfc;
    }

    /// Whether MARC-8 `&#xXXXX;` references are turned into the characters they name.
    ///
    /// @return true when references are decoded
    public boolean decodeNumericCharacterReferences() {
        return decodeNumericCharacterReferences;
    }

    /// The size bounds readers enforce.
    ///
    /// @return the limits
    public Limits limits() {
        return limits;
    }

    /// The most diagnostics kept per record; then one [ErrorCode#DIAGNOSTICS_TRUNCATED].
    ///
    /// @return the cap, at least 1
    public int maxDiagnosticsPerRecord() {
        return maxDiagnosticsPerRecord;
    }

    /// The components by name, in order (what `MarcReader.Builder.options` records).
    Map<String, Object> components() {
        return COMPONENTS.map(values());
    }

    private Object[] values() {
        return new Object[] {lenient, encoding, guessEncoding, normalizeNfc, decodeNumericCharacterReferences, limits,
                maxDiagnosticsPerRecord};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaderOptions r && Arrays.equals(values(), r.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return COMPONENTS.toString(values());
    }

    /// Builds [ReaderOptions]: each method replaces one setting and checks its argument at once;
    /// [#build()] checks the settings against each other. Not thread-safe.
    public static final class Builder {
        private boolean lenient;
        private MarcEncoding encoding = MarcEncoding.AUTO;
        private boolean guessEncoding;
        private boolean normalizeNfc;
        private boolean decodeNumericCharacterReferences = true;
        private Limits limits = Limits.DEFAULTS;
        private int maxDiagnosticsPerRecord = 100;

        private Builder() {
        }

        /// Sets [ReaderOptions#lenient()].
        ///
        /// @param value true for lenient reading
        /// @return this builder
        public Builder lenient(boolean value) {
            lenient = value;
            return this;
        }

        /// Sets [ReaderOptions#encoding()].
        ///
        /// @param value the encoding
        /// @return this builder
        /// @throws NullPointerException when `value` is null
        public Builder encoding(MarcEncoding value) {
            encoding = Settings.notNull("encoding", value);
            return this;
        }

        /// Sets [ReaderOptions#guessEncoding()].
        ///
        /// @param value true to guess the encoding from the bytes
        /// @return this builder
        public Builder guessEncoding(boolean value) {
            guessEncoding = value;
            return this;
        }

        /// Sets [ReaderOptions#normalizeNfc()].
        ///
        /// @param value true for NFC
        /// @return this builder
        public Builder normalizeNfc(boolean value) {
            normalizeNfc = value;
            return this;
        }

        /// Sets [ReaderOptions#decodeNumericCharacterReferences()].
        ///
        /// @param value true to decode `&#xXXXX;` in MARC-8 data
        /// @return this builder
        public Builder decodeNumericCharacterReferences(boolean value) {
            decodeNumericCharacterReferences = value;
            return this;
        }

        /// Sets [ReaderOptions#limits()].
        ///
        /// @param value the limits
        /// @return this builder
        /// @throws NullPointerException when `value` is null
        public Builder limits(Limits value) {
            limits = Settings.notNull("limits", value);
            return this;
        }

        /// Sets [ReaderOptions#maxDiagnosticsPerRecord()].
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder maxDiagnosticsPerRecord(int value) {
            maxDiagnosticsPerRecord = Settings.atLeastOne("maxDiagnosticsPerRecord", value);
            return this;
        }

        /// The options set so far.
        ///
        /// @return a new immutable value
        /// @throws IllegalStateException when `guessEncoding(true)` is combined with an encoding
        ///                               other than [MarcEncoding#AUTO]
        public ReaderOptions build() {
            if (guessEncoding && encoding != MarcEncoding.AUTO) {
                throw new IllegalStateException("guessEncoding(true) needs encoding(AUTO), but encoding is " + encoding);
            }
            return new ReaderOptions(this);
        }
    }
}
