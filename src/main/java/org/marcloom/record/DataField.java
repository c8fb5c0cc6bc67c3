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
/// {@snippet class="org.marcloom.snippets.RecordSnippets" region="dataField"}
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
    ///
    /// @param tag        three characters, for example `245`
    /// @param indicator1 the first indicator (`' '` for blank)
    /// @param indicator2 the second indicator
    /// @param subfields  the subfields, in order
    /// @return the field
    /// @throws IllegalArgumentException when `tag` is not three characters
    /// @throws NullPointerException     when a subfield is null
    public static DataField of(String tag, char indicator1, char indicator2, List<Subfield> subfields) {
        Tags.check(tag);
        Subfield[] copy = subfields.toArray(new Subfield[0]);
        for (Subfield s : copy) {
            Objects.requireNonNull(s, "subfield");
        }
        return new DataField(Tags.intern(tag), indicator1, indicator2, copy, copy.length);
    }

    /// A field with the given subfields (copied).
    ///
    /// @param tag        three characters, for example `245`
    /// @param indicator1 the first indicator (`' '` for blank)
    /// @param indicator2 the second indicator
    /// @param subfields  the subfields, in order
    /// @return the field
    /// @throws IllegalArgumentException when `tag` is not three characters
    /// @throws NullPointerException     when a subfield is null
    public static DataField of(String tag, char indicator1, char indicator2, Subfield... subfields) {
        return of(tag, indicator1, indicator2, Arrays.asList(subfields));
    }

    /// A builder for a field with this tag, blank indicators and no subfields.
    ///
    /// @param tag three characters, for example `245`
    /// @return a new builder
    /// @throws IllegalArgumentException when `tag` is not three characters
    public static Builder builder(String tag) {
        return new Builder(tag);
    }

    @Override
    public String tag() {
        return tag;
    }

    /// The first indicator.
    ///
    /// @return the character, `' '` when blank
    public char indicator1() {
        return indicator1;
    }

    /// The second indicator.
    ///
    /// @return the character, `' '` when blank
    public char indicator2() {
        return indicator2;
    }

    /// The subfields, in order.
    ///
    /// @return the subfields, unmodifiable
    public List<Subfield> subfields() {
        return subfields;
    }

    /// The value of the first subfield with this code.
    ///
    /// @param code the subfield code
    /// @return the value, or `null` when there is none
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
    ///
    /// @param code the subfield code
    /// @return the values, a new list
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
    ///
    /// @param codes the subfield codes, for example `"ax"`
    /// @return the values, a new list
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
    ///
    /// @param code the subfield code
    /// @return true when there is one
    public boolean has(char code) {
        return value(code) != null;
    }

    /// The values of the subfields whose codes are in `codes`, joined by a space; every subfield when
    /// `codes` is `null`.
    ///
    /// @param codes the subfield codes to take, or `null` for all
    /// @return the text, empty when no subfield matches
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

    /// A builder that starts with this field's tag, indicators and subfields; this field is not
    /// changed.
    ///
    /// @return a new builder
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

    /// MARCMaker-like form: `=245  10$aTitle$cAuthor`, blank indicators shown as `\`.
    ///
    /// @return the text
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

        /// Sets the tag.
        ///
        /// @param value three characters
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is not three characters
        public Builder tag(String value) {
            Tags.check(value);
            tag = value;
            return this;
        }

        /// Sets both indicators.
        ///
        /// @param first  the first indicator (`' '` for blank)
        /// @param second the second indicator
        /// @return this builder
        public Builder indicators(char first, char second) {
            indicator1 = first;
            indicator2 = second;
            return this;
        }

        /// Sets the first indicator.
        ///
        /// @param value the indicator (`' '` for blank)
        /// @return this builder
        public Builder indicator1(char value) {
            indicator1 = value;
            return this;
        }

        /// Sets the second indicator.
        ///
        /// @param value the indicator (`' '` for blank)
        /// @return this builder
        public Builder indicator2(char value) {
            indicator2 = value;
            return this;
        }

        /// Appends a subfield.
        ///
        /// @param code  the subfield code
        /// @param value its data
        /// @return this builder
        /// @throws NullPointerException when `value` is null
        public Builder subfield(char code, String value) {
            subfields.add(new Subfield(code, value));
            return this;
        }

        /// Appends a subfield.
        ///
        /// @param subfield the subfield
        /// @return this builder
        /// @throws NullPointerException when `subfield` is null
        public Builder add(Subfield subfield) {
            subfields.add(Objects.requireNonNull(subfield, "subfield"));
            return this;
        }

        /// Inserts a subfield at a position, shifting the later ones.
        ///
        /// @param index    where, from 0 to the number of subfields
        /// @param subfield the subfield
        /// @return this builder
        /// @throws IndexOutOfBoundsException when `index` is out of range
        public Builder insert(int index, Subfield subfield) {
            subfields.add(index, Objects.requireNonNull(subfield, "subfield"));
            return this;
        }

        /// Replaces the subfield at a position.
        ///
        /// @param index    which subfield, from 0
        /// @param subfield the new subfield
        /// @return this builder
        /// @throws IndexOutOfBoundsException when `index` is out of range
        public Builder set(int index, Subfield subfield) {
            subfields.set(index, Objects.requireNonNull(subfield, "subfield"));
            return this;
        }

        /// Removes the subfield at a position.
        ///
        /// @param index which subfield, from 0
        /// @return this builder
        /// @throws IndexOutOfBoundsException when `index` is out of range
        public Builder remove(int index) {
            subfields.remove(index);
            return this;
        }

        /// Removes every subfield with this code.
        ///
        /// @param code the subfield code
        /// @return this builder
        public Builder removeAll(char code) {
            subfields.removeIf(s -> s.code() == code);
            return this;
        }

        /// Removes every subfield the filter accepts.
        ///
        /// @param filter true for the subfields to remove
        /// @return this builder
        public Builder removeIf(Predicate<? super Subfield> filter) {
            subfields.removeIf(filter);
            return this;
        }

        /// Replaces the value of every subfield with this code.
        ///
        /// @param code   the subfield code
        /// @param change the new value for each old one
        /// @return this builder
        /// @throws NullPointerException when `change` returns null
        public Builder replaceValues(char code, UnaryOperator<String> change) {
            subfields.replaceAll(s -> s.code() == code ? new Subfield(code, change.apply(s.value())) : s);
            return this;
        }

        /// Moves the subfield at `from` so that it ends up at index `to`.
        ///
        /// @param from the subfield's index now
        /// @param to   its index afterwards
        /// @return this builder
        /// @throws IndexOutOfBoundsException when an index is out of range
        public Builder move(int from, int to) {
            subfields.add(to, subfields.remove(from));
            return this;
        }

        /// Sorts subfields by code (stable: equal codes keep their order).
        ///
        /// @return this builder
        public Builder sortByCode() {
            subfields.sort((x, y) -> Character.compare(x.code(), y.code()));
            return this;
        }

        /// The subfields so far.
        ///
        /// @return an unmodifiable snapshot
        public List<Subfield> subfields() {
            return List.copyOf(subfields);
        }

        /// The field; the builder may go on being used.
        ///
        /// @return a new immutable field
        public DataField build() {
            Subfield[] copy = subfields.toArray(new Subfield[0]);
            return new DataField(Tags.intern(tag), indicator1, indicator2, copy, copy.length);
        }
    }
}
