package org.marcloom.snippets;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Limits;
import org.marcloom.MarcFormat;
import org.marcloom.MarcParseException;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.record.MarcRecord;

/// Reading: the examples of `MarcReader`'s Javadoc, the README's quick start and
/// `docs/usage.md`. Each region is compiled here against the exported API only and run on a
/// fixture, and what it produced is checked.
class ReaderSnippets {

    /// 10 clean MARC-8 records, all language material (leader/06 `a`).
    static final Path CLEAN = Path.of("fixtures/iso2709/pymarc__test.dat");
    /// 10 records with a 0x1A byte (DOS end of file) after records 0, 3 and 6, at bytes 755, 2587
    /// and 4633.
    static final Path JUNK = Path.of("fixtures/iso2709/marc-perl__cameleof.usmarc");

    @TempDir
    Path tmp;

    // @start region="lenient"
    static List<String> titles(Path path, List<Diagnostic> problems) throws IOException {
        List<String> titles = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().lenient(true).open(path)) {
            for (MarcRecord rec : reader) {
                titles.add(rec.title().orElse("(no title)"));
                problems.addAll(rec.diagnostics());        // what was repaired, and where
            }
            problems.addAll(reader.trailingDiagnostics());  // bytes after the last record
        }
        return titles;
    }
    // @end

    @Test
    void lenient() throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        List<String> titles = titles(JUNK, problems);
        assertEquals(10, titles.size());
        assertEquals("Perl : programmer's reference", titles.get(2));
        assertEquals(List.of(ErrorCode.JUNK_SKIPPED, ErrorCode.JUNK_SKIPPED, ErrorCode.JUNK_SKIPPED),
                problems.stream().map(Diagnostic::code).toList());
        assertEquals(List.of(1L, 4L, 7L), problems.stream().map(Diagnostic::recordIndex).toList());
        assertEquals(List.of(755L, 2587L, 4633L), problems.stream().map(Diagnostic::byteOffset).toList());
    }

    // @start region="quickStart"
    static void toJsonLines(Path in, Path out) throws IOException {
        try (MarcReader reader = MarcReader.builder().lenient(true).open(in);
             MarcWriter writer = MarcWriter.builder().format(MarcFormat.MARC_JSON_LINES).open(out)) {
            for (MarcRecord rec : reader) {
                rec.diagnostics().forEach(System.err::println);   // lenient: what was repaired, and where
                System.out.println(rec.controlNumber().orElse("?") + "  " + rec.title().orElse(""));
                writer.write(rec);
            }
        }
    }
    // @end

    @Test
    void quickStart() throws Exception {
        Path out = tmp.resolve("records.ndjson");
        List<String> printed = Stdout.lines(() -> toJsonLines(CLEAN, out));
        assertEquals(10, printed.size());
        assertEquals("fol05731351   ActivePerl with ASP and ADO", printed.getFirst());
        assertEquals(10, Files.readAllLines(out).size());
        try (MarcReader back = MarcReader.builder().format(MarcFormat.MARC_JSON_LINES).open(out);
             MarcReader original = MarcReader.open(CLEAN)) {
            assertEquals(original.stream().toList(), back.stream().toList());
        }
    }

    @Test
    void readAll() throws Exception {
        Path path = CLEAN;
        List<String> printed = Stdout.lines(() -> {
            // @start region="readAll"
            try (MarcReader reader = MarcReader.open(path)) {
                for (MarcRecord rec : reader) {
                    System.out.println(rec.controlNumber().orElse("?") + "  " + rec.title().orElse(""));
                }
            }
            // @end
        });
        assertEquals(10, printed.size());
        assertEquals("fol05882032   Cross-platform Perl", printed.getLast());
    }

    @Test
    void stream() throws IOException {
        Path path = CLEAN;
        // @start region="stream"
        List<String> isbns;
        try (Stream<MarcRecord> records = MarcReader.open(path).stream()) {   // closing the stream closes the reader
            isbns = records
                    .filter(r -> r.leader().typeOfRecord() == 'a')
                    .flatMap(r -> r.isbns().stream())
                    .toList();
        }
        // @end
        assertEquals(List.of("0471383147 (paper/cd-rom : alk. paper)", "1565926994", "0072120002", "1565924193",
                "0596000138", "1565926099", "0596000278", "013020868X", "0764547291 (alk. paper)"), isbns);
    }

    @Test
    void raw() throws IOException {
        Path source = CLEAN;
        Path target = tmp.resolve("books.mrc");
        // @start region="raw"
        try (MarcReader in = MarcReader.open(source);
             FileChannel out = FileChannel.open(target, CREATE, TRUNCATE_EXISTING, WRITE)) {
            for (RawRecord raw; (raw = in.readRaw()) != null; ) {
                if (raw.byteAt(6) == 'a') {                  // leader/06: language material
                    out.write(raw.buffer());
                }
            }
        }
        // @end
        assertEquals(-1, Files.mismatch(source, target), "every record of the file is language material");
    }

    // @start region="strict"
    static String check(Path path) throws IOException {
        try (MarcReader reader = MarcReader.open(path)) {     // strict: the first data error throws
            return reader.stream().count() + " records";
        } catch (MarcParseException e) {
            return e.code() + " at record " + e.recordIndex() + ", byte " + e.byteOffset();
        }
    }
    // @end

    @Test
    void strict() throws IOException {
        assertEquals("10 records", check(CLEAN));
        assertEquals("RECORD_LENGTH_INVALID at record 1, byte 755", check(JUNK));
    }

    @Test
    void options() throws IOException {
        Path path = CLEAN;
        // @start region="options"
        ReaderOptions options = ReaderOptions.builder()
                .lenient(true)
                .guessEncoding(true)            // leader/09 lies? use what the bytes say, with a warning
                .normalizeNfc(true)
                .limits(Limits.builder().maxRecordBytes(1 << 20).build())
                .build();
        MarcReader.Builder readers = MarcReader.builder().options(options);   // opens any number of readers
        // @end
        try (MarcReader a = readers.open(path); MarcReader b = readers.open(path)) {
            assertEquals(options, a.options());
            assertEquals(options, b.options());
            assertEquals(1 << 20, a.options().limits().maxRecordBytes());
            assertEquals(a.stream().toList(), b.stream().toList());
        }
    }
}
