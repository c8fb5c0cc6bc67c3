package org.marcloom.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/// A data field: a tag, two indicators and subfields in their original order. Immutable and
/// thread-safe; edit a copy with [#toBuilder()].
///
/// ```java
/// DataField title = DataField.builder("245").indicators('1', '0')
///         .subfield('a', "Moby Dick /").subfield('c', "Herman Melville.").build();
/// String a = title.value('a');      // "Moby Dick /"
/// ```
public final class DataField implements Field {

    private final String tag;
    private final char indicator1;
    private final char indicator2;
    private final List<Subfield> subfields;

    DataField(String tag, char indicator1, char indicator2, Subfield[] subfields, int count) {
        this.tag = tag;
        this.indicator1 = indicator1;
        this.indicator2 = indicator2;
        this.subfields = new ArrayListView<>(subfields, count);
    }

    /// A field with the given subfields (copied).
    public static DataField of(String tag, char indicator1, char indicator2, List<Subfield> subfields) {
        Tags.check(tag);
        Subfield[] copy = subfields.toArray(new Subfield[0]);
        for (Subfield s : copy) {
            Objects.requireNonNull(s, "subfield");
        }
        return new DataField(Tags.intern(tag), indicator1, indicator2, copy, copy.length);
    }

    public static DataField of(String tag, char indicator1, char indicator2, Subfield... subfields) {
        return of(tag, indicator1, indicator2, Arrays.asList(subfields));
    }

    public static Builder builder(String tag) {
        return new Builder(tag);
    }

    @Override
    public String tag() {
        return tag;
    }

    public char indicator1() {
        return indicator1;
    }

    public char indicator2() {
        return indicator2;
    }

    /// The subfields in order; unmodifiable.
    public List<Subfield> subfields() {
        return subfields;
    }

    /// The value of the first subfield with this code, or `null` when there is none.
    public String value(char code) {
        for (int i = 0, n = subfields.size(); i < n; i++) {
            Subfield s = subfields.get(i);
            if (s.code() == code) {
                return s.value();
            }
        }
        return null;
    }

    /// The values of every subfield with this code, in order.
    public List<String> values(char code) {
        List<String> out = new ArrayList<>(2);
        for (Subfield s : subfields) {
            if (s.code() == code) {
                out.add(s.value());
            }
        }
        return out;
    }

    /// The values of every subfield whose code is one of `codes`, in field order.
    public List<String> values(String codes) {
        List<String> out = new ArrayList<>(4);
        for (Subfield s : subfields) {
            if (codes.indexOf(s.code()) >= 0) {
                out.add(s.value());
            }
        }
        return out;
    }

    /// Whether the field has at least one subfield with this code.
    public boolean has(char code) {
        return value(code) != null;
    }

    /// The values of the subfields whose codes are in `codes`, joined by a space; every subfield when
    /// `codes` is `null`.
    public String text(String codes) {
        StringBuilder sb = new StringBuilder();
        for (Subfield s : subfields) {
            if (codes == null || codes.indexOf(s.code()) >= 0) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(s.value());
            }
        }
        return sb.toString();
    }

    public Builder toBuilder() {
        Builder b = new Builder(tag);
        b.indicator1 = indicator1;
        b.indicator2 = indicator2;
        b.subfields.addAll(subfields);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DataField f
                && indicator1 == f.indicator1 && indicator2 == f.indicator2
                && tag.equals(f.tag) && subfields.equals(f.subfields);
    }

    @Override
    public int hashCode() {
        return (tag.hashCode() * 31 + indicator1) * 31 * 31 + indicator2 * 31 + subfields.hashCode();
    }

    /// MARCMaker-like form: `=245  10$aTitle$cAuthor`.
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(16 + subfields.size() * 16);
        sb.append('=').append(tag).append("  ")
                .append(indicator1 == ' ' ? '\\' : indicator1)
                .append(indicator2 == ' ' ? '\\' : indicator2);
        for (Subfield s : subfields) {
            sb.append('$').append(s.code()).append(s.value());
        }
        return sb.toString();
    }

    /// Builds a [DataField]; also used for copy-on-write edits. Not thread-safe.
    public static final class Builder {
        private String tag;
        private char indicator1 = ' ';
        private char indicator2 = ' ';
        private final List<Subfield> subfields = new ArrayList<>();

        private Builder(String tag) {
            tag(tag);
        }

        public Builder tag(String value) {
            Tags.check(value);
            tag = value;
            return this;
        }

        public Builder indicators(char first, char second) {
            indicator1 = first;
            indicator2 = second;
            return this;
        }

        public Builder indicator1(char value) {
            indicator1 = value;
            return this;
        }

        public Builder indicator2(char value) {
            indicator2 = value;
            return this;
        }

        /// Appends a subfield.
        public Builder subfield(char code, String value) {
            subfields.add(new Subfield(code, value));
            return this;
        }

        /// Appends a subfield.
        public Builder add(Subfield subfield) {
            subfields.add(Objects.requireNonNull(subfield, "subfield"));
            return this;
        }

        public Builder insert(int index, Subfield subfield) {
            subfields.add(index, Objects.requireNonNull(subfield, "subfield"));
            return this;
        }

        public Builder set(int index, Subfield subfield) {
            subfields.set(index, Objects.requireNonNull(subfield, "subfield"));
            return this;
        }

        public Builder remove(int index) {
            subfields.remove(index);
            return this;
        }

        /// Removes every subfield with this code.
        public Builder removeAll(char code) {
            subfields.removeIf(s -> s.code() == code);
            return this;
        }

        public Builder removeIf(Predicate<? super Subfield> filter) {
            subfields.removeIf(filter);
            return this;
        }

        /// Replaces the value of every subfield with this code.
        public Builder replaceValues(char code, UnaryOperator<String> change) {
            subfields.replaceAll(s -> s.code() == code ? new Subfield(code, change.apply(s.value())) : s);
            return this;
        }

        /// Moves the subfield at `from` so that it ends up at index `to`.
        public Builder move(int from, int to) {
            subfields.add(to, subfields.remove(from));
            return this;
        }

        /// Sorts subfields by code (stable: equal codes keep their order).
        public Builder sortByCode() {
            subfields.sort((x, y) -> Character.compare(x.code(), y.code()));
            return this;
        }

        /// The subfields so far; unmodifiable snapshot.
        public List<Subfield> subfields() {
            return List.copyOf(subfields);
        }

        public DataField build() {
            Subfield[] copy = subfields.toArray(new Subfield[0]);
            return new DataField(Tags.intern(tag), indicator1, indicator2, copy, copy.length);
        }
    }
}
