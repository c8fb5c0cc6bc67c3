package org.marcloom;

import java.util.Arrays;
import java.util.Map;
import org.marcloom.internal.Components;
import org.marcloom.internal.Settings;

/// The encoding settings of a [MarcWriter]. Immutable and thread-safe; share freely.
///
/// Start from [#DEFAULTS] or [#builder()]; derive a variant with [#toBuilder()]. A
/// [MarcWriter.Builder] takes these settings one by one too.
public final class WriterOptions {

    /// UTF-8, no oversize records, no indentation.
    public static final WriterOptions DEFAULTS = new Builder().build();

    private static final Components COMPONENTS = new Components("WriterOptions", "encoding", "allowOversize",
            "indent");

    private final OutputEncoding encoding;
    private final boolean allowOversize;
    private final boolean indent;

    private WriterOptions(Builder b) {
        this.encoding = b.encoding;
        this.allowOversize = b.allowOversize;
        this.indent = b.indent;
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
        return new Builder().encoding(encoding).allowOversize(allowOversize).indent(indent);
    }

    /// The ISO 2709 data encoding (UTF-8 by default; MARC-8 writes numeric character references for
    /// what it cannot hold).
    ///
    /// @return the encoding
    public OutputEncoding encoding() {
        return encoding;
    }

    /// Whether ISO 2709 records over 99,999 bytes or fields over 9,999 bytes are written instead of
    /// refused: the length digits are then written as `99999` / `9999`, as some systems do; other
    /// readers may not read such records back.
    ///
    /// @return true when oversize records are written
    public boolean allowOversize() {
        return allowOversize;
    }

    /// Whether the text formats (MARCXML, a MARC-in-JSON array) are pretty-printed.
    ///
    /// @return true for indented output
    public boolean indent() {
        return indent;
    }

    /// The components by name, in order (what `MarcWriter.Builder.options` records).
    Map<String, Object> components() {
        return COMPONENTS.map(values());
    }

    private Object[] values() {
        return new Object[] {encoding, allowOversize, indent};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriterOptions w && Arrays.equals(values(), w.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return COMPONENTS.toString(values());
    }

    /// Builds [WriterOptions]; each method replaces one setting. Not thread-safe.
    public static final class Builder {
        private OutputEncoding encoding = OutputEncoding.UTF_8;
        private boolean allowOversize;
        private boolean indent;

        private Builder() {
        }

        /// Sets [WriterOptions#encoding()].
        ///
        /// @param value the encoding
        /// @return this builder
        /// @throws NullPointerException when `value` is null
        public Builder encoding(OutputEncoding value) {
            encoding = Settings.notNull("encoding", value);
            return this;
        }

        /// Sets [WriterOptions#allowOversize()].
        ///
        /// @param value true to write oversize ISO 2709 records
        /// @return this builder
        public Builder allowOversize(boolean value) {
            allowOversize = value;
            return this;
        }

        /// Sets [WriterOptions#indent()].
        ///
        /// @param value true to pretty-print
        /// @return this builder
        public Builder indent(boolean value) {
            indent = value;
            return this;
        }

        /// The options set so far.
        ///
        /// @return a new immutable value
        public WriterOptions build() {
            return new WriterOptions(this);
        }
    }
}
