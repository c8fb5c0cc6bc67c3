package org.marcloom.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.MarcReader;

/// MARCspec evaluation: real fixture records with every expected value written out, the spec's
/// own examples on the data it gives, its truth table, and the decisions on its open questions
/// (docs/marcspec.md).
class MarcSpecEvaluationTest {

    static MarcRecord summerland;
    static MarcRecord cage;

    @BeforeAll
    static void load() throws IOException {
        summerland = first("marc4j__summerland.mrc");
        cage = first("traject__musical_cage.marc");
    }

    static MarcRecord first(String file) throws IOException {
        try (MarcReader r = MarcReader.open(Path.of("fixtures", "iso2709", file))) {
            return r.read();
        }
    }

    static List<String> eval(MarcRecord rec, String spec) {
        return MarcSpec.compile(spec).values(rec);
    }

    /// fixtures/iso2709/marc4j__summerland.mrc: LoC record, Chabon, Summerland (15 fields, three 650s).
    @Test
    void summerland() {
        assertEquals(List.of("Summerland /"), eval(summerland, "245$a"));
        assertEquals(List.of("Fantasy.", "Baseball", "Magic"), eval(summerland, "650$a"));
        assertEquals(List.of("Fantasy.", "Baseball", "Fiction.", "Magic", "Fiction."), eval(summerland, "650$a$v"));
        assertEquals(List.of("Fantasy.", "Baseball", "Fiction.", "Magic", "Fiction."), eval(summerland, "650$v$a"),
                "values come in subfield order, not in the order of the spec's codes");
        assertEquals(List.of("1", "1", "1"), eval(summerland, "650^2"));
        assertEquals(List.of("Magic"), eval(summerland, "6..[#]$a"));
        assertEquals(List.of("eng"), eval(summerland, "008/35-37"));
        assertEquals(List.of("a"), eval(summerland, "LDR/6"));
        assertEquals(List.of("00714cam a2200205 a 4500"), eval(summerland, "LDR"));
        assertEquals(List.of(" /"), eval(summerland, "245$a/#-1"));
        assertEquals(List.of("Baseball", "Magic"), eval(summerland, "650$a{$v}"));
        assertEquals(List.of("Baseball Fiction.", "Magic Fiction."), eval(summerland, "650{$v}{^2=\\1}"));
        assertEquals(List.of("Chabon, Michael.", "Michael Chabon."), eval(summerland, "100$a:245$c"));
        assertEquals(List.of("Summerland /"), eval(summerland, "245$a{LDR/6=\\a}"));
        assertEquals(List.of(), eval(summerland, "245$a{LDR/6=\\t}"));
        assertEquals(List.of("Baseball", "Magic"), eval(summerland, "650[1-#]$a"));
        assertEquals(List.of("Baseball", "Magic"), eval(summerland, "650[#-1]$a"));
        assertEquals(List.of("Fantasy."), eval(summerland, "650$a{/0=\\F}"));
        assertEquals(List.of("0786816155 (pbk.)"), eval(summerland, "020$a{$a~\\pbk}"));
        assertEquals(List.of("0786808772"), eval(summerland, "020$a{$a!~\\pbk}"));
        assertEquals(List.of(), eval(summerland, "650$a{$2=\\lcsh}"), "no 650 has $2");
        assertEquals(List.of("Fantasy.", "Baseball", "Magic"), eval(summerland, "650$a{!$2}"));
        assertEquals(List.of(), eval(summerland, "999$a"));
    }

    /// fixtures/iso2709/traject__musical_cage.marc: a sound recording (LDR/06 j) with 007, six 048,
    /// seventeen 700 and local 9XX fields.
    @Test
    void musicalCage() {
        assertEquals(List.of("vn12"), eval(cage, "048[#]$a"));
        assertEquals(List.of("on", "ka01"), eval(cage, "048[0-1]$a"));
        assertEquals(List.of("on", "ka01", "vd01", "oy", "tb01", "vn12"), eval(cage, "048$a[#]"));
        assertEquals(List.of("on", "ka01", "va01", "sa01", "vd01", "vn12"), eval(cage, "048$a[0]"));
        assertEquals(List.of("Cage, John.", "Cage, John.", "Harrison, Lou,", "Partch, Harry,", "Cage, John."),
                eval(cage, "700$a{$t}"));
        assertEquals(12, eval(cage, "700$a{!$t}").size());
        assertEquals(List.of("Winter music", "Songbooks.", "Suites,", "Barstow.", "Lecture on the weather."),
                eval(cage, "700$t{^2=\\2}"));
        assertEquals(List.of("jm"), eval(cage, "LDR/6-7"));
        assertEquals(List.of("0"), eval(cage, "LDR/#"));
        assertEquals(List.of("2350681", "20031002121540.0", "sd fsngnnmmned",
                "010111s2000    caumun   eh         eng d"), eval(cage, "00."));
        assertEquals(List.of("2350681", "JHP"), eval(cage, "910$a:994$b"));
        assertEquals(List.of("2350681", "CD 312", "E0"), eval(cage, "9..$a"));
        assertEquals(List.of("000950", "003342"), eval(cage, "306$a[#-1]"));
        assertEquals(List.of("00", "00", "00", "00"), eval(cage, "306$a/0-1"));
        assertEquals(List.of("e"), eval(cage, "245$a/#"));
        assertEquals(List.of("Songs", "Songs (Medium voice) with guitar"), eval(cage, "650$a{$a~\\Songs}"));
        assertEquals(List.of("Instrumental ensembles", "Piano music", "Aleatory music", "Suites (Violin with gamelan)"),
                eval(cage, "650$a{$a!~\\Songs}"));
        assertEquals(List.of("Piano music"), eval(cage, "650$a{/0-4=\\Piano}"));
        assertEquals(List.of("CD 312"), eval(cage, "991$a{LDR/6=\\j}"));
        assertEquals(List.of(), eval(cage, "991$a{LDR/6=\\a}"));
        assertEquals(List.of("Peters, Tom,"), eval(cage, "700$a{$c}"));
        assertEquals(List.of("Cage, John"), eval(cage, "1..$a{245$a~\\Cage}"));
        assertEquals(List.of(" "), eval(cage, "7..[0]^2"), "a blank indicator is a space");
        assertEquals(List.of("2"), eval(cage, "700[#]^2"));
        assertEquals(List.of("CD 312", "aloc", "c. 1, v. 6"), eval(cage, "991$a-c"));
        assertEquals(List.of("0"), eval(cage, "991$q-z"));
        assertEquals(List.of("d1973", "d1957"), eval(cage, "045$b[1-2]"));
        assertEquals(List.of("1954"), eval(cage, "045$b[#-#]/1-#"));
        assertEquals(List.of("Winter music", "Songbooks."), eval(cage, "700[12-13]$t"));
        assertEquals(List.of("ned"), eval(cage, "007/#-2"));
        assertEquals(List.of("s"), eval(cage, "007/0"));
        assertEquals(List.of("Cambria"), eval(cage, "028$b{$a=\\8806}"));
        assertEquals(List.of(" "), eval(cage, "LDR/8{LDR/6=\\j}"));
    }

    static MarcRecord record(Field... fields) {
        MarcRecord.Builder b = MarcRecord.builder().leader("00000cam a2200000 a 4500");
        for (Field f : fields) {
            b.add(f);
        }
        return b.build();
    }

    /// A data field with blank indicators from `‡aone‡btwo` (‡ before each code, as in MARC displays).
    static DataField df(String tag, String subfields) {
        DataField.Builder b = DataField.builder(tag);
        for (String part : subfields.substring(1).split("‡", -1)) {
            b.subfield(part.charAt(0), part.substring(1));
        }
        return b.build();
    }

    /// marc-spec.md 9.7.2.1, first example: `020$q{$c}` reads $c of the same 020.
    @Test
    void subSpecReadsTheFieldBeingReferenced() {
        MarcRecord r = record(df("020", "‡a0394170660‡qRandom House‡c$4.95"), df("020", "‡a0491001304"));
        assertEquals(List.of("Random House"), eval(r, "020$q{$c}"));
        assertEquals(List.of("Random House"), eval(r, "020$q{020$c}"), "the same tag without an index is the same field");
        assertEquals(List.of("Random House"), eval(r, "020$q{?020$c}"));
        assertEquals(List.of("0491001304"), eval(r, "020$a{!$c}"));
        assertEquals(List.of("0394170660", "0491001304"), eval(r, "020$a{020[0]$c}"),
                "an index makes the subTerm read the whole record");
        assertEquals(List.of("0394170660", "0491001304"), eval(r, "020$a{[0]$c}"));
    }

    /// marc-spec.md 9.7.2.1, second example: one of the $q repetitions equals "paperback".
    @Test
    void comparisonAgainstARepeatedSubfield() {
        MarcRecord r = record(df("020", "‡a0394170660‡qRandom House‡qpaperback‡c$4.95"),
                df("020", "‡a0394502884‡qRandom House‡qhardcover‡c$12.50"));
        assertEquals(List.of("$4.95"), eval(r, "020$c{$q=\\paperback}"));
        assertEquals(List.of("$12.50"), eval(r, "020$c{$q!=\\paperback}"));
        assertEquals(List.of("$4.95", "$12.50"), eval(r, "020$c{$q=\\Random\\sHouse}"));
        assertEquals(List.of("$12.50"), eval(r, "020$c{$q[1]=\\hardcover}"));
        assertEquals(List.of("$4.95", "$12.50"), eval(r, "020$c{$q[0]=\\Random\\sHouse}"));
    }

    /// marc-spec.md 9.7.1 examples: leader and 007 conditions, AND and OR.
    @Test
    void specExamplesOnLeaderAnd007() {
        MarcRecord books = MarcRecord.builder().leader("00000nam a2200000 a 4500")
                .addControlField("007", "ta")
                .addControlField("008", "850101s1985    nyu           000 0 eng d")
                .add(df("245", "‡aTitle :‡bremainder")).build();
        assertEquals(List.of(" "), eval(books, "008/18{LDR/6=\\a}{LDR/7=\\a|LDR/7=\\c|LDR/7=\\d|LDR/7=\\m}"));
        assertEquals(List.of(), eval(books, "008/18{LDR/6=\\a}{LDR/7=\\s}"));
        assertEquals(List.of("remainder"), eval(books, "245$b{007/0=\\a|007/0=\\t}"));
        assertEquals(List.of(), eval(books, "245$b{007/0=\\a|007/0=\\v}"));
        assertEquals(List.of("Title :"), eval(books, "245$a{/#=\\:}"));
    }

    /// marc-spec.md 9.7.1: the 880 example, `880$a{100$6~$6/3-5}{100$6~\880}`.
    @Test
    void specExampleOn880() {
        MarcRecord r = record(df("100", "‡6880-01‡aZilbershtain, Yitshak ben David Yosef."),
                df("880", "‡6100-01/(2/r‡aצילברשטיין, יצחק יוסף בן דוד."));
        assertEquals(List.of("צילברשטיין, יצחק יוסף בן דוד."), eval(r, "880$a{100$6~$6/3-5}{100$6~\\880}"));
        assertEquals(List.of(), eval(r, "880$a{100$6~\\-02}"));
        assertEquals(List.of("צילברשטיין, יצחק יוסף בן דוד."), eval(r, "880$a{$6~\\100}"));
    }

    /// marc-spec.md 10.5: the subTerm validation table, row by row, with a left side that references
    /// "abc" and right sides that are null, equal, a part of left, contain left, and other.
    @ParameterizedTest(name = "{0}: null={1} equal={2} rightInLeft={3} leftInRight={4} other={5}")
    @CsvSource({
        "=,  false, true,  false, false, false",
        "!=, true,  false, true,  true,  true",
        "~,  false, true,  true,  false, false",
        "!~, true,  false, false, true,  true",
        "?,  false, true,  true,  true,  true",
        "!,  true,  false, false, false, false"})
    void truthTable(String op, boolean isNull, boolean equal, boolean rightInLeft, boolean leftInRight, boolean other) {
        MarcRecord r = record(df("500", "‡aabc‡bab‡cxabcx‡dzz"));
        assertEquals(isNull, !eval(r, "500$a{$a" + op + "$x}").isEmpty(), "right is null");
        assertEquals(equal, !eval(r, "500$a{$a" + op + "$a}").isEmpty(), "left equals right");
        assertEquals(rightInLeft, !eval(r, "500$a{$a" + op + "$b}").isEmpty(), "right is a subpart of left");
        assertEquals(leftInRight, !eval(r, "500$a{$a" + op + "$c}").isEmpty(), "left is a subpart of right");
        assertEquals(other, !eval(r, "500$a{$a" + op + "$d}").isEmpty(), "other");
        assertEquals(List.of(), eval(r, "500$a{$x" + op + "$a}"), "10.4: false when the left side references nothing");
    }

    @Test
    void comparisonStringEscapes() {
        MarcRecord r = record(df("500", "‡aa b‡b{x}‡cx|y=z‡d\\d"));
        assertEquals(List.of("a b"), eval(r, "500$a{=\\a\\sb}"));
        assertEquals(List.of("{x}"), eval(r, "500$b{=\\\\{x\\}}"));
        assertEquals(List.of("x|y=z"), eval(r, "500$c{=\\x\\|y\\=z}"));
        assertEquals(List.of("\\d"), eval(r, "500$d{=\\\\\\d}"));
        assertEquals(List.of("\\d"), eval(r, "500$d{=\\\\d}"), "a backslash before an ordinary character is kept");
        assertEquals("500$d{=\\\\\\d}", MarcSpec.compile("500$d{=\\\\d}").toString(),
                "printed back with the backslash escaped");
        assertEquals(List.of("a b"), eval(r, "500$a{\\a\\sb=$a}"), "a comparison string on the left");
        assertEquals(List.of("a b"), eval(r, "500$a{\\xa\\sby~$a}"));
    }

    /// MARCspec issue #30: each subSpec belongs to the subfield spec it follows.
    @Test
    void subSpecsBindToTheirSubfield() {
        MarcRecord r = record(df("880", "‡aA‡bB‡cC‡eE‡fq"), df("880", "‡aA2‡bB2‡eE2‡fx"));
        assertEquals(List.of("A", "B", "C", "E", "A2", "B2"), eval(r, "880$a{?$f}$b$c$e{$f=\\q}"));
        assertEquals(List.of("B", "E", "B2"), eval(r, "880$a{$f=\\none}$b$e{$f=\\q}"));
    }

    /// MARCspec issue #16: specs joined by `:` give their results one after the other.
    @Test
    void specList() {
        assertEquals(List.of("Michael Chabon.", "Chabon, Michael."), eval(summerland, "245$c:100$a"));
        assertEquals(List.of("12883376", "eng"), eval(summerland, "001:008/35-37"));
        MarcSpec list = MarcSpec.compile("650$a{$v}:020$a");
        assertEquals(List.of("Baseball", "Magic", "0786808772", "0786816155 (pbk.)"), list.values(summerland));
        assertEquals(List.of("650", "650", "020", "020"), list.fields(summerland).stream().map(Field::tag).toList());
        assertEquals(List.of("a"), eval(summerland, "245$::LDR/6"), "the character after $ is always the code");
    }

    @Test
    void fieldsMatchesAndFirstValue() {
        MarcSpec s = MarcSpec.compile("650{$v}");
        assertEquals(2, s.fields(summerland).size());
        assertEquals(List.of("650  \\1$aBaseball$vFiction."),
                List.of(s.fields(summerland).getFirst().toString().substring(1)));
        assertTrue(MarcSpec.compile("245{$a~\\Summer}").matches(summerland));
        assertFalse(MarcSpec.compile("245{$a~\\Winter}").matches(summerland));
        assertEquals(List.of(), MarcSpec.compile("LDR").fields(summerland), "the leader is not a field");
        assertTrue(MarcSpec.compile("LDR").matches(summerland));
        assertEquals(Optional.of("Fantasy."), MarcSpec.compile("650$a").value(summerland));
        assertEquals(Optional.empty(), MarcSpec.compile("651$a").value(summerland));
        assertEquals(List.of("650", "650", "650"),
                MarcSpec.compile("650$a").fields(summerland).stream().map(Field::tag).toList());
        assertEquals(List.of("020", "020"), MarcSpec.compile("020$a").fields(summerland).stream().map(Field::tag).toList());
    }

    /// The record model's lookups run on MarcSpec; `6XX` patterns and the `650$ax` shorthand keep
    /// working there, and only there.
    @Test
    void recordModelSelectors() {
        assertEquals(List.of("Fantasy.", "Baseball", "Fiction.", "Magic", "Fiction."), summerland.values("650$av"));
        assertThrows(MarcSpecException.class, () -> MarcSpec.compile("650$av"));
        assertEquals("650$a$v", MarcSpec.compileSelector("650$av").toString());
        assertEquals(3, summerland.fields("6XX").size());
        assertEquals(3, summerland.fields("6xx").size());
        assertEquals(3, MarcSpec.compile("6XX").fields(summerland).size(), "X among digits is a wildcard in MarcSpec too");
        assertEquals(List.of("100", "300"), summerland.fields("X00").stream().map(Field::tag).toList());
        assertEquals(2, summerland.dataFields("650{$v}").size());
        assertEquals(List.of("Baseball", "Magic"), summerland.values("650$a{$v}"));
        assertEquals(Optional.of("0786816155 (pbk.)"), summerland.value("020[1]$a"));
        MarcRecord cut = summerland.toBuilder().removeAll("650{$v}").build();
        assertEquals(List.of("Fantasy."), cut.values("650$a"));
        assertEquals(13, cut.fields().size());
        MarcSpecException e = assertThrows(MarcSpecException.class, () -> summerland.values("245$a{"));
        assertEquals(5, e.index(), "the subSpec that is not closed");
    }

    @Test
    void literalTagsWithLetters() {
        MarcRecord r = MarcRecord.builder().add(df("CAT", "‡aCONV‡bxx")).add(df("cat", "‡alower"))
                .add(df("LKR", "‡aUP")).build();
        assertEquals(List.of("CONV"), eval(r, "CAT$a"));
        assertEquals(List.of("lower"), eval(r, "cat$a"));
        assertEquals(List.of("CONV", "UP"), eval(r, "...[0]$a:LKR$a"));
        assertEquals(List.of("CONV", "lower", "UP"), eval(r, "...$a"));
        assertEquals(List.of(), eval(r, "CXT$a"), "X among letters is a letter");
    }

    @Test
    void positionsCountCodePoints() {
        MarcRecord r = record(df("880", "‡a\uD840\uDC0Bab"));
        assertEquals(List.of("\uD840\uDC0B"), eval(r, "880$a/0"));
        assertEquals(List.of("ab"), eval(r, "880$a/1-2"));
        assertEquals(List.of("b"), eval(r, "880$a/#"));
        assertEquals(List.of(), eval(r, "880$a/3"));
        assertEquals(List.of("\uD840\uDC0Bab"), eval(r, "880$a/0-9"), "a range is cut at the end of the data");
    }

    @Test
    void abbreviationsFollowTheRulesTable() {
        MarcRecord r = record(df("500", "‡aa0‡aa1‡ba2"), df("500", "‡ab0‡xb1"));
        assertEquals(List.of("a0"), eval(r, "500$a[0]{[1]}"), "...$a[0]{[1]} is ...$a[0]{...$a[1]}");
        assertEquals(List.of("a0"), eval(r, "500$a[0]{[1]/1=\\1}"));
        assertEquals(List.of("b0 b1"), eval(r, "500[1]{[0]}"), "...[1]{[0]}: if the record has a first 500");
        assertEquals(List.of(), eval(r, "500[1]{[2]}"));
        assertEquals(List.of(), eval(r, "500$a{^1=\\1}"));
        assertEquals(List.of("a0", "a1", "b0"), eval(r, "500$a{^1=\\\\s}"),
                "a blank: the comparison string \\s (its first backslash starts it)");
        assertEquals(List.of(), eval(r, "500$a{^1=\\s}"), "the comparison string s");
        assertEquals(List.of(" "), eval(r, "500[1]^2{[0]$b}"), "...^2{[1]$a} reads the record's 500[0]");
    }

    @Test
    void backwardsRangesReferenceNothing() {
        assertEquals(List.of(), eval(summerland, "008/5-3"));
        assertEquals(List.of(), eval(summerland, "650[2-1]$a"));
        assertEquals(List.of("Magic"), eval(summerland, "650[#-0]$a"));
    }
}
