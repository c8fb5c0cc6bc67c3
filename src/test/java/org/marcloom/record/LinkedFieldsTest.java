package org.marcloom.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcReader;

/// 880 alternate graphic representations paired with their fields on the corpus records with CJK,
/// Hebrew, Arabic and Cyrillic 880s (MARC-8 and UTF-8), every pair written out: the 880's linkage
/// (linked tag, occurrence, script, orientation), the regular field, the 880.
class LinkedFieldsTest {

    static List<MarcRecord> read(String file) throws IOException {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.open(Path.of("fixtures", "iso2709", file))) {
            r.forEach(out::add);
        }
        return out;
    }

    static List<String> pairs(MarcRecord rec) {
        List<String> out = new ArrayList<>();
        for (LinkedField l : rec.linkedFields()) {
            String link = l.linkage().map(x -> x.tag() + "-" + x.occurrence() + " "
                    + x.script().map(Object::toString).orElse("-") + (x.rightToLeft() ? " rtl" : " ltr")).orElse("no $6");
            out.add(link + " | " + l.original().map(Object::toString).orElse("(none)") + " | " + l.alternate());
        }
        return out;
    }

    /// Every pair is found from both sides.
    static void bothWays(MarcRecord rec) {
        for (LinkedField l : rec.linkedFields()) {
            if (l.original().isPresent()) {
                assertEquals(Optional.of(l.alternate()), rec.linkedPartner(l.original().get()));
                assertEquals(l.original(), rec.linkedPartner(l.alternate()));
            }
        }
    }

    /// The first record of each file: every pair, and each found from both sides.
    @ParameterizedTest
    @MethodSource("scripts")
    void firstRecordPairs(String file, List<String> expected) throws IOException {
        MarcRecord rec = read(file).getFirst();
        assertEquals(expected, pairs(rec));
        bothWays(rec);
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                argumentSet("cjk: marc-perl__cjk1.marc, CJK, MARC-8 (EACC), Japanese", "marc-perl__cjk1.marc", List.of(
                    "100-1 CJK ltr | =100  1\\$6880-01$aTaishō, Tomizō,$d1924- | =880  1\\$6100-01/$1$a大正 十三造,$d1924-",
                    "245-2 CJK ltr | =245  10$6880-02$aKindaichi Kyōsuke to Ainugo /$cŌtomo Yukio. | =880  10$6245-02/$1$a金田一 京助 と アイヌ語 /$c大友 幸男.",
                    "250-3 CJK ltr | =250  \\\\$6880-03$aDai 1-han. | =880  \\\\$6250-03/$1$a第 1版.",
                    "260-4 CJK ltr | =260  \\\\$6880-04$aTōkyō :$bSanʼichi Shobō,$c2001. | =880  \\\\$6260-04/$1$a東京 :$b三一 書房,$c2001.",
                    "600-5 CJK ltr | =600  10$6880-05$aKindaichi, Kyōsuke. | =880  14$6600-05/$1$a金田一 京助."
                )),
                argumentSet("hebrew: traject__hebrew880s.marc, Hebrew, UTF-8", "traject__hebrew880s.marc", List.of(
                    "100-1 HEBREW rtl | =100  1\\$6880-01$aRatsabi, Shalom. | =880  1\\$6100-01/(2/r$aרצבי, שלום.",
                    "245-2 HEBREW rtl | =245  10$6880-02$aAnarkhizm be-\"Tsiyon\" :$bben Marṭin Buber le-Aharon Daṿid Gordon /$cShalom Ratsabi. | =880  10$6245-02/(2/r$aאנרכיזם ב״ציון״ :$bבין מרטין בובר לאהרן דוד גורדון /$cשלום רצבי.",
                    "260-3 HEBREW rtl | =260  \\\\$6880-03$a[Tel Aviv] :$bʻAm ʻoved :$bha-Makhon le-ḥeḳer ha-Tsiyonut ve-Yiśra'el ʻa. sh. Ḥayim Ṿaitsman, Universiṭat Tel Aviv,$cc2011. | =880  \\\\$6260-03/(2/r$a[תל אביב] :$bעם עובד :$bהמכון לחקר הציונות וישראל עʺש חיים ויצמן, אוניברסיטת תל אביב,$cc2011."
                )),
                argumentSet("arabic: yaz__marc9.marc, Arabic, MARC-8", "yaz__marc9.marc", List.of(
                    "245-1 ARABIC rtl | =245  00$6880-01$aQaḍāʼ al-usrah :$bmajallah mutakhaṣṣiṣah /$cWizārat al-ʻAdl. | =880  00$6245-01/(3/r$aقضاء الأسرة :$bمجلة متخصصة /$cوزارة العدل.",
                    "246-2 ARABIC rtl | =246  13$6880-02$aMajallat Qaḍāʼ al-usrah$f<2006> | =880  13$6246-02/(3/r$aمجلة قضاء الأسرة$f<2006>",
                    "260-3 ARABIC rtl | =260  \\\\$6880-03$aal-Rabāṭ :$bJamʻīyat Nashr al-Maʻlūmah al-Qānūnīyah wa-al-Qaḍāʼīyah,$c2005- | =880  \\\\$6260-03/(3/r$aالرباط :$bجمعية نشر المعلومة القانونية والقضائية،$c2005-",
                    "362-4 ARABIC rtl | =362  0\\$6880-04$aal-ʻAdad 1. (Yūlyūz 2005)- | =880  0\\$6362-04/(3/r$aالعدد 1. (يوليوز 2005)-",
                    "490-5 ARABIC rtl | =490  0\\$6880-05$aManshūrāt Jamʻīyat Nashr al-Maʻlūmah al-Qānūnīyah wa-al-Qaḍāʼīyah | =880  0\\$6490-05/(3/r$aمنشورات جمعية نشر المعلومة القانونية والقضائية",
                    "710-6 ARABIC rtl | =710  2\\$6880-06$aJamʻīyat Nashr al-Maʻlūmah al-Qānūnīyah wa-al-Qaḍāʼīyah. | =880  2\\$6710-06/(3/r$aجمعية نشر المعلومة القانونية والقضائية.",
                    "710-7 ARABIC rtl | =710  1\\$6880-07$aMorocco.$bWizārat al-ʻAdl. | =880  1\\$6710-07/(3/r$aMorocco.$bوزارة العدل."
                )),
                argumentSet("cyrillic: marc-perl__cyrillic.marc, Cyrillic, MARC-8", "marc-perl__cyrillic.marc", List.of(
                    "110-1 CYRILLIC ltr | =110  1\\$6880-01$aYugoslavia.$bSavezni ustavni sud. | =880  1\\$6110-01/(N$aYugoslavia.$bСавезни уставни суд.",
                    "245-2 CYRILLIC ltr | =245  10$6880-02$aOdluke i res̆enja Saveznog ustavnog suda. | =880  10$6245-02/(N$aОдлуке и решења Савезног уставног суда.",
                    "260-3 CYRILLIC ltr | =260  \\\\$6880-03$aBeograd :$bSavezni ustavni sud, | =880  \\\\$6260-03/(N$aБеоград :$bСавезни уставни суд,",
                    "780-4 CYRILLIC ltr | =780  00$6880-04$tOdluke i mis̆ljenja Ustavnog suda Jugoslavije$w(CStRLIN)MIUL84-S122 | =880  00$6780-04/(N$tОдлуке и мишљења Уставног суда Југославије$w(CStRLIN)MIUL84-S122"
                )));
    }

    /// fixtures/iso2709/traject__880_with_no_6.utf8.marc: Cyrillic; one 880 has `$7` where `$6`
    /// belongs, so it has no linkage and its 110 has no partner.
    @Test
    void cyrillicWithAMissingLinkage() throws IOException {
        MarcRecord rec = read("traject__880_with_no_6.utf8.marc").getFirst();
        List<String> p = pairs(rec);
        assertEquals(5, p.size());
        assertEquals("no $6 | (none) | =880  1\\$7110-01/(N$aSoviet Union.$bГлавное архивное управление.", p.get(0));
        assertEquals("700-5 CYRILLIC ltr | =700  1\\$6880-05$aKolosova, E. V. | =880  1\\$6700-05/(N$aКолосова, Э. В.",
                p.get(4));
        DataField f110 = rec.dataField("110").orElseThrow();
        assertEquals(Optional.empty(), rec.linkedPartner(f110));
        assertEquals(List.of("Личные архивные фонды в государственных хранилищах СССР;"),
                MarcSpec.compile("245$a").linkedValues(rec).stream().map(v -> v.alternate().orElseThrow()).toList());
        bothWays(rec);
    }

    /// fixtures/iso2709/traject__test_data.utf8.mrc record 14: Hebrew with an unlinked 880
    /// (occurrence 00) and `$6` values that end in a right-to-left mark (U+200F) after the `r`.
    @Test
    void hebrewWithAnUnlinkedFieldAndDirectionalMarks() throws IOException {
        MarcRecord rec = read("traject__test_data.utf8.mrc").get(14);
        List<LinkedField> links = rec.linkedFields();
        assertEquals(11, links.size());
        LinkedField unlinked = links.get(5);
        assertEquals("630-00/(2/r\u200F", unlinked.alternate().value('6'));
        assertTrue(unlinked.linkage().orElseThrow().isUnlinked());
        assertTrue(unlinked.linkage().orElseThrow().rightToLeft());
        assertEquals(Optional.of(Linkage.Script.HEBREW), unlinked.linkage().orElseThrow().script());
        assertEquals(Optional.empty(), unlinked.original());
        assertEquals(Optional.empty(), rec.linkedPartner(unlinked.alternate()));
        assertEquals(List.of("100-1 rtl", "240-2 rtl", "245-3 rtl", "250-4 rtl", "260-5 rtl", "630-0 rtl", "700-6 rtl",
                        "700-7 rtl", "740-8 rtl", "740-9 rtl", "740-10 rtl"),
                links.stream().map(l -> l.linkage().orElseThrow()).map(l -> l.tag() + "-" + l.occurrence()
                        + (l.rightToLeft() ? " rtl" : " ltr")).toList());
        assertEquals(List.of("- | \u200Fשלחן ערוך.\u200F"),
                MarcSpec.compile("630$a").linkedValues(rec).stream().map(LinkedValue::toString).toList(),
                "the unlinked 880 gives an alternate alone");
        bothWays(rec);
    }

    /// MARC-8 records decode to combining sequences (o + U+0304 for ō): the values are written so.
    @Test
    void linkedValuesPairByPosition() throws IOException {
        MarcRecord cjk = read("marc-perl__cjk1.marc").getFirst();
        List<LinkedValue> v = MarcSpec.compile("245$a$c").linkedValues(cjk);
        assertEquals(List.of("Kindaichi Kyo\u0304suke to Ainugo / | 金田一 京助 と アイヌ語 /", "O\u0304tomo Yukio. | 大友 幸男."),
                v.stream().map(LinkedValue::toString).toList());
        assertEquals("245-02/$1", v.getFirst().linkage().orElseThrow().toString());
        assertEquals(List.of("Taisho\u0304, Tomizo\u0304, | 大正 十三造,", "Kindaichi, Kyo\u0304suke. | 金田一 京助."),
                MarcSpec.compile("100$a:600$a").linkedValues(cjk).stream().map(LinkedValue::toString).toList());
        assertEquals(List.of("金田一 京助 と アイヌ語 / | -"),
                MarcSpec.compile("880$a{$6~\\245}").linkedValues(cjk).stream().map(LinkedValue::toString).toList(),
                "a spec on 880 itself gives its values with no alternates");
        assertEquals(List.of("00000cam  2200000 a 4500 | -"), MarcSpec.compile("LDR").linkedValues(
                MarcRecord.builder().leader("00000cam  2200000 a 4500").build()).stream().map(LinkedValue::toString).toList());
        MarcRecord uneven = MarcRecord.builder()
                .addDataField("245", '1', '0', Subfield.of('6', "880-01"), Subfield.of('a', "One"), Subfield.of('a', "Two"))
                .addDataField("880", '1', '0', Subfield.of('6', "245-01/(N"), Subfield.of('a', "Один"))
                .addDataField("880", '1', '0', Subfield.of('6', "245-02/(N"), Subfield.of('a', "Сирота"))
                .build();
        assertEquals(List.of("One | Один", "Two | -", "- | Сирота"),
                MarcSpec.compile("245$a").linkedValues(uneven).stream().map(LinkedValue::toString).toList(),
                "values are paired by position; an 880 whose regular field is missing comes last");
    }

    @Test
    void linkageParsing() {
        Linkage l = Linkage.parse("100-01/(3/r").orElseThrow();
        assertEquals("100", l.tag());
        assertEquals(1, l.occurrence());
        assertEquals(Optional.of("(3"), l.scriptCode());
        assertEquals(Optional.of(Linkage.Script.ARABIC), l.script());
        assertTrue(l.rightToLeft());
        assertFalse(l.isUnlinked());
        Linkage back = Linkage.parse("880-12").orElseThrow();
        assertEquals("880", back.tag());
        assertEquals(12, back.occurrence());
        assertEquals(Optional.empty(), back.scriptCode());
        assertEquals(Optional.empty(), back.script());
        assertFalse(back.rightToLeft());
        assertEquals(Optional.of(Linkage.Script.CJK), Linkage.parse("245-02/$1").orElseThrow().script());
        assertEquals(Optional.of(Linkage.Script.OTHER), Linkage.parse("250-03/(4/r").orElseThrow().script());
        assertEquals(Optional.of("(4"), Linkage.parse("250-03/(4/r").orElseThrow().scriptCode());
        assertEquals(21, Linkage.parse("880-21.").orElseThrow().occurrence());
        assertTrue(Linkage.parse("630-00/(2/r").orElseThrow().isUnlinked());
        assertEquals(Optional.empty(), Linkage.parse("24501"));
        assertEquals(Optional.empty(), Linkage.parse("245-x1"));
        assertEquals(Optional.empty(), Linkage.parse("2 5-01"));
        assertEquals("$1", Linkage.Script.CJK.code());
    }
}
