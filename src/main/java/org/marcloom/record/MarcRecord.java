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
/// Lookups take a MARCspec (see [MarcSpec]): a tag (`245`), a tag pattern (`6XX`, `1..`: `.`
/// matches any character, and so do `X` and `x` among digits), subfields (`245$a`, `650$a$x`, or
/// the shorthand `650$ax`), character positions (`008/35-37`), indexes (`020[0]`), indicators
/// (`245^2`) and subSpecs (`650$a{$2=\lcsh}`). These methods parse the spec on every call; in a
/// loop over many records, compile it once with [MarcSpec#compile(String)].
///
/// {@snippet class="org.marcloom.snippets.RecordSnippets" region="lookup"}
///
/// Equality compares the leader and the fields; diagnostics are not part of a record's value.
public final class MarcRecord {

    static {
        TrustedFactory.install();
    }

    /// The specs of the lookups, compiled at the first lookup rather than with the first record
    /// (compiling them costs a process that only reads or converts records a few milliseconds).
    private static final class Specs {
        static final MarcSpec ISBN = MarcSpec.compile("020$a");
        static final MarcSpec ISSN = MarcSpec.compile("022$a");
        static final MarcSpec SUBJECTS = MarcSpec.compile("6..");
        static final MarcSpec PUBLISHER = MarcSpec.compile("260$b");
        static final MarcSpec DATES = MarcSpec.compile("260$c:264$c");

        private Specs() {
        }
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

    /// The fields a spec references, in order: `245`, `6XX`, `1..`, `650{$2=\lcsh}`, `020[0]`.
    ///
    /// @param spec a MARCspec (a tag or pattern, or any spec: the fields it takes values from)
    /// @return the fields; a new list
    /// @throws MarcSpecException when `spec` is not a MARCspec
    public List<Field> fields(String spec) {
        return MarcSpec.compileSelector(spec).fields(this);
    }

    /// The first field a spec references.
    ///
    /// @param spec a MARCspec, usually a tag or pattern
    /// @return the field, or empty
    /// @throws MarcSpecException when `spec` is not a MARCspec
    public Optional<Field> field(String spec) {
        List<Field> f = fields(spec);
        return f.isEmpty() ? Optional.empty() : Optional.of(f.getFirst());
    }

    /// The data fields a spec references, in order.
    ///
    /// @param spec a MARCspec, usually a tag or pattern (`6XX`)
    /// @return the data fields; a new list
    /// @throws MarcSpecException when `spec` is not a MARCspec
    public List<DataField> dataFields(String spec) {
        List<DataField> out = new ArrayList<>(4);
        for (Field f : fields(spec)) {
            if (f instanceof DataField d) {
                out.add(d);
            }
        }
        return out;
    }

    /// The first data field a spec references.
    ///
    /// @param spec a MARCspec, usually a tag or pattern
    /// @return the data field, or empty
    /// @throws MarcSpecException when `spec` is not a MARCspec
    public Optional<DataField> dataField(String spec) {
        for (Field f : fields(spec)) {
            if (f instanceof DataField d) {
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

    /// Every value a spec references, in record order (see [MarcSpec#values(MarcRecord)]).
    ///
    /// - `245$a`, `650$a$x` (or `650$ax`), `6XX$a`: the values of those subfields, in subfield order;
    /// - `245`: for a data field, its subfield values joined by a space; for a control field, its data;
    /// - `008/35-37`: characters 35 to 37 inclusive of matching control fields (`008/06` for one);
    /// - `650$a{$2=\lcsh}`, `020[0]$a`, `245^2`, `LDR/06`: the rest of MARCspec.
    ///
    /// @param spec a MARCspec, or the shorthand `TAG$codes`
    /// @return the values; a new list
    /// @throws MarcSpecException when `spec` is not a MARCspec (an [IllegalArgumentException] that
    ///     gives the index of the character at fault)
    public List<String> values(String spec) {
        return MarcSpec.compileSelector(spec).values(this);
    }

    /// The first value a spec references; see [#values(String)].
    ///
    /// @param spec a MARCspec
    /// @return the first value, or empty
    /// @throws MarcSpecException when `spec` is not a MARCspec
    public Optional<String> value(String spec) {
        return MarcSpec.compileSelector(spec).value(this);
    }

    /// Each 880 (alternate graphic representation) with the field its `$6` names: `880 $6 245-01`
    /// with the `245 $6 880-01`. An 880 with occurrence `00`, a missing counterpart or no readable
    /// `$6` has no original.
    ///
    /// @return one pair per 880, in record order; a new list
    public List<LinkedField> linkedFields() {
        return Links.of(this);
    }

    /// The other field of a `$6` pair: the 880 of a regular field, or the regular field of an 880.
    ///
    /// @param field a field with a `$6`
    /// @return the linked field in this record, or empty (no `$6`, occurrence `00`, or no counterpart)
    /// @throws NullPointerException when `field` is null
    public Optional<DataField> linkedPartner(DataField field) {
        return Optional.ofNullable(Links.partner(this, Objects.requireNonNull(field, "field")));
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
        return Specs.ISBN.values(this);
    }

    /// Every 022 $a, as written.
    ///
    /// @return the ISSNs, a new list
    public List<String> issns() {
        return Specs.ISSN.values(this);
    }

    /// The subject fields (600-699), in order.
    ///
    /// @return the fields, a new list
    public List<DataField> subjectFields() {
        List<DataField> out = new ArrayList<>(4);
        for (Field f : Specs.SUBJECTS.fields(this)) {
            if (f instanceof DataField d) {
                out.add(d);
            }
        }
        return out;
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
        Optional<String> p = Specs.PUBLISHER.value(this);
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
        List<String> dates = Specs.DATES.values(this);
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

        /// Removes every field a spec references: `6XX`, `9..`, `650{$2=\fast}`.
        ///
        /// @param spec a MARCspec, usually a tag or pattern
        /// @return this builder
        /// @throws MarcSpecException when `spec` is not a MARCspec
        public Builder removeAll(String spec) {
            MarcSpec compiled = MarcSpec.compileSelector(spec);
            Field[] now = fields.toArray(new Field[0]);
            List<Field> gone = compiled.fields(new MarcRecord(leader, now, now.length, List.of()));
            if (!gone.isEmpty()) {
                java.util.Set<Field> drop = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                drop.addAll(gone);
                fields.removeIf(drop::contains);
            }
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
