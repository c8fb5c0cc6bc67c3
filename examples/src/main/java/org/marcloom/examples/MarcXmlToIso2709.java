package org.marcloom.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.MarcRecord;

/// Converts MARCXML to ISO 2709 (UTF-8), then reads both files again side by side to show that
/// every record came through unchanged.
///
/// The XML is streamed: a `collection` of any size is read one record at a time, and records
/// inside an envelope (an SRU or OAI-PMH response) are found too. The writer computes each
/// record's lengths and directory in bytes and refuses, with a `MarcWriteException` naming the
/// record, one that ISO 2709 cannot hold (over 99,999 bytes, say).
///
/// Run from the checkout's top folder (default: `fixtures/xml/traject__test_data.utf8.marc.xml`,
/// written to `target/examples/test_data.mrc`):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.MarcXmlToIso2709 [in.xml] [out.mrc]`
public final class MarcXmlToIso2709 {

    private MarcXmlToIso2709() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "fixtures/xml/traject__test_data.utf8.marc.xml");
        Path out = Path.of(args.length > 1 ? args[1] : "target/examples/test_data.mrc");
        Files.createDirectories(out.toAbsolutePath().getParent());
        MarcReader.Builder xml = MarcReader.builder().format(MarcFormat.MARCXML);

        try (MarcReader reader = xml.open(in);
             MarcWriter writer = MarcWriter.builder().format(MarcFormat.ISO_2709).open(out)) {
            for (MarcRecord record : reader) {
                writer.write(record);
            }
        }
        System.out.printf("%s (%d bytes) -> %s (%d bytes)%n", in, Files.size(in), out, Files.size(out));

        // Read the XML and the new file side by side: the same fields, in the same order. The
        // leaders differ where ISO 2709 stores the record length and the base address of data.
        long records = 0;
        long equal = 0;
        try (MarcReader fromXml = xml.open(in); MarcReader fromIso = MarcReader.open(out)) {
            Iterator<MarcRecord> iso = fromIso.iterator();
            for (MarcRecord a : fromXml) {
                MarcRecord b = iso.next();
                records++;
                if (a.fields().equals(b.fields())) {
                    equal++;
                }
                if (records == 1) {
                    System.out.println("first record: 001 " + b.controlNumber().orElse("missing") + ", "
                            + b.fields().size() + " fields, title: " + b.title().orElse(""));
                    System.out.println("  leader in MARCXML: " + a.leader() + ", in ISO 2709: " + b.leader());
                }
            }
            System.out.printf("%d records written; %d read back with the same fields%s%n", records, equal,
                    iso.hasNext() ? " (and more records than the XML had)" : "");
        }
    }
}
