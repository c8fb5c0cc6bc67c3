package org.marcloom.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Converts a MARC-8 file to UTF-8 ISO 2709.
///
/// The reader decodes each record as its leader/09 says (blank: MARC-8, `a`: UTF-8), so the
/// records in memory hold Unicode text whatever the input's encoding. The writer's default output
/// is UTF-8 with leader/09 set to `a`. The example prints leader/09 before and after, and the
/// first value with a character outside ASCII, as read back from the new file.
///
/// MARC-8 writes a diacritic as a combining mark before its letter; decoded, the mark follows the
/// letter as Unicode wants (`e` then U+0301), and the UTF-8 output keeps it that way. Readers can
/// compose such pairs (`é`, U+00E9) with `normalizeNfc(true)`.
///
/// Run from the checkout's top folder (default: `fixtures/iso2709/evergreen__lul_fre_100.mrc`,
/// written to `target/examples/lul_fre_100-utf8.mrc`):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.Marc8ToUtf8 [in.mrc] [out.mrc]`
public final class Marc8ToUtf8 {

    private Marc8ToUtf8() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "fixtures/iso2709/evergreen__lul_fre_100.mrc");
        Path out = Path.of(args.length > 1 ? args[1] : "target/examples/lul_fre_100-utf8.mrc");
        Files.createDirectories(out.toAbsolutePath().getParent());

        long records = 0;
        long sampleIndex = -1;       // the first record with a character outside ASCII
        MarcRecord sampleIn = null;
        try (MarcReader reader = MarcReader.open(in);
             MarcWriter writer = MarcWriter.builder().open(out)) {         // ISO 2709, UTF-8 by default
            for (MarcRecord record : reader) {
                if (sampleIn == null && firstNonAscii(record).isPresent()) {
                    sampleIndex = records;
                    sampleIn = record;
                }
                writer.write(record);
                records++;
            }
        }
        System.out.printf("%s (%d bytes) -> %s (%d bytes): %d records%n", in, Files.size(in), out, Files.size(out),
                records);
        if (sampleIn == null) {
            System.out.println("no value outside ASCII");
            return;
        }

        // Read the new file back: leader/09 is now 'a' and the values are the same text.
        MarcRecord sampleOut;
        try (MarcReader reader = MarcReader.open(out)) {
            sampleOut = reader.stream().skip(sampleIndex).findFirst().orElseThrow();
        }
        System.out.println("record " + sampleIndex + " (001 " + sampleIn.controlNumber().orElse("missing") + ")");
        System.out.println("  leader/09 before: '" + sampleIn.leader().characterCodingScheme() + "', after: '"
                + sampleOut.leader().characterCodingScheme() + "'");
        System.out.println("  first value outside ASCII: " + firstNonAscii(sampleOut).orElseThrow());
        System.out.println("  same fields after the conversion: " + sampleIn.fields().equals(sampleOut.fields()));
    }

    /// `TAG $c value (U+XXXX ...)` for the first subfield that holds a character outside ASCII,
    /// listing those characters.
    private static Optional<String> firstNonAscii(MarcRecord record) {
        for (DataField field : record.dataFields("...")) {
            for (Subfield s : field.subfields()) {
                int[] nonAscii = s.value().codePoints().filter(c -> c > 0x7F).toArray();
                if (nonAscii.length > 0) {
                    StringBuilder codes = new StringBuilder();
                    for (int c : nonAscii) {
                        codes.append(codes.isEmpty() ? "" : " ").append(String.format("U+%04X", c));
                    }
                    return Optional.of(field.tag() + " $" + s.code() + " " + s.value() + " (" + codes + ")");
                }
            }
        }
        return Optional.empty();
    }
}
