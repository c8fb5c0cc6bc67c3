package org.marcloom.record;

import java.util.List;
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
import org.marcloom.record.SpecAst.Term;
import org.marcloom.record.SpecAst.TermSet;

/// Prints a parsed spec back as MARCspec text that parses to the same thing: positions without
/// leading zeros, one `$` per subfield code, comparison strings escaped, an omitted operator left
/// out. Stateless.
final class SpecPrinter {

    private SpecPrinter() {
    }

    static String print(Query q) {
        StringBuilder sb = new StringBuilder(16);
        for (int k = 0; k < q.specs().size(); k++) {
            if (k > 0) {
                sb.append(':');
            }
            spec(sb, q.specs().get(k));
        }
        return sb.toString();
    }

    private static void spec(StringBuilder sb, Spec spec) {
        if (spec.tag() != null) {
            sb.append(spec.tag().text());
        }
        pos(sb, '[', spec.index(), ']');
        switch (spec) {
            case FieldSpec f -> {
                pos(sb, '/', f.chars(), (char) 0);
                subSpecs(sb, f.subSpecs());
            }
            case SubfieldSpec sf -> {
                for (Part p : sf.parts()) {
                    sb.append('$').append(p.from());
                    if (p.range()) {
                        sb.append('-').append(p.to());
                    }
                    pos(sb, '[', p.index(), ']');
                    pos(sb, '/', p.chars(), (char) 0);
                    subSpecs(sb, p.subSpecs());
                }
            }
            case IndicatorSpec ind -> {
                sb.append('^').append(ind.which());
                subSpecs(sb, ind.subSpecs());
            }
        }
    }

    private static void pos(StringBuilder sb, char open, Pos p, char close) {
        if (p == null) {
            return;
        }
        sb.append(open);
        position(sb, p.start());
        if (p.range()) {
            sb.append('-');
            position(sb, p.end());
        }
        if (close != 0) {
            sb.append(close);
        }
    }

    private static void position(StringBuilder sb, int p) {
        if (p == SpecAst.LAST) {
            sb.append('#');
        } else {
            sb.append(p);
        }
    }

    private static void subSpecs(StringBuilder sb, List<SubSpec> subs) {
        for (SubSpec sub : subs) {
            sb.append('{');
            for (int k = 0; k < sub.alternatives().size(); k++) {
                if (k > 0) {
                    sb.append('|');
                }
                termSet(sb, sub.alternatives().get(k));
            }
            sb.append('}');
        }
    }

    private static void termSet(StringBuilder sb, TermSet t) {
        if (t.left() != null) {
            term(sb, t.left());
            sb.append(t.op().symbol);
        } else if (t.op() != Op.EXISTS) {
            sb.append(t.op().symbol);
        }
        term(sb, t.right());
    }

    private static void term(StringBuilder sb, Term t) {
        switch (t) {
            case Literal l -> literal(sb, l.value());
            case Spec s -> spec(sb, s);
        }
    }

    static void literal(StringBuilder sb, String value) {
        sb.append('\\');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == ' ') {
                sb.append("\\s");
            } else if (c == '\\' || SpecParser.ESCAPED.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
    }
}
