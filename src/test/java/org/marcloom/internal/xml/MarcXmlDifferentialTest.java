package org.marcloom.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.junit.jupiter.params.provider.ValueSource;
import org.marc4j.marc.Record;
import org.marcloom.record.MarcRecord;

/// Every well-formed corpus file reads the same with marcloom as with marc4j's MarcXmlReader.
class MarcXmlDifferentialTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "marc-perl__batch.xml", "marc-perl__batch-ns.xml", "marc-perl__namespace.xml",
        "marc-perl__end-of-stream.xml", "marc4j__summerland.xml", "marc4j__chabon.xml",
        "marc4j__summerland-record-with-type.xml", "marc4j__sample1a.xml", "traject__test_data.utf8.marc.xml",
        "marc2bibframe2__gwu.xml", "marc2bibframe2__princeton.xml",
        "pymarc__batch.xml", "yaz__marc12.xml", "ruby-marc__messed_up_leader.xml"})
    void sameRecordsAsMarc4j(String file) throws Exception {
        Path path = XmlTestSupport.fixture(file);
        List<Record> expected;
        try (InputStream in = Files.newInputStream(path)) {
            expected = Marc4jOracle.read(in);
        }
        List<MarcRecord> actual = XmlTestSupport.readAll(path, false);
        assertTrue(expected.size() > 0, "marc4j read records from " + file);
        Marc4jOracle.assertSame(expected, actual, file);
        for (MarcRecord r : actual) {
            assertEquals(List.of(), r.diagnostics(), file + ": strict read has no diagnostics");
        }
    }

    /// A KOHA export with OAI `identifier` and `datestamp` elements inside the record: strict mode
    /// rejects them, lenient mode skips them with a diagnostic each and reads what marc4j reads.
    @Test
    void foreignElementsInsideARecordAreSkippedLeniently() throws Exception {
        Path path = XmlTestSupport.fixture("marc4j__1474920681_KOHA_LFL_6_with_comment.xml");
        List<Record> expected;
        try (InputStream in = Files.newInputStream(path)) {
            expected = Marc4jOracle.read(in);
        }
        List<MarcRecord> actual = XmlTestSupport.readAll(path, true);
        Marc4jOracle.assertSame(expected, actual, path.toString());
        List<Diagnostic> d = actual.get(0).diagnostics();
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.stream().allMatch(x -> x.code() == ErrorCode.STRUCTURE_INVALID && x.line() == 2), d.toString());
        MarcParseException e = assertThrows(MarcParseException.class, () -> XmlTestSupport.readAll(path, false));
        assertEquals(ErrorCode.STRUCTURE_INVALID, e.code());
        assertEquals(2, e.line());
    }

    /// marc4j keeps one of two 001 fields; marcloom keeps every field in document order.
    @Test
    void repeatedControlFieldsAreAllKept() throws Exception {
        List<MarcRecord> records = XmlTestSupport.readAll(XmlTestSupport.fixture("evergreen__serials_mfhd.xml"), false);
        assertEquals(7, records.size());
        assertEquals(List.of("a814607", "44368"), records.get(0).fields("001").stream()
                .map(f -> ((org.marcloom.record.ControlField) f).data()).toList());
    }
}
