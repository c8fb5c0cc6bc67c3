package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.marcloom.record.MarcRecord;

/// Differential test of the strict ISO 2709 reader against marc4j 2.9.6's `MarcStreamReader` on
/// every well-formed fixture whose text needs no MARC-8 decoding: the UTF-8 files (every record
/// leader/09 `a`) and the files with a blank leader/09 whose bytes are plain ASCII without ESC (where
/// MARC-8 and ASCII agree). The MARC-8 files with non-ASCII bytes are in [Marc8DifferentialTest].
///
/// Oracle: `new MarcStreamReader(in)`. It decodes leader/09 `a` records as UTF-8, the rest as ISO
/// 8859-1 (no MARC-8 conversion), which is exact for the two groups compared here.
///
/// Leaders: marc4j rebuilds the leader from parsed parts (`Leader.toString()`); on these files it
/// reproduces the bytes, which [#leadersEqual] asserts, so a marc4j rewrite would show up here.
public class Iso2709DifferentialTest {

    /// Every record leader/09 `a`, read strictly without error.
    public static final List<String> UTF8 = List.of(
            "evergreen__RDA_record_CD_Claudia.mrc",
            "evergreen__RDA_record_DVD-BLUE-RAY-MOVIE_Pineapple_express.mrc",
            "evergreen__RDA_record_DVD_Jorge_Mautner.mrc",
            "evergreen__RDA_record_MAP_2012_Enchanted_Circle.mrc",
            "evergreen__RDA_record_PHOTO_Srid_pa_ho.mrc",
            "evergreen__RDA_record_SCORE-CD_Arias_for_soprano.mrc",
            "evergreen__RDA_record_SCORE_Arias_for_bass.mrc",
            "evergreen__RDA_record_SCORE_Intermediate_studies.mrc",
            "evergreen__RDA_record_SCORE_Wiegenlied.mrc",
            "evergreen__RDA_record_SERIAL_IEEE_International_conference.mrc",
            "evergreen__auth-subset100.mrc",
            "evergreen__authority-record.mrc",
            "marc-perl__test.mrc",
            "marc4j__065001035.mrc",
            "marc4j__54-56-008008027.mrc",
            "marc4j__brkrtest_UTF8.mrc",
            "marc4j__chabon.mrc",
            "marc4j__dp_004015001.mrc",
            "marc4j__field700_4_test.mrc",
            "marc4j__getty_test_1.mrc",
            "marc4j__getty_test_output.mrc",
            "marc4j__kan1222221.mrc",
            "marc4j__oclc_63111280_export_as_UTF8_from_connexion.mrc",
            "marc4j__pride-and-prejudice-fixed.mrc",
            "marc4j__rec1.mrc",
            "marc4j__rec2.mrc",
            "marc4j__rec3.mrc",
            "marc4j__summerland.mrc",
            "marc4j__u17_utf8.mrc",
            "pymarc__diacritic.dat",
            "pymarc__multi_isbn.dat",
            "pymarc__utf8_errors.dat",
            "pymarc__utf8_with_leader_flag.dat",
            "qa-catalogue__0001-01.mrc",
            "ruby-marc__non-numeric.dat",
            "ruby-marc__random_tag_order.dat",
            "ruby-marc__random_tag_order2.dat",
            "ruby-marc__utf8.marc",
            "ruby-marc__utf8_multirecord.marc",
            "traject__880_with_no_6.utf8.marc",
            "traject__batch.dat",
            "traject__date_resort_to_264.marc",
            "traject__date_with_u.marc",
            "traject__emptyish_record.marc",
            "traject__george_eliot.marc",
            "traject__hebrew880s.marc",
            "traject__iso639-3_lang.marc",
            "traject__louis_armstrong.marc",
            "traject__manufacturing_consent.marc",
            "traject__manuscript_online_thesis.marc",
            "traject__microform_online_conference.marc",
            "traject__missing-second-date.marc",
            "traject__multi_era.marc",
            "traject__multi_geo.marc",
            "traject__musical_cage.marc",
            "traject__nature.marc",
            "traject__online_only.marc",
            "traject__packed_041a_lang.marc",
            "traject__test_data.utf8.mrc",
            "traject__the_business_ren.marc",
            "yaz__marccol1.u8.marc",
            "yaz__marccol2.u8.marc",
            "yaz__marccol3.u8.marc",
            "yaz__marccol4.u8.marc",
            "yaz__marccol5.u8.marc");

    /// Leader/09 blank, every byte ASCII and no ESC: MARC-8 text that is plain ASCII.
    public static final List<String> ASCII_MARC8 = List.of(
            "marc-perl__badind.usmarc",
            "marc-perl__sample1.usmarc",
            "marc-perl__sample1eof.usmarc",
            "marc-perl__title_proper.usmarc",
            "marc4j__chabon-loc.mrc",
            "marc4j__unordered-directory-entries.mrc",
            "pymarc__alphatag.dat",
            "pymarc__marc.dat",
            "pymarc__one.dat",
            "pymarc__test.dat",
            "traject__245_no_ab.marc",
            "traject__date_resort_to_260.marc",
            "traject__date_type_r_missing_date2.marc",
            "yaz__marc6.marc");

    /// Structurally well-formed files that need MARC-8 (or another 8-bit charset) for their text:
    /// compared with marc4j in [Marc8DifferentialTest] once the MARC-8 decoder has landed.
    public static final List<String> NEEDS_MARC8 = List.of(
            "evergreen__FSL.marc",
            "evergreen__hebrew.marc",
            "evergreen__lul_fre_100.mrc",
            "evergreen__map_data.mrc",
            "marc-perl__cjk1.marc",
            "marc-perl__cjk2.marc",
            "marc-perl__cjk3.marc",
            "marc-perl__cjk4.marc",
            "marc-perl__cyrillic.marc",
            "marc-perl__hebrew1.marc",
            "marc-perl__hebrew2.marc",
            "marc-perl__hebrew3.marc",
            "marc-perl__hebrew4.marc",
            "marc4j__brkrtest.mrc",
            "marc4j__chinese_mangled_multibyte.mrc",
            "marc4j__cyrillic_capital_e.mrc",
            "marc4j__diacritic4.mrc",
            "marc4j__greekmissingcharsetchange.mrc",
            "marc4j__incomplete_esc_seq.mrc",
            "marc4j__loongboonmee.mrc",
            "marc4j__resources__brkrtest.mrc",
            "marc4j__selectedRecs.mrc",
            "marc4j__u335.mrc",
            "pymarc__1251.dat",
            "pymarc__bad_eacc_encoding.dat",
            "pymarc__bad_marc8_escape.dat",
            "pymarc__marc8.dat",
            "pymarc__utf8_without_leader_flag.dat",
            "qa-catalogue__22561.mrc",
            "ruby-marc__escaped_character_reference.marc8.marc",
            "traject__one-marc8.mrc",
            "yaz__marc10.marc",
            "yaz__marc11.marc",
            "yaz__marc7.marc",
            "yaz__marc8.marc",
            "yaz__marc9.marc");

    /// Well-formed = the strict reader reads every record without an exception. For files with a
    /// record whose leader/09 is not `a` the check reads them as ISO 8859-1, so that it judges the
    /// structure only (whether their MARC-8 is valid is [Marc8DifferentialTest]'s business).
    static boolean wellFormed(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean allUtf8 = true;
            for (byte[] rec : Bytes.splitRecords(bytes)) {
                if (rec.length > 9 && rec[9] != 'a') {
                    allUtf8 = false;
                }
            }
            ReaderOptions o = ReaderOptions.builder()
                    .encoding(allUtf8 ? MarcEncoding.AUTO : MarcEncoding.LATIN_1).build();
            try (MarcReader r = MarcReader.builder().options(o).open(file)) {
                while (r.read() != null) {
                    // read them all
                }
            }
            return true;
        } catch (MarcParseException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theWellFormedFixturesAreExactlyTheListedOnes() throws IOException {
        Set<String> expected = new TreeSet<>();
        expected.addAll(UTF8);
        expected.addAll(ASCII_MARC8);
        expected.addAll(NEEDS_MARC8);
        Set<String> actual = new TreeSet<>();
        try (Stream<Path> files = Files.list(Marc4jOracle.DIR)) {
            for (Path p : files.toList()) {
                if (wellFormed(p)) {
                    actual.add(p.getFileName().toString());
                }
            }
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @FieldSource("UTF8")
    void utf8FilesMatchMarc4j(String name) throws IOException {
        compare(name, UnaryOperator.identity());
    }

    @ParameterizedTest
    @FieldSource("ASCII_MARC8")
    void asciiMarc8FilesMatchMarc4j(String name) throws IOException {
        compare(name, UnaryOperator.identity());
    }

    // ---- Intentional differences from marc4j, each asserted on the record that shows it. ----

    /// marc4j's strict reader throws `MarcException: Premature end of file` on bytes after the last
    /// record terminator, even a single LF or DOS end-of-file byte (0x1A); marcloom's strict reader
    /// ends quietly on trailing white space (lenient mode reports it as TRAILING_BYTES). Shown by
    /// marc-perl__badind.usmarc (a final LF) and marc-perl__sample1eof.usmarc (a final 0x1A).
    static final Set<String> MARC4J_FAILS_ON_TRAILING_WHITESPACE =
            Set.of("marc-perl__badind.usmarc", "marc-perl__sample1eof.usmarc");

    /// When the directory is not in data order, marc4j returns the fields in the order of their
    /// starting positions; marcloom keeps directory order (ISO 2709 and MARC 21 define field order by
    /// the directory). Shown by yaz__marc6.marc (010 is the 5th entry but its data comes last) and
    /// marc4j__unordered-directory-entries.mrc (two 020s, two 336s and two 650s listed out of data
    /// order).
    static final Set<String> MARC4J_ORDERS_BY_OFFSET =
            Set.of("yaz__marc6.marc", "marc4j__unordered-directory-entries.mrc");

    /// marc4j keeps only the last 001 of a record (its control number field is a single slot);
    /// marcloom keeps every field. Shown by traject__missing-second-date.marc (001 ".b20028118" and
    /// 001 ".b6928510x").
    static final String TWO_001S = "traject__missing-second-date.marc";

    @Test
    void marc4jFailsOnTrailingWhitespaceWhereWeEndQuietly() throws IOException {
        for (String name : MARC4J_FAILS_ON_TRAILING_WHITESPACE) {
            byte[] bytes = Files.readAllBytes(Marc4jOracle.DIR.resolve(name));
            byte last = bytes[bytes.length - 1];
            assertTrue(last == '\n' || last == 0x1A, name + " ends with white space after its 0x1D");
            assertThrows(org.marc4j.MarcException.class, () -> Marc4jOracle.strict(Marc4jOracle.DIR.resolve(name)));
            assertEquals(1, Marc4jOracle.ours(Marc4jOracle.DIR.resolve(name), ReaderOptions.DEFAULTS).size());
        }
    }

    @Test
    void weKeepDirectoryOrderWhereMarc4jOrdersByOffset() throws IOException {
        for (String name : MARC4J_ORDERS_BY_OFFSET) {
            byte[] rec = Files.readAllBytes(Marc4jOracle.DIR.resolve(name));
            List<Bytes.Entry> dir = Bytes.directory(rec);
            MarcRecord ours = Marc4jOracle.ours(Marc4jOracle.DIR.resolve(name), ReaderOptions.DEFAULTS).getFirst();
            assertEquals(dir.stream().map(Bytes.Entry::tag).toList(),
                    ours.fields().stream().map(f -> f.tag()).toList(), name + ": directory order");
            org.marc4j.marc.Record theirs = Marc4jOracle.strict(Marc4jOracle.DIR.resolve(name)).getFirst();
            assertNotEquals(List.of(), Marc4jOracle.diff(name, ours, theirs, UnaryOperator.identity()), name);
            assertEquals(List.of(), Marc4jOracle.diff(name, byDataOffset(ours, dir), theirs, UnaryOperator.identity()), name);
        }
        // yaz__marc6.marc: 010 is directory entry 4 but starts at data byte 179, after 300 (168).
        MarcRecord marc6 = Marc4jOracle.ours(Marc4jOracle.DIR.resolve("yaz__marc6.marc"), ReaderOptions.DEFAULTS).getFirst();
        assertEquals("010", marc6.fields().get(4).tag());
        assertEquals("010", Marc4jOracle.strict(Marc4jOracle.DIR.resolve("yaz__marc6.marc")).getFirst()
                .getVariableFields().getLast().getTag());
    }

    @Test
    void weKeepBothOf001sWhereMarc4jKeepsTheLast() throws IOException {
        Path file = Marc4jOracle.DIR.resolve(TWO_001S);
        MarcRecord ours = Marc4jOracle.ours(file, ReaderOptions.DEFAULTS).getFirst();
        assertEquals(List.of(".b20028118", ".b6928510x"), ours.values("001"));
        org.marc4j.marc.Record theirs = Marc4jOracle.strict(file).getFirst();
        assertEquals(1, theirs.getVariableFields("001").size());
        assertEquals(".b6928510x", theirs.getControlNumber());
    }

    static void compare(String name, UnaryOperator<String> text) throws IOException {
        Path file = Marc4jOracle.DIR.resolve(name);
        List<MarcRecord> ours = Marc4jOracle.ours(file, ReaderOptions.DEFAULTS);
        List<org.marc4j.marc.Record> theirs = MARC4J_FAILS_ON_TRAILING_WHITESPACE.contains(name)
                ? Marc4jOracle.strictUntilError(file) : Marc4jOracle.strict(file);
        assertEquals(theirs.size(), ours.size(), name + ": record count");
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> raw = Bytes.splitRecords(bytes);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            String where = name + " record " + i;
            MarcRecord o = ours.get(i);
            assertTrue(o.diagnostics().isEmpty(), where + ": strict record has diagnostics " + o.diagnostics());
            String ol = o.leader().toString();
            String tl = theirs.get(i).getLeader().toString();
            if (!ol.equals(tl)) {
                diffs.add(where + ": leader \"" + ol + "\", marc4j \"" + tl + "\"");
            }
            if (MARC4J_ORDERS_BY_OFFSET.contains(name)) {
                o = byDataOffset(o, Bytes.directory(raw.get(i)));
            }
            if (name.equals(TWO_001S)) {
                o = o.toBuilder().remove(0).build();
            }
            diffs.addAll(Marc4jOracle.diff(where, o, theirs.get(i), text));
        }
        assertEquals(List.of(), diffs);
    }

    /// The record's fields reordered by their starting position in the data area (marc4j's order).
    static MarcRecord byDataOffset(MarcRecord rec, List<Bytes.Entry> dir) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < dir.size(); k++) {
            order.add(k);
        }
        order.sort(java.util.Comparator.comparingInt(k -> dir.get(k).start()));
        MarcRecord.Builder b = rec.toBuilder();
        b.removeIf(f -> true);
        for (int k : order) {
            b.add(rec.fields().get(k));
        }
        return b.build();
    }
}
