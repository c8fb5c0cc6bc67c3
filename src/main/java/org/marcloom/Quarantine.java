package org.marcloom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.marcloom.internal.QuarantineSink;

/// Keeps what a reader could not read as a record, instead of only logging it: the raw bytes of
/// every skipped region appended to a data file, and one JSON line per region in a sidecar file
/// next to it (`q.mrc` and `q.mrc.jsonl`).
///
/// {@snippet class="org.marcloom.snippets.QuarantineSnippets" region="quarantine"}
///
/// Each JSON line is `{"source":…,"offset":…,"length":…,"at":…,"diagnostics":[{"severity":…,
/// "code":…,"recordIndex":…,"byteOffset":…,"problem":…}]}`: the input's name, the region's byte
/// offset and length in the input, where its bytes start in the data file, and why it was skipped.
///
/// ## Guarantee (ISO 2709)
/// A lenient read to the end puts every input byte either into a record it returns (the bytes
/// [MarcReader#readRaw()] gives for it, at its offset) or into the quarantine: the records'
/// lengths plus the quarantined lengths are the input's size, and the regions and records are
/// contiguous in input order. The same with any [MarcReader.Builder#concurrency(int)]. Regions quarantined are
/// junk between records and bytes after the last record (whitespace included), each with its
/// `JUNK_SKIPPED` or `TRAILING_BYTES` diagnostic. A region is gathered until it ends, in memory up to
/// 4 MiB and beyond that in a temporary file, and then streamed into the quarantine.
///
/// ## Guarantee (MARC-in-JSON, MARCXML, MARCMaker)
/// A lenient read to the end puts every input byte into a record it returns (from the first byte
/// of its object, its `record` element or its first line to the last), into the quarantine, or
/// into the markup between records, which holds no record data: white space, and JSON's brackets
/// and commas, the XML prologue, comments, the collection's tags and any envelope around the
/// records (SRU, OAI-PMH), the blank lines of MARCMaker. Regions quarantined, each with the
/// diagnostics that say why:
/// - MARC-in-JSON: a value or object at record level that is no record, a record over
///   `Limits.maxRecordBytes`, a line of malformed JSON (from its first byte that is not white
///   space to the end of the line), and the rest of the input after an error that ends the read
///   (malformed JSON inside an array, content after it). The same with any concurrency.
/// - MARCXML: a `record` element in a foreign namespace, and the rest of the document from the
///   record in which it stops being well-formed (or from the end of the last record).
/// - MARCMaker: a run of lines before a record that are no field (a line that is no field inside
///   a record stays with the record, as its diagnostic says).
///
/// Records returned with repairs (a field skipped, a value cut, bad bytes replaced) are records:
/// their diagnostics say what was repaired. Memory stays bounded: the reader holds what may yet
/// be a region (the record being read, a region not yet ended, the markup since the last record)
/// in memory up to 4 MiB and the rest in a temporary file, deleted as soon as it is not needed,
/// and regions are streamed into the quarantine. MARC-in-JSON in UTF-16 or UTF-32, and
/// MARCXML that is in neither UTF-8 nor a one-byte encoding or that has a DTD, cannot be mapped to
/// byte offsets: `open` (MARC-in-JSON) or the first read (MARCXML) throws
/// [IllegalArgumentException] rather than quarantine nothing.
///
/// ## Threads
/// Thread-safe: several readers (on any threads) may share one quarantine; each region is
/// appended whole, and its line names its source. [#close()] flushes and closes both files.
public final class Quarantine implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path dataFile;
    private final Path indexFile;
    private final OutputStream data;
    private final OutputStream index;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long dataBytes;
    private long entries;
    private boolean closed;

    private Quarantine(Path dataFile, Path indexFile) throws IOException {
        this.dataFile = dataFile;
        this.indexFile = indexFile;
        OutputStream d = Files.newOutputStream(dataFile);
        try {
            this.index = new BufferedOutputStream(Files.newOutputStream(indexFile));
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        this.data = new BufferedOutputStream(d);
    }

    /// A quarantine writing the bytes to `dataFile` and the JSON lines to `dataFile` + `.jsonl`
    /// (both created or truncated).
    ///
    /// @param dataFile where the raw bytes go
    /// @return the quarantine, to close when the reading is done
    /// @throws IOException when a file cannot be created
    public static Quarantine toFiles(Path dataFile) throws IOException {
        Objects.requireNonNull(dataFile, "dataFile");
        return new Quarantine(dataFile, dataFile.resolveSibling(dataFile.getFileName() + ".jsonl"));
    }

    /// The file of raw bytes.
    ///
    /// @return the path given to [#toFiles(Path)]
    public Path dataFile() {
        return dataFile;
    }

    /// The sidecar of JSON lines, one per region.
    ///
    /// @return the data file's path with `.jsonl` appended
    public Path indexFile() {
        return indexFile;
    }

    /// How many regions were quarantined so far.
    ///
    /// @return the count
    public synchronized long entries() {
        return entries;
    }

    /// How many bytes were quarantined so far.
    ///
    /// @return the size of the data file once flushed
    public synchronized long bytes() {
        return dataBytes;
    }

    /// The reader's view: appends whole regions under this quarantine's lock.
    QuarantineSink sink() {
        return new QuarantineSink() {
            @Override
            public void put(String source, long offset, byte[] buf, int from, int length,
                            List<Diagnostic> diagnostics) {
                Quarantine.this.put(source, offset, buf, from, length, null, diagnostics);
            }

            @Override
            public void putToEnd(String source, long offset, byte[] buf, int from, int length,
                                 ReadableByteChannel rest, List<Diagnostic> diagnostics) throws IOException {
                Quarantine.this.put(source, offset, buf, from, length, rest, diagnostics);
            }
        };
    }

    /// Appends one region: `length` bytes of `buf`, then (when not `null`) all of `rest`, streamed.
    private synchronized void put(String source, long offset, byte[] buf, int from, int length,
                                  ReadableByteChannel rest, List<Diagnostic> diagnostics) throws UncheckedIOException {
        if (closed) {
            throw new IllegalStateException("the quarantine " + dataFile + " is closed");
        }
        try {
            data.write(buf, from, length);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the quarantine " + dataFile, e);
        }
        long total = length;
        UncheckedIOException readFailure = null;
        if (rest != null) {
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            while (true) {
                int n;
                try {
                    n = rest.read(b);
                } catch (IOException e) {
                    // what was copied stays listed (the line below), then the read error is thrown
                    readFailure = new UncheckedIOException("reading " + (source == null ? "the input" : source)
                            + " into the quarantine", e);
                    break;
                }
                if (n < 0) {
                    break;
                }
                try {
                    data.write(b.array(), 0, b.position());
                } catch (IOException e) {
                    throw new UncheckedIOException("writing the quarantine " + dataFile, e);
                }
                total += b.position();
                b.clear();
            }
        }
        try {
            line.reset();
            try (JsonGenerator g = JSON.createGenerator(line, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("source", source);
                g.writeNumberField("offset", offset);
                g.writeNumberField("length", total);
                g.writeNumberField("at", dataBytes);
                g.writeArrayFieldStart("diagnostics");
                for (Diagnostic d : diagnostics) {
                    g.writeStartObject();
                    g.writeStringField("severity", d.severity().name());
                    g.writeStringField("code", d.code().name());
                    g.writeNumberField("recordIndex", d.recordIndex());
                    g.writeNumberField("byteOffset", d.byteOffset());
                    if (d.line() >= 0) {
                        g.writeNumberField("line", d.line());
                        g.writeNumberField("column", d.column());
                    }
                    g.writeStringField("problem", d.problem());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            line.write('\n');
            line.writeTo(index);
            dataBytes += total;
            entries++;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the quarantine " + dataFile, e);
        }
        if (readFailure != null) {
            throw readFailure;
        }
    }

    @Override
    public String toString() {
        return "Quarantine[" + dataFile + "]";
    }

    /// Flushes both files to the operating system.
    ///
    /// @throws IOException when writing fails
    public synchronized void flush() throws IOException {
        data.flush();
        index.flush();
    }

    /// Flushes and closes both files. Idempotent.
    ///
    /// @throws IOException when writing or closing fails
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (data; index) {
            data.flush();
            index.flush();
        }
    }
}
