package org.marcloom.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.Diagnostic;
import org.marcloom.Limits;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.Quarantine;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.QuarantineSink;
import org.marcloom.internal.RecordSource;
import org.marcloom.internal.Sources;
import org.marcloom.internal.parallel.ParallelSource;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.BytesChannel;
import org.marcloom.testing.QuarantineTiles;
import org.marcloom.testing.QuarantineTiles.Recording;
import org.marcloom.testing.QuarantineTiles.Result;
import org.marcloom.testing.QuarantineTiles.Span;

/// The quarantine of the text formats (MARC-in-JSON, MARCXML, MARCMaker): a lenient read of a
/// damaged file puts every byte into a record read (its span, from the first byte of its object,
/// element or first line to its last), into a quarantined region, or into markup between them
/// (white space; JSON's brackets and commas; the XML prologue, comments and the wrapper's tags),
/// and the regions are the same for any read size and, for MARC-in-JSON, any concurrency.
class TextQuarantineTest {

    @TempDir
    Path dir;

    static final Limits LIMITS = Limits.builder().maxRecordBytes(4_000).build();
    static final ReaderOptions LENIENT = ReaderOptions.builder().lenient(true).limits(LIMITS).build();

    static Result read(MarcFormat format, byte[] input, int perRead, int concurrency) {
        return QuarantineTiles.read(format, LENIENT, input, perRead, concurrency);
    }

    static void assertTiles(MarcFormat format, byte[] input, Result result) {
        QuarantineTiles.assertTiles(format, input, result);
    }

    // ------------------------------------------------------------------ damaged inputs

    static List<String> recordTexts(MarcFormat format, int count) {
        List<String> out = new ArrayList<>();
        for (MarcRecord r : Corpus.records().subList(0, count)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (MarcWriter w = MarcWriter.builder().format(format).open(b)) {
                w.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(b.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    /// NDJSON: good records with, between them, malformed lines, values and objects that are no
    /// record, records over the limit, bad UTF-8 inside a record, and a truncated last line.
    static byte[] damagedJsonLines(long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> lines = recordTexts(MarcFormat.MARC_JSON_LINES, 120);
        for (String line : lines) {
            String text = line;
            switch (random.nextInt(10)) {
                case 0 -> out.writeBytes("{\"leader\": \"broken\n".getBytes(StandardCharsets.UTF_8));
                case 1 -> out.writeBytes("42 \"a string\" [1, 2]\n".getBytes(StandardCharsets.UTF_8));
                case 2 -> out.writeBytes("{\"note\": \"not a record\"}\n".getBytes(StandardCharsets.UTF_8));
                case 3 -> text = text.replace("\"fields\":[", "\"fields\":[{\"500\":{\"subfields\":[{\"a\":\""
                        + "x".repeat(5_000) + "\"}]}},");
                case 4 -> {
                    int at = text.indexOf("\"a\":\"") + 5;
                    out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    out.write(0xFF);
                    out.write(0xC3);
                    text = text.substring(at);
                }
                case 5 -> text = text.substring(0, text.length() / 2) + "\n";
                case 6 -> out.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
                default -> {
                }
            }
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("{\"leader\": \"cut off at the end".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /// A JSON array with values that are no record, a record over the limit, then malformed JSON
    /// that gives up the rest of the array.
    static byte[] damagedJsonArray(long seed) {
        Random random = new Random(seed);
        List<String> records = recordTexts(MarcFormat.MARC_JSON_LINES, 40);
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < records.size(); i++) {
            String r = records.get(i).strip();
            switch (random.nextInt(6)) {
                case 0 -> sb.append("17, ");
                case 1 -> sb.append("{\"note\": 1},\n");
                case 2 -> r = r.replace("\"fields\":[", "\"fields\":[{\"500\":{\"subfields\":[{\"a\":\""
                        + "y".repeat(4_500) + "\"}]}},");
                default -> {
                }
            }
            sb.append(r).append(i == 30 ? ",\n{\"leader\" \"no colon\"},\n" : ",\n");
        }
        sb.append("]\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /// MARCMaker: junk lines between records (quarantined) and inside them (the record keeps them),
    /// bad UTF-8, a record over the limit.
    static byte[] damagedMrk(long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (String r : recordTexts(MarcFormat.MARCMAKER, 80)) {
            String text = r;
            switch (random.nextInt(7)) {
                case 0 -> out.writeBytes("this line is no field\r\n=1\n".getBytes(StandardCharsets.UTF_8));
                case 1 -> text = text.replaceFirst("\n=", "\nnot a field inside a record\n=");
                case 2 -> text = text.replace("\n=245", "\n=500  \\\\$a" + "z".repeat(4_100) + "\n=245");
                case 3 -> out.writeBytes(new byte[] {'j', 'u', 'n', 'k', (byte) 0xFF, '\n'});
                case 4 -> out.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
                default -> {
                }
            }
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("trailing junk\nmore".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /// MARCXML: records, non-ASCII text (two-unit and bad UTF-8 characters among them), a record in
    /// a mistyped namespace, comments, then a malformed record that ends the document.
    static byte[] damagedXml(long seed, boolean crlf) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\" xmlns:m=\"http://www.loc.gov/MARC21/slimm\">\n");
        String marker = "\u0000BAD\u0000";
        for (String r : recordTexts(MarcFormat.MARCXML, 60)) {
            String rec = r.substring(r.indexOf("<record"), r.lastIndexOf("</record>") + 9);
            switch (random.nextInt(6)) {
                case 0 -> sb.append("<m:record><m:leader>00000nam a2200000 a 4500</m:leader></m:record>\n");
                case 1 -> sb.append("<!-- a comment with </record> inside -->\n");
                case 2 -> rec = rec.replaceFirst("<subfield code=\"a\">", "<subfield code=\"a\">\uD83C\uDFB7 caf\u00E9 ");
                case 3 -> rec = rec.replaceFirst("<subfield code=\"a\">", "<subfield code=\"a\">" + marker);
                default -> {
                }
            }
            sb.append(rec).append('\n');
        }
        sb.append("<record><leader>00000nam a2200000 a 4500</leader><datafield tag=\"245\"></record>\n</collection>\n");
        String text = crlf ? sb.toString().replace("\n", "\r\n") : sb.toString();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // the marker becomes a bad byte and a lone continuation byte
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (i + m.length <= utf8.length && Arrays.equals(utf8, i, i + m.length, m, 0, m.length)) {
                out.write(0xFE);
                out.write(0x80);
                i += m.length - 1;
            } else {
                out.write(utf8[i]);
            }
        }
        return out.toByteArray();
    }

    static Stream<Object[]> damaged() {
        List<Object[]> cases = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            cases.add(new Object[] {"json lines " + seed, MarcFormat.MARC_JSON_LINES, damagedJsonLines(seed)});
            cases.add(new Object[] {"json array " + seed, MarcFormat.MARC_JSON, damagedJsonArray(seed)});
            cases.add(new Object[] {"mrk " + seed, MarcFormat.MARCMAKER, damagedMrk(seed)});
            cases.add(new Object[] {"xml " + seed, MarcFormat.MARCXML, damagedXml(seed, seed == 2)});
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void everyByteIsInARecordARegionOrMarkupWhateverTheReadSize(String name, MarcFormat format, byte[] input) {
        Result whole = read(format, input, 0, 1);
        assertTiles(format, input, whole);
        assertTrue(whole.regions().size() >= 3, name + ": " + whole.regions().size() + " regions");
        if (format != MarcFormat.MARCMAKER && format != MarcFormat.MARC_JSON_LINES) {
            // the array's malformed element and the document's broken record give up the rest
            Span last = whole.regions().getLast();
            assertEquals(input.length, last.offset() + last.length(), name + ": " + last);
            assertEquals(List.of("SYNTAX_ERROR"), last.codes(), name);
        }
        for (int perRead : new int[] {1, 7, 4_093}) {
            assertEquals(whole, read(format, input, perRead, 1), name + ", " + perRead + " bytes per read");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void jsonRegionsAreTheSameAtEveryConcurrency(String name, MarcFormat format, byte[] input) {
        if (format != MarcFormat.MARC_JSON_LINES && format != MarcFormat.MARC_JSON) {
            return;
        }
        Result sequential = read(format, input, 0, 1);
        for (int n : new int[] {2, 4}) {
            Result parallel = read(format, input, 0, n);
            assertEquals(sequential.records(), parallel.records(), name + ", concurrency " + n);
            assertEquals(sequential.regions(), parallel.regions(), name + ", concurrency " + n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aWellFormedFixtureQuarantinesNothing(Path file) throws IOException {
        MarcFormat format = file.toString().endsWith(".xml") ? MarcFormat.MARCXML
                : file.toString().contains("/json/") ? MarcFormat.MARC_JSON : MarcFormat.MARCMAKER;
        byte[] input = Files.readAllBytes(file);
        Recording sink = new Recording();
        long records = 0;
        try (RecordSource source = Sources.create(format, ReaderOptions.builder().lenient(true).build(),
                new BytesChannel(input), "in", true, 1, null, sink)) {
            while (source.next() != null) {
                records++;
            }
        } catch (IllegalArgumentException refused) {
            // a document the quarantine cannot map to bytes (UTF-16, a DTD): said at the first read
            assertTrue(refused.getMessage().startsWith("quarantine(...) keeps the bytes of"), refused.getMessage());
            return;
        }
        Result result = new Result(records, List.copyOf(sink.spans));
        assertTiles(format, input, result);
    }

    static Stream<Path> fixtures() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String folder : List.of("fixtures/json", "fixtures/mrk", "fixtures/xml")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(f -> !f.getFileName().toString().contains("bad")
                        && !f.getFileName().toString().contains("illegal")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @Test
    void theQuarantineFilesHoldTheRegionsWithTheirDiagnostics() throws IOException {
        byte[] input = damagedJsonLines(1);
        Path file = Files.write(dir.resolve("in.ndjson"), input);
        Result expected = read(MarcFormat.MARC_JSON_LINES, input, 0, 1);
        Path q = dir.resolve("q.ndjson");
        long records;
        try (Quarantine quarantine = Quarantine.toFiles(q);
             MarcReader reader = MarcReader.builder().format(MarcFormat.MARC_JSON_LINES).lenient(true).limits(LIMITS)
                     .quarantine(quarantine).sourceName("in").open(file)) {
            records = reader.stream().count();
        }
        assertEquals(expected.records(), records);
        List<QuarantineTest.Entry> entries = QuarantineTest.entries(Path.of(q + ".jsonl"));
        List<Span> regions = expected.regions();
        assertEquals(regions.size(), entries.size());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < regions.size(); i++) {
            Span s = regions.get(i);
            assertEquals(new QuarantineTest.Entry("in", s.offset(), (int) s.length(), data.size(), s.codes()),
                    entries.get(i));
            data.writeBytes(s.bytes());
        }
        assertArrayEquals(data.toByteArray(), Files.readAllBytes(q));
    }

    @Test
    void aMalformedMarcXmlDocumentQuarantinesTheRestFromTheRecordItBreaksIn() throws IOException {
        String good = "<record><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">caf\u00E9</controlfield></record>";
        String broken = "<record><leader>00000nam a2200000 a 4500</leader><datafield tag=\"245\"></record>";
        String doc = "<collection>\n" + good + "\n" + broken + "\n" + good + "\n</collection>\n";
        byte[] input = doc.getBytes(StandardCharsets.UTF_8);
        Result r = read(MarcFormat.MARCXML, input, 0, 1);
        int start = doc.indexOf(broken) + 1; // one two-byte character before it
        assertEquals(List.of(new Span(13, good.length() + 1, null, List.of()),
                new Span(start, input.length - start, Arrays.copyOfRange(input, start, input.length),
                        List.of("SYNTAX_ERROR"))), r.spans());
    }

    @Test
    void theRestGivenUpStartsAtItsFirstByteThatIsNotWhiteSpaceWhateverWasReadAhead() {
        String good = "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[]}";
        String text = "[" + good + ", {\"leader\" oops}" + " ".repeat(70_000) + "\n tail]";
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        int from = 1 + good.length(); // the comma after the record: no white space, so not markup here
        Span rest = new Span(from, input.length - from, Arrays.copyOfRange(input, from, input.length),
                List.of("SYNTAX_ERROR"));
        for (int perRead : new int[] {0, 1, 5, 60_000}) {
            assertEquals(List.of(new Span(1, good.length(), null, List.of()), rest),
                    read(MarcFormat.MARC_JSON, input, perRead, 1).spans(), perRead + " bytes a read");
        }
        String ws = "[" + good + "]" + " ".repeat(70_000) + "\n x";
        byte[] after = ws.getBytes(StandardCharsets.UTF_8);
        int x = ws.indexOf('x');
        for (int perRead : new int[] {0, 1, 5, 60_000}) {
            assertEquals(List.of(new Span(1, good.length(), null, List.of()),
                            new Span(x, 1, new byte[] {'x'}, List.of("SYNTAX_ERROR"))),
                    read(MarcFormat.MARC_JSON, after, perRead, 1).spans(), perRead + " bytes a read");
        }
    }

    @Test
    void aLatin1DocumentMapsOneCharacterToOneByte() {
        String good = "<record><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">caf\u00E9 \u00E0 la carte</controlfield></record>";
        String foreign = "<m:record xmlns:m=\"urn:x\"><m:leader>00000nam a2200000 a 4500</m:leader></m:record>";
        String doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<collection>" + good + foreign + good
                + "</collection>";
        byte[] input = doc.getBytes(StandardCharsets.ISO_8859_1);
        Result r = read(MarcFormat.MARCXML, input, 0, 1);
        int first = doc.indexOf(good);
        int f = doc.indexOf(foreign);
        assertEquals(List.of(new Span(first, good.length(), null, List.of()),
                new Span(f, foreign.length(), foreign.getBytes(StandardCharsets.ISO_8859_1), List.of("STRUCTURE_INVALID")),
                new Span(f + foreign.length(), good.length(), null, List.of())), r.spans());
        assertTiles(MarcFormat.MARCXML, input, r);
    }

    @Test
    void aUtf16MarcXmlDocumentIsRefusedAtTheFirstRead() throws IOException {
        byte[] utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><collection/>".getBytes(StandardCharsets.UTF_16);
        Path file = Files.write(dir.resolve("utf16.xml"), utf16);
        try (Quarantine quarantine = Quarantine.toFiles(dir.resolve("q"));
             MarcReader reader = MarcReader.builder().format(MarcFormat.MARCXML).lenient(true).quarantine(quarantine)
                     .sourceName("utf16.xml").open(file)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, reader::read);
            assertEquals("quarantine(...) keeps the bytes of MARCXML in UTF-8 or a one-byte encoding read without a"
                    + " DTD; utf16.xml is in UTF-16BE", e.getMessage());
        }
    }

    @Test
    void aStringAtRecordLevelIsARegionUpToItsClosingQuote() {
        String good = "{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[]}";
        String text = "[\"one\" , " + good + ",\n  \"two \\\" \\u0041\"\n]";
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Result r = read(MarcFormat.MARC_JSON, input, 0, 1);
        int two = text.indexOf("\"two");
        int twoEnd = text.lastIndexOf('"') + 1;
        assertEquals(List.of(new Span(1, 5, "\"one\"".getBytes(StandardCharsets.UTF_8), List.of("STRUCTURE_INVALID")),
                new Span(text.indexOf(good), good.length(), null, List.of()),
                new Span(two, twoEnd - two, text.substring(two, twoEnd).getBytes(StandardCharsets.UTF_8),
                        List.of("STRUCTURE_INVALID"))), r.spans());
    }

    @Test
    void aMarcMakerRunOfLinesBeforeARecordIsOneRegion() {
        String text = "=LDR  00000nam\\\\2200000\\a\\4500\n=001  a\n\nno field\n=1\n\n=LDR  00000nam\\\\2200000\\a\\4500\n";
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Result r = read(MarcFormat.MARCMAKER, input, 0, 1);
        int junk = text.indexOf("no field");
        assertEquals(List.of(new Span(0, junk - 1, null, List.of()),
                new Span(junk, 12, "no field\n=1\n".getBytes(StandardCharsets.UTF_8),
                        List.of("SYNTAX_ERROR", "SYNTAX_ERROR")),
                new Span(junk + 13, text.length() - junk - 13, null, List.of())), r.spans());
    }

    @Test
    void aUtf16JsonInputIsRefusedRatherThanQuarantinedWrongly() throws IOException {
        byte[] utf16 = "[{\"leader\":\"00000nam a2200000 a 4500\",\"fields\":[]}]".getBytes(StandardCharsets.UTF_16);
        Path file = Files.write(dir.resolve("utf16.json"), utf16);
        try (Quarantine quarantine = Quarantine.toFiles(dir.resolve("q"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarcReader.builder()
                    .format(MarcFormat.MARC_JSON).lenient(true).quarantine(quarantine).sourceName("utf16.json")
                    .open(file));
            assertEquals("quarantine(...) keeps the bytes of MARC-in-JSON in UTF-8 only; utf16.json starts like UTF-16"
                    + " or UTF-32", e.getMessage());
        }
    }
}
