package org.marcloom.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// The MARC 21 definitions of one format, read from Avram JSON (format.gbv.de/schema/avram) and
/// merged with profiles. Immutable once built.
///
/// Reading the generated files takes care of their traps: code ranges (`"1-9"`, `"a-z"`, and
/// `"a-$z"` in the holdings file) are expanded; `#` in a code stands for a blank; an indicator
/// without codes, a field without a subfield list and a position whose codes cannot be read as
/// characters or whole values (`[aaa]`, `001-999`, a date written with the range `1-9`) are not
/// checked.
final class Definitions {

    /// The record formats with definitions.
    enum Format {
        BIBLIOGRAPHIC("MARC 21 Bibliographic", "bibliographic", 40),
        AUTHORITY("MARC 21 Authority", "authority", 40),
        HOLDINGS("MARC 21 Holdings", "holdings", 32);

        final String title;
        final String resource;
        final int length008;

        Format(String title, String resource, int length008) {
            this.title = title;
            this.resource = resource;
            this.length008 = length008;
        }
    }

    /// How a position's value is checked.
    enum CheckKind { NONE, EACH_CHARACTER, WHOLE_VALUE }

    /// One character position or range of a fixed field (leader, 006, 007, 008).
    record PositionDef(int start, int end, String label, CheckKind kind, Set<Character> chars, Set<String> values,
                       String defined) {
        int width() {
            return end - start + 1;
        }

        /// Whether a value (of this position's width) is defined.
        boolean allows(String v) {
            return switch (kind) {
                case NONE -> true;
                case WHOLE_VALUE -> values.contains(v);
                case EACH_CHARACTER -> {
                    for (int k = 0; k < v.length(); k++) {
                        if (!chars.contains(v.charAt(k))) {
                            yield false;
                        }
                    }
                    yield true;
                }
            };
        }
    }

    /// An indicator's label and defined values (blank is a space).
    record IndicatorDef(String label, Set<Character> codes) {
    }

    /// A subfield's label and repeatability.
    record SubfieldDef(String label, boolean repeatable) {
    }

    /// A field: label, repeatability, indicators and subfields (null where not checked) and, for
    /// fixed fields, positions.
    record FieldDef(String tag, String label, boolean repeatable, IndicatorDef indicator1, IndicatorDef indicator2,
                    Map<Character, SubfieldDef> subfields, List<PositionDef> positions) {
    }

    final Format format;
    private final Map<String, FieldDef> fields;

    private Definitions(Format format, Map<String, FieldDef> fields) {
        this.format = format;
        this.fields = fields;
    }

    FieldDef field(String tag) {
        return fields.get(tag);
    }

    /// Every tag, including the per-category fixed-field entries (`007a`, `008b`).
    Set<String> tags() {
        return fields.keySet();
    }

    // ------------------------------------------------------------------ reading

    /// The shipped definitions of a format with marcloom's supplement and the given profiles
    /// merged over them, in order.
    static Definitions load(Format format, List<Profile> profiles) {
        Map<String, Object> root = resource("marc21_" + format.resource + "_schema.json");
        merge(root, resource("marcloom_supplement_" + format.resource + ".json"), "supplement");
        for (Profile p : profiles) {
            merge(root, p.root(), p.name());
        }
        return build(format, root);
    }

    /// A profile: an Avram document and where it came from.
    record Profile(String name, Map<String, Object> root) {
    }

    static Profile profile(InputStream in, String name) throws IOException {
        Object doc = JsonTree.read(in, name);
        if (!(doc instanceof Map<?, ?> m) || !(m.get("fields") instanceof Map)) {
            throw new IllegalArgumentException(name + ": an Avram profile is a JSON object with a \"fields\" object");
        }
        return new Profile(name, asMap(doc, name));
    }

    private static Map<String, Object> resource(String name) {
        try (InputStream in = Definitions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the MARC 21 definitions " + name + " are missing from the marcloom jar");
            }
            return asMap(JsonTree.read(in, name), name);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the MARC 21 definitions " + name, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String where) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(where + ": expected a JSON object");
        }
        return (Map<String, Object>) o;
    }

    /// Merges a profile over the definitions: a field the base lacks is added; for a field it
    /// has, `label` and `repeatable` are replaced, subfields and positions are replaced or added
    /// one by one, an indicator's codes are added to the base's (its label replaced), and an
    /// indicator given as `null` is no longer checked.
    static void merge(Map<String, Object> base, Map<String, Object> profile, String name) {
        Map<String, Object> baseFields = asMap(base.get("fields"), "fields");
        Map<String, Object> addFields = asMap(profile.get("fields"), name + ": fields");
        for (Map.Entry<String, Object> e : addFields.entrySet()) {
            String tag = e.getKey();
            Map<String, Object> add = asMap(e.getValue(), name + ": field " + tag);
            Object existing = baseFields.get(tag);
            if (existing == null) {
                baseFields.put(tag, add);
                continue;
            }
            Map<String, Object> field = asMap(existing, "field " + tag);
            for (Map.Entry<String, Object> k : add.entrySet()) {
                String key = k.getKey();
                Object v = k.getValue();
                switch (key) {
                    case "subfields", "positions" -> {
                        if (v == null || !(field.get(key) instanceof Map)) {
                            field.put(key, v);
                        } else {
                            asMap(field.get(key), key).putAll(asMap(v, name + ": field " + tag + " " + key));
                        }
                    }
                    case "indicator1", "indicator2" -> {
                        if (v == null || !(field.get(key) instanceof Map)) {
                            field.put(key, v);
                        } else {
                            Map<String, Object> ind = asMap(field.get(key), key);
                            Map<String, Object> addInd = asMap(v, name + ": field " + tag + " " + key);
                            if (addInd.containsKey("label")) {
                                ind.put("label", addInd.get("label"));
                            }
                            if (addInd.get("codes") instanceof Map<?, ?>) {
                                Map<String, Object> codes = ind.get("codes") instanceof Map
                                        ? asMap(ind.get("codes"), "codes") : new LinkedHashMap<>();
                                codes.putAll(asMap(addInd.get("codes"), "codes"));
                                ind.put("codes", codes);
                            }
                        }
                    }
                    default -> field.put(key, v);
                }
            }
        }
    }

    private static Definitions build(Format format, Map<String, Object> root) {
        Map<String, FieldDef> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : asMap(root.get("fields"), "fields").entrySet()) {
            String tag = e.getKey();
            if (!(e.getValue() instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> f = asMap(e.getValue(), tag);
            String label = text(f.get("label"));
            boolean repeatable = Boolean.TRUE.equals(f.get("repeatable"));
            out.put(tag, new FieldDef(tag, label, repeatable, indicator(f.get("indicator1")),
                    indicator(f.get("indicator2")), subfields(f.get("subfields")),
                    positions(f.get("positions"), !tag.equals("LDR"))));
        }
        return new Definitions(format, Collections.unmodifiableMap(out));
    }

    private static String text(Object o) {
        return o instanceof String s ? s : "";
    }

    private static IndicatorDef indicator(Object o) {
        if (!(o instanceof Map<?, ?> m) || !(m.get("codes") instanceof Map<?, ?> codes) || codes.isEmpty()) {
            return null;
        }
        Set<Character> set = new LinkedHashSet<>();
        for (Object k : codes.keySet()) {
            if (!addCodes(String.valueOf(k), set)) {
                return null; // a code that is not a character or a range: do not check this indicator
            }
        }
        return new IndicatorDef(text(m.get("label")), Collections.unmodifiableSet(set));
    }

    private static Map<Character, SubfieldDef> subfields(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return null;
        }
        Map<Character, SubfieldDef> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey()).replace("$", "");
            Map<?, ?> def = e.getValue() instanceof Map<?, ?> d ? d : Map.of();
            SubfieldDef sd = new SubfieldDef(text(def.get("label")), !Boolean.FALSE.equals(def.get("repeatable")));
            Set<Character> codes = new LinkedHashSet<>();
            if (!addCodes(key, codes)) {
                return null;
            }
            for (char c : toChars(codes)) {
                out.put(c, sd);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static char[] toChars(Set<Character> set) {
        char[] out = new char[set.size()];
        int k = 0;
        for (char c : set) {
            out[k++] = c;
        }
        return out;
    }

    /// Adds a code (`a`, `#` for blank) or a range (`0-9`, `a-z`) to `out`.
    ///
    /// @return false when the key is neither
    static boolean addCodes(String key, Set<Character> out) {
        if (key.length() == 1) {
            out.add(key.charAt(0) == '#' ? ' ' : key.charAt(0));
            return true;
        }
        if (isRange(key)) {
            for (char c = key.charAt(0); c <= key.charAt(2); c++) {
                out.add(c);
            }
            return true;
        }
        return false;
    }

    private static boolean isRange(String key) {
        return key.length() == 3 && key.charAt(1) == '-' && key.charAt(0) < key.charAt(2);
    }

    /// @param fixedField whether these are 006/007/008 positions (not the leader's), where an
    ///     undefined position may hold a blank or the fill character
    private static List<PositionDef> positions(Object o, boolean fixedField) {
        if (!(o instanceof Map<?, ?> m)) {
            return List.of();
        }
        List<PositionDef> out = new ArrayList<>();
        for (Object v : m.values()) {
            if (v instanceof Map<?, ?> p && p.get("start") instanceof Number start && p.get("end") instanceof Number end) {
                Map<?, ?> codes = p.get("codes") instanceof Map<?, ?> c ? c : Map.of();
                String label = text(p.get("label"));
                if (fixedField && label.startsWith("Undefined") && !codes.isEmpty()) {
                    // MARC 21: an undefined character position contains a blank or a fill
                    // character; the generated files list the fill character only for some.
                    // (Where they list no code at all, the position stays unchecked.)
                    Map<Object, Object> both = new LinkedHashMap<>(codes);
                    both.putIfAbsent(" ", "Undefined");
                    both.putIfAbsent("|", "No attempt to code");
                    codes = both;
                }
                out.add(position(start.intValue(), end.intValue(), label, codes));
            }
        }
        return List.copyOf(out);
    }

    /// Reads a position's codes: one character (ranges expanded), or for a wider position either
    /// codes for each character (a single fill string such as `||||` is a character code too) or
    /// codes for the whole value (`aa`, `##` for two blanks); anything else is not checked.
    static PositionDef position(int start, int end, String label, Map<?, ?> codes) {
        int width = end - start + 1;
        List<String> keys = new ArrayList<>();
        for (Object k : codes.keySet()) {
            keys.add(String.valueOf(k));
        }
        if (keys.isEmpty() || width < 1) {
            return new PositionDef(start, end, label, CheckKind.NONE, Set.of(), Set.of(), "");
        }
        Set<Character> chars = new LinkedHashSet<>();
        if (width == 1) {
            for (String k : keys) {
                if (!addCodes(k, chars)) {
                    return new PositionDef(start, end, label, CheckKind.NONE, Set.of(), Set.of(), "");
                }
            }
            return new PositionDef(start, end, label, CheckKind.EACH_CHARACTER, Collections.unmodifiableSet(chars),
                    Set.of(), describe(chars));
        }
        boolean perCharacter = true;
        boolean wholeValues = true;
        for (String k : keys) {
            boolean single = k.length() == 1;
            boolean fill = k.length() == width && k.chars().distinct().count() == 1;
            if (isRange(k)) {
                return new PositionDef(start, end, label, CheckKind.NONE, Set.of(), Set.of(), "");
            }
            if (!single && !fill) {
                perCharacter = false;
            }
            if (k.length() != width || k.indexOf('[') >= 0) {
                wholeValues = false;
            }
        }
        if (perCharacter) {
            for (String k : keys) {
                addCodes(k.substring(0, 1), chars);
            }
            return new PositionDef(start, end, label, CheckKind.EACH_CHARACTER, Collections.unmodifiableSet(chars),
                    Set.of(), describe(chars));
        }
        if (wholeValues) {
            Set<String> values = new LinkedHashSet<>();
            for (String k : keys) {
                values.add(k.replace('#', ' '));
            }
            return new PositionDef(start, end, label, CheckKind.WHOLE_VALUE, Set.of(), Collections.unmodifiableSet(values),
                    describeValues(values));
        }
        return new PositionDef(start, end, label, CheckKind.NONE, Set.of(), Set.of(), "");
    }

    static String describe(Set<Character> chars) {
        StringBuilder sb = new StringBuilder();
        for (char c : chars) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(c == ' ' ? "blank" : String.valueOf(c));
        }
        return sb.toString();
    }

    private static String describeValues(Set<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(v.isBlank() ? "blanks" : v.replace(' ', '#'));
        }
        return sb.toString();
    }
}
