package org.marcloom.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.WriterOptions;
import org.marcloom.record.MarcRecord;

/// Shared helpers for the MARCXML tests.
final class XmlTestSupport {

    static final Path FIXTURES = Path.of("fixtures/xml");

    private XmlTestSupport() {
    }

    static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    static List<MarcRecord> readAll(Path path, boolean lenient) throws IOException {
        try (MarcReader r = MarcReader.builder().format(MarcFormat.MARCXML).lenient(lenient).open(path)) {
            List<MarcRecord> out = new ArrayList<>();
            for (MarcRecord rec : r) {
                out.add(rec);
            }
            return out;
        }
    }

    static MarcReader reader(String xml, boolean lenient) {
        return reader(xml.getBytes(StandardCharsets.UTF_8), lenient);
    }

    static MarcReader reader(byte[] xml, boolean lenient) {
        return MarcReader.builder().format(MarcFormat.MARCXML).lenient(lenient).open(new ByteArrayInputStream(xml));
    }

    static List<MarcRecord> readAll(String xml, boolean lenient) {
        return readAll(xml.getBytes(StandardCharsets.UTF_8), lenient);
    }

    static List<MarcRecord> readAll(byte[] xml, boolean lenient) {
        try (MarcReader r = reader(xml, lenient)) {
            List<MarcRecord> out = new ArrayList<>();
            for (MarcRecord rec : r) {
                out.add(rec);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(List<MarcRecord> records, boolean indent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(MarcFormat.MARCXML)
                .options(WriterOptions.builder().indent(indent).build()).open(out)) {
            for (MarcRecord r : records) {
                w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /// A MARCXML document around the given record elements, in the MARC namespace.
    static String collection(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n"
                + body + "\n</collection>\n";
    }

    static InputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
