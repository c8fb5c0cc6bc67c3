package org.marcloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.fixtures.SyntheticCorpus;
import org.marcloom.record.MarcRecord;

/// The public reader: iteration, streams, closing, input kinds, encodings, limits, and a 100k-record
/// synthetic file (correctness only; nothing is timed).
class MarcReaderTest {

    static final Path DIR = Marc4jOracle.DIR;

    @TempDir
    static Path tmp;
    static Path synthetic1k;
    static Path synthetic100k;

    @BeforeAll
    static void generate() throws IOException {
        synthetic1k = SyntheticCorpus.write(tmp.resolve("synthetic-1000.mrc"), 1_000);
        synthetic100k = SyntheticCorpus.write(tmp.resolve("synthetic-100000.mrc"), 100_000);
    }

    static List<MarcRecord> read(MarcReader r) throws IOException {
        try (r) {
            List<MarcRecord> out = new ArrayList<>();
            for (MarcRecord rec : r) {
                out.add(rec);
            }
            return out;
        }
    }

    @Test
    void syntheticCorpusIsDeterministicAndReadsBackWithSequenceNumbers() throws IOException {
        Path again = SyntheticCorpus.write(tmp.resolve("again-1000.mrc"), 1_000);
        assertEquals(-1, Files.mismatch(synthetic1k, again), "same N, same bytes");
        List<MarcRecord> sources = SyntheticCorpus.sourceRecords();
        List<MarcRecord> recs = read(MarcReader.open(synthetic1k));
        assertEquals(1_000, recs.size());
        for (int i = 0; i < recs.size(); i++) {
            MarcRecord r = recs.get(i);
            assertEquals(SyntheticCorpus.controlNumber(i), r.controlNumber().orElseThrow());
            assertEquals(SyntheticCorpus.record(sources, i).fields(), r.fields(), "record " + i);
            assertTrue(r.diagnostics().isEmpty());
        }
    }

    @Test
    void hundredThousandSyntheticRecordsReadBackInOrder() throws IOException {
        List<MarcRecord> sources = SyntheticCorpus.sourceRecords();
        long n = 0;
        try (MarcReader r = MarcReader.open(synthetic100k)) {
            MarcRecord rec;
            while ((rec = r.read()) != null) {
                assertEquals(SyntheticCorpus.controlNumber(n), rec.controlNumber().orElseThrow());
                if (n % 997 == 0) {
                    assertEquals(SyntheticCorpus.record(sources, n).fields(), rec.fields(), "record " + n);
                }
                n++;
            }
            assertEquals(100_000, r.recordsRead());
        }
        assertEquals(100_000, n);
    }

    @Test
    void pathChannelAndInputStreamGiveTheSameRecords() throws IOException {
        Path file = DIR.resolve("traject__test_data.utf8.mrc");
        List<MarcRecord> fromPath = read(MarcReader.open(file));
        List<MarcRecord> fromChannel = read(MarcReader.builder().open(FileChannel.open(file)));
        // A stream that hands out a few bytes at a time, so records straddle reads.
        byte[] bytes = Files.readAllBytes(file);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        List<MarcRecord> fromStream = read(MarcReader.builder().open(trickle));
        assertEquals(30, fromPath.size());
        assertEquals(fromPath, fromChannel);
        assertEquals(fromPath, fromStream);
    }

    @Test
    void iteratorIsSingleUseAndEndsWithNoSuchElement() throws IOException {
        try (MarcReader r = MarcReader.open(DIR.resolve("marc4j__chabon.mrc"))) {
            Iterator<MarcRecord> it = r.iterator();
            assertTrue(it.hasNext());
            it.next();
            it.next();
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
            assertThrows(IllegalStateException.class, r::iterator);
            assertNull(r.read());
        }
    }

    @Test
    void streamCloseClosesTheChannel() throws IOException {
        FileChannel ch = FileChannel.open(DIR.resolve("marc4j__chabon.mrc"), StandardOpenOption.READ);
        MarcReader r = MarcReader.builder().open(ch);
        try (Stream<MarcRecord> s = r.stream()) {
            assertEquals(2, s.count());
        }
        assertFalse(ch.isOpen());
    }

    @Test
    void keepOpenLeavesTheCallersChannelOpen() throws IOException {
        try (FileChannel ch = FileChannel.open(DIR.resolve("marc4j__chabon.mrc"), StandardOpenOption.READ)) {
            MarcReader r = MarcReader.builder().keepOpen(true).open(ch);
            try (Stream<MarcRecord> s = r.stream()) {
                assertEquals(List.of("11939876", "12883376"),
                        s.map(m -> m.controlNumber().orElseThrow()).toList());
            }
            assertTrue(ch.isOpen());
        }
    }

    @Test
    void readerOverACallersChannelClosesItByDefault() throws IOException {
        FileChannel ch = FileChannel.open(DIR.resolve("marc4j__chabon.mrc"), StandardOpenOption.READ);
        MarcReader.builder().open(ch).close();
        assertFalse(ch.isOpen());
    }

    @Test
    void guessEncodingReadsMislabelledUtf8AsUtf8WithAWarning() throws IOException {
        MarcRecord flagged = read(MarcReader.open(DIR.resolve("pymarc__utf8_with_leader_flag.dat"))).getFirst();
        MarcRecord guessed = read(MarcReader.builder().guessEncoding(true)
                .open(DIR.resolve("pymarc__utf8_without_leader_flag.dat"))).getFirst();
        assertEquals(' ', guessed.leader().characterCodingScheme());
        assertEquals(flagged.fields(), guessed.fields());
        assertEquals(1, guessed.diagnostics().size());
        Diagnostic d = guessed.diagnostics().getFirst();
        assertEquals(ErrorCode.ENCODING_GUESSED, d.code());
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(9, d.byteOffset(), "points at leader/09");
        // Without guessing, the same bytes are read as MARC-8: they are not valid MARC-8, so a
        // lenient reader reports it and the text differs.
        MarcRecord asLabelled = read(MarcReader.builder().lenient(true)
                .open(DIR.resolve("pymarc__utf8_without_leader_flag.dat"))).getFirst();
        assertNotEquals(flagged.fields(), asLabelled.fields());
        // The file's only bytes above 0x7F are six UTF-8 pairs (0xCC 0x80, 0xCC 0x81: combining
        // grave and acute) in a 240, a 500 and a 730; as MARC-8, 0xCC is not in ANSEL and 0x80,
        // 0x81 are no character: one INVALID_MARC8 per byte, at that byte.
        byte[] bytes = Files.readAllBytes(DIR.resolve("pymarc__utf8_without_leader_flag.dat"));
        List<Long> high = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0x80) != 0) {
                high.add((long) i);
            }
        }
        assertEquals(List.of(662L, 663L, 678L, 679L, 875L, 876L, 891L, 892L, 1056L, 1057L, 1072L, 1073L), high);
        assertEquals(high, asLabelled.diagnostics().stream().map(Diagnostic::byteOffset).toList());
        assertEquals(List.of(ErrorCode.INVALID_MARC8), asLabelled.diagnostics().stream().map(Diagnostic::code).distinct().toList());
        assertEquals(List.of("240", "240", "240", "240", "500", "500", "500", "500", "730", "730", "730", "730"),
                asLabelled.diagnostics().stream().map(Diagnostic::tag).toList());
    }

    @Test
    void encodingOverrideUtf8AndLatin1() throws IOException {
        Path file = DIR.resolve("pymarc__utf8_without_leader_flag.dat");
        MarcRecord flagged = read(MarcReader.open(DIR.resolve("pymarc__utf8_with_leader_flag.dat"))).getFirst();
        MarcRecord utf8 = read(MarcReader.builder().encoding(MarcEncoding.UTF_8).open(file)).getFirst();
        assertEquals(flagged.fields(), utf8.fields());
        assertTrue(utf8.diagnostics().isEmpty(), "an explicit encoding is no guess");
        MarcRecord latin1 = read(MarcReader.builder().encoding(MarcEncoding.LATIN_1).open(file)).getFirst();
        byte[] bytes = Files.readAllBytes(file);
        String all = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String v : latin1.values("245$a")) {
            assertTrue(all.contains(v), "Latin-1 maps each byte to one char: " + v);
        }
        assertNotEquals(utf8.fields(), latin1.fields());
    }

    @Test
    void invalidUtf8StrictErrorPosition() throws IOException {
        Path file = DIR.resolve("ruby-marc__utf8_with_bad_bytes.marc");
        MarcParseException e = assertThrows(MarcParseException.class, () -> read(MarcReader.open(file)));
        assertEquals(ErrorCode.INVALID_UTF8, e.code());
        assertEquals(0, e.recordIndex());
        assertEquals("245", e.tag());
        byte[] b = Files.readAllBytes(file);
        assertEquals(MalformedFilesTest.firstInvalidUtf8(b, 0), e.byteOffset());
        assertEquals(0xC3, b[(int) e.byteOffset()] & 0xFF);
    }

    @Test
    void invalidUtf8LenientSubstitutesAndReports() throws IOException {
        Path file = DIR.resolve("ruby-marc__utf8_with_bad_bytes.marc");
        MarcRecord rec = read(MarcReader.builder().lenient(true).open(file)).getFirst();
        assertEquals(1, rec.diagnostics().size());
        Diagnostic d = rec.diagnostics().getFirst();
        assertEquals(ErrorCode.INVALID_UTF8, d.code());
        assertEquals(Severity.ERROR, d.severity());
        assertEquals("245", d.tag());
        assertTrue(rec.values("245").getFirst().contains("\uFFFD"));
        assertTrue(rec.hasErrors());
    }

    @Test
    void limitsNameTheSettingInStrictErrors() throws IOException {
        Path file = DIR.resolve("marc4j__summerland.mrc");
        MarcParseException bytes = assertThrows(MarcParseException.class, () -> read(MarcReader.builder()
                .limits(Limits.builder().maxRecordBytes(500).build()).open(file)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, bytes.code());
        assertTrue(bytes.getMessage().contains("Limits.maxRecordBytes"), bytes.getMessage());
        MarcParseException fields = assertThrows(MarcParseException.class, () -> read(MarcReader.builder()
                .limits(Limits.builder().maxFieldsPerRecord(5).build()).open(file)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, fields.code());
        assertTrue(fields.getMessage().contains("Limits.maxFieldsPerRecord"), fields.getMessage());
        MarcParseException subs = assertThrows(MarcParseException.class, () -> read(MarcReader.builder()
                .limits(Limits.builder().maxSubfieldsPerField(2).build()).open(file)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, subs.code());
        assertTrue(subs.getMessage().contains("Limits.maxSubfieldsPerField"), subs.getMessage());
        assertEquals("040", subs.tag(), "040 has three subfields");
    }

    @Test
    void lenientLimitsKeepTheRecordWithADiagnostic() throws IOException {
        MarcRecord rec = read(MarcReader.builder().lenient(true)
                .limits(Limits.builder().maxFieldsPerRecord(5).build())
                .open(DIR.resolve("marc4j__summerland.mrc"))).getFirst();
        assertEquals(5, rec.fields().size());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, rec.diagnostics().getFirst().code());
    }

    @Test
    void diagnosticsAreCappedPerRecord() throws IOException {
        MarcRecord rec = read(MarcReader.builder().lenient(true).maxDiagnosticsPerRecord(3)
                .open(DIR.resolve("marc4j__bad_hathi_records.mrc"))).get(3);
        assertEquals(4, rec.diagnostics().size());
        assertEquals(ErrorCode.DIAGNOSTICS_TRUNCATED, rec.diagnostics().getLast().code());
    }

    @Test
    void optionsAndLimitsValidationMessages() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> Limits.builder().maxRecordBytes(24));
        assertEquals("'maxRecordBytes' must be at least 25, was 24", a.getMessage());
        assertEquals("'maxFieldsPerRecord' must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Limits.builder().maxFieldsPerRecord(0)).getMessage());
        assertEquals("'maxSubfieldsPerField' must be at least 1, was -1",
                assertThrows(IllegalArgumentException.class, () -> Limits.builder().maxSubfieldsPerField(-1)).getMessage());
        assertEquals("'maxDiagnosticsPerRecord' must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class,
                        () -> ReaderOptions.builder().maxDiagnosticsPerRecord(0).build()).getMessage());
        assertEquals("guessEncoding(true) needs encoding(AUTO), but encoding is UTF_8",
                assertThrows(IllegalStateException.class,
                        () -> ReaderOptions.builder().guessEncoding(true).encoding(MarcEncoding.UTF_8).build()).getMessage());
        assertThrows(NullPointerException.class, () -> ReaderOptions.builder().limits(null));
        ReaderOptions o = ReaderOptions.DEFAULTS.toBuilder().lenient(true).build();
        assertTrue(o.lenient());
        assertEquals(ReaderOptions.DEFAULTS.limits(), o.limits());
        assertFalse(ReaderOptions.DEFAULTS.lenient());
    }

    /// Every bound can be set by its name: `settings()` names each accessor (and nothing else that
    /// returns a bound), in declaration order, and `set(name, v)` is the named builder method.
    @Test
    void limitsAreSetByName() throws Exception {
        List<String> accessors = java.util.Arrays.stream(Limits.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())
                        && !java.lang.reflect.Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && m.getReturnType() == int.class && !m.getName().equals("hashCode"))
                .map(java.lang.reflect.Method::getName).sorted().toList();
        assertEquals(List.of("maxRecordBytes", "maxFieldsPerRecord", "maxSubfieldsPerField", "maxTokenLength",
                "maxNameLength", "maxNestingDepth", "maxAttributesPerElement"), Limits.settings());
        assertEquals(accessors, Limits.settings().stream().sorted().toList());
        int value = 2000;
        for (String setting : Limits.settings()) {
            Limits byName = Limits.builder().set(setting, value).build();
            Limits byMethod = (Limits) ((Limits.Builder) Limits.Builder.class.getMethod(setting, int.class)
                    .invoke(Limits.builder(), value)).build();
            assertEquals(byMethod, byName, setting);
            assertEquals(value, Limits.class.getMethod(setting).invoke(byName), setting);
            value++;
        }
        assertEquals("Limits has no setting 'maxFields'; the settings are maxRecordBytes, maxFieldsPerRecord,"
                + " maxSubfieldsPerField, maxTokenLength, maxNameLength, maxNestingDepth, maxAttributesPerElement",
                assertThrows(IllegalArgumentException.class, () -> Limits.builder().set("maxFields", 5)).getMessage());
        assertEquals("'maxNestingDepth' must be at least 8, was 7",
                assertThrows(IllegalArgumentException.class, () -> Limits.builder().set("maxNestingDepth", 7))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> Limits.builder().set(null, 5));
        assertThrows(UnsupportedOperationException.class, () -> Limits.settings().add("x"));
    }

    @Test
    void aSettingGivenTwiceInConflictingWaysIsAnErrorNamingBoth() {
        IllegalStateException dropped = assertThrows(IllegalStateException.class,
                () -> MarcReader.builder().lenient(true).options(ReaderOptions.DEFAULTS));
        assertEquals("options(" + ReaderOptions.DEFAULTS + ") conflicts with lenient(true), given before: each setting"
                + " may be given once (lenient was true, now false)", dropped.getMessage());
        IllegalStateException after = assertThrows(IllegalStateException.class,
                () -> MarcReader.builder().options(ReaderOptions.DEFAULTS).lenient(true));
        assertEquals("lenient(true) conflicts with options(" + ReaderOptions.DEFAULTS + "), given before: each setting"
                + " may be given once (lenient was false, now true)", after.getMessage());
        IllegalStateException format = assertThrows(IllegalStateException.class,
                () -> MarcReader.builder().detectFormat().format(MarcFormat.MARCXML));
        assertEquals("format(MARCXML) conflicts with detectFormat(), given before: each setting may be given once"
                + " (format was detected, now MARCXML)", format.getMessage());
        // The same value twice, or options that agree with what was given, are fine.
        ReaderOptions lenient = ReaderOptions.builder().lenient(true).build();
        assertEquals(lenient, MarcReader.builder().lenient(true).options(lenient).lenient(true).readerOptions());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> MarcReader.builder().concurrency(0));
        assertEquals("'concurrency' must be at least 1, was 0", zero.getMessage());
    }

    @Test
    void rawRecordsCarryTheirBytesAndOffsets() throws IOException {
        Path file = DIR.resolve("marc4j__chabon.mrc");
        byte[] all = Files.readAllBytes(file);
        try (MarcReader r = MarcReader.open(file)) {
            RawRecord a = r.readRaw();
            RawRecord b = r.readRaw();
            assertNull(r.readRaw());
            assertEquals(0, a.offset());
            assertEquals(Bytes.number(all, 0, 5), b.offset());
        }
    }
}
