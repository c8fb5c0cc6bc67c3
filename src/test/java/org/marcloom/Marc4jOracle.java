package org.marcloom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Test support: marc4j 2.9.6 as an oracle, and a field-by-field comparison that lists every
/// difference (so a failure says which record, field and subfield differ).
final class Marc4jOracle {

    static final Path DIR = Path.of("fixtures", "iso2709");

    private Marc4jOracle() {
    }

    /// Every record marc4j's strict `MarcStreamReader` reads (it decodes leader/09 `a` as UTF-8 and
    /// everything else as ISO 8859-1, i.e. it does not convert MARC-8).
    static List<org.marc4j.marc.Record> strict(Path file) throws IOException {
        List<org.marc4j.marc.Record> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            MarcStreamReader r = new MarcStreamReader(in);
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    /// The records marc4j's `MarcStreamReader` returns before it throws (or all of them).
    static List<org.marc4j.marc.Record> strictUntilError(Path file) throws IOException {
        List<org.marc4j.marc.Record> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            MarcStreamReader r = new MarcStreamReader(in);
            while (r.hasNext()) {
                out.add(r.next());
            }
        } catch (org.marc4j.MarcException e) {
            // what it returned so far
        }
        return out;
    }

    /// What `MarcPermissiveStreamReader(in, permissive, true)` reads: MARC-8 converted to Unicode.
    /// Stops quietly where marc4j throws (it sometimes does, even in permissive mode).
    static List<org.marc4j.marc.Record> permissive(Path file, boolean permissive) throws IOException {
        List<org.marc4j.marc.Record> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            MarcPermissiveStreamReader r = new MarcPermissiveStreamReader(in, permissive, true);
            while (r.hasNext()) {
                out.add(r.next());
            }
        } catch (RuntimeException e) {
            // marc4j gave up: what it returned so far is its count.
        }
        return out;
    }

    static List<MarcRecord> ours(Path file, ReaderOptions options) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().options(options).open(file)) {
            for (MarcRecord rec : r) {
                out.add(rec);
            }
        }
        return out;
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /// The differences between our record and marc4j's: tags, indicators, subfield codes and
    /// values in order, control field data; `text` maps both sides' values before comparing
    /// (identity, or NFC). Leaders are compared by the caller.
    static List<String> diff(String where, MarcRecord ours, org.marc4j.marc.Record theirs, UnaryOperator<String> text) {
        List<String> out = new ArrayList<>();
        List<org.marc4j.marc.VariableField> tf = new ArrayList<>();
        tf.addAll(theirs.getVariableFields());
        List<Field> of = ours.fields();
        if (of.size() != tf.size()) {
            out.add(where + ": " + of.size() + " fields, marc4j " + tf.size());
            return out;
        }
        for (int i = 0; i < of.size(); i++) {
            Field f = of.get(i);
            org.marc4j.marc.VariableField t = tf.get(i);
            String w = where + " field " + i + " (" + f.tag() + ")";
            if (!f.tag().equals(t.getTag())) {
                out.add(w + ": tag " + f.tag() + ", marc4j " + t.getTag());
                continue;
            }
            switch (f) {
                case ControlField c -> {
                    if (!(t instanceof org.marc4j.marc.ControlField tc)) {
                        out.add(w + ": control field, marc4j has a data field");
                    } else if (!text.apply(c.data()).equals(text.apply(tc.getData()))) {
                        out.add(w + ": data \"" + c.data() + "\", marc4j \"" + tc.getData() + "\"");
                    }
                }
                case DataField d -> {
                    if (!(t instanceof org.marc4j.marc.DataField td)) {
                        out.add(w + ": data field, marc4j has a control field");
                        continue;
                    }
                    if (d.indicator1() != td.getIndicator1() || d.indicator2() != td.getIndicator2()) {
                        out.add(w + ": indicators '" + d.indicator1() + d.indicator2() + "', marc4j '"
                                + td.getIndicator1() + td.getIndicator2() + "'");
                    }
                    List<Subfield> os = d.subfields();
                    List<org.marc4j.marc.Subfield> ts = td.getSubfields();
                    if (os.size() != ts.size()) {
                        out.add(w + ": " + os.size() + " subfields " + os + ", marc4j " + ts.size() + " " + ts);
                        continue;
                    }
                    for (int k = 0; k < os.size(); k++) {
                        Subfield s = os.get(k);
                        org.marc4j.marc.Subfield x = ts.get(k);
                        if (s.code() != x.getCode() || !text.apply(s.value()).equals(text.apply(x.getData()))) {
                            out.add(w + " subfield " + k + ": $" + s.code() + "\"" + s.value() + "\", marc4j $"
                                    + x.getCode() + "\"" + x.getData() + "\"");
                        }
                    }
                }
            }
        }
        return out;
    }
}
