package org.marcloom.formats;

import org.marcloom.testing.CrossFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.marcloom.record.MarcRecord;

/// The same records in two or more formats (the corpus MANIFEST's "useful pairs"): the records our
/// readers give for each file are equal field by field (tags, indicators, subfield codes and
/// values, text compared under NFC) and leader by leader, except for the differences listed with
/// each pair, which are asserted exactly (see [#diff]).
class CorpusPairsTest {

    /// A file compared with the pair's first file. `lengthsDiffer`: leader/00-04 (the record length
    /// of some serialisation) is not compared, because the file's producer kept another
    /// serialisation's length. `referenceText` maps the first file's text (after NFC) before the
    /// comparison, for a documented difference of representation. `differences`: what must still
    /// differ, exactly (see [#diff]).
    record Member(String file, boolean lengthsDiffer, UnaryOperator<String> referenceText, List<String> differences) {
        static Member same(String file) {
            return new Member(file, false, UnaryOperator.identity(), List.of());
        }

        static Member differing(String file, String... differences) {
            return new Member(file, false, UnaryOperator.identity(), List.of(differences));
        }
    }

    record Pair(String name, String reference, List<Member> members) {
    }

    static Pair pair(String name, String reference, Member... members) {
        return new Pair(name, reference, List.of(members));
    }

    /// MARC-8 has no combining double diacritics: a ligature or double tilde over two letters is
    /// written as a left half after the first and a right half after the second, which LoC's
    /// MARC-8 to UCS mapping turns into U+FE20/U+FE21 (ligature) and U+FE22/U+FE23 (double tilde).
    /// brkrtest_UTF8.mrc instead uses the single combining double diacritics U+0361 and U+0360
    /// after the first letter. This maps the latter to the former.
    static String doubleDiacriticsAsHalves(String s) {
        return s.replaceAll("\u0361(.)", "\uFE20$1\uFE21").replaceAll("\u0360(.)", "\uFE22$1\uFE23");
    }

    static final List<Pair> PAIRS = List.of(
            pair("traject test_data.utf8", "iso2709/traject__test_data.utf8.mrc",
                    Member.same("xml/traject__test_data.utf8.marc.xml"),
                    Member.same("json/traject__test_data.utf8.json")),
            pair("marc4j summerland", "iso2709/marc4j__summerland.mrc",
                    Member.same("xml/marc4j__summerland.xml"),
                    Member.same("xml/marc4j__summerland-record-with-type.xml"),
                    Member.same("json/marc4j__summerland-marc-in-json.json"),
                    Member.same("json/marc4j__summerland-marc-in-json-indented.json")),
            pair("marc4j chabon", "iso2709/marc4j__chabon.mrc",
                    Member.same("xml/marc4j__chabon.xml")),
            pair("pymarc batch", "xml/pymarc__batch.xml",
                    Member.same("json/pymarc__batch.json")),
            pair("pymarc one", "iso2709/pymarc__one.dat",
                    Member.same("json/pymarc__one.json")),
            pair("marc-perl test", "iso2709/marc-perl__test.mrc",
                    Member.same("json/marc-perl__test.ndj")),
            pair("camel", "iso2709/pymarc__test.dat",
                    Member.same("xml/marc-perl__batch.xml"),
                    Member.same("xml/marc-perl__batch-ns.xml"),
                    Member.same("mrk/marc-perl__camel.mrk")),
            pair("brkrtest", "iso2709/marc4j__brkrtest_UTF8.mrc",
                    // The .mrk8 leaders keep the MARC-8 records' lengths (brkrtest.mrc).
                    new Member("mrk/marc4j__brkrtest.mrk8", true, UnaryOperator.identity(), List.of()),
                    // The MARC-8 MARCMaker file: the same lengths, leader/09 blank (MARC-8), and the
                    // double diacritics as halves (see doubleDiacriticsAsHalves).
                    new Member("mrk/marc4j__brkrtest.mrk", true, CorpusPairsTest::doubleDiacriticsAsHalves,
                            List.of("record 0 leader/09: 'a' vs ' '", "record 1 leader/09: 'a' vs ' '",
                                    "record 2 leader/09: 'a' vs ' '", "record 3 leader/09: 'a' vs ' '",
                                    "record 4 leader/09: 'a' vs ' '", "record 5 leader/09: 'a' vs ' '",
                                    "record 6 leader/09: 'a' vs ' '", "record 7 leader/09: 'a' vs ' '"))),
            pair("u17", "iso2709/marc4j__u17_utf8.mrc",
                    Member.same("mrk/marc4j__u17_marc4j.mrk8")),
            pair("ruby-marc non-numeric", "iso2709/ruby-marc__non-numeric.dat",
                    Member.same("xml/ruby-marc__non-numeric.xml")),
            pair("yaz marc6", "iso2709/yaz__marc6.marc",
                    // yaz's MARCXML conversion sets leader/09 to a (its text is UTF-8); its JSON keeps
                    // the source's blank. The text is ASCII, so it reads the same either way.
                    Member.differing("xml/yaz__marc6.xml", "record 0 leader/09: ' ' vs 'a'"),
                    Member.same("json/yaz__marc6.json")),
            pair("yaz marc5 (UTF-8 conversions)", "xml/yaz__marc5.xml",
                    Member.same("json/yaz__marc5.json")),
            pair("yaz marc12 (UTF-8 conversions)", "xml/yaz__marc12.xml",
                    // marc12.marc has MARC-8 escapes that yaz passed through as U+001F (see
                    // CorpusRoundTripTest.ISO_REFUSALS): the JSON keeps them, the MARCXML (where XML
                    // forbids them) drops them. And only the MARCXML conversion set leader/09 to a.
                    Member.differing("json/yaz__marc12.json", "record 0 leader/09: 'a' vs ' '",
                            "record 0 field 32 (880): at 215 [U+6811 U+4E0A U+53C8 U+6709 U+4EC0 U+4E48 U+8BA9"
                                    + " U+4EBA U+60CA U+8BB6 U+7684 U+666F U+8C61 U+5462] vs [U+001F U+6811 U+4E0A"
                                    + " U+53C8 U+6709 U+4EC0 U+4E48 U+8BA9 U+4EBA U+60CA U+8BB6 U+7684 U+666F U+8C61"
                                    + " U+5462 U+001F]")));

    @TestFactory
    Stream<DynamicTest> pairsHoldTheSameRecords() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Pair p : PAIRS) {
            for (Member m : p.members()) {
                tests.add(DynamicTest.dynamicTest(p.name() + ": " + p.reference() + " vs " + m.file(), () -> {
                    List<MarcRecord> a = CrossFormat.read(Path.of("fixtures", p.reference()));
                    List<MarcRecord> b = CrossFormat.read(Path.of("fixtures", m.file()));
                    assertEquals(m.differences(), diff(a, b, m.lengthsDiffer(), m.referenceText()));
                }));
            }
        }
        return tests.stream();
    }

    /// The differences between two record lists, one line each: record count; per record, each
    /// leader position that differs (`record I leader/NN: 'x' vs 'y'`); each field line (see
    /// [CrossFormat#fieldLines]) that differs at the same index when both have as many fields,
    /// otherwise the lines only one side has.
    /// What differs between two strings once their common prefix and suffix are cut, as code
    /// points: `[U+0361] vs [U+FE20 U+0061 U+FE21]`, with the offset of the first difference.
    static String middle(String a, String b) {
        int p = 0;
        while (p < a.length() && p < b.length() && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < a.length() - p && s < b.length() - p
                && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
            s++;
        }
        return "at " + p + " " + codePoints(a.substring(p, a.length() - s)) + " vs "
                + codePoints(b.substring(p, b.length() - s));
    }

    static String codePoints(String s) {
        StringBuilder sb = new StringBuilder("[");
        s.codePoints().forEach(c -> sb.append(sb.length() > 1 ? " " : "").append(String.format("U+%04X", c)));
        return sb.append(']').toString();
    }

    static List<String> diff(List<MarcRecord> a, List<MarcRecord> b, boolean lengthsDiffer,
                             UnaryOperator<String> referenceText) {
        List<String> out = new ArrayList<>();
        if (a.size() != b.size()) {
            out.add("record count " + a.size() + " vs " + b.size());
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            String la = a.get(i).leader().toString();
            String lb = b.get(i).leader().toString();
            for (int k = lengthsDiffer ? 5 : 0; k < 24; k++) {
                if (la.charAt(k) != lb.charAt(k)) {
                    out.add(String.format("record %d leader/%02d: '%c' vs '%c'", i, k, la.charAt(k), lb.charAt(k)));
                }
            }
            List<String> fa = CrossFormat.fieldLines(a.get(i)).stream().map(referenceText).toList();
            List<String> fb = CrossFormat.fieldLines(b.get(i));
            if (fa.size() == fb.size()) {
                for (int k = 0; k < fa.size(); k++) {
                    if (!fa.get(k).equals(fb.get(k))) {
                        out.add("record " + i + " field " + k + " (" + fa.get(k).substring(0, 3) + "): "
                                + middle(fa.get(k), fb.get(k)));
                    }
                }
            } else {
                List<String> onlyA = new ArrayList<>(fa);
                fb.forEach(onlyA::remove);
                List<String> onlyB = new ArrayList<>(fb);
                fa.forEach(onlyB::remove);
                for (String l : onlyA) {
                    out.add("record " + i + " only in first: " + l);
                }
                for (String l : onlyB) {
                    out.add("record " + i + " only in second: " + l);
                }
            }
        }
        return out;
    }
}
