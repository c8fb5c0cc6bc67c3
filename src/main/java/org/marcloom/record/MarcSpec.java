package org.marcloom.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.marcloom.record.SpecAst.Query;
import org.marcloom.record.SpecEval.Scope;
import org.marcloom.record.SpecEval.Selector;
import org.marcloom.record.SpecEval.Sink;

/// A compiled MARCspec (MARCspec 0.16beta+2, "A common MARC record path language"): a path to
/// data in a record, parsed once and evaluated on many records. The record model's lookups
/// ([MarcRecord#values(String)], [MarcRecord#fields(String)], ...) use the same language.
///
/// {@snippet class="org.marcloom.snippets.MarcSpecSnippets" region="compile"}
///
/// What it covers:
/// - fields: `245`, `6..` (`.` is a wildcard; so is `X` among digits: `6XX`), `LDR`, `008/35-37`,
///   `007/#` (the last character), `020[0]` (the first 020), `300[#-1]` (the last two);
/// - subfields: `245$a`, `245$a$c`, `650$a-c`, `300$a[0]`, `245$a/#-1`;
/// - indicators: `245^2`, `880[1]^1`;
/// - subSpecs that keep a reference only when they hold: `700$a{$4=\aut}`, `020$c{?$a}`,
///   `880$a{$6~\245}`, `008/18{LDR/6=\a}{LDR/7=\a|LDR/7=\m}` (repeated subSpecs AND, `|` OR;
///   operators `=`, `!=`, `~`, `!~`, `?`, `!`; comparison strings after `\`, with `\s` for a space
///   and `\$ \{ \} \! \= \~ \? \| \\` for those characters);
/// - several specs joined by `:` (`100$a:700$a`): each one's results in turn.
///
/// How the spec is read where it leaves room, and where marcloom departs from it, is in
/// `docs/marcspec.md`. In short: values come in record order; a subTerm that is abbreviated or has
/// the spec's own tag without an index reads the field being referenced, any other the whole
/// record; a data field's value is its subfield values joined by a space.
///
/// Immutable and thread-safe. Two specs are equal when they parse to the same thing;
/// [#toString()] prints that back as text that compiles to an equal spec.
public final class MarcSpec {

    private final Query query;
    private final Selector[] selectors;

    private MarcSpec(Query query) {
        this.query = query;
        this.selectors = new Selector[query.specs().size()];
        for (int k = 0; k < selectors.length; k++) {
            selectors[k] = SpecEval.compile(query.specs().get(k));
        }
    }

    /// Parses and compiles a spec.
    ///
    /// @param spec the MARCspec, for example `245$a` or `650$a{$2=\lcsh}`
    /// @return the compiled spec
    /// @throws MarcSpecException   when `spec` is not a MARCspec (with the index of the character at fault)
    /// @throws NullPointerException when `spec` is null
    public static MarcSpec compile(String spec) {
        return new MarcSpec(SpecParser.parse(spec, false));
    }

    /// The record model's selectors: MARCspec plus the shorthand `650$ax` for `650$a$x`.
    static MarcSpec compileSelector(String spec) {
        return new MarcSpec(SpecParser.parse(spec, true));
    }

    /// Every value the spec references, in record order (for `A:B`, A's values and then B's).
    ///
    /// A control field gives its data or the positions asked for, a data field its subfield
    /// values joined by a space, a subfield its value, an indicator a one-character string (a
    /// blank indicator is `" "`), `LDR` the leader's 24 characters.
    ///
    /// @param record the record
    /// @return the values; a new mutable list, empty when the spec references nothing
    /// @throws NullPointerException when `record` is null
    public List<String> values(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        List<String> out = new ArrayList<>(4);
        Sink sink = new SpecEval.ValuesSink(out);
        for (Selector s : selectors) {
            s.collect(new Scope(record), sink);
        }
        return out;
    }

    /// The first value [#values(MarcRecord)] would give; stops there.
    ///
    /// @param record the record
    /// @return the first value, or empty
    /// @throws NullPointerException when `record` is null
    public Optional<String> value(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        SpecEval.FirstSink sink = new SpecEval.FirstSink();
        for (Selector s : selectors) {
            if (!s.collect(new Scope(record), sink)) {
                return Optional.of(sink.first);
            }
        }
        return Optional.empty();
    }

    /// The fields the spec references values in, in record order, each once per spec (for `A:B`,
    /// A's fields and then B's). `LDR` is not a field: it adds nothing here.
    ///
    /// @param record the record
    /// @return the fields; a new mutable list
    /// @throws NullPointerException when `record` is null
    public List<Field> fields(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        List<Field> out = new ArrayList<>(4);
        for (Selector s : selectors) {
            s.collect(new Scope(record), new SpecEval.FieldsSink(out));
        }
        return out;
    }

    /// Whether the spec references anything in the record (a filter: `245{$a~\Moby}`); stops at
    /// the first value.
    ///
    /// @param record the record
    /// @return true when [#values(MarcRecord)] would not be empty
    /// @throws NullPointerException when `record` is null
    public boolean matches(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        SpecEval.MatchSink sink = new SpecEval.MatchSink();
        for (Selector s : selectors) {
            s.collect(new Scope(record), sink);
            if (sink.found) {
                return true;
            }
        }
        return false;
    }

    /// Each value with the same value in the alternate-script field (880) linked to its field:
    /// for `245$a`, every 245 `$a` beside the `$a` of the 880 whose `$6` is `245-NN` (paired by
    /// position among the values each field gives). 880s that name the spec's tag but have no
    /// counterpart (occurrence `00`, or the regular field is missing) come after the paired
    /// values, as alternates alone. A spec whose tag matches 880 itself, or `LDR`, gives its values
    /// with no alternates. The field index selects the regular fields; an alternate is taken from
    /// its 880 with the rest of the spec.
    ///
    /// @param record the record
    /// @return the pairs, in record order; a new mutable list
    /// @throws NullPointerException when `record` is null
    public List<LinkedValue> linkedValues(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        List<LinkedValue> out = new ArrayList<>();
        for (Selector sel : selectors) {
            List<Field> groupFields = new ArrayList<>();
            List<List<String>> groupValues = new ArrayList<>();
            sel.collect(new Scope(record), new Sink() {
                @Override
                boolean accept(Field field, String value) {
                    if (groupFields.isEmpty() || groupFields.getLast() != field) {
                        groupFields.add(field);
                        groupValues.add(new ArrayList<>(2));
                    }
                    groupValues.getLast().add(value);
                    return true;
                }
            });
            boolean pairing = !sel.tag.isLeader() && !sel.tag.matches(Links.ALTERNATE);
            for (int g = 0; g < groupFields.size(); g++) {
                List<String> originals = groupValues.get(g);
                DataField partner = pairing && groupFields.get(g) instanceof DataField d
                        ? Links.partner(record, d) : null;
                List<String> alternates = partner == null ? List.of() : valuesFrom(sel, record, partner);
                Linkage linkage = partner == null ? null : Linkage.of(partner).orElse(null);
                for (int k = 0; k < Math.max(originals.size(), alternates.size()); k++) {
                    out.add(new LinkedValue(k < originals.size() ? originals.get(k) : null,
                            k < alternates.size() ? alternates.get(k) : null, linkage));
                }
            }
            if (!pairing) {
                continue;
            }
            for (Field f : record.fields()) {
                if (f instanceof DataField d && d.tag().equals(Links.ALTERNATE)) {
                    Linkage l = Linkage.of(d).orElse(null);
                    if (l != null && sel.tag.matches(l.tag()) && Links.partner(record, d) == null) {
                        for (String v : valuesFrom(sel, record, d)) {
                            out.add(new LinkedValue(null, v, l));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> valuesFrom(Selector sel, MarcRecord record, Field field) {
        List<String> out = new ArrayList<>(2);
        Scope scope = new Scope(record);
        if (sel.holdsForRecord(scope)) {
            sel.collectFrom(scope, field, new SpecEval.ValuesSink(out));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarcSpec m && query.equals(m.query);
    }

    @Override
    public int hashCode() {
        return query.hashCode();
    }

    /// The spec as MARCspec text: what was given, normalised (positions without leading zeros,
    /// `$a$x` for the shorthand `$ax`, comparison strings escaped). It compiles to an equal spec.
    @Override
    public String toString() {
        return SpecPrinter.print(query);
    }
}
