package org.marcloom.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.marcloom.Diagnostic;

/// A MARC record: a [Leader] and its fields in file order, plus the diagnostics a lenient reader
/// attached to it. Immutable and thread-safe; edit a copy with [#toBuilder()].
///
/// Lookup takes a tag (`245`), a tag pattern (`6XX`, `1..`: `X`, `x` and `.` match any
/// character) or a selector that adds subfield codes (`245$a`, `650$ax`) or a character range of
/// a control field (`008/35-37`).
///
/// {@snippet class="org.marcloom.snippets.RecordSnippets" region="lookup"}
///
/// Equality compares the leader and the fields; diagnostics are not part of a record's value.
public final class MarcRecord {

    static {
        TrustedFactory.install();
    }

    private final Leader leader;
    private final List<Field> fields;
    private final List<Diagnostic> diagnostics;

    MarcRecord(Leader leader, Field[] fields, int count, List<Diagnostic> diagnostics) {
        this.leader = leader;
        this.fields = new ArrayListView<>(fields, count);
        this.diagnostics = diagnostics;
    }

    /// A builder for a new record, starting with [Leader#DEFAULT] and no fields.
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// The leader, as read or as built.
    ///
    /// @return the leader
    public Leader leader() {
        return leader;
    }

    /// Every field, in record order.
    ///
    /// @return the fields, unmodifiable
    public List<Field> fields() {
        return fields;
    }

    /// What a lenient reader found wrong with this record, capped at
    /// [org.marcloom.ReaderOptions#maxDiagnosticsPerRecord()].
    ///
    /// @return the diagnostics, unmodifiable; empty for a clean record
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /// Whether any attached diagnostic is an error (not just a warning).
    ///
    /// @return true when a diagnostic is [org.marcloom.Severity#ERROR] or worse
    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.severity() != org.marcloom.Severity.WARNING) {
                return true;
            }
        }
        return false;
    }

    /// The fields whose tag matches a tag or pattern (`245`, `6XX`, `1..`), in order.
    ///
    /// @param tagPattern three characters; `X`, `x` and `.` match any character
    /// @return the matching fields, a new list
    /// @throws IllegalArgumentException when `tagPattern` is not three characters
    public List<Field> fields(String tagPattern) {
        Tags.checkPattern(tagPattern);
        List<Field> out = new ArrayList<>(4);
        for (Field f : fields) {
            if (Tags.matches(tagPattern, f.tag())) {
                out.add(f);
            }
        }
        return out;
    }

    /// The first field whose tag matches a tag or pattern.
    ///
    /// @param tagPattern three characters; `X`, `x` and `.` match any character
    /// @return the field, or empty
    /// @throws IllegalArgumentException when `tagPattern` is not three characters
    public Optional<Field> field(String tagPattern) {
        Tags.checkPattern(tagPattern);
        for (Field f : fields) {
            if (Tags.matches(tagPattern, f.tag())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /// The data fields whose tag matches a tag or pattern, in order.
    ///
    /// @param tagPattern three characters; `X`, `x` and `.` match any character
    /// @return the matching data fields, a new list
    /// @throws IllegalArgumentException when `tagPattern` is not three characters
    public List<DataField> dataFields(String tagPattern) {
        Tags.checkPattern(tagPattern);
        List<DataField> out = new ArrayList<>(4);
        for (Field f : fields) {
            if (f instanceof DataField d && Tags.matches(tagPattern, d.tag())) {
                out.add(d);
            }
        }
        return out;
    }

    /// The first data field whose tag matches a tag or pattern.
    ///
    /// @param tagPattern three characters; `X`, `x` and `.` match any character
    /// @return the field, or empty
    /// @throws IllegalArgumentException when `tagPattern` is not three characters
    public Optional<DataField> dataField(String tagPattern) {
        Tags.checkPattern(tagPattern);
        for (Field f : fields) {
            if (f instanceof DataField d && Tags.matches(tagPattern, d.tag())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /// The data of the first control field with this tag (`001`, `008`).
    ///
    /// @param tag the exact tag (no pattern)
    /// @return the data, or empty when the record has no such control field
    public Optional<String> controlValue(String tag) {
        for (Field f : fields) {
            if (f instanceof ControlField c && c.tag().equals(tag)) {
                return Optional.of(c.data());
            }
        }
        return Optional.empty();
    }

    /// Every value a selector picks, in field order.
    ///
    /// - `245$a`, `650$ax`, `6XX$a`: the values of those subfields of matching data fields;
    /// - `245`: for a data field, its subfield values joined by a space; for a control field, its data;
    /// - `008/35-37`: characters 35 to 37 inclusive of matching control fields (`008/06` for one).
    ///
    /// @param selector a tag or tag pattern, then `$codes` or `/start-end`
    /// @return the values, a new list
    /// @throws IllegalArgumentException when the selector is malformed
    public List<String> values(String selector) {
        Selector s = Selector.parse(selector);
        List<String> out = new ArrayList<>(4);
        for (Field f : fields) {
            if (Tags.matches(s.tagPattern(), f.tag())) {
                s.collect(f, out);
            }
        }
        return out;
    }

    /// The first value a selector picks; see [#values(String)].
    ///
    /// @param selector a tag or tag pattern, then `$codes` or `/start-end`
    /// @return the value, or empty
    /// @throws IllegalArgumentException when the selector is malformed
    public Optional<String> value(String selector) {
        List<String> v = values(selector);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    /// The control number (001), as written (blanks included).
    ///
    /// @return the 001's data, or empty
    public Optional<String> controlNumber() {
        return controlValue("001");
    }

    /// The title from 245 $a, $b, $n and $p joined by spaces, with trailing ISBD punctuation (` /`,
    /// ` :`, ` ;`, ` =`, `,`, `.`) removed.
    ///
    /// @return the title, or empty when there is no 245 or it has none of those subfields
    public Optional<String> title() {
        return dataField("245").map(f -> trimIsbd(f.text("abnp"))).filter(t -> !t.isEmpty());
    }

    /// The main entry name: 100, 110 or 111 $a, with trailing punctuation removed.
    ///
    /// @return the name, or empty
    public Optional<String> mainAuthor() {
        for (Field f : fields) {
            if (f instanceof DataField d && (d.tag().equals("100") || d.tag().equals("110") || d.tag().equals("111"))) {
                String a = d.value('a');
                if (a != null) {
                    return Optional.of(trimIsbd(a));
                }
            }
        }
        return Optional.empty();
    }

    /// Every 020 $a, as written (qualifiers such as `(pbk.)` included).
    ///
    /// @return the ISBNs, a new list
    public List<String> isbns() {
        return values("020$a");
    }

    /// Every 022 $a, as written.
    ///
    /// @return the ISSNs, a new list
    public List<String> issns() {
        return values("022$a");
    }

    /// The subject fields (600-699), in order.
    ///
    /// @return the fields, a new list
    public List<DataField> subjectFields() {
        return dataFields("6XX");
    }

    /// Each subject field as a heading: its alphabetic subfields joined by ` -- `, as catalogues
    /// display them (`Whales -- Fiction`).
    ///
    /// @return one heading per subject field that has text, a new list
    public List<String> subjects() {
        List<String> out = new ArrayList<>();
        for (DataField d : subjectFields()) {
            StringBuilder sb = new StringBuilder();
            for (Subfield s : d.subfields()) {
                char c = s.code();
                if (c >= 'a' && c <= 'z') {
                    if (!sb.isEmpty()) {
                        sb.append(c >= 'v' && c <= 'z' ? " -- " : " ");
                    }
                    sb.append(s.value());
                }
            }
            String heading = trimIsbd(sb.toString());
            if (!heading.isEmpty()) {
                out.add(heading);
            }
        }
        return out;
    }

    /// The publisher: 260 $b, else 264 $b of a publication statement (second indicator `1`),
    /// with trailing punctuation removed.
    ///
    /// @return the publisher, or empty
    public Optional<String> publisher() {
        Optional<String> p = value("260$b");
        if (p.isEmpty()) {
            for (DataField d : dataFields("264")) {
                if (d.indicator2() == '1' && d.value('b') != null) {
                    p = Optional.of(d.value('b'));
                    break;
                }
            }
        }
        return p.map(MarcRecord::trimIsbd);
    }

    /// The year of publication: 008/07-10 when it is four digits, else the first four-digit run in
    /// 260 $c or 264 $c.
    ///
    /// @return four digits, or empty
    public Optional<String> publicationYear() {
        Optional<String> date1 = controlValue("008").map(d -> d.length() >= 11 ? d.substring(7, 11) : "");
        if (date1.isPresent() && isYear(date1.get())) {
            return date1;
        }
        List<String> dates = new ArrayList<>(values("260$c"));
        dates.addAll(values("264$c"));
        for (String c : dates) {
            for (int i = 0; i + 4 <= c.length(); i++) {
                if (isYear(c.substring(i, i + 4)) && (i + 4 == c.length() || !Character.isDigit(c.charAt(i + 4)))
                        && (i == 0 || !Character.isDigit(c.charAt(i - 1)))) {
                    return Optional.of(c.substring(i, i + 4));
                }
            }
        }
        return Optional.empty();
    }

    /// The language code in 008/35-37, when it is three non-blank characters (and not `|||`).
    ///
    /// @return the code, or empty
    public Optional<String> language() {
        return controlValue("008")
                .filter(d -> d.length() >= 38)
                .map(d -> d.substring(35, 38))
                .filter(l -> !l.isBlank() && !l.equals("|||"));
    }

    private static boolean isYear(String s) {
        if (s.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String trimIsbd(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c == ' ' || c == '/' || c == ':' || c == ';' || c == '=' || c == ',' || c == '.') {
                // Keep a final period that ends an abbreviation like "Jr." or an initial ("A.").
                if (c == '.' && end >= 3 && s.charAt(end - 3) == ' ' || c == '.' && end == 2) {
                    break;
                }
                end--;
            } else {
                break;
            }
        }
        return s.substring(0, end);
    }

    /// A builder that starts with this record's leader, fields and diagnostics; this record is not
    /// changed.
    ///
    /// @return a new builder
    public Builder toBuilder() {
        Builder b = new Builder();
        b.leader = leader;
        b.fields.addAll(fields);
        b.diagnostics.addAll(diagnostics);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MarcRecord r && leader.equals(r.leader) && fields.equals(r.fields);
    }

    @Override
    public int hashCode() {
        return leader.hashCode() * 31 + fields.hashCode();
    }

    /// MARCMaker-like text: one line per field, `=LDR` first; blanks in the leader, control fields
    /// and indicators are shown as `\`.
    ///
    /// @return the text
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64 + fields.size() * 40);
        sb.append("=LDR  ").append(leader.toString().replace(' ', '\\'));
        for (Field f : fields) {
            sb.append('\n').append(f);
        }
        return sb.toString();
    }

    /// Builds a [MarcRecord]; also used for copy-on-write edits. Not thread-safe.
    public static final class Builder {
        private Leader leader = Leader.DEFAULT;
        private final List<Field> fields = new ArrayList<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();

        private Builder() {
        }

        /// Sets the leader (default [Leader#DEFAULT]). Writers compute the record length and base
        /// address themselves.
        ///
        /// @param value the leader
        /// @return this builder
        /// @throws NullPointerException when `value` is null
        public Builder leader(Leader value) {
            leader = Objects.requireNonNull(value, "leader");
            return this;
        }

        /// Sets the leader from its 24 characters.
        ///
        /// @param value the leader's text
        /// @return this builder
        /// @throws IllegalArgumentException when `value` is not 24 characters
        public Builder leader(String value) {
            return leader(Leader.of(value));
        }

        /// Appends a field.
        ///
        /// @param field the field
        /// @return this builder
        /// @throws NullPointerException when `field` is null
        public Builder add(Field field) {
            fields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /// Appends a control field.
        ///
        /// @param tag  three characters, for example `001`
        /// @param data the field's data
        /// @return this builder
        /// @throws IllegalArgumentException when `tag` is not three characters
        /// @throws NullPointerException     when `data` is null
        public Builder addControlField(String tag, String data) {
            return add(new ControlField(Tags.intern(tag), data));
        }

        /// Appends a data field.
        ///
        /// @param tag        three characters, for example `245`
        /// @param indicator1 the first indicator (`' '` for blank)
        /// @param indicator2 the second indicator
        /// @param subfields  the subfields, in order
        /// @return this builder
        /// @throws IllegalArgumentException when `tag` is not three characters
        public Builder addDataField(String tag, char indicator1, char indicator2, Subfield... subfields) {
            return add(DataField.of(tag, indicator1, indicator2, subfields));
        }

        /// Inserts a field at a position, shifting the later ones.
        ///
        /// @param index where, from 0 to the number of fields
        /// @param field the field
        /// @return this builder
        /// @throws IndexOutOfBoundsException when `index` is out of range
        public Builder insert(int index, Field field) {
            fields.add(index, Objects.requireNonNull(field, "field"));
            return this;
        }

        /// Replaces the field at a position.
        ///
        /// @param index which field, from 0
        /// @param field the new field
        /// @return this builder
        /// @throws IndexOutOfBoundsException when `index` is out of range
        public Builder set(int index, Field field) {
            fields.set(index, Objects.requireNonNull(field, "field"));
            return this;
        }

        /// Removes the field at a position.
        ///
        /// @param index which field, from 0
        /// @return this builder
        /// @throws IndexOutOfBoundsException when `index` is out of range
        public Builder remove(int index) {
            fields.remove(index);
            return this;
        }

        /// Removes every field whose tag matches a tag or pattern.
        ///
        /// @param tagPattern three characters; `X`, `x` and `.` match any character
        /// @return this builder
        /// @throws IllegalArgumentException when `tagPattern` is not three characters
        public Builder removeAll(String tagPattern) {
            Tags.checkPattern(tagPattern);
            fields.removeIf(f -> Tags.matches(tagPattern, f.tag()));
            return this;
        }

        /// Removes every field the filter accepts.
        ///
        /// @param filter true for the fields to remove
        /// @return this builder
        public Builder removeIf(Predicate<? super Field> filter) {
            fields.removeIf(filter);
            return this;
        }

        /// Replaces each field by what `change` returns for it (return the field itself to keep it).
        ///
        /// @param change called once per field, in order
        /// @return this builder
        /// @throws NullPointerException when `change` returns null
        public Builder replaceAll(UnaryOperator<Field> change) {
            fields.replaceAll(f -> Objects.requireNonNull(change.apply(f), "replacement field"));
            return this;
        }

        /// Moves the field at `from` so that it ends up at index `to`.
        ///
        /// @param from the field's index now
        /// @param to   its index afterwards
        /// @return this builder
        /// @throws IndexOutOfBoundsException when an index is out of range
        public Builder move(int from, int to) {
            fields.add(to, fields.remove(from));
            return this;
        }

        /// Sorts fields by tag; stable, so fields with equal tags keep their order.
        ///
        /// @return this builder
        public Builder sortByTag() {
            fields.sort(Comparator.comparing(Field::tag));
            return this;
        }

        /// The fields so far.
        ///
        /// @return an unmodifiable snapshot
        public List<Field> fields() {
            return List.copyOf(fields);
        }

        /// Attaches a diagnostic, as readers do in lenient mode. Diagnostics are not part of the
        /// record's value ([MarcRecord#equals(Object)]) and are not written.
        ///
        /// @param diagnostic the diagnostic
        /// @return this builder
        /// @throws NullPointerException when `diagnostic` is null
        public Builder addDiagnostic(Diagnostic diagnostic) {
            diagnostics.add(Objects.requireNonNull(diagnostic, "diagnostic"));
            return this;
        }

        /// Removes every attached diagnostic.
        ///
        /// @return this builder
        public Builder clearDiagnostics() {
            diagnostics.clear();
            return this;
        }

        /// The record; the builder may go on being used.
        ///
        /// @return a new immutable record
        public MarcRecord build() {
            Field[] copy = fields.toArray(new Field[0]);
            List<Diagnostic> d = diagnostics.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(diagnostics));
            return new MarcRecord(leader, copy, copy.length, d);
        }
    }
}
