package org.marcloom.record;

import java.util.ArrayList;
import java.util.List;
import org.marcloom.record.SpecAst.FieldSpec;
import org.marcloom.record.SpecAst.IndicatorSpec;
import org.marcloom.record.SpecAst.Literal;
import org.marcloom.record.SpecAst.Op;
import org.marcloom.record.SpecAst.Part;
import org.marcloom.record.SpecAst.Pos;
import org.marcloom.record.SpecAst.Spec;
import org.marcloom.record.SpecAst.SubSpec;
import org.marcloom.record.SpecAst.SubfieldSpec;
import org.marcloom.record.SpecAst.Term;
import org.marcloom.record.SpecAst.TermSet;

/// The compiled evaluator of a MARCspec: [#compile(Spec)] turns a parsed spec into a [Selector]
/// once; evaluating it walks the record's fields with precompiled tag matchers, code ranges and
/// comparison strings (no parsing, no regular expressions).
///
/// SubSpecs are sorted by what they depend on when compiled: a subSpec that reads only other
/// fields is evaluated once per record, one that reads the current field once per field, and one
/// that reads the value being referenced (an omitted left-hand side, `/0` under a subfield spec)
/// once per value.
///
/// Interpretation (see docs/marcspec.md): a subTerm abbreviated (`$2`, `^1`, `/0`) or written with
/// the outer spec's own tag and no index (`020$c{020$a}`) reads the field being referenced; a subTerm
/// with another tag or with an index (`[1]`, `245[0]$a`) reads the whole record. Compiled selectors
/// are immutable and thread-safe; each evaluation has its own [Scope].
final class SpecEval {

    private SpecEval() {
    }

    // ------------------------------------------------------------------ evaluation state

    /// The state of one evaluation: the record, and the field and value being referenced.
    static final class Scope {
        final MarcRecord record;
        /// The field being referenced; null for the leader.
        Field field;
        /// The leader's text when the leader is being referenced.
        String leaderText;
        /// The value being referenced, with the spec's character positions applied.
        String current;
        /// The whole subfield value being referenced (for `/0` under a subfield spec).
        String raw;

        Scope(MarcRecord record) {
            this.record = record;
        }
    }

    /// Receives what a selector references.
    abstract static class Sink {
        /// @return false to stop the evaluation
        abstract boolean accept(Field field, String value);

        /// Whether [#accept] looks at the value (a data field's joined text is built only then).
        boolean wantsValues() {
            return true;
        }
    }

    static final class ValuesSink extends Sink {
        final List<String> out;

        ValuesSink(List<String> out) {
            this.out = out;
        }

        @Override
        boolean accept(Field field, String value) {
            out.add(value);
            return true;
        }
    }

    static final class FirstSink extends Sink {
        String first;

        @Override
        boolean accept(Field field, String value) {
            first = value;
            return false;
        }
    }

    static final class FieldsSink extends Sink {
        final List<Field> out;
        private Field last;

        FieldsSink(List<Field> out) {
            this.out = out;
        }

        @Override
        boolean accept(Field field, String value) {
            if (field != null && field != last) {
                out.add(field);
                last = field;
            }
            return true;
        }

        @Override
        boolean wantsValues() {
            return false;
        }
    }

    static final class MatchSink extends Sink {
        boolean found;

        @Override
        boolean accept(Field field, String value) {
            found = true;
            return false;
        }

        @Override
        boolean wantsValues() {
            return false;
        }
    }

    // ------------------------------------------------------------------ positions

    /// The inclusive bounds `pos` selects among `n` items, packed as `lo << 32 | hi`, or -1 when it
    /// selects none (section 10.1: `#` is the last; a range starting at `#` counts backwards; a
    /// range whose start is after its end selects nothing).
    static long resolve(Pos pos, int n) {
        if (n <= 0) {
            return -1;
        }
        int lo;
        int hi;
        int start = pos.start();
        int end = pos.end();
        if (!pos.range()) {
            lo = start == SpecAst.LAST ? n - 1 : start;
            if (lo >= n) {
                return -1;
            }
            hi = lo;
        } else if (start == SpecAst.LAST) {
            hi = n - 1;
            lo = end == SpecAst.LAST ? n - 1 : Math.max(0, n - 1 - end);
        } else {
            if (end != SpecAst.LAST && start > end) {
                return -1;
            }
            if (start >= n) {
                return -1;
            }
            lo = start;
            hi = end == SpecAst.LAST ? n - 1 : Math.min(end, n - 1);
        }
        return (long) lo << 32 | hi;
    }

    static boolean within(long bounds, int k) {
        return bounds >= 0 && k >= (int) (bounds >>> 32) && k <= (int) bounds;
    }

    /// The characters of `value` that `chars` selects (counted in code points), or null for none.
    static String substring(String value, Pos chars) {
        if (chars == null) {
            return value;
        }
        boolean surrogates = false;
        for (int k = 0; k < value.length(); k++) {
            if (Character.isSurrogate(value.charAt(k))) {
                surrogates = true;
                break;
            }
        }
        int n = surrogates ? value.codePointCount(0, value.length()) : value.length();
        long b = resolve(chars, n);
        if (b < 0) {
            return null;
        }
        int lo = (int) (b >>> 32);
        int hi = (int) b;
        if (!surrogates) {
            return value.substring(lo, hi + 1);
        }
        int from = value.offsetByCodePoints(0, lo);
        int to = value.offsetByCodePoints(from, hi - lo + 1);
        return value.substring(from, to);
    }

    private static final String[] ONE_CHAR = new String[128];

    static {
        for (int c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf((char) c);
        }
    }

    static String oneChar(char c) {
        return c < 128 ? ONE_CHAR[c] : String.valueOf(c);
    }

    // ------------------------------------------------------------------ subSpecs

    /// What a subSpec depends on, from least to most often evaluated.
    static final int CONST = 0;
    static final int RECORD = 1;
    static final int FIELD = 2;
    static final int ELEMENT = 3;

    /// A test on a string.
    @FunctionalInterface
    interface StringTest {
        boolean test(String value);
    }

    private static final StringTest ANY = v -> true;

    /// Where a subTerm's values come from.
    sealed interface Source permits LiteralSource, CurrentSource, RawCharsSource, FieldValueSource,
            FieldSubfieldSource, FieldIndicatorSource, RecordSource {

        /// What the values depend on: [#CONST], [#RECORD], [#FIELD] or [#ELEMENT].
        default int level() {
            return switch (this) {
                case LiteralSource _ -> CONST;
                case RecordSource _ -> RECORD;
                case FieldValueSource _, FieldSubfieldSource _, FieldIndicatorSource _ -> FIELD;
                case CurrentSource _, RawCharsSource _ -> ELEMENT;
            };
        }

        /// Whether `test` holds for one of the values (stops at the first).
        boolean any(Scope scope, StringTest test);

        default List<String> all(Scope scope) {
            List<String> out = new ArrayList<>(2);
            any(scope, v -> {
                out.add(v);
                return false;
            });
            return out;
        }
    }

    /// A comparison string.
    record LiteralSource(String value) implements Source {
        @Override
        public boolean any(Scope scope, StringTest test) {
            return test.test(value);
        }
    }

    /// The value being referenced (an omitted left-hand subTerm).
    record CurrentSource() implements Source {
        @Override
        public boolean any(Scope scope, StringTest test) {
            return scope.current != null && test.test(scope.current);
        }
    }

    /// Character positions of the subfield value being referenced (`245$a{/#=\/}`).
    record RawCharsSource(Pos chars) implements Source {
        @Override
        public boolean any(Scope scope, StringTest test) {
            if (scope.raw == null) {
                return false;
            }
            String v = substring(scope.raw, chars);
            return v != null && test.test(v);
        }
    }

    /// The current field's data (`/0-3`, or the field itself).
    record FieldValueSource(Pos chars) implements Source {
        @Override
        public boolean any(Scope scope, StringTest test) {
            String v = fieldValue(scope.field, scope.leaderText, chars, true);
            return v != null && test.test(v);
        }
    }

    /// Subfields of the current field (`$2`, `$q[1]/0`).
    record FieldSubfieldSource(char from, char to, Pos index, Pos chars) implements Source {
        @Override
        public boolean any(Scope scope, StringTest test) {
            if (!(scope.field instanceof DataField d)) {
                return false;
            }
            List<Subfield> subs = d.subfields();
            int n = subs.size();
            long bounds = -1;
            if (index != null) {
                int count = Integer.MAX_VALUE;
                if (index.usesLast()) {
                    count = 0;
                    for (int k = 0; k < n; k++) {
                        char c = subs.get(k).code();
                        if (c >= from && c <= to) {
                            count++;
                        }
                    }
                }
                bounds = resolve(index, count);
                if (bounds < 0) {
                    return false;
                }
            }
            int occ = 0;
            for (int k = 0; k < n; k++) {
                Subfield s = subs.get(k);
                char c = s.code();
                if (c < from || c > to) {
                    continue;
                }
                if (index != null && !within(bounds, occ++)) {
                    continue;
                }
                String v = chars == null ? s.value() : substring(s.value(), chars);
                if (v != null && test.test(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    /// An indicator of the current field (`^1`).
    record FieldIndicatorSource(int which) implements Source {
        @Override
        public boolean any(Scope scope, StringTest test) {
            if (!(scope.field instanceof DataField d)) {
                return false;
            }
            return test.test(oneChar(which == 1 ? d.indicator1() : d.indicator2()));
        }
    }

    /// A spec over the whole record (another tag, or an index).
    record RecordSource(Selector selector) implements Source {
        @Override
        public boolean any(Scope scope, StringTest test) {
            boolean[] hit = new boolean[1];
            selector.collect(new Scope(scope.record), new Sink() {
                @Override
                boolean accept(Field field, String value) {
                    if (test.test(value)) {
                        hit[0] = true;
                        return false;
                    }
                    return true;
                }
            });
            return hit[0];
        }
    }

    /// One subTermSet: `[left] op right`.
    static final class Test {
        final Op op;
        final Source left;
        final Source right;
        final int level;
        /// For a comparison string on the right: the precompiled test of a left value.
        private final StringTest literalTest;
        /// `^1=\x` and `^1!=\x` of the current field: which indicator, else 0.
        private final int indicator;
        private final String indicatorValue;

        Test(Op op, Source left, Source right) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.level = Math.max(left.level(), right.level());
            if ((op == Op.EQUALS || op == Op.NOT_EQUALS) && left instanceof FieldIndicatorSource ind
                    && right instanceof LiteralSource lit) {
                indicator = ind.which();
                indicatorValue = lit.value();
            } else {
                indicator = 0;
                indicatorValue = null;
            }
            if (right instanceof LiteralSource lit) {
                String r = lit.value();
                literalTest = switch (op) {
                    case EQUALS, NOT_EQUALS -> r::equals;
                    case CONTAINS, NOT_CONTAINS -> v -> v.contains(r);
                    default -> null;
                };
            } else {
                literalTest = null;
            }
        }

        boolean eval(Scope s) {
            if (indicator != 0) {
                if (!(s.field instanceof DataField d)) {
                    return false;
                }
                char c = indicator == 1 ? d.indicator1() : d.indicator2();
                boolean equal = indicatorValue.length() == 1 && indicatorValue.charAt(0) == c;
                return op == Op.EQUALS ? equal : !equal;
            }
            return switch (op) {
                case EXISTS -> left.any(s, ANY) && right.any(s, ANY);
                case NOT_EXISTS -> left.any(s, ANY) && !right.any(s, ANY);
                case EQUALS, CONTAINS -> core(s);
                case NOT_EQUALS, NOT_CONTAINS -> left.any(s, ANY) && !core(s);
            };
        }

        /// Whether one left value equals (includes) one right value.
        private boolean core(Scope s) {
            if (literalTest != null) {
                return left.any(s, literalTest);
            }
            boolean equals = op == Op.EQUALS || op == Op.NOT_EQUALS;
            if (left instanceof LiteralSource lit) {
                String l = lit.value();
                return right.any(s, equals ? l::equals : l::contains);
            }
            List<String> rights = right.all(s);
            if (rights.isEmpty()) {
                return false;
            }
            return left.any(s, v -> {
                for (String r : rights) {
                    if (equals ? v.equals(r) : v.contains(r)) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    /// A subSpec: true when one of its tests is.
    static final class Cond {
        final Test[] alternatives;
        final int level;

        Cond(Test[] alternatives) {
            this.alternatives = alternatives;
            int l = CONST;
            for (Test t : alternatives) {
                l = Math.max(l, t.level);
            }
            this.level = l;
        }

        boolean eval(Scope s) {
            for (Test t : alternatives) {
                if (t.eval(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    static boolean all(Cond[] conds, Scope s) {
        for (Cond c : conds) {
            if (!c.eval(s)) {
                return false;
            }
        }
        return true;
    }

    private static final Cond[] NONE = new Cond[0];

    /// The subSpecs split by when they are evaluated.
    record Conds(Cond[] once, Cond[] perField, Cond[] perValue) {
        static final Conds EMPTY = new Conds(NONE, NONE, NONE);

        boolean isEmpty() {
            return once.length == 0 && perField.length == 0 && perValue.length == 0;
        }

        static Conds of(List<Cond> conds) {
            if (conds.isEmpty()) {
                return EMPTY;
            }
            List<Cond> once = new ArrayList<>();
            List<Cond> field = new ArrayList<>();
            List<Cond> value = new ArrayList<>();
            for (Cond c : conds) {
                (c.level <= RECORD ? once : c.level == FIELD ? field : value).add(c);
            }
            return new Conds(once.toArray(NONE), field.toArray(NONE), value.toArray(NONE));
        }
    }

    // ------------------------------------------------------------------ selectors

    /// A field's value as a fieldSpec references it: a control field's data (or the positions
    /// given), a data field's subfield values joined by a space (nothing with positions: a
    /// character spec is for fixed fields), the leader's text.
    static String fieldValue(Field f, String leaderText, Pos chars, boolean wantValue) {
        if (f == null) {
            return leaderText == null ? null : substring(leaderText, chars);
        }
        if (f instanceof ControlField c) {
            return substring(c.data(), chars);
        }
        if (chars != null) {
            return null;
        }
        return wantValue ? ((DataField) f).text(null) : "";
    }

    /// A compiled top-level spec (or a subTerm read over the whole record).
    abstract static sealed class Selector permits Selector.WithConds, SubfieldSelector {
        final SpecTag tag;
        final Pos index;

        Selector(SpecTag tag, Pos index) {
            this.tag = tag;
            this.index = index;
        }

        /// Hands every referenced value to the sink, in record order.
        ///
        /// @return false when the sink stopped the evaluation
        abstract boolean collect(Scope scope, Sink sink);

        /// Whether the once-per-record subSpecs hold (true when there are none).
        abstract boolean holdsForRecord(Scope scope);

        /// The values this spec takes from one field, as if its tag and index matched it (for the
        /// alternate-script field of a referenced field).
        abstract boolean collectFrom(Scope scope, Field field, Sink sink);

        /// The bounds of the field index among the record's matching fields, or `Long.MAX_VALUE`
        /// for no index.
        final long fieldBounds(List<Field> fields) {
            if (index == null) {
                return Long.MAX_VALUE;
            }
            int n = Integer.MAX_VALUE;
            if (index.usesLast()) {
                n = 0;
                for (int k = 0, size = fields.size(); k < size; k++) {
                    if (tag.matches(fields.get(k).tag())) {
                        n++;
                    }
                }
            }
            return resolve(index, n);
        }

        final boolean indexAllows(long bounds, int occurrence) {
            return bounds == Long.MAX_VALUE || within(bounds, occurrence);
        }

        /// Hands every field the tag and index reference, in record order, to [#take].
        ///
        /// @param active per subfield part, whether its once-per-record subSpecs hold (or null)
        /// @return false when the sink stopped the evaluation
        final boolean collectFields(Scope scope, Sink sink, boolean[] active) {
            List<Field> fields = scope.record.fields();
            long bounds = fieldBounds(fields);
            if (bounds < 0) {
                return true;
            }
            int occ = 0;
            for (int k = 0, n = fields.size(); k < n; k++) {
                Field f = fields.get(k);
                if (tag.matches(f.tag()) && indexAllows(bounds, occ++) && !take(scope, f, sink, active)) {
                    return false;
                }
            }
            return true;
        }

        /// The values of one referenced field (see [#collectFields]); by default [#collectFrom].
        boolean take(Scope scope, Field f, Sink sink, boolean[] active) {
            return collectFrom(scope, f, sink);
        }

        /// A selector with one list of subSpecs for the whole spec (a field or an indicator spec).
        abstract static sealed class WithConds extends Selector permits FieldSelector, IndicatorSelector {
            final Conds conds;

            WithConds(SpecTag tag, Pos index, Conds conds) {
                super(tag, index);
                this.conds = conds;
            }

            @Override
            final boolean collect(Scope scope, Sink sink) {
                if (!all(conds.once(), scope)) {
                    return true;
                }
                if (tag.isLeader()) {
                    return collectLeader(scope, sink);
                }
                return collectFields(scope, sink, null);
            }

            /// The values a spec of the leader (`LDR`) references; none by default.
            boolean collectLeader(Scope scope, Sink sink) {
                return true;
            }

            @Override
            final boolean holdsForRecord(Scope scope) {
                return all(conds.once(), scope);
            }

            /// Offers the value `v` of field `f` (null for the leader) to the sink, if the per-field
            /// and per-value subSpecs hold for it.
            final boolean offer(Scope scope, Field f, String leaderText, String v, Sink sink) {
                scope.field = f;
                scope.leaderText = leaderText;
                scope.current = v;
                scope.raw = null;
                if (all(conds.perField(), scope) && all(conds.perValue(), scope)) {
                    return sink.accept(f, v);
                }
                return true;
            }
        }
    }

    /// `TAG[index]/chars{...}`.
    static final class FieldSelector extends Selector.WithConds {
        final Pos chars;

        FieldSelector(SpecTag tag, Pos index, Pos chars, Conds conds) {
            super(tag, index, conds);
            this.chars = chars;
        }

        @Override
        boolean collectLeader(Scope scope, Sink sink) {
            if (index != null && !within(resolve(index, 1), 0)) {
                return true;
            }
            String text = scope.record.leader().toString();
            String v = substring(text, chars);
            if (v == null) {
                return true;
            }
            return offer(scope, null, text, v, sink);
        }

        @Override
        boolean collectFrom(Scope scope, Field f, Sink sink) {
            boolean want = sink.wantsValues() || conds.perValue().length > 0;
            String v = fieldValue(f, null, chars, want);
            if (v == null) {
                return true;
            }
            return offer(scope, f, null, v, sink);
        }
    }

    /// One compiled subfield part: `$a-c[index]/chars{...}`.
    record CompiledPart(char from, char to, Pos index, Pos chars, Conds conds) {
    }

    /// `TAG[index]$a...{...}$b...{...}`: the values in subfield order; a subfield picked by two
    /// parts is given twice, in the parts' order.
    static final class SubfieldSelector extends Selector {
        final CompiledPart[] parts;
        /// One part with no subfield index and no subSpec on the value itself: its values are
        /// taken in one pass, after its per-field subSpecs (the common `650$a{$2=\lcsh}`).
        private final boolean simple;

        SubfieldSelector(SpecTag tag, Pos index, CompiledPart[] parts) {
            super(tag, index);
            this.parts = parts;
            this.simple = parts.length == 1 && parts[0].index() == null && parts[0].conds().perValue().length == 0;
        }

        @Override
        boolean holdsForRecord(Scope scope) {
            for (CompiledPart p : parts) {
                if (all(p.conds().once(), scope)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean collect(Scope scope, Sink sink) {
            boolean[] active = null;
            if (simple) {
                if (!all(parts[0].conds().once(), scope)) {
                    return true;
                }
            } else {
                active = activeParts(scope);
                if (active == null) {
                    return true;
                }
            }
            if (tag.isLeader()) {
                return true;
            }
            return collectFields(scope, sink, active);
        }

        @Override
        boolean take(Scope scope, Field f, Sink sink, boolean[] active) {
            return !(f instanceof DataField d) || fromField(scope, d, sink, active);
        }

        @Override
        boolean collectFrom(Scope scope, Field f, Sink sink) {
            if (!(f instanceof DataField d)) {
                return true;
            }
            boolean[] active = activeParts(scope);
            return active == null || fromField(scope, d, sink, active);
        }

        /// Per part, whether its once-per-record subSpecs hold; null when none does.
        private boolean[] activeParts(Scope scope) {
            boolean[] active = new boolean[parts.length];
            boolean any = false;
            for (int k = 0; k < parts.length; k++) {
                active[k] = all(parts[k].conds.once(), scope);
                any |= active[k];
            }
            return any ? active : null;
        }

        private boolean fromField(Scope scope, DataField d, Sink sink, boolean[] active) {
            List<Subfield> subs = d.subfields();
            int n = subs.size();
            if (simple) {
                CompiledPart p = parts[0];
                if (p.conds().perField().length > 0) {
                    scope.field = d;
                    scope.leaderText = null;
                    scope.current = null;
                    scope.raw = null;
                    if (!all(p.conds().perField(), scope)) {
                        return true;
                    }
                }
                char from = p.from();
                char to = p.to();
                Pos chars = p.chars();
                for (int k = 0; k < n; k++) {
                    Subfield s = subs.get(k);
                    char c = s.code();
                    if (c < from || c > to) {
                        continue;
                    }
                    String v = chars == null ? s.value() : substring(s.value(), chars);
                    if (v != null && !sink.accept(d, v)) {
                        return false;
                    }
                }
                return true;
            }
            scope.field = d;
            scope.leaderText = null;
            int m = parts.length;
            int[] seen = new int[m];
            long[] bounds = new long[m];
            byte[] fieldState = new byte[m]; // 0 unknown, 1 holds, 2 fails
            for (int j = 0; j < m; j++) {
                CompiledPart p = parts[j];
                bounds[j] = Long.MAX_VALUE;
                if (p.index() != null) {
                    int count = Integer.MAX_VALUE;
                    if (p.index().usesLast()) {
                        count = 0;
                        for (int k = 0; k < n; k++) {
                            char c = subs.get(k).code();
                            if (c >= p.from() && c <= p.to()) {
                                count++;
                            }
                        }
                    }
                    bounds[j] = resolve(p.index(), count);
                }
            }
            for (int k = 0; k < n; k++) {
                Subfield s = subs.get(k);
                char c = s.code();
                for (int j = 0; j < m; j++) {
                    CompiledPart p = parts[j];
                    if (!active[j] || c < p.from() || c > p.to()) {
                        continue;
                    }
                    int occurrence = seen[j]++;
                    if (bounds[j] != Long.MAX_VALUE && !within(bounds[j], occurrence)) {
                        continue;
                    }
                    if (fieldState[j] == 0) {
                        scope.current = null;
                        scope.raw = null;
                        fieldState[j] = all(p.conds().perField(), scope) ? (byte) 1 : (byte) 2;
                    }
                    if (fieldState[j] == 2) {
                        continue;
                    }
                    String v = p.chars() == null ? s.value() : substring(s.value(), p.chars());
                    if (v == null) {
                        continue;
                    }
                    if (p.conds().perValue().length > 0) {
                        scope.current = v;
                        scope.raw = s.value();
                        if (!all(p.conds().perValue(), scope)) {
                            continue;
                        }
                    }
                    if (!sink.accept(d, v)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /// `TAG[index]^1{...}`: the indicator of each data field.
    static final class IndicatorSelector extends Selector.WithConds {
        final int which;

        IndicatorSelector(SpecTag tag, Pos index, int which, Conds conds) {
            super(tag, index, conds);
            this.which = which;
        }

        @Override
        boolean collectFrom(Scope scope, Field f, Sink sink) {
            if (!(f instanceof DataField d)) {
                return true;
            }
            return offer(scope, d, null, oneChar(which == 1 ? d.indicator1() : d.indicator2()), sink);
        }
    }

    // ------------------------------------------------------------------ compiling

    /// What abbreviations inside a subSpec stand for.
    private record Outer(String tagText, SpecTag tag, boolean subfield, char from, char to) {
    }

    /// Compiles a top-level spec.
    static Selector compile(Spec spec) {
        SpecTag tag = new SpecTag(spec.tag().text());
        return switch (spec) {
            case FieldSpec f -> new FieldSelector(tag, f.index(), f.chars(),
                    conds(f.subSpecs(), new Outer(tag.text(), tag, false, (char) 0, (char) 0)));
            case IndicatorSpec ind -> new IndicatorSelector(tag, ind.index(), ind.which(),
                    conds(ind.subSpecs(), new Outer(tag.text(), tag, false, (char) 0, (char) 0)));
            case SubfieldSpec sf -> {
                CompiledPart[] parts = new CompiledPart[sf.parts().size()];
                for (int k = 0; k < parts.length; k++) {
                    Part p = sf.parts().get(k);
                    parts[k] = new CompiledPart(p.from(), p.to(), p.index(), p.chars(),
                            conds(p.subSpecs(), new Outer(tag.text(), tag, true, p.from(), p.to())));
                }
                yield new SubfieldSelector(tag, sf.index(), parts);
            }
        };
    }

    private static Conds conds(List<SubSpec> subs, Outer outer) {
        if (subs.isEmpty()) {
            return Conds.EMPTY;
        }
        List<Cond> out = new ArrayList<>(subs.size());
        for (SubSpec sub : subs) {
            Test[] tests = new Test[sub.alternatives().size()];
            for (int k = 0; k < tests.length; k++) {
                TermSet t = sub.alternatives().get(k);
                Source left = t.left() == null ? new CurrentSource() : source(t.left(), outer);
                tests[k] = new Test(t.op(), left, source(t.right(), outer));
            }
            out.add(new Cond(tests));
        }
        return Conds.of(out);
    }

    /// Resolves a subTerm (section 10.3, with the interpretation in the class comment).
    private static Source source(Term term, Outer outer) {
        if (term instanceof Literal lit) {
            return new LiteralSource(lit.value());
        }
        Spec spec = (Spec) term;
        boolean sameField = spec.tag() == null ? spec.index() == null
                : spec.tag().text().equals(outer.tagText()) && spec.index() == null;
        SpecTag tag = spec.tag() == null ? outer.tag() : new SpecTag(spec.tag().text());
        switch (spec) {
            case FieldSpec f -> {
                if (spec.tag() == null && f.index() != null && outer.subfield()) {
                    // ...$a[0]{[1]} is ...$a[1]: under a subfield spec an index is a subfield index
                    return new FieldSubfieldSource(outer.from(), outer.to(), f.index(), f.chars());
                }
                if (spec.tag() == null && f.index() == null && outer.subfield()) {
                    return new RawCharsSource(f.chars());
                }
                if (sameField) {
                    return new FieldValueSource(f.chars());
                }
                return new RecordSource(new FieldSelector(tag, f.index(), f.chars(), Conds.EMPTY));
            }
            case SubfieldSpec sf -> {
                Part p = sf.parts().getFirst();
                if (sameField) {
                    return new FieldSubfieldSource(p.from(), p.to(), p.index(), p.chars());
                }
                return new RecordSource(new SubfieldSelector(tag, sf.index(),
                        new CompiledPart[] {new CompiledPart(p.from(), p.to(), p.index(), p.chars(), Conds.EMPTY)}));
            }
            case IndicatorSpec ind -> {
                if (sameField) {
                    return new FieldIndicatorSource(ind.which());
                }
                return new RecordSource(new IndicatorSelector(tag, ind.index(), ind.which(), Conds.EMPTY));
            }
        }
    }
}
