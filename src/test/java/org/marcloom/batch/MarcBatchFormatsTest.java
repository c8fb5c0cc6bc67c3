package org.marcloom.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;
import org.junit.jupiter.api.Test;

/// The many-files batch reads every format, detecting each file's format, and gives the records
/// a sequential reader of the named format gives.
class MarcBatchFormatsTest {

    private static final List<Path> FILES = List.of(
            Path.of("fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc"),
            Path.of("fixtures/xml/marc4j__chabon.xml"),
            Path.of("fixtures/json/marc-perl__test.ndj"),
            Path.of("fixtures/mrk/marc-perl__camel.mrk"));
    private static final List<MarcFormat> FORMATS = List.of(
            MarcFormat.ISO_2709, MarcFormat.MARCXML, MarcFormat.MARC_JSON_LINES, MarcFormat.MARCMAKER);

    @Test
    void mixedFormatsGiveTheSequentialRecordsInInputOrder() throws IOException {
        List<FileResult<List<MarcRecord>>> results = MarcBatch.files(FILES).run((file, reader) -> {
            List<MarcRecord> records = new ArrayList<>();
            reader.forEach(records::add);
            return records;
        });
        assertEquals(FILES.size(), results.size());
        for (int i = 0; i < FILES.size(); i++) {
            List<MarcRecord> expected = new ArrayList<>();
            try (MarcReader reader = MarcReader.builder().format(FORMATS.get(i)).open(FILES.get(i))) {
                reader.forEach(expected::add);
            }
            assertEquals(FILES.get(i), results.get(i).path());
            assertEquals(expected, results.get(i).result(), FILES.get(i).toString());
            assertEquals(expected.size(), results.get(i).records());
        }
    }
}
