package org.marcloom.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;

/// The validator on real fixture records: files that follow MARC 21 get no finding, files with
/// real problems get exactly the findings written out here (each one checked by hand against the
/// record and the MARC 21 documentation; see docs/validation.md), and the positions the shipped
/// definitions do not let it check are exactly the ones the documentation lists.
class Marc21FixturesTest {

    static final Marc21Validator V = Marc21Validator.builder().build();

    static List<String> findings(String file) throws IOException {
        List<String> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().lenient(true).open(Path.of("fixtures", "iso2709", file))) {
            long n = 0;
            for (MarcRecord rec : r) {
                for (Finding f : V.validate(rec, n)) {
                    out.add(f.toString());
                }
                n++;
            }
        }
        return out;
    }

    /// LoC, OCLC, Evergreen RDA and other records that follow MARC 21, in MARC-8 and UTF-8, of
    /// every type of record the corpus has (books, serials, maps, scores, sound and video
    /// recordings, pictures, computer files, an authority record).
    @ParameterizedTest
    @ValueSource(strings = {
        "marc4j__summerland.mrc", "marc4j__chabon.mrc", "marc4j__chabon-loc.mrc", "marc4j__diacritic4.mrc",
        "marc4j__kan1222221.mrc", "marc-perl__cjk1.marc", "marc-perl__cjk2.marc", "marc-perl__cjk3.marc",
        "marc-perl__cjk4.marc", "marc-perl__cyrillic.marc", "pymarc__one.dat", "pymarc__diacritic.dat",
        "pymarc__multi_isbn.dat", "pymarc__utf8_errors.dat", "qa-catalogue__0001-01.mrc", "ruby-marc__utf8.marc",
        "ruby-marc__random_tag_order2.dat", "traject__iso639-3_lang.marc", "yaz__marc5.marc", "yaz__marc7.marc",
        "yaz__marccol2.u8.marc", "yaz__marccol3.u8.marc", "yaz__marccol4.u8.marc", "evergreen__authority-record.mrc",
        "evergreen__RDA_record_CD_Claudia.mrc", "evergreen__RDA_record_DVD-BLUE-RAY-MOVIE_Pineapple_express.mrc",
        "evergreen__RDA_record_DVD_Jorge_Mautner.mrc", "evergreen__RDA_record_MAP_2012_Enchanted_Circle.mrc",
        "evergreen__RDA_record_PHOTO_Srid_pa_ho.mrc", "evergreen__RDA_record_SCORE-CD_Arias_for_soprano.mrc",
        "evergreen__RDA_record_SCORE_Arias_for_bass.mrc", "evergreen__RDA_record_SCORE_Intermediate_studies.mrc",
        "evergreen__RDA_record_SCORE_Wiegenlied.mrc", "evergreen__RDA_record_SERIAL_IEEE_International_conference.mrc"})
    void recordsThatFollowMarc21HaveNoFindings(String file) throws IOException {
        assertEquals(List.of(), findings(file));
    }

    /// An OCLC record: OCLC's own 019 and 049, and an 880 whose `$6` was keyed as `$7`, so its 110 has no 880.
    @Test
    void cyrillic880WithoutLinkage() throws IOException {
        assertEquals(List.of(
                "TAG_UNDEFINED at record 0, field 4 (019): field 019 is not defined in MARC 21 Bibliographic",
                "TAG_UNDEFINED at record 0, field 10 (049): field 049 is not defined in MARC 21 Bibliographic",
                "LINK_UNPAIRED at record 0, field 13 (110), $6: field 110 with $6 880-01 has no field 880 with $6 110-01",
                "LINKAGE_INVALID at record 0, field 26 (880), $6: field 880 has no subfield $6 (Linkage), so it is linked to no field"
        ), findings("traject__880_with_no_6.utf8.marc"));
    }

    /// The 245 says 880-01, its 880 says it belongs to a 246: both ends of the broken pair.
    @Test
    void hebrewLinkedToTheWrongTag() throws IOException {
        assertEquals(List.of(
                "LINK_UNPAIRED at record 0, field 9 (245), $6: field 245 with $6 880-01 has no field 880 with $6 245-01",
                "LINK_UNPAIRED at record 0, field 15 (880), $6: field 880 with $6 246-01/(2/r has no field 246 with $6 880-01"
        ), findings("marc-perl__hebrew1.marc"));
    }

    /// 30 records: one 100 with the obsolete first indicator 2 (multiple surname), two 007s with the obsolete value u at 007/02.
    @Test
    void blacklightDemoRecords() throws IOException {
        assertEquals(List.of(
                "INDICATOR_UNDEFINED at record 7, field 7 (100): indicator 1 (Type of personal name entry element) of field 100 is '2'; defined: 0, 1, 3",
                "POSITION_UNDEFINED at record 9, 007/02: 007/02 (Undefined) is 'u'; defined: blank, |",
                "POSITION_UNDEFINED at record 9, 007/02: 007/02 (Undefined) is 'u'; defined: blank, |"
        ), findings("traject__test_data.utf8.mrc"));
    }

    /// LoC serial: 012, an LC-internal field MARC 21 does not define.
    @Test
    void arabicSerial() throws IOException {
        assertEquals(List.of(
                "TAG_UNDEFINED at record 0, field 5 (012): field 012 is not defined in MARC 21 Bibliographic"
        ), findings("yaz__marc9.marc"));
    }

    /// Bibliographic and holdings records: OCLC fields and encoding level, control bytes in leader/22, holdings leaders with a blank leader/18.
    @Test
    void bibliographicAndHoldings() throws IOException {
        assertEquals(List.of(
                "POSITION_UNDEFINED at record 0, LDR/17: leader/17 (Encoding level) is 'I'; defined: blank, 1, 2, 3, 4, 5, 7, 8, u, z",
                "POSITION_UNDEFINED at record 0, LDR/22: leader/22 (Length of the implementation-defined portion) is '\\u0002'; defined: 0",
                "TAG_UNDEFINED at record 0, field 8 (049): field 049 is not defined in MARC 21 Bibliographic",
                "POSITION_UNDEFINED at record 1, LDR/18: leader/18 (Item information in record) is ' '; defined: i, n",
                "POSITION_UNDEFINED at record 2, LDR/22: leader/22 (Length of the implementation-defined portion) is '\\u0001'; defined: 0",
                "TAG_UNDEFINED at record 2, field 9 (019): field 019 is not defined in MARC 21 Bibliographic",
                "TAG_UNDEFINED at record 2, field 12 (029): field 029 is not defined in MARC 21 Bibliographic",
                "TAG_UNDEFINED at record 2, field 16 (049): field 049 is not defined in MARC 21 Bibliographic",
                "POSITION_UNDEFINED at record 3, LDR/18: leader/18 (Item information in record) is ' '; defined: i, n",
                "POSITION_UNDEFINED at record 4, LDR/22: leader/22 (Length of the implementation-defined portion) is '\\u0001'; defined: 0",
                "TAG_UNDEFINED at record 4, field 7 (019): field 019 is not defined in MARC 21 Bibliographic",
                "TAG_UNDEFINED at record 4, field 9 (029): field 029 is not defined in MARC 21 Bibliographic",
                "TAG_UNDEFINED at record 4, field 15 (049): field 049 is not defined in MARC 21 Bibliographic",
                "POSITION_UNDEFINED at record 5, LDR/18: leader/18 (Item information in record) is ' '; defined: i, n",
                "TAG_UNDEFINED at record 6, field 10 (029): field 029 is not defined in MARC 21 Bibliographic",
                "TAG_UNDEFINED at record 6, field 16 (049): field 049 is not defined in MARC 21 Bibliographic",
                "POSITION_UNDEFINED at record 7, LDR/18: leader/18 (Item information in record) is ' '; defined: i, n"
        ), findings("marc4j__sample1.mrc"));
    }

    /// The ten camel records: one 100 with the obsolete first indicator 2.
    @Test
    void camelBooks() throws IOException {
        assertEquals(List.of(
                "INDICATOR_UNDEFINED at record 9, field 10 (100): indicator 1 (Type of personal name entry element) of field 100 is '2'; defined: 0, 1, 3"
        ), findings("pymarc__test.dat"));
    }

    /// A sound recording with OCLC's encoding level I and its 049.
    @Test
    void soundRecording() throws IOException {
        assertEquals(List.of(
                "POSITION_UNDEFINED at record 0, LDR/17: leader/17 (Encoding level) is 'I'; defined: blank, 1, 2, 3, 4, 5, 7, 8, u, z",
                "TAG_UNDEFINED at record 0, field 15 (049): field 049 is not defined in MARC 21 Bibliographic"
        ), findings("traject__musical_cage.marc"));
    }

    /// Positions (and indicators and subfield lists) that the shipped definitions give no
    /// checkable codes for: docs/validation.md lists the same.
    @Test
    void whatTheDefinitionsCannotCheck() {
        List<String> unchecked = new ArrayList<>();
        for (Definitions.Format f : Definitions.Format.values()) {
            Definitions d = Definitions.load(f, List.of());
            for (String tag : d.tags()) {
                Definitions.FieldDef def = d.field(tag);
                for (Definitions.PositionDef p : def.positions()) {
                    if (p.kind() == Definitions.CheckKind.NONE) {
                        unchecked.add(f + " " + tag + "/" + p.start() + "-" + p.end() + " " + p.label());
                    }
                }
                if (tag.length() == 3 && Character.isDigit(tag.charAt(0)) && !tag.startsWith("00")) {
                    if (def.indicator1() == null) {
                        unchecked.add(f + " " + tag + " indicator 1");
                    }
                    if (def.indicator2() == null) {
                        unchecked.add(f + " " + tag + " indicator 2");
                    }
                    if (def.subfields() == null) {
                        unchecked.add(f + " " + tag + " subfields");
                    }
                }
            }
        }
        assertEquals(List.of(
                "BIBLIOGRAPHIC 046 indicator 1", "BIBLIOGRAPHIC 588 indicator 1", "BIBLIOGRAPHIC 880 indicator 1",
                "BIBLIOGRAPHIC 880 indicator 2", "BIBLIOGRAPHIC LDR/0-4 Record length",
                "BIBLIOGRAPHIC LDR/12-16 Base address of data", "BIBLIOGRAPHIC 007c/6-8 Image bit depth",
                "BIBLIOGRAPHIC 007h/6-8 Reduction ratio", "BIBLIOGRAPHIC 007m/17-22 Film inspection date",
                "BIBLIOGRAPHIC 008a/0-5 Date entered on file", "BIBLIOGRAPHIC 008a/7-10 Date 1",
                "BIBLIOGRAPHIC 008a/11-14 Date 2",
                "BIBLIOGRAPHIC 008a/15-17 Place of publication, production, or execution",
                "BIBLIOGRAPHIC 008a/18-34 Material specific coded elements", "BIBLIOGRAPHIC 008a/35-37 Language",
                "BIBLIOGRAPHIC 008b/32-32 Undefined (006/15)", "BIBLIOGRAPHIC 008m/32-32 Undefined (006/15)",
                "BIBLIOGRAPHIC 008m/34-34 Undefined (006/17)",
                "BIBLIOGRAPHIC 008v/18-20 Running time for motion pictures and videorecordings (006/01-03)",
                "AUTHORITY 042 subfields", "AUTHORITY 880 indicator 1", "AUTHORITY 880 indicator 2",
                "AUTHORITY LDR/0-4 Record length", "AUTHORITY LDR/12-16 Base address of data",
                "HOLDINGS 866 indicator 1", "HOLDINGS 866 indicator 2", "HOLDINGS 866 subfields",
                "HOLDINGS 867 indicator 1", "HOLDINGS 867 indicator 2", "HOLDINGS 867 subfields",
                "HOLDINGS 868 indicator 1", "HOLDINGS 868 indicator 2", "HOLDINGS 868 subfields",
                "HOLDINGS 876 subfields", "HOLDINGS 877 subfields", "HOLDINGS 878 subfields",
                "HOLDINGS 880 indicator 1", "HOLDINGS 880 indicator 2", "HOLDINGS LDR/0-4 Record length",
                "HOLDINGS LDR/12-16 Base address of data"), unchecked);
    }
}
