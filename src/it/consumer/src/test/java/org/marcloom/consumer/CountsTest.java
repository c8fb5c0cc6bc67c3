package org.marcloom.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;
import org.marcloom.batch.FileResult;
import org.marcloom.batch.MarcBatch;
import org.marcloom.record.MarcRecord;

/// The installed artifact works as a user's Maven dependency on the module path.
class CountsTest {

    static final Path FIXTURES = Path.of(System.getProperty("marcloom.fixtures"));
    static final String VERSION = System.getProperty("marcloom.version");

    @Test
    void marcloomIsTheNamedModuleOfTheInstalledJar() {
        Module marcloom = MarcReader.class.getModule();
        Module self = CountsTest.class.getModule();
        assertEquals("org.marcloom", marcloom.getName());
        assertEquals("org.marcloom.consumer", self.getName());
        assertSame(ModuleLayer.boot(), marcloom.getLayer());
        assertSame(marcloom, MarcBatch.class.getModule());
        assertTrue(self.canRead(marcloom));
        assertTrue(marcloom.isExported("org.marcloom.batch", self));
        String jar = marcloom.getLayer().configuration().findModule("org.marcloom").orElseThrow()
                .reference().location().orElseThrow().getPath();
        assertTrue(jar.endsWith("/it-repo/org/marcloom/marcloom/" + VERSION + "/marcloom-" + VERSION + ".jar"),
                "marcloom is the jar installed into the build's private local repository: " + jar);
    }

    @Test
    void batchCountsTheFieldsOfFourFilesInFourFormats() {
        List<Path> files = List.of(
                FIXTURES.resolve("iso2709/pymarc__test.dat"),
                FIXTURES.resolve("xml/traject__test_data.utf8.marc.xml"),
                FIXTURES.resolve("json/traject__test_data.utf8.json"),
                FIXTURES.resolve("mrk/marc-perl__camel.mrk"));
        List<FileResult<Long>> results = Counts.fieldsPerFile(files);
        assertEquals(files, results.stream().map(FileResult::path).toList());
        assertEquals(List.of(10L, 30L, 30L, 10L), results.stream().map(FileResult::records).toList());
        assertEquals(List.of(173L, 705L, 705L, 173L), results.stream().map(FileResult::result).toList());
    }

    @Test
    void readerOnTwoThreadsKeepsFileOrder() throws IOException {
        List<MarcRecord> records = Counts.readOnTwoThreads(FIXTURES.resolve("iso2709/marc4j__pride-and-prejudice-fixed.mrc"));
        assertEquals(383, records.size());
        assertEquals("UkOxUb10768856", records.getFirst().controlNumber().orElseThrow());
        assertEquals("004263020", records.getLast().controlNumber().orElseThrow());
        assertEquals(7841, records.stream().mapToLong(r -> r.fields().size()).sum());
    }
}
