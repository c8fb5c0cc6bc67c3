package org.marcloom.marc4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/// Test support: reads a file with two marc4j-API readers and sorts every difference between their
/// records into a [Kind], so that a test can assert which kinds of difference each fixture shows
/// (and that a kind's rule, not a loose match, explains each one). Text is compared under NFC:
/// marc4j and marcloom may order or compose combining marks differently and neither is wrong.
final class Marc4jDiff {

    private Marc4jDiff() {
    }

    /// The ways the bridge's records differ from marc4j's, each with the rule that recognises it.
    enum Kind {
        /// marc4j returned fewer records: it threw where the bridge went on (the bridge's extra
        /// records carry diagnostics).
        MARC4J_STOPPED,
        /// marc4j threw after returning every record the bridge returned.
        MARC4J_FAILED_AT_END,
        /// The leaders differ: marc4j's permissive reader rewrites leader positions (the record
        /// length, 10-11, 20-23) that marcloom keeps as read.
        LEADER,
        /// The same fields in another order: marc4j orders by data offset, marcloom by directory.
        FIELD_ORDER,
        /// An indicator marcloom's lenient reader replaced by a blank (it was not a valid
        /// indicator); marc4j keeps the character.
        INDICATOR_BLANKED,
        /// marcloom keeps an empty subfield (`$h` with no data) that marc4j drops.
        EMPTY_SUBFIELD_KEPT,
        /// marcloom keeps data between the indicators and the first delimiter as a first
        /// subfield `$a`; marc4j drops it.
        DATA_BEFORE_DELIMITER_KEPT,
        /// A subfield code byte at or above 0x80: marcloom reads it as the Latin-1 character of
        /// the byte, marc4j sign-extends it (`(char) byte`, U+FF80 to U+FFFF).
        SUBFIELD_CODE_SIGN_EXTENDED,
        /// Upper-case subfield codes (`$A`) that marc4j's permissive reader makes lower-case
        /// (`$a`); marcloom keeps them.
        SUBFIELD_CODE_LOWERCASED,
        /// Character entities (`&amp;`, `&apos;`, `&quot;`, `&lt;`, `&gt;`) in the data that
        /// marc4j's permissive reader turns into the characters; marcloom keeps the text.
        ENTITY_DECODED,
        /// The same structure, other text, marcloom's with U+FFFD: bytes that are not valid in the
        /// record's encoding, replaced (and reported with their offset) by marcloom, guessed or
        /// kept by marc4j.
        TEXT_REPLACED,
        /// The same structure, other text, neither side with U+FFFD.
        TEXT,
        /// Different fields: a broken structure repaired two different ways.
        STRUCTURE
    }

    /// What one reader gave: its records and the exception that stopped it, if any.
    record Outcome(List<Record> records, RuntimeException error) {
    }

    @FunctionalInterface
    interface Open {
        org.marc4j.MarcReader open(InputStream in) throws IOException;
    }

    static Outcome read(Path file, Open open) throws IOException {
        List<Record> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            org.marc4j.MarcReader r = open.open(in);
            while (r.hasNext()) {
                out.add(r.next());
            }
        } catch (RuntimeException e) {
            return new Outcome(out, e);
        }
        return new Outcome(out, null);
    }

    /// Every kind of difference between the two outcomes, with where each was seen:
    /// kind -> ["record 3 field 12 (245)", ...].
    static TreeMap<Kind, List<String>> compare(Outcome bridge, Outcome marc4j) {
        TreeMap<Kind, List<String>> out = new TreeMap<>();
        int n = Math.min(bridge.records().size(), marc4j.records().size());
        if (bridge.records().size() > marc4j.records().size() && marc4j.error() != null) {
            add(out, Kind.MARC4J_STOPPED, "after record " + (n - 1) + ": " + marc4j.error());
        } else if (bridge.records().size() != marc4j.records().size()) {
            add(out, Kind.STRUCTURE, "record counts " + bridge.records().size() + " and " + marc4j.records().size());
        } else if (marc4j.error() != null && bridge.error() == null) {
            add(out, Kind.MARC4J_FAILED_AT_END, marc4j.error().toString());
        }
        for (int i = 0; i < n; i++) {
            compare("record " + i, bridge.records().get(i), marc4j.records().get(i), out);
        }
        return out;
    }

    static Set<Kind> kinds(Outcome bridge, Outcome marc4j) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        kinds.addAll(compare(bridge, marc4j).keySet());
        return kinds;
    }

    private static void compare(String where, Record ours, Record theirs, TreeMap<Kind, List<String>> out) {
        if (!ours.getLeader().toString().equals(theirs.getLeader().toString())) {
            add(out, Kind.LEADER, where + ": \"" + ours.getLeader() + "\", marc4j \"" + theirs.getLeader() + "\"");
        }
        List<VariableField> a = ours.getVariableFields();
        List<VariableField> b = theirs.getVariableFields();
        if (a.size() != b.size()) {
            add(out, Kind.STRUCTURE, where + ": " + a.size() + " fields, marc4j " + b.size());
            return;
        }
        List<String> ta = a.stream().map(Marc4jDiff::text).toList();
        List<String> tb = b.stream().map(Marc4jDiff::text).toList();
        if (!ta.equals(tb) && new TreeSet<>(ta).equals(new TreeSet<>(tb))) {
            add(out, Kind.FIELD_ORDER, where);
            return;
        }
        for (int k = 0; k < a.size(); k++) {
            String w = where + " field " + k + " (" + a.get(k).getTag() + ")";
            if (!ta.get(k).equals(tb.get(k))) {
                add(out, field(a.get(k), b.get(k)), w + ": " + ta.get(k) + " | marc4j " + tb.get(k));
            }
        }
    }

    private static Kind field(VariableField x, VariableField y) {
        if (!x.getTag().equals(y.getTag())) {
            return Kind.STRUCTURE;
        }
        if (x instanceof ControlField cx && y instanceof ControlField cy) {
            return textKind(cx.getData(), cy.getData());
        }
        if (!(x instanceof DataField dx) || !(y instanceof DataField dy)) {
            return Kind.STRUCTURE;
        }
        List<Subfield> sx = dx.getSubfields();
        List<Subfield> sy = dy.getSubfields();
        if (sameSubfields(sx, sy)) {
            boolean blanked = (dx.getIndicator1() != dy.getIndicator1() ? dx.getIndicator1() == ' ' : true)
                    && (dx.getIndicator2() != dy.getIndicator2() ? dx.getIndicator2() == ' ' : true);
            return blanked ? Kind.INDICATOR_BLANKED : Kind.STRUCTURE;
        }
        if (dx.getIndicator1() != dy.getIndicator1() || dx.getIndicator2() != dy.getIndicator2()) {
            return Kind.STRUCTURE;
        }
        List<Subfield> nonEmpty = sx.stream().filter(s -> !s.getData().isEmpty()).toList();
        if (nonEmpty.size() < sx.size() && sameSubfields(nonEmpty, sy)) {
            return Kind.EMPTY_SUBFIELD_KEPT;
        }
        if (!sx.isEmpty() && sx.getFirst().getCode() == 'a' && sameSubfields(sx.subList(1, sx.size()), sy)) {
            return Kind.DATA_BEFORE_DELIMITER_KEPT;
        }
        if (sx.size() != sy.size()) {
            return Kind.STRUCTURE;
        }
        if (same(sx, sy, true, false)) {
            return Kind.SUBFIELD_CODE_LOWERCASED;
        }
        if (same(sx, sy, false, true)) {
            return Kind.ENTITY_DECODED;
        }
        boolean codesDiffer = false;
        Kind text = null;
        for (int i = 0; i < sx.size(); i++) {
            char cx = sx.get(i).getCode();
            char cy = sy.get(i).getCode();
            if (cx != cy) {
                if (cx >= 0x80 && cx <= 0xFF && cy == (char) (byte) cx) {
                    codesDiffer = true;
                } else {
                    return Kind.STRUCTURE;
                }
            }
            if (!nfc(sx.get(i).getData()).equals(nfc(sy.get(i).getData()))) {
                Kind k = textKind(sx.get(i).getData(), sy.get(i).getData());
                text = text == Kind.TEXT_REPLACED ? text : k;
            }
        }
        if (codesDiffer) {
            return Kind.SUBFIELD_CODE_SIGN_EXTENDED;
        }
        return text == null ? Kind.STRUCTURE : text;
    }

    private static boolean same(List<Subfield> x, List<Subfield> y, boolean lowerCodes, boolean entities) {
        for (int i = 0; i < x.size(); i++) {
            char cx = x.get(i).getCode();
            if (lowerCodes && cx >= 'A' && cx <= 'Z') {
                cx = (char) (cx + 32);
            }
            String vx = nfc(x.get(i).getData());
            if (entities) {
                vx = vx.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                        .replace("&gt;", ">");
            }
            if (cx != y.get(i).getCode() || !vx.equals(nfc(y.get(i).getData()))) {
                return false;
            }
        }
        return true;
    }

    private static Kind textKind(String ours, String theirs) {
        return ours.indexOf('\uFFFD') >= 0 && theirs.indexOf('\uFFFD') < 0 ? Kind.TEXT_REPLACED : Kind.TEXT;
    }

    private static boolean sameSubfields(List<Subfield> x, List<Subfield> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).getCode() != y.get(i).getCode() || !nfc(x.get(i).getData()).equals(nfc(y.get(i).getData()))) {
                return false;
            }
        }
        return true;
    }

    /// One field as text: `tag=data` or `tag i1i2 $a...`, values under NFC.
    static String text(VariableField v) {
        if (v instanceof ControlField c) {
            return c.getTag() + "=" + nfc(c.getData());
        }
        DataField d = (DataField) v;
        StringBuilder sb = new StringBuilder(d.getTag()).append(' ').append(d.getIndicator1()).append(d.getIndicator2());
        for (Subfield s : d.getSubfields()) {
            sb.append('$').append(s.getCode()).append(nfc(s.getData()));
        }
        return sb.toString();
    }

    /// The record as text: leader, then one line per field in [Record#getVariableFields()] order.
    static List<String> text(Record r) {
        List<String> out = new ArrayList<>();
        out.add("LDR " + r.getLeader());
        for (VariableField v : r.getVariableFields()) {
            out.add(text(v));
        }
        return out;
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static void add(TreeMap<Kind, List<String>> out, Kind kind, String where) {
        out.computeIfAbsent(kind, k -> new ArrayList<>()).add(where);
    }
}
