package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.internal.PrefixedChannel;
import org.marcloom.record.MarcRecord;

/// Format sniffing on every kind of input, and reading through the sniffer.
class FormatDetectorTest {

    static Optional<MarcFormat> detect(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return FormatDetector.detectFormat(b, b.length);
    }

    @ParameterizedTest
    @CsvSource({
            "fixtures/mrk/marc4j__brkrtest.mrk, MARCMAKER",
            "fixtures/mrk/marc4j__brkrtest.mrk8, MARCMAKER",
            "fixtures/mrk/marc-perl__camel.mrk, MARCMAKER",
            "fixtures/mrk/marc4j__u17_marc4j.mrk8, MARCMAKER",
            "fixtures/iso2709/marc4j__brkrtest_UTF8.mrc, ISO_2709",
            "fixtures/iso2709/marc4j__brkrtest.mrc, ISO_2709",
            "fixtures/iso2709/pymarc__test.dat, ISO_2709",
            "fixtures/iso2709/marc4j__u17_utf8.mrc, ISO_2709",
    })
    void detectsTheFixtures(Path file, MarcFormat expected) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int n = Math.min(all.length, 8192);
        assertEquals(Optional.of(expected), FormatDetector.detectFormat(all, n));
    }

    @Test
    void detectsTextFormsWithBomAndLeadingWhitespace() {
        assertEquals(Optional.of(MarcFormat.MARCXML), detect("<?xml version=\"1.0\"?><collection/>"));
        assertEquals(Optional.of(MarcFormat.MARCXML), detect("\uFEFF  \n<marc:collection xmlns:marc=\"x\">"));
        assertEquals(Optional.of(MarcFormat.MARCXML), detect("<record><leader>"));
        assertEquals(Optional.of(MarcFormat.MARCXML), detect("<!-- c --><searchRetrieveResponse>"));
        assertEquals(Optional.of(MarcFormat.MARCXML), detect("<OAI-PMH xmlns=\"x\">"));
        assertEquals(Optional.of(MarcFormat.MARCXML), detect("<wrapper><x:record>"));
        assertEquals(Optional.empty(), detect("<html><body>"));
        assertEquals(Optional.of(MarcFormat.MARC_JSON), detect("\r\n [{\"leader\":"));
        assertEquals(Optional.of(MarcFormat.MARC_JSON_LINES), detect("\uFEFF{\"leader\":"));
        assertEquals(Optional.of(MarcFormat.MARCMAKER), detect("\uFEFF\n\n=LDR  00000nam"));
        assertEquals(Optional.of(MarcFormat.MARCMAKER), detect("  =000  00000nam"));
        assertEquals(Optional.empty(), detect("=245  10$a"));
        assertEquals(Optional.of(MarcFormat.ISO_2709), detect("\n00123nam a2200049 a 4500"));
        assertEquals(Optional.of(MarcFormat.ISO_2709), detect("00123nam \u001E"));
        assertEquals(Optional.empty(), detect("12345 is just a number"));
        assertEquals(Optional.empty(), detect("hello"));
        assertEquals(Optional.empty(), detect("   "));
        assertThrows(IndexOutOfBoundsException.class, () -> FormatDetector.detectFormat(new byte[2], 3));
    }

    @ParameterizedTest
    @CsvSource({
            "fixtures/mrk/marc4j__brkrtest.mrk, 8",
            "fixtures/mrk/marc-perl__camel.mrk, 10",
            "fixtures/mrk/marc4j__u17_marc4j.mrk8, 1",
    })
    void detectFormatReadsMarcMakerThroughTheReplayedHead(Path file, int count) throws IOException {
        try (MarcReader r = MarcReader.builder().detectFormat().open(file)) {
            assertEquals(count, r.stream().count());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "fixtures/xml/marc-perl__batch.xml, 10",
            "fixtures/xml/marc-perl__batch-ns.xml, 10",
            "fixtures/iso2709/pymarc__test.dat, 10",
            "fixtures/mrk/marc-perl__camel.mrk, 10",
            "fixtures/json/marc-perl__test.ndj, 9",
            "fixtures/json/pymarc__batch.json, 2",
    })
    void detectFormatRoutesEachFixtureToItsReader(Path file, int count) throws IOException {
        try (MarcReader r = MarcReader.builder().detectFormat().lenient(true).open(file)) {
            assertEquals(count, r.stream().count(), file.toString());
        }
    }

    @Test
    void sniffedIsoTwinGivesTheSameRecordsAsTheSniffedMrk8() throws IOException {
        java.util.List<MarcRecord> iso;
        java.util.List<MarcRecord> mrk;
        try (MarcReader r = MarcReader.builder().detectFormat().open(Path.of("fixtures/iso2709/marc4j__brkrtest_UTF8.mrc"))) {
            iso = r.stream().toList();
        }
        try (MarcReader r = MarcReader.builder().detectFormat().open(Path.of("fixtures/mrk/marc4j__brkrtest.mrk8"))) {
            mrk = r.stream().toList();
        }
        assertEquals(8, iso.size());
        for (int i = 0; i < iso.size(); i++) {
            assertEquals(iso.get(i).fields(), mrk.get(i).fields(), "record " + i);
        }
    }

    @Test
    void detectFormatReadsAMarcMakerFileLargerThanTheSniffWindowFromAStream() throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFF \n");
        for (int i = 0; i < 300; i++) {
            sb.append("=LDR  00000nam  2200000 a 4500\n=001  n").append(i).append("\n=245  10$a")
                    .append("x".repeat(40)).append("\n\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 8192);
        try (MarcReader r = MarcReader.builder().detectFormat().open(new ByteArrayInputStream(bytes))) {
            MarcRecord last = null;
            int n = 0;
            for (MarcRecord rec : r) {
                last = rec;
                n++;
            }
            assertEquals(300, n);
            assertEquals("n299", last.controlNumber().orElseThrow());
        }
    }

    @Test
    void undetectableInputThrowsStructureInvalidAtRecordZero(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "Dear reader, this is not MARC.");
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> MarcReader.builder().detectFormat().open(f));
        assertEquals(ErrorCode.STRUCTURE_INVALID, e.code());
        assertEquals(0, e.recordIndex());
        assertEquals(0, e.byteOffset());
        assertTrue(e.getMessage().contains("MARCMaker"), e.getMessage());
        assertTrue(e.getMessage().contains("Dear reader"), e.getMessage());
    }

    @Test
    void emptyInputIsNoRecords() throws IOException {
        try (MarcReader r = MarcReader.builder().detectFormat().open(new ByteArrayInputStream(new byte[0]))) {
            assertEquals(null, r.read());
        }
    }

    @Test
    void prefixedChannelReplaysTheHeadThenTheRest() throws IOException {
        byte[] head = "abcXX".getBytes(StandardCharsets.US_ASCII);
        ReadableByteChannel rest = Channels.newChannel(new ByteArrayInputStream("def".getBytes(StandardCharsets.US_ASCII)));
        try (PrefixedChannel c = new PrefixedChannel(head, 3, rest)) {
            ByteBuffer buf = ByteBuffer.allocate(2);
            StringBuilder sb = new StringBuilder();
            int n;
            while ((n = c.read(buf)) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    sb.append((char) buf.get());
                }
                buf.clear();
            }
            assertEquals("abcdef", sb.toString());
            assertTrue(c.isOpen());
            c.close();
            assertFalse(c.isOpen());
            assertFalse(rest.isOpen());
        }
    }
}
