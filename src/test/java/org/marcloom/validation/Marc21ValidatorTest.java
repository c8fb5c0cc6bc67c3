package org.marcloom.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.record.DataField;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;

/// Each validation rule on hand-built records: one record that breaks the rule, and the same
/// record where it is kept, with the findings written out in full.
class Marc21ValidatorTest {

    static final Marc21Validator V = Marc21Validator.builder().build();

    static final String BOOK = "00000nam a2200000 a 4500";
    static final String F008 = "850101s1985    nyu           000 0 eng d";

    /// A record from MARCMaker-like lines: `=001  x`, `=245  10$aTitle$cName` (`\` is a blank indicator).
    static MarcRecord rec(String leader, String... lines) {
        MarcRecord.Builder b = MarcRecord.builder().leader(leader);
        for (String line : lines) {
            String tag = line.substring(1, 4);
            String body = line.substring(6);
            if (tag.startsWith("00")) {
                b.addControlField(tag, body);
            } else {
                DataField.Builder d = DataField.builder(tag)
                        .indicators(blank(body.charAt(0)), blank(body.charAt(1)));
                for (String s : body.substring(3).split("\\$", -1)) {
                    d.subfield(s.charAt(0), s.substring(1));
                }
                b.add(d.build());
            }
        }
        return b.build();
    }

    private static char blank(char c) {
        return c == '\\' ? ' ' : c;
    }

    static List<String> findings(MarcRecord r) {
        return V.validate(r, 7).stream().map(Finding::toString).toList();
    }

    static MarcRecord book(String... lines) {
        String[] all = new String[lines.length + 2];
        all[0] = "=001  x1";
        all[1] = "=008  " + F008;
        System.arraycopy(lines, 0, all, 2, lines.length);
        return rec(BOOK, all);
    }

    @Test
    void aRecordThatFollowsTheFormatHasNoFindings() {
        assertEquals(List.of(), findings(book("=020  \\\\$a0786808772", "=100  1\\$aChabon, Michael.",
                "=245  10$aSummerland /$cMichael Chabon.", "=650  \\1$aFantasy.", "=650  \\0$aBaseball$vFiction.")));
    }

    @Test
    void undefinedTags() {
        assertEquals(List.of("TAG_UNDEFINED at record 7, field 2 (249): field 249 is not defined in MARC 21 Bibliographic",
                        "TAG_UNDEFINED at record 7, field 4 (CAT): field CAT is not defined in MARC 21 Bibliographic"),
                findings(book("=249  \\\\$ax", "=245  00$aT", "=CAT  \\\\$aconv", "=949  \\\\$alocal",
                        "=590  \\\\$alocal note", "=690  \\0$alocal subject")));
        Marc21Validator strict = Marc21Validator.builder().allowLocal(false).build();
        assertEquals(List.of("TAG_UNDEFINED at record 0, field 3 (949): field 949 is not defined in MARC 21 Bibliographic"
                        + " (a local field; allowed unless local fields are refused)",
                        "SUBFIELD_UNDEFINED at record 0, field 4 (650), $9: subfield $9 is not defined in field 650"
                                + " (Subject Added Entry-Topical Term)"),
                strict.validate(book("=245  00$aT", "=949  \\\\$alocal", "=650  \\0$aX$9local"), 0).stream()
                        .map(Finding::toString).toList());
        assertEquals(List.of(), findings(book("=245  00$aT", "=650  \\0$aX$9local")), "$9 is local by default");
        assertEquals(List.of(), findings(book("=245  00$aT", "=490  0\\$aSeries")), "490 is defined: checked, fine");
        assertEquals(List.of("INDICATOR_UNDEFINED at record 7, field 3 (490): indicator 1 (Series tracing policy) of"
                + " field 490 is '9'; defined: 0, 1"), findings(book("=245  00$aT", "=490  9\\$aSeries")),
                "a defined X9X field is checked like any other");
    }

    @Test
    void nonRepeatableFields() {
        List<Finding> f = V.validate(book("=245  00$aOne", "=245  00$aTwo", "=245  00$aThree"), 3);
        assertEquals(List.of(
                "FIELD_NOT_REPEATABLE at record 3, field 3 (245): field 245 (Title Statement) is not repeatable; this is occurrence 2",
                "FIELD_NOT_REPEATABLE at record 3, field 4 (245): field 245 (Title Statement) is not repeatable; this is occurrence 3"),
                f.stream().map(Finding::toString).toList());
        assertEquals(FindingCode.FIELD_NOT_REPEATABLE, f.getFirst().code());
        assertEquals(3, f.getFirst().recordIndex());
        assertEquals(3, f.getFirst().fieldIndex());
        assertEquals("245", f.getFirst().tag());
        assertEquals("Title Statement", f.getFirst().label());
        assertEquals(List.of(), findings(book("=245  00$aT", "=650  \\0$aA", "=650  \\0$aB")), "650 repeats");
    }

    @Test
    void nonRepeatableSubfields() {
        List<Finding> f = V.validate(book("=245  00$aOne$aTwo$aThree$nPart 1$nPart 2"), 0);
        assertEquals(List.of("SUBFIELD_NOT_REPEATABLE at record 0, field 2 (245), $a: subfield $a (Title) of field 245"
                + " is not repeatable; it occurs 3 times"), f.stream().map(Finding::toString).toList(), "$n repeats");
        assertEquals('a', f.getFirst().subfield().charValue());
        assertEquals("Two", f.getFirst().value());
        assertEquals("Title", f.getFirst().label());
    }

    @Test
    void undefinedIndicatorsWithRangesExpanded() {
        // 245 indicator 2 is "0" and "1-9" in the definitions: every digit is defined.
        for (char c = '0'; c <= '9'; c++) {
            assertEquals(List.of(), findings(book("=245  1" + c + "$aT")), "245 ind2 " + c);
        }
        List<Finding> f = V.validate(book("=245  2x$aT", "=100  \\\\$aName"), 0);
        assertEquals(List.of(
                "INDICATOR_UNDEFINED at record 0, field 2 (245): indicator 1 (Title added entry) of field 245 is '2'; defined: 0, 1",
                "INDICATOR_UNDEFINED at record 0, field 2 (245): indicator 2 (Nonfiling characters) of field 245 is 'x';"
                        + " defined: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9",
                "INDICATOR_UNDEFINED at record 0, field 3 (100): indicator 1 (Type of personal name entry element) of"
                        + " field 100 is blank; defined: 0, 1, 3"),
                f.stream().map(Finding::toString).toList());
        assertEquals("x", f.get(1).value());
        assertEquals("Nonfiling characters", f.get(1).label());
        assertEquals(List.of(), findings(book("=245  00$aT", "=046  9\\$aX")), "046 indicator 1 has no codes: not checked");
    }

    @Test
    void undefinedSubfields() {
        List<Finding> f = V.validate(book("=245  00$aT$xnot here$zno"), 0);
        assertEquals(List.of(
                "SUBFIELD_UNDEFINED at record 0, field 2 (245), $x: subfield $x is not defined in field 245 (Title Statement)",
                "SUBFIELD_UNDEFINED at record 0, field 2 (245), $z: subfield $z is not defined in field 245 (Title Statement)"),
                f.stream().map(Finding::toString).toList());
        assertEquals("not here", f.getFirst().value());
        assertEquals(List.of(), findings(book("=245  00$aT", "=022  \\\\$a1234-5678$l1234-5678")),
                "022 $l (ISSN-L), missing from the generated file, comes from marcloom's supplement");
    }

    @Test
    void leaderPositions() {
        List<Finding> f = V.validate(rec("00000nax a2200000Ia 4500", "=008  " + F008, "=245  00$aT"), 0);
        assertEquals(List.of(
                "POSITION_UNDEFINED at record 0, LDR/07: leader/07 (Bibliographic level) is 'x'; defined: a, b, c, d, i, m, s",
                "POSITION_UNDEFINED at record 0, LDR/17: leader/17 (Encoding level) is 'I'; defined: blank, 1, 2, 3, 4, 5,"
                        + " 7, 8, u, z"),
                f.stream().map(Finding::toString).toList());
        assertEquals(7, f.getFirst().position());
        assertEquals("LDR", f.getFirst().tag());
        assertEquals(-1, f.getFirst().fieldIndex());
        assertEquals("Bibliographic level", f.getFirst().label());
    }

    @Test
    void positions008ByTypeOfMaterial() {
        // Books: 008/33 literary form 'x' is undefined; '0' and 'f' are defined.
        String bad = "850101s1985    nyu           000 x eng d";
        assertEquals(List.of("POSITION_UNDEFINED at record 7, 008/33: 008/33 (Literary form (006/16)) is 'x'; defined:"
                        + " 0, 1, d, e, f, h, i, j, m, p, s, u, |"),
                findings(rec(BOOK, "=008  " + bad, "=245  00$aT")));
        // A map record (LDR/06 e): 008/33-34 is "special format characteristics", checked character by character.
        String map = "850101s1985    nyu" + "    " + "  " + " " + "a" + "  " + " " + " " + " " + "0" + " ";
        assertEquals(List.of("POSITION_UNDEFINED at record 7, 008/33: 008/33-34 (Special format characteristics"
                        + " (006/16-17)) is 'x '; defined: blank, e, j, k, l, n, o, p, r, z, |"),
                findings(rec("00000nem a2200000 a 4500", "=008  " + map + "x eng d", "=245  00$aT")));
        assertEquals(List.of(), findings(rec("00000nem a2200000 a 4500", "=008  " + map + "e eng d", "=245  00$aT")));
        // Date 1 is not checked (its codes in the definitions are the range 1-9 and a pattern): 2010 passes.
        assertEquals(List.of(), findings(rec(BOOK, "=008  100101s2010    nyu           000 0 eng d", "=245  00$aT")));
        // Music: a whole-value position (form of composition, 008/18-19).
        assertEquals(List.of("POSITION_UNDEFINED at record 7, 008/18: 008/18-19 (Form of composition (006/01-02)) is"
                        + " 'qq'; defined: an, bd, bg, bl, bt, ca, cb, cc, cg, ch, cl, cn, co, cp, cr, cs, ct, cy, cz, df,"
                        + " dv, fg, fl, fm, ft, gm, hy, jz, mc, md, mi, mo, mp, mr, ms, mu, mz, nc, nn, op, or, ov, pg,"
                        + " pm, po, pp, pr, ps, pt, pv, rc, rd, rg, ri, rp, rq, sd, sg, sn, sp, st, su, sy, tc, tl, ts,"
                        + " uu, vi, vr, wz, za, zz, ||"),
                findings(rec("00000njm a2200000 a 4500", "=008  850101s1985    nyu" + "qq" + "n" + "   " + "      " + "  " + " " + "n" + " " + "eng d",
                        "=245  00$aT")));
        // An undefined position may hold the fill character although the generated file lists only the blank.
        assertEquals(List.of(), findings(rec("00000nas a2200000 a 4500",
                "=008  850101c19859999nyuuu p       0  |||eng d", "=245  00$aT")));
    }

    @Test
    void fixedFieldLengths() {
        List<String> f = findings(rec(BOOK, "=008  850101s1985    nyu", "=006  a", "=245  00$aT"));
        assertEquals(List.of(
                "FIXED_FIELD_LENGTH at record 7, field 0 (008): field 008 has 18 characters; MARC 21 Bibliographic defines 40",
                "FIXED_FIELD_LENGTH at record 7, field 1 (006): field 006 has 1 characters; MARC 21 Bibliographic defines 18"), f);
    }

    @Test
    void positions006And007() {
        // 006 for a computer file (m) uses the 008 computer-file definitions at 18-34 as 006/01-17.
        assertEquals(List.of(), findings(book("=006  m        d        ", "=007  cr", "=245  00$aT")));
        assertEquals(List.of("POSITION_UNDEFINED at record 7, 006/09: 006/09 (Type of computer file (006/09)) is 'q';"
                        + " defined: a, b, c, d, e, f, g, h, i, j, m, u, z, |"),
                findings(book("=006  m        q        ", "=245  00$aT")));
        assertEquals(List.of("POSITION_UNDEFINED at record 7, 006/00: 006/00 (Form of material) is 'b'; defined:"
                        + " a, c, d, e, f, g, i, j, k, m, o, p, r, s, t"),
                findings(book("=006  b                 ", "=245  00$aT")));
        assertEquals(List.of("POSITION_UNDEFINED at record 7, 007/01: 007/01 (Specific material designation) is 'x';"
                        + " defined: a, b, c, d, e, f, h, j, k, m, o, r, s, u, z, |"),
                findings(book("=007  cx", "=245  00$aT")));
        assertEquals(List.of("POSITION_UNDEFINED at record 7, 007/00: 007/00 (Category of material) is 'b',"
                + " which MARC 21 Bibliographic does not define"), findings(book("=007  bx", "=245  00$aT")));
    }

    @Test
    void requiredFields() {
        assertEquals(List.of(
                "FIELD_MISSING at record 7, 245: field 245 (Title Statement) is missing; MARC 21 Bibliographic requires it",
                "FIELD_MISSING at record 7, 008: field 008 (Fixed-Length Data Elements-General Information) is missing;"
                        + " MARC 21 Bibliographic requires it"),
                findings(rec(BOOK, "=001  x")));
        assertEquals(List.of("FIELD_MISSING at record 7, 008: field 008 (Fixed-Length Data Elements) is missing;"
                        + " MARC 21 Authority requires it"),
                findings(rec("00000nz  a2200000n  4500", "=100  1\\$aName")));
    }

    @Test
    void alternateGraphicsAreCheckedAgainstTheirField() {
        assertEquals(List.of(), findings(book("=100  1\\$6880-01$aRatsabi, Shalom.", "=245  10$aTitle",
                "=880  1\\$6100-01/(2/r$aרצבי, שלום.")));
        assertEquals(List.of(
                "INDICATOR_UNDEFINED at record 7, field 4 (880): indicator 1 (Type of personal name entry element) of"
                        + " field 880 is '9'; defined: 0, 1, 3",
                "SUBFIELD_NOT_REPEATABLE at record 7, field 4 (880), $a: subfield $a (Personal name) of field 880 is not"
                        + " repeatable; it occurs 2 times"),
                findings(book("=100  1\\$6880-01$aRatsabi, Shalom.", "=245  10$aTitle",
                        "=880  9\\$6100-01/(2/r$aרצבי$aשלום")));
        assertEquals(List.of(), findings(book("=245  10$aTitle", "=880  10$6245-00/(3$aعنوان", "=880  10$6245-00/(3$aعنوان 2")),
                "occurrence 00: unlinked 880s, and 880 itself repeats");
    }

    @Test
    void linkage() {
        assertEquals(List.of("LINKAGE_INVALID at record 7, field 3 (880), $6: field 880 has no subfield $6 (Linkage),"
                + " so it is linked to no field"), findings(book("=245  10$aTitle", "=880  10$7245-01$aX")));
        assertEquals(List.of("LINKAGE_INVALID at record 7, field 3 (880), $6: $6 \"24501\" of field 880 is not a"
                + " linkage (TAG-NN, then /script and /r)"), findings(book("=245  10$aTitle", "=880  10$624501$aX")));
        assertEquals(List.of(
                "LINK_UNPAIRED at record 7, field 2 (245), $6: field 245 with $6 880-01 has no field 880 with $6 245-01",
                "LINK_UNPAIRED at record 7, field 3 (880), $6: field 880 with $6 246-01/(2/r has no field 246 with $6 880-01"),
                findings(book("=245  10$6880-01$aTitle", "=880  10$6246-01/(2/r$aX")));
    }

    @Test
    void holdingsFieldsInBibliographicRecords() {
        assertEquals(List.of(), findings(book("=245  00$aT", "=866  30$80$av.1-10")),
                "MARC 21 holdings fields may be embedded in a bibliographic record");
        List<String> f = findings(rec("00000nx   22000003n 4500", "=004  x1", "=008  0203193p    8   1001uu   0901128",
                "=852  01$aDLC$hQA76", "=245  00$aT"));
        assertEquals(List.of("TAG_UNDEFINED at record 7, field 3 (245): field 245 is not defined in MARC 21 Holdings"), f);
    }

    @Test
    void recordKinds() {
        MarcRecord classification = rec("00000nw  a2200000n  4500", "=153  \\\\$aQA76");
        assertFalse(V.covers(classification));
        assertEquals(List.of(), findings(classification));
        MarcRecord unknown = rec("00000n#m a2200000 a 4500", "=245  00$aT");
        assertFalse(V.covers(unknown));
        assertEquals(List.of("POSITION_UNDEFINED at record 7, LDR/06: leader/06 (Type of record) is '#', which no"
                + " MARC 21 format defines"), findings(unknown));
        assertTrue(V.covers(book("=245  00$aT")));
        assertEquals(Leader.RecordKind.AUTHORITY, rec("00000nz  a2200000n  4500").leader().kind());
    }

    @Test
    void aProfileAddsFieldsAndRelaxesRules(@TempDir Path dir) throws IOException {
        MarcRecord oclc = book("=245  00$aOne", "=245  00$aTwo", "=049  \\\\$aJHPA", "=650  \\9$aLocal heading$5x");
        assertEquals(List.of(
                "FIELD_NOT_REPEATABLE at record 7, field 3 (245): field 245 (Title Statement) is not repeatable; this is occurrence 2",
                "TAG_UNDEFINED at record 7, field 4 (049): field 049 is not defined in MARC 21 Bibliographic",
                "INDICATOR_UNDEFINED at record 7, field 5 (650): indicator 2 (Thesaurus) of field 650 is '9'; defined:"
                        + " 0, 1, 2, 3, 4, 5, 6, 7",
                "SUBFIELD_UNDEFINED at record 7, field 5 (650), $5: subfield $5 is not defined in field 650 (Subject"
                        + " Added Entry-Topical Term)"), findings(oclc));
        Path profile = dir.resolve("local.json");
        Files.writeString(profile, """
                {"fields": {
                  "049": {"label": "Local Holdings (OCLC)", "repeatable": false,
                          "indicator1": {"label": "Undefined", "codes": {" ": "Undefined"}},
                          "indicator2": {"label": "Undefined", "codes": {" ": "Undefined"}},
                          "subfields": {"a": {"label": "Holding library", "repeatable": true}}},
                  "245": {"repeatable": true},
                  "650": {"indicator2": {"codes": {"9": "Local thesaurus"}},
                          "subfields": {"5": {"label": "Institution to which field applies", "repeatable": false}}}
                }}
                """);
        Marc21Validator local = Marc21Validator.builder().profile(profile).build();
        assertEquals(List.of(), local.validate(oclc, 7));
        assertEquals(List.of("INDICATOR_UNDEFINED at record 7, field 4 (650): indicator 2 (Thesaurus) of field 650 is"
                        + " 'x'; defined: 0, 1, 2, 3, 4, 5, 6, 7, 9"),
                local.validate(book("=245  00$aT", "=049  \\\\$aJHPA", "=650  \\x$aH"), 7).stream()
                        .map(Finding::toString).toList(), "the profile adds 9; the base codes stay");
        Marc21Validator authorityOnly = Marc21Validator.builder().profile(Leader.RecordKind.AUTHORITY, profile).build();
        assertEquals(4, authorityOnly.validate(oclc, 7).size(), "an authority profile leaves bibliographic records alone");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"fields\": {\"049\": }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Marc21Validator.builder().profile(broken).build());
        assertTrue(e.getMessage().startsWith(broken + ": not JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("(line 1, column 20)"), e.getMessage());
        Path missing = dir.resolve("missing.json");
        UncheckedIOException io = assertThrows(UncheckedIOException.class,
                () -> Marc21Validator.builder().profile(missing).build());
        assertTrue(io.getMessage().startsWith("reading the MARC 21 profile " + missing), io.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Marc21Validator.builder().profile(Leader.RecordKind.COMMUNITY, profile));
        assertThrows(IllegalStateException.class, () -> Marc21Validator.builder().allowLocal(true).allowLocal(false));
    }
}
