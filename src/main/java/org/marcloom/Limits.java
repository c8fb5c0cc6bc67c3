package org.marcloom;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.marcloom.internal.Components;
import org.marcloom.internal.Settings;

/// Bounds on input size that protect a reader from hostile or broken data: with them, a reader's
/// memory stays bounded whatever its input. Immutable and thread-safe; start from [#DEFAULTS] or
/// [#builder()], change one bound with [#toBuilder()].
///
/// An error for a limit is [ErrorCode#LIMIT_EXCEEDED] and names the setting that changes it, for
/// example `record of 20000000 bytes exceeds the maximum allowed (16777216, from
/// Limits.maxRecordBytes)`. Which reader enforces which bound, and what strict and lenient mode
/// then do, is tabled in `docs/reliability.md`.
public final class Limits {

    /// 16 MiB records, 100,000 fields per record, 10,000 subfields per field; for the text
    /// formats: tokens of 1 MiB characters, names of 1,000 characters, 1,000 levels of nesting,
    /// 1,000 attributes per element.
    public static final Limits DEFAULTS = new Limits(Bound.defaults());

    /// The bounds by [Bound#ordinal()].
    private final int[] bounds;

    private Limits(int[] bounds) {
        this.bounds = bounds;
    }

    /// A builder that starts from [#DEFAULTS].
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder(Bound.defaults());
    }

    /// A builder that starts from these limits.
    ///
    /// @return a new builder holding these limits
    public Builder toBuilder() {
        return new Builder(bounds.clone());
    }

    /// The names of the settings, in a fixed order: `maxRecordBytes`, `maxFieldsPerRecord`,
    /// `maxSubfieldsPerField`, `maxTokenLength`, `maxNameLength`, `maxNestingDepth`,
    /// `maxAttributesPerElement`. Each is the name of its accessor and of its builder method, and
    /// what [Builder#set(String, int)] takes: for settings that come as text (command-line options,
    /// a data source's options, a properties file).
    ///
    /// @return an immutable list
    public static List<String> settings() {
        return SETTINGS;
    }

    private static final List<String> SETTINGS = Arrays.stream(Bound.values()).map(b -> b.setting).toList();

    /// The longest record a reader accepts, in bytes. ISO 2709 can only describe 99,999 bytes, but
    /// lenient mode recovers longer records (real exports have them) up to this many bytes; the
    /// text formats hold each record to it too (MARCXML counts the characters of its text,
    /// MARC-in-JSON and MARCMaker the bytes of the record's text in the input).
    ///
    /// @return the bound in bytes
    public int maxRecordBytes() {
        return bounds[Bound.MAX_RECORD_BYTES.ordinal()];
    }

    /// The most fields (directory entries) in one record.
    ///
    /// @return the bound
    public int maxFieldsPerRecord() {
        return bounds[Bound.MAX_FIELDS_PER_RECORD.ordinal()];
    }

    /// The most subfields in one data field.
    ///
    /// @return the bound
    public int maxSubfieldsPerField() {
        return bounds[Bound.MAX_SUBFIELDS_PER_FIELD.ordinal()];
    }

    /// The longest single token of a text format, in characters: in MARCXML one text value (a
    /// leader, control field or subfield), a CDATA section, a start or end tag with its
    /// attributes, or everything before the root element; in MARC-in-JSON a string or a number.
    /// (MARCXML comments and processing instructions after the root element starts are checked as
    /// they stream past and never held, so they are not bounded.)
    ///
    /// @return the bound in characters
    public int maxTokenLength() {
        return bounds[Bound.MAX_TOKEN_LENGTH.ordinal()];
    }

    /// The longest name, in characters: a MARCXML element or attribute name (with its prefix), a
    /// MARC-in-JSON key.
    ///
    /// @return the bound in characters
    public int maxNameLength() {
        return bounds[Bound.MAX_NAME_LENGTH.ordinal()];
    }

    /// The deepest nesting: MARCXML elements, MARC-in-JSON objects and arrays.
    ///
    /// @return the bound in levels
    public int maxNestingDepth() {
        return bounds[Bound.MAX_NESTING_DEPTH.ordinal()];
    }

    /// The most attributes (namespace declarations included) on one MARCXML element.
    ///
    /// @return the bound
    public int maxAttributesPerElement() {
        return bounds[Bound.MAX_ATTRIBUTES_PER_ELEMENT.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits l && Arrays.equals(bounds, l.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return COMPONENTS.toString(Arrays.stream(bounds).boxed().toArray());
    }

    private static final Components COMPONENTS = new Components("Limits",
            Arrays.stream(Bound.values()).map(b -> b.setting).toArray(String[]::new));

    /// Each bound: the setting that names it, its smallest allowed value and its default. Adding
    /// a bound is a constant here, an accessor and a setter.
    private enum Bound {
        MAX_RECORD_BYTES("maxRecordBytes", 25, 16 * 1024 * 1024),
        MAX_FIELDS_PER_RECORD("maxFieldsPerRecord", 1, 100_000),
        MAX_SUBFIELDS_PER_FIELD("maxSubfieldsPerField", 1, 10_000),
        MAX_TOKEN_LENGTH("maxTokenLength", 1024, 1024 * 1024),
        MAX_NAME_LENGTH("maxNameLength", 16, 1_000),
        MAX_NESTING_DEPTH("maxNestingDepth", 8, 1_000),
        MAX_ATTRIBUTES_PER_ELEMENT("maxAttributesPerElement", 8, 1_000);

        final String setting;
        final int min;
        final int defaultValue;

        Bound(String setting, int min, int defaultValue) {
            this.setting = setting;
            this.min = min;
            this.defaultValue = defaultValue;
        }

        static int[] defaults() {
            Bound[] all = values();
            int[] d = new int[all.length];
            for (Bound b : all) {
                d[b.ordinal()] = b.defaultValue;
            }
            return d;
        }
    }

    /// Builds [Limits]. Each method checks its argument at once, against the smallest value the
    /// bound allows, with a message naming the setting. Not thread-safe.
    public static final class Builder {
        private final int[] bounds;

        private Builder(int[] bounds) {
            this.bounds = bounds;
        }

        private Builder set(Bound bound, int value) {
            bounds[bound.ordinal()] = Settings.atLeast(bound.setting, bound.min, value);
            return this;
        }

        /// Sets the bound named `setting`, one of [Limits#settings()] (`set("maxFieldsPerRecord", 500)`
        /// is `maxFieldsPerRecord(500)`).
        ///
        /// @param setting the setting's name, as [Limits#settings()] spells it
        /// @param value   the bound, at least the setting's smallest value
        /// @return this builder
        /// @throws IllegalArgumentException when `setting` is not one of [Limits#settings()] (the
        ///                                  message lists them), or `value` is below its smallest value
        /// @throws NullPointerException     when `setting` is `null`
        public Builder set(String setting, int value) {
            Objects.requireNonNull(setting, "setting");
            for (Bound b : Bound.values()) {
                if (b.setting.equals(setting)) {
                    return set(b, value);
                }
            }
            throw new IllegalArgumentException("Limits has no setting '" + setting + "'; the settings are "
                    + String.join(", ", SETTINGS));
        }

        /// Sets [Limits#maxRecordBytes()].
        ///
        /// @param value at least 25 (a leader and a record terminator)
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 25
        public Builder maxRecordBytes(int value) {
            return set(Bound.MAX_RECORD_BYTES, value);
        }

        /// Sets [Limits#maxFieldsPerRecord()].
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder maxFieldsPerRecord(int value) {
            return set(Bound.MAX_FIELDS_PER_RECORD, value);
        }

        /// Sets [Limits#maxSubfieldsPerField()].
        ///
        /// @param value at least 1
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1
        public Builder maxSubfieldsPerField(int value) {
            return set(Bound.MAX_SUBFIELDS_PER_FIELD, value);
        }

        /// Sets [Limits#maxTokenLength()].
        ///
        /// @param value at least 1,024 characters
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 1,024
        public Builder maxTokenLength(int value) {
            return set(Bound.MAX_TOKEN_LENGTH, value);
        }

        /// Sets [Limits#maxNameLength()].
        ///
        /// @param value at least 16 characters
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 16
        public Builder maxNameLength(int value) {
            return set(Bound.MAX_NAME_LENGTH, value);
        }

        /// Sets [Limits#maxNestingDepth()].
        ///
        /// @param value at least 8 levels (MARCXML needs 4 inside any envelope)
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 8
        public Builder maxNestingDepth(int value) {
            return set(Bound.MAX_NESTING_DEPTH, value);
        }

        /// Sets [Limits#maxAttributesPerElement()].
        ///
        /// @param value at least 8
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is below 8
        public Builder maxAttributesPerElement(int value) {
            return set(Bound.MAX_ATTRIBUTES_PER_ELEMENT, value);
        }

        /// The limits set so far.
        ///
        /// @return a new immutable value
        public Limits build() {
            return new Limits(bounds.clone());
        }
    }
}
