package org.marcloom.formats;

import org.marcloom.testing.CrossFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.marcloom.Iso2709DifferentialTest;
import org.marcloom.Marc8DifferentialTest;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.record.MarcRecord;

/// Every well-formed fixture (one our strict reader reads to the end) of fixtures/iso2709, xml,
/// json and mrk: read, write in format X, read back: the records equal the first read, for every
/// X. Through the ISO 2709 writer the leader's structural positions are rewritten
/// ([CrossFormat#assertIsoTrip]); through every other writer the records must be equal exactly.
/// Every output is also read back with format detection (`detectFormat()`), which must agree.
class CorpusRoundTripTest {

    /// Fixtures our strict reader rejects (malformed on purpose, or carrying data the strict reader
    /// refuses), with the file names; each one is checked to fail with a MarcParseException.
    static List<Path> malformed() {
        List<Path> out = new ArrayList<>();
        for (Path p : CrossFormat.fixtures()) {
            try {
                CrossFormat.read(p);
            } catch (MarcParseException e) {
                out.add(p);
            }
        }
        return out;
    }

    /// The MARCXML and JSON fixtures the strict reader rejects, each for a real defect in the file.
    static final List<String> REJECTED_TEXT_FORMATS = List.of(
            "evergreen__serials_marc21.xml", // several root elements: not well-formed XML
            "marc4j__1474920681_KOHA_LFL_6_with_comment.xml", // a non-MARC <identifier> element in a record
            "marc4j__chabon-bad-subfields-element.xml", // malformed on purpose
            "marc4j__chabon-missing-datafield-tag.xml", // malformed on purpose
            "marc4j__chabon-missing-subfield-code.xml", // malformed on purpose
            "marc4j__cruel-cruel-indicatorless-summerland.xml", // datafields without ind1/ind2
            "ruby-marc__three-records-second-bad.xml", // malformed on purpose
            "marc4j__illegal-marc-in-json.json", // malformed on purpose
            "marc4j__summerland-marc-json.json", // marc4j's legacy non-JSON "MARC-JSON"
            "pymarc__test.json"); // a raw line feed inside a JSON string

    /// Files the marc4j comparison lists as broken MARC-8 (marc4j converts them oddly) whose bytes
    /// are nevertheless valid for the charset each leader names, so the strict reader accepts them.
    static final List<String> STRICTLY_READABLE_ODDITIES = List.of(
            "marc4j__loongboonmee.mrc", // a UTF-8 record, then a pure-ASCII one with a blank leader/09
            "yaz__marc8.marc"); // leader/09 '^' (not a MARC 21 value), read as MARC-8; pure ASCII text

    /// The ISO 2709 fixtures the strict reader accepts: the well-formed lists of the differential
    /// tests against marc4j (UTF-8, ASCII behind a blank leader/09, and valid MARC-8). Every other
    /// ISO 2709 fixture is malformed on purpose or carries bytes its encoding forbids.
    static Set<String> wellFormedIso2709() {
        Set<String> ok = new HashSet<>(Iso2709DifferentialTest.UTF8);
        ok.addAll(Iso2709DifferentialTest.ASCII_MARC8);
        ok.addAll(Marc8DifferentialTest.MARC8);
        ok.addAll(STRICTLY_READABLE_ODDITIES);
        return ok;
    }

    @Test
    void theStrictReaderRejectsExactlyTheMalformedFixtures() {
        List<String> rejected = malformed().stream().map(p -> p.getFileName().toString()).sorted().toList();
        Set<String> wellFormed = wellFormedIso2709();
        List<String> expected = new ArrayList<>(REJECTED_TEXT_FORMATS);
        for (Path p : CrossFormat.fixtures()) {
            String name = p.getFileName().toString();
            if (p.getParent().getFileName().toString().equals("iso2709") && !wellFormed.contains(name)) {
                expected.add(name);
            }
        }
        assertEquals(expected.stream().sorted().toList(), rejected);
        assertTrue(CrossFormat.fixtures().size() - rejected.size() >= 49);
    }

    @TestFactory
    Stream<DynamicTest> everyWellFormedFixtureSurvivesEveryFormat() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : CrossFormat.fixtures()) {
            List<MarcRecord> first;
            try {
                first = CrossFormat.read(file);
            } catch (MarcParseException e) {
                continue; // not well-formed; see mostFixturesAreWellFormed
            }
            for (MarcFormat x : CrossFormat.ALL) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " -> " + x, () -> trip(first, x, file)));
            }
        }
        return tests.stream();
    }

    /// Fixtures holding records the ISO 2709 writer must refuse (see [CrossFormat#isoRefusal]):
    /// yaz's JSON conversions keep what yaz made of bytes it could not decode. yaz__marc12.json:
    /// an 880 $a holding U+001F (yaz read the MARC-8 escape after a delimiter as data);
    /// yaz__marc5.json and .xml: a 250 with no subfield delimiter, which yaz turned into subfield code
    /// U+03B7 (the first data character). MARC-in-JSON and MARCMaker hold them; ISO 2709 cannot.
    static final Set<String> ISO_REFUSALS = Set.of("yaz__marc12.json", "yaz__marc5.json", "yaz__marc5.xml");

    /// Fixtures with characters XML 1.0 forbids, which the MARCXML writer replaces with U+FFFD
    /// (yaz__marc12.json's U+001F, see above).
    static final Set<String> XML_REPLACEMENTS = Set.of("yaz__marc12.json");

    private static void trip(List<MarcRecord> all, MarcFormat x, Path file) {
        assertTrue(!all.isEmpty(), file + " has records");
        String name = file.getFileName().toString();
        List<MarcRecord> first = all;
        if (x == MarcFormat.ISO_2709) {
            List<MarcRecord> refused = all.stream().filter(r -> CrossFormat.isoRefusal(r) != null).toList();
            assertEquals(ISO_REFUSALS.contains(name), !refused.isEmpty(), () -> name + ": records ISO 2709 cannot hold: "
                    + refused.stream().map(CrossFormat::isoRefusal).toList());
            for (MarcRecord r : refused) {
                org.marcloom.MarcWriteException e = assertThrows(org.marcloom.MarcWriteException.class,
                        () -> CrossFormat.write(List.of(r), MarcFormat.ISO_2709));
                assertTrue(e.getMessage().contains("ISO 2709"), e.getMessage());
            }
            first = all.stream().filter(r -> CrossFormat.isoRefusal(r) == null).toList();
            if (first.isEmpty()) {
                return;
            }
        } else if (x == MarcFormat.MARCXML) {
            List<MarcRecord> expected = all.stream().map(CrossFormat::asXmlWrites).toList();
            assertEquals(XML_REPLACEMENTS.contains(name), !expected.equals(all), "records with XML-forbidden characters");
            byte[] xml = CrossFormat.write(all, x);
            assertEquals(expected, CrossFormat.read(xml, x));
            assertEquals(expected, CrossFormat.readDetected(xml), "read with detectFormat()");
            return;
        }
        byte[] bytes = CrossFormat.write(first, x);
        List<MarcRecord> back = CrossFormat.read(bytes, x);
        assertEquals(back, CrossFormat.readDetected(bytes), "read with detectFormat()");
        assertEquals(first.size(), back.size(), "record count");
        if (x == MarcFormat.ISO_2709) {
            List<Integer> lengths = CrossFormat.isoLengths(bytes);
            for (int i = 0; i < first.size(); i++) {
                CrossFormat.assertIsoTrip(first.get(i), back.get(i), lengths.get(i), file + " record " + i);
            }
        } else {
            assertEquals(first, back, () -> new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
