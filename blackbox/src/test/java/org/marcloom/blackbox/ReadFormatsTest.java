package org.marcloom.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marcloom.FormatDetector;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Reading every format through the exported API: the same records come out of each fixture's
/// serialisations, named or detected, from a path, a channel or a stream.
class ReadFormatsTest {

    static List<MarcRecord> read(Path p, MarcFormat format) throws IOException {
        try (MarcReader r = MarcReader.builder().format(format).open(p)) {
            return r.stream().toList();
        }
    }

    static List<MarcRecord> detect(Path p) throws IOException {
        try (MarcReader r = MarcReader.builder().detectFormat().open(p)) {
            return r.stream().toList();
        }
    }

    @Test
    void iso2709MarcxmlAndJsonLinesHoldTheSame30Records() throws IOException {
        List<MarcRecord> mrc = read(Fixtures.TRAJECT_MRC, MarcFormat.ISO_2709);
        assertEquals(30, mrc.size());
        assertEquals(mrc, read(Fixtures.TRAJECT_XML, MarcFormat.MARCXML));
        assertEquals(mrc, read(Fixtures.TRAJECT_NDJSON, MarcFormat.MARC_JSON_LINES));
        assertEquals(Optional.of("   00282214 "), mrc.getFirst().controlNumber());
    }

    @Test
    void aJsonArrayAndMarcxmlHoldTheSameTwoRecords() throws IOException {
        List<MarcRecord> json = read(Fixtures.PYMARC_JSON_ARRAY, MarcFormat.MARC_JSON);
        assertEquals(2, json.size());
        assertEquals(json, read(Fixtures.PYMARC_XML, MarcFormat.MARCXML));
    }

    @Test
    void marcmakerAndIso2709HoldTheSameTenRecords() throws IOException {
        List<MarcRecord> mrc = read(Fixtures.PYMARC, MarcFormat.ISO_2709);
        assertEquals(10, mrc.size());
        assertEquals(mrc, read(Fixtures.CAMEL_MRK, MarcFormat.MARCMAKER));
        MarcRecord first = mrc.getFirst();
        assertEquals("00755cam  22002414a 4500", first.leader().toString());
        assertEquals(new ControlField("001", "fol05731351 "), first.fields().getFirst());
        assertEquals(DataField.of("245", '1', '0', Subfield.of('a', "ActivePerl with ASP and ADO /"),
                Subfield.of('c', "Tobias Martinsson.")), first.dataField("245").orElseThrow());
    }

    @Test
    void detectionNamesEachFormatAndReadsTheSameRecords() throws IOException {
        record Case(Path file, MarcFormat format, int records) {
        }
        for (Case c : List.of(new Case(Fixtures.TRAJECT_MRC, MarcFormat.ISO_2709, 30),
                new Case(Fixtures.TRAJECT_XML, MarcFormat.MARCXML, 30),
                new Case(Fixtures.TRAJECT_NDJSON, MarcFormat.MARC_JSON_LINES, 30),
                new Case(Fixtures.PYMARC_JSON_ARRAY, MarcFormat.MARC_JSON, 2),
                new Case(Fixtures.CAMEL_MRK, MarcFormat.MARCMAKER, 10))) {
            byte[] head = Fixtures.bytes(c.file());
            int n = Math.min(head.length, 8192);
            assertEquals(Optional.of(c.format()), FormatDetector.detectFormat(head, n), c.file().toString());
            List<MarcRecord> detected = detect(c.file());
            assertEquals(c.records(), detected.size(), c.file().toString());
            assertEquals(read(c.file(), c.format()), detected, c.file().toString());
        }
    }

    @Test
    void aPathAChannelAndAStreamGiveTheSameRecords() throws IOException {
        List<MarcRecord> fromPath = read(Fixtures.TRAJECT_MRC, MarcFormat.ISO_2709);
        try (FileChannel ch = FileChannel.open(Fixtures.TRAJECT_MRC);
             MarcReader r = MarcReader.builder().keepOpen(true).open(ch)) {
            assertEquals(fromPath, r.stream().toList());
            r.close();
            assertEquals(true, ch.isOpen(), "keepOpen(true) leaves the caller's channel open");
        }
        try (InputStream in = Files.newInputStream(Fixtures.TRAJECT_MRC);
             MarcReader r = MarcReader.builder().sourceName("traject").open(in)) {
            assertEquals(fromPath, r.stream().toList());
            assertEquals("traject", r.sourceName());
            assertEquals(30, r.recordsRead());
        }
    }
}
