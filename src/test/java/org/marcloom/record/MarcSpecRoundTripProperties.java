package org.marcloom.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.marcloom.record.SpecAst.FieldSpec;
import org.marcloom.record.SpecAst.IndicatorSpec;
import org.marcloom.record.SpecAst.Literal;
import org.marcloom.record.SpecAst.Op;
import org.marcloom.record.SpecAst.Part;
import org.marcloom.record.SpecAst.Pos;
import org.marcloom.record.SpecAst.Query;
import org.marcloom.record.SpecAst.Spec;
import org.marcloom.record.SpecAst.SubSpec;
import org.marcloom.record.SpecAst.SubfieldSpec;
import org.marcloom.record.SpecAst.Tag;
import org.marcloom.record.SpecAst.Term;
import org.marcloom.record.SpecAst.TermSet;

/// A spec printed back from its parsed form parses to the same thing: for parsed forms generated
/// from the grammar (every construct, every subfield code, comparison strings with every character
/// that needs escaping), and for random strings over the spec alphabet that happen to parse.
class MarcSpecRoundTripProperties {

    @Property(tries = 1500, edgeCases = EdgeCasesMode.FIRST)
    void printedSpecsParseToTheSameThing(@ForAll("queries") Query q) {
        String printed = SpecPrinter.print(q);
        Query back = SpecParser.parse(printed, false);
        assertEquals(q, back, printed);
        assertEquals(printed, SpecPrinter.print(back));
        MarcSpec spec = MarcSpec.compile(printed);
        assertEquals(spec, MarcSpec.compile(spec.toString()));
    }

    @Property(tries = 5000)
    void randomStringsThatParseRoundTrip(@ForAll("specLike") String text) {
        MarcSpec spec;
        try {
            spec = MarcSpec.compile(text);
        } catch (MarcSpecException e) {
            assertEquals(text, e.spec());
            return;
        }
        assertEquals(spec, MarcSpec.compile(spec.toString()), text + " printed as " + spec);
    }

    @Provide
    Arbitrary<String> specLike() {
        Arbitrary<String> prefix = Arbitraries.of("245", "...", "LDR", "6XX", "880", "00.", "a.c");
        Arbitrary<String> rest = Arbitraries.strings().withChars("$[]{}/#-^|!=~?\\ab0129s.:").ofMaxLength(14);
        return Combinators.combine(prefix, rest).as(String::concat);
    }

    @Provide
    Arbitrary<Query> queries() {
        return spec().list().ofMinSize(1).ofMaxSize(3).map(Query::new);
    }

    private static final String SUBFIELD_CHARS;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            if (SpecParser.isSubfieldChar(c)) {
                sb.append(c);
            }
        }
        SUBFIELD_CHARS = sb.toString();
    }

    private Arbitrary<Tag> tag() {
        Arbitrary<String> lower = Arbitraries.strings().withChars("0123456789.abcxyz").ofLength(3);
        Arbitrary<String> upper = Arbitraries.strings().withChars("0123456789.ABCXYZ").ofLength(3);
        return Arbitraries.oneOf(Arbitraries.of("245", "LDR", "6XX", "...", "880", "008"), lower, upper).map(Tag::new);
    }

    private Arbitrary<Integer> position() {
        return Arbitraries.oneOf(Arbitraries.just(SpecAst.LAST), Arbitraries.integers().between(0, 120),
                Arbitraries.integers().between(0, 9_999_999));
    }

    private Arbitrary<Pos> pos() {
        Arbitrary<Pos> single = position().map(Pos::single);
        Arbitrary<Pos> range = Combinators.combine(position(), position()).as((a, b) -> new Pos(a, b, true));
        return Arbitraries.oneOf(single, range);
    }

    private <T> Arbitrary<T> maybe(Arbitrary<T> a) {
        return a.injectNull(0.5);
    }

    private Arbitrary<Part> part(boolean withSubSpecs) {
        Arbitrary<Character> code = Arbitraries.of(SUBFIELD_CHARS.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<char[]> range = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.chars().range('a', 'z'), Arbitraries.chars().range('a', 'z'))
                        .as((x, y) -> new char[] {(char) Math.min(x, y), (char) Math.max(x, y)}),
                Combinators.combine(Arbitraries.chars().range('0', '9'), Arbitraries.chars().range('0', '9'))
                        .as((x, y) -> new char[] {(char) Math.min(x, y), (char) Math.max(x, y)}));
        Arbitrary<char[]> codes = Arbitraries.oneOf(code.map(c -> new char[] {c, c, 0}),
                range.map(r -> new char[] {r[0], r[1], 1}));
        Arbitrary<List<SubSpec>> subs = withSubSpecs ? subSpecs(Outer.SUBFIELD) : Arbitraries.just(List.of());
        return Combinators.combine(codes, maybe(pos()), maybe(pos()), subs)
                .as((c, index, chars, s) -> new Part(c[0], c[1], c[2] == 1, index, chars, s));
    }

    private enum Outer { FIELD, FIELD_WITH_CHARS, SUBFIELD, INDICATOR }

    private Arbitrary<Spec> spec() {
        Arbitrary<Spec> field = Combinators.combine(tag(), maybe(pos()), maybe(pos()))
                .flatAs((t, index, chars) -> subSpecs(chars == null ? Outer.FIELD : Outer.FIELD_WITH_CHARS)
                        .map(s -> (Spec) new FieldSpec(t, index, chars, s)));
        Arbitrary<Spec> subfield = Combinators.combine(tag(), maybe(pos()), part(true).list().ofMinSize(1).ofMaxSize(3))
                .as((t, index, parts) -> new SubfieldSpec(t, index, parts));
        Arbitrary<Spec> indicator = Combinators.combine(tag(), maybe(pos()), Arbitraries.of(1, 2),
                subSpecs(Outer.INDICATOR)).as(IndicatorSpec::new);
        return Arbitraries.oneOf(field, subfield, indicator);
    }

    private Arbitrary<List<SubSpec>> subSpecs(Outer outer) {
        Arbitrary<TermSet> termSet = Arbitraries.oneOf(
                Combinators.combine(term(outer), Arbitraries.of(Op.values()), term(outer)).as(TermSet::new),
                Combinators.combine(Arbitraries.of(Op.values()), term(outer)).as((op, r) -> new TermSet(null, op, r)));
        Arbitrary<SubSpec> sub = termSet.list().ofMinSize(1).ofMaxSize(3).map(SubSpec::new);
        return sub.list().ofMaxSize(2);
    }

    private Arbitrary<Term> term(Outer outer) {
        Arbitrary<Term> literal = Arbitraries.strings()
                .withChars(" abcs\\${}!=~?|#^/[]-:éא中")
                .ofMaxLength(8).map(Literal::new);
        Arbitrary<Tag> tagOrNone = tag().injectNull(0.5);
        Arbitrary<Term> field = Combinators.combine(tagOrNone, maybe(pos()), maybe(pos()))
                .as((t, index, chars) -> (Term) new FieldSpec(t, index, chars, List.of()))
                .filter(t -> {
                    FieldSpec f = (FieldSpec) t;
                    if (f.tag() == null && f.index() == null && f.chars() == null) {
                        return false;
                    }
                    return !(f.tag() == null && f.index() == null && outer == Outer.INDICATOR);
                });
        Arbitrary<Term> subfield = Combinators.combine(tagOrNone, maybe(pos()), part(false))
                .as((t, index, p) -> (Term) new SubfieldSpec(t, index, List.of(p)));
        Arbitrary<Term> indicator = Combinators.combine(tagOrNone, maybe(pos()), Arbitraries.of(1, 2))
                .as((t, index, w) -> (Term) new IndicatorSpec(t, index, w, List.of()))
                .filter(t -> !(((IndicatorSpec) t).tag() == null && ((IndicatorSpec) t).index() == null
                        && outer == Outer.FIELD_WITH_CHARS));
        return Arbitraries.oneOf(literal, field, subfield, indicator);
    }
}
