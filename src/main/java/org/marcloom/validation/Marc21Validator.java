package org.marcloom.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marcloom.internal.Settings;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.Leader.RecordKind;
import org.marcloom.record.Linkage;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import org.marcloom.validation.Definitions.FieldDef;
import org.marcloom.validation.Definitions.Format;
import org.marcloom.validation.Definitions.IndicatorDef;
import org.marcloom.validation.Definitions.PositionDef;
import org.marcloom.validation.Definitions.SubfieldDef;

/// Checks records against the MARC 21 format definitions (Bibliographic, Authority, Holdings;
/// chosen by leader/06), shipped with marcloom as Avram JSON (see the package documentation for
/// their origin and licence), optionally with local profiles merged over them.
///
/// {@snippet class="org.marcloom.snippets.ValidationSnippets" region="validate"}
///
/// What it checks, each as a [FindingCode]: tags the format does not define (local `9XX` and `X9X`
/// allowed by default), non-repeatable fields and subfields that repeat, indicator values and
/// subfield codes the field does not define, leader, 006, 007 and 008 positions with values their
/// definitions do not list, the length of 006 and 008, the required 245 and 008, and the `$6`
/// linkage of 880 fields (an 880 is checked against the field it stands for). What the shipped
/// definitions do not let it check (positions such as 008/07-10 whose codes are patterns, the
/// authority and holdings 008 beyond its length, fields without a subfield list) is listed in
/// `docs/validation.md`. Classification and community records (leader/06 `w`, `q`) have no
/// definitions here: they get no findings ([#covers(MarcRecord)] says which records are checked).
///
/// Immutable and thread-safe: one validator may check records on many threads at once.
public final class Marc21Validator {

    private final Map<Format, Definitions> formats;
    private final boolean allowLocal;

    private Marc21Validator(Map<Format, Definitions> formats, boolean allowLocal) {
        this.formats = formats;
        this.allowLocal = allowLocal;
    }

    /// A builder with the defaults: the shipped definitions, no profile, local fields allowed.
    ///
    /// @return a new builder
    public static Builder builder() {
        return new Builder();
    }

    /// Whether this validator has definitions for the record's kind (leader/06): bibliographic,
    /// authority and holdings records are checked; classification, community and records with an
    /// undefined leader/06 are not (the latter get one [FindingCode#POSITION_UNDEFINED]).
    ///
    /// @param record the record
    /// @return true when [#validate] checks its fields
    /// @throws NullPointerException when `record` is null
    public boolean covers(MarcRecord record) {
        return format(Settings.notNull("record", record).leader()) != null;
    }

    private static Format format(Leader leader) {
        return switch (leader.kind()) {
            case BIBLIOGRAPHIC -> Format.BIBLIOGRAPHIC;
            case AUTHORITY -> Format.AUTHORITY;
            case HOLDINGS -> Format.HOLDINGS;
            default -> null;
        };
    }

    /// Checks one record.
    ///
    /// @param record      the record
    /// @param recordIndex its zero-based index in its input, copied into each finding
    /// @return the findings in field order (leader first, missing fields last); empty when the
    ///     record follows its format as far as the definitions tell
    /// @throws NullPointerException when `record` is null
    public List<Finding> validate(MarcRecord record, long recordIndex) {
        Settings.notNull("record", record);
        Check c = new Check(record, recordIndex);
        Leader leader = record.leader();
        Format format = format(leader);
        if (format == null) {
            if (leader.kind() == RecordKind.UNKNOWN) {
                char t = leader.typeOfRecord();
                c.add(FindingCode.POSITION_UNDEFINED, -1, "LDR", null, 6, String.valueOf(t), "Type of record",
                        "leader/06 (Type of record) is '" + t + "', which no MARC 21 format defines");
            }
            return c.out;
        }
        Definitions defs = formats.get(format);
        c.defs = defs;
        FieldDef ldr = defs.field("LDR");
        if (ldr != null) {
            c.positions("LDR", -1, leader.toString(), ldr.positions(), 0);
        }
        List<Field> fields = record.fields();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String tag = f.tag();
            int occurrence = seen.merge(tag, 1, Integer::sum);
            FieldDef def = defs.field(tag);
            if (def == null && format == Format.BIBLIOGRAPHIC) {
                // MARC 21 holdings fields (841-88X) may be embedded in bibliographic records
                def = formats.get(Format.HOLDINGS).field(tag);
            }
            if (def == null) {
                if (!(allowLocal && isLocal(tag))) {
                    c.add(FindingCode.TAG_UNDEFINED, i, tag, null, -1, "", "",
                            "field " + tag + " is not defined in " + defs.format.title
                                    + (isLocal(tag) ? " (a local field; allowed unless local fields are refused)" : ""));
                }
                continue;
            }
            if (!def.repeatable() && occurrence > 1 && !tag.equals("880")) {
                c.add(FindingCode.FIELD_NOT_REPEATABLE, i, tag, null, -1, "", def.label(),
                        "field " + tag + " (" + def.label() + ") is not repeatable; this is occurrence " + occurrence);
            }
            switch (f) {
                case ControlField cf -> c.controlField(i, cf, format);
                case DataField d -> {
                    if (tag.equals("880")) {
                        c.alternate(i, d, formats.get(format), format == Format.BIBLIOGRAPHIC
                                ? formats.get(Format.HOLDINGS) : null, allowLocal);
                    } else {
                        c.dataField(i, d, def, allowLocal);
                        c.linkBack(i, d);
                    }
                }
            }
        }
        c.required(format);
        return c.out;
    }

    /// Local tags: 9XX and X9X.
    static boolean isLocal(String tag) {
        return tag.length() == 3 && (tag.charAt(0) == '9' || tag.charAt(1) == '9');
    }

    /// The checks of one record.
    private static final class Check {
        final MarcRecord record;
        final long recordIndex;
        final List<Finding> out = new ArrayList<>();
        Definitions defs;

        Check(MarcRecord record, long recordIndex) {
            this.record = record;
            this.recordIndex = recordIndex;
        }

        void add(FindingCode code, int field, String tag, Character sub, int position, String value, String label,
                 String message) {
            out.add(new Finding(code, recordIndex, field, tag, sub, position, value, label, message));
        }

        /// Positions of a fixed field whose value is `data`; `shift` maps definition positions to
        /// data positions (006 uses the 008 definitions at 18-34 for its 01-17).
        void positions(String tag, int field, String data, List<PositionDef> defs, int shift) {
            for (PositionDef p : defs) {
                int start = p.start() - shift;
                int end = p.end() - shift;
                if (start < 0 || end >= data.length()) {
                    continue;
                }
                String v = data.substring(start, end + 1);
                if (!p.allows(v)) {
                    String where = (tag.equals("LDR") ? "leader" : tag) + "/" + two(start)
                            + (end > start ? "-" + two(end) : "");
                    add(FindingCode.POSITION_UNDEFINED, field, tag, null, start, v, p.label(),
                            where + " (" + p.label() + ") is '" + shown(v) + "'; defined: " + p.defined());
                }
            }
        }

        /// The value with each control character written as a backslash, u and four hex digits, for messages.
        static String shown(String v) {
            StringBuilder sb = null;
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c < 0x20 || c == 0x7F) {
                    if (sb == null) {
                        sb = new StringBuilder(v.substring(0, k));
                    }
                    sb.append(String.format("\\u%04X", (int) c));
                } else if (sb != null) {
                    sb.append(c);
                }
            }
            return sb == null ? v : sb.toString();
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : String.valueOf(n);
        }

        void controlField(int i, ControlField cf, Format format) {
            String tag = cf.tag();
            String data = cf.data();
            switch (tag) {
                case "008" -> {
                    if (data.length() != format.length008) {
                        add(FindingCode.FIXED_FIELD_LENGTH, i, tag, null, -1, data, label(tag),
                                "field 008 has " + data.length() + " characters; " + format.title + " defines "
                                        + format.length008);
                    }
                    if (format == Format.BIBLIOGRAPHIC) {
                        FieldDef all = defs.field("008a");
                        if (all != null) {
                            positions(tag, i, data, all.positions(), 0);
                        }
                        FieldDef material = defs.field("008" + material008(record.leader()));
                        if (material != null) {
                            positions(tag, i, data, material.positions(), 0);
                        }
                    }
                }
                case "006" -> {
                    if (data.length() != 18) {
                        add(FindingCode.FIXED_FIELD_LENGTH, i, tag, null, -1, data, label(tag),
                                "field 006 has " + data.length() + " characters; " + format.title + " defines 18");
                    }
                    if (data.isEmpty()) {
                        return;
                    }
                    char form = data.charAt(0);
                    char m = material006(form);
                    if (m == 0) {
                        add(FindingCode.POSITION_UNDEFINED, i, tag, null, 0, String.valueOf(form), "Form of material",
                                "006/00 (Form of material) is '" + form + "'; defined: "
                                        + "a, c, d, e, f, g, i, j, k, m, o, p, r, s, t");
                        return;
                    }
                    FieldDef material = defs.field("008" + m);
                    if (material != null) {
                        positions(tag, i, data, material.positions(), 17);
                    }
                }
                case "007" -> {
                    if (data.isEmpty() || defs.field("007a") == null) {
                        return;
                    }
                    char category = data.charAt(0);
                    FieldDef def = defs.field("007" + category);
                    if (def == null) {
                        add(FindingCode.POSITION_UNDEFINED, i, tag, null, 0, String.valueOf(category),
                                "Category of material", "007/00 (Category of material) is '" + category
                                        + "', which " + format.title + " does not define");
                        return;
                    }
                    positions(tag, i, data, def.positions(), 0);
                }
                default -> {
                }
            }
        }

        private String label(String tag) {
            FieldDef d = defs.field(tag);
            return d == null ? "" : d.label();
        }

        /// The 008 material definition leader/06-07 select: b books, s continuing resources, c
        /// computer files, p maps, m music, v visual materials, x mixed materials.
        static char material008(Leader leader) {
            char type = leader.typeOfRecord();
            char level = leader.bibliographicLevel();
            if (type == 'a' && (level == 'b' || level == 'i' || level == 's')) {
                return 's';
            }
            return type == 's' ? 0 : material006(type);
        }

        /// The 008 material definition 006/00 (form of material) selects, or 0 for none.
        static char material006(char form) {
            return switch (form) {
                case 'a', 't' -> 'b';
                case 's' -> 's';
                case 'm' -> 'c';
                case 'e', 'f' -> 'p';
                case 'c', 'd', 'i', 'j' -> 'm';
                case 'g', 'k', 'o', 'r' -> 'v';
                case 'p' -> 'x';
                default -> 0;
            };
        }

        void dataField(int i, DataField d, FieldDef def, boolean allowLocal) {
            String tag = d.tag();
            indicator(i, tag, 1, d.indicator1(), def.indicator1());
            indicator(i, tag, 2, d.indicator2(), def.indicator2());
            Map<Character, SubfieldDef> subs = def.subfields();
            if (subs == null) {
                return;
            }
            Map<Character, Integer> count = new HashMap<>();
            for (Subfield s : d.subfields()) {
                char code = s.code();
                SubfieldDef sd = subs.get(code);
                if (sd == null) {
                    if (!(allowLocal && code == '9')) {
                        add(FindingCode.SUBFIELD_UNDEFINED, i, tag, code, -1, s.value(), def.label(),
                                "subfield $" + shown(String.valueOf(code)) + " is not defined in field " + tag + " ("
                                        + def.label() + ")");
                    }
                    continue;
                }
                int n = count.merge(code, 1, Integer::sum);
                if (!sd.repeatable() && n == 2) {
                    add(FindingCode.SUBFIELD_NOT_REPEATABLE, i, tag, code, -1, s.value(), sd.label(),
                            "subfield $" + code + " (" + sd.label() + ") of field " + tag + " is not repeatable; it occurs "
                                    + occurrences(d, code) + " times");
                }
            }
        }

        private static int occurrences(DataField d, char code) {
            int n = 0;
            for (Subfield s : d.subfields()) {
                if (s.code() == code) {
                    n++;
                }
            }
            return n;
        }

        void indicator(int i, String tag, int which, char value, IndicatorDef def) {
            if (def == null || def.codes().contains(value)) {
                return;
            }
            String shown = value == ' ' ? "blank" : "'" + shown(String.valueOf(value)) + "'";
            add(FindingCode.INDICATOR_UNDEFINED, i, tag, null, -1, String.valueOf(value), def.label(),
                    "indicator " + which + " (" + def.label() + ") of field " + tag + " is " + shown + "; defined: "
                            + Definitions.describe(def.codes()));
        }

        /// An 880: its `$6`, its counterpart, and the definition of the field it stands for.
        void alternate(int i, DataField d, Definitions own, Definitions holdings, boolean allowLocal) {
            String six = d.value('6');
            if (six == null) {
                add(FindingCode.LINKAGE_INVALID, i, "880", '6', -1, "", "Linkage",
                        "field 880 has no subfield $6 (Linkage), so it is linked to no field");
                return;
            }
            Optional<Linkage> parsed = Linkage.parse(six);
            if (parsed.isEmpty() || parsed.get().tag().equals("880")) {
                add(FindingCode.LINKAGE_INVALID, i, "880", '6', -1, six, "Linkage",
                        "$6 \"" + six + "\" of field 880 is not a linkage (TAG-NN, then /script and /r)");
                return;
            }
            Linkage l = parsed.get();
            if (!l.isUnlinked() && record.linkedPartner(d).isEmpty()) {
                add(FindingCode.LINK_UNPAIRED, i, "880", '6', -1, six, "Linkage",
                        "field 880 with $6 " + six + " has no field " + l.tag() + " with $6 880-" + two(l.occurrence()));
            }
            FieldDef def = own.field(l.tag());
            if (def == null && holdings != null) {
                def = holdings.field(l.tag());
            }
            if (def != null && def.subfields() != null) {
                dataField(i, d, def, allowLocal);
            }
        }

        /// A regular field whose `$6` names an 880 that is not there.
        void linkBack(int i, DataField d) {
            String six = d.value('6');
            if (six == null) {
                return;
            }
            Optional<Linkage> l = Linkage.parse(six);
            if (l.isPresent() && l.get().tag().equals("880") && !l.get().isUnlinked()
                    && record.linkedPartner(d).isEmpty()) {
                add(FindingCode.LINK_UNPAIRED, i, d.tag(), '6', -1, six, "Linkage",
                        "field " + d.tag() + " with $6 " + six + " has no field 880 with $6 " + d.tag() + "-"
                                + two(l.get().occurrence()));
            }
        }

        void required(Format format) {
            List<String> tags = format == Format.BIBLIOGRAPHIC ? List.of("245", "008") : List.of("008");
            for (String tag : tags) {
                boolean present = false;
                for (Field f : record.fields()) {
                    if (f.tag().equals(tag)) {
                        present = true;
                        break;
                    }
                }
                if (!present) {
                    add(FindingCode.FIELD_MISSING, -1, tag, null, -1, "", label(tag),
                            "field " + tag + " (" + label(tag) + ") is missing; " + format.title + " requires it");
                }
            }
        }
    }

    /// Configures a [Marc21Validator]. Each setting may be given once (a second call with a
    /// different value is an [IllegalStateException] naming both); profiles add up, in order.
    /// Not thread-safe.
    public static final class Builder {
        private final Settings settings = new Settings();
        private final Map<RecordKind, List<Path>> profiles = new EnumMap<>(RecordKind.class);

        private Builder() {
        }

        /// Whether local fields pass: tags `9XX` and `X9X` that the format does not define, and
        /// subfield `$9` (default: true). With false they are [FindingCode#TAG_UNDEFINED] and
        /// [FindingCode#SUBFIELD_UNDEFINED] like any other.
        ///
        /// @param value true to allow them
        /// @return this builder
        public Builder allowLocal(boolean value) {
            settings.set("allowLocal", value, "allowLocal(" + value + ")");
            return this;
        }

        /// Merges a local profile over the bibliographic definitions; see
        /// [#profile(RecordKind, Path)].
        ///
        /// @param file an Avram JSON file
        /// @return this builder
        /// @throws NullPointerException when `file` is null
        public Builder profile(Path file) {
            return profile(RecordKind.BIBLIOGRAPHIC, file);
        }

        /// Merges a local profile, an Avram JSON file (`{"fields": {"TAG": {...}}}`, the format of
        /// the shipped definitions), over one format's definitions. A field the format lacks is
        /// added; for a field it has, the profile's `label` and `repeatable` replace the format's,
        /// its subfields and positions replace or add to the format's one by one, its indicator
        /// codes are added to the format's, and an indicator given as `null` is not checked. The
        /// file is read by [#build()].
        ///
        /// @param kind `BIBLIOGRAPHIC`, `AUTHORITY` or `HOLDINGS`
        /// @param file the profile
        /// @return this builder
        /// @throws NullPointerException     when an argument is null
        /// @throws IllegalArgumentException when `kind` is a kind without definitions
        public Builder profile(RecordKind kind, Path file) {
            Settings.notNull("kind", kind);
            Settings.notNull("file", file);
            if (kind != RecordKind.BIBLIOGRAPHIC && kind != RecordKind.AUTHORITY && kind != RecordKind.HOLDINGS) {
                throw new IllegalArgumentException("'kind' must be BIBLIOGRAPHIC, AUTHORITY or HOLDINGS, was " + kind);
            }
            profiles.computeIfAbsent(kind, k -> new ArrayList<>()).add(file);
            return this;
        }

        /// Reads the definitions and the profiles.
        ///
        /// @return the validator
        /// @throws UncheckedIOException     when a profile cannot be read (naming the file)
        /// @throws IllegalArgumentException when a profile is not an Avram JSON document (naming
        ///     the file, with the line and column)
        public Marc21Validator build() {
            Map<Format, Definitions> formats = new EnumMap<>(Format.class);
            for (Format f : Format.values()) {
                RecordKind kind = switch (f) {
                    case BIBLIOGRAPHIC -> RecordKind.BIBLIOGRAPHIC;
                    case AUTHORITY -> RecordKind.AUTHORITY;
                    case HOLDINGS -> RecordKind.HOLDINGS;
                };
                List<Definitions.Profile> read = new ArrayList<>();
                for (Path p : profiles.getOrDefault(kind, List.of())) {
                    try (InputStream in = Files.newInputStream(p)) {
                        read.add(Definitions.profile(in, p.toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading the MARC 21 profile " + p + ": " + e.getMessage(), e);
                    }
                }
                formats.put(f, Definitions.load(f, read));
            }
            return new Marc21Validator(formats, settings.get("allowLocal", true));
        }
    }
}
