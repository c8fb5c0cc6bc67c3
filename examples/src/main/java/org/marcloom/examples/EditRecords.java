package org.marcloom.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;

/// Edits every record of a file and writes the result: drops the local 9XX fields, adds a 500
/// note, keeps only the ISBN itself in each 020 $a (`0060933259 (pbk.) :` becomes `0060933259`),
/// and puts the fields in tag order.
///
/// Records are immutable: `toBuilder()` gives a builder with the record's fields, the edits
/// change the builder, and `build()` makes a new record. The original is unchanged (the example
/// shows it), so records can be shared between threads and edited without locks.
///
/// Run from the checkout's top folder (default:
/// `fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc`, written to `target/examples/edited.mrc`):
/// `java -cp examples/target/marcloom-examples.jar org.marcloom.examples.EditRecords [in.mrc] [out.mrc]`
public final class EditRecords {

    private EditRecords() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc");
        Path out = Path.of(args.length > 1 ? args[1] : "target/examples/edited.mrc");
        Files.createDirectories(out.toAbsolutePath().getParent());

        long records = 0;
        long dropped = 0;
        long shortened = 0;
        MarcRecord shownBefore = null;
        MarcRecord shownAfter = null;
        try (MarcReader reader = MarcReader.open(in);
             MarcWriter writer = MarcWriter.builder().open(out)) {
            for (MarcRecord record : reader) {
                MarcRecord edited = edit(record);
                writer.write(edited);
                records++;
                dropped += record.fields("9XX").size();
                long changed = record.values("020$a").stream().filter(v -> !v.equals(isbn(v))).count();
                shortened += changed;
                if (shownBefore == null && changed > 0 && !record.fields("9XX").isEmpty()) {
                    shownBefore = record;
                    shownAfter = edited;
                }
            }
        }
        System.out.printf("%s -> %s: %d records edited, %d 9XX fields dropped, %d ISBNs shortened%n", in, out,
                records, dropped, shortened);
        if (shownBefore != null) {
            System.out.println("before:");
            System.out.println(shownBefore);
            System.out.println("after:");
            System.out.println(shownAfter);
            System.out.println("the original still has its " + shownBefore.fields("9XX").size() + " 9XX fields");
        }
    }

    /// The edits, on a copy of `record`.
    static MarcRecord edit(MarcRecord record) {
        return record.toBuilder()
                .removeAll("9XX")                                               // drop local fields
                .add(DataField.builder("500").indicators(' ', ' ')
                        .subfield('a', "Edited with marcloom.").build())          // add a note
                .replaceAll(EditRecords::isbnOnly)                                // change a subfield
                .sortByTag()                                                      // reorder; stable
                .build();
    }

    /// A 020 field with only the ISBN in each $a; any other field as it is.
    private static Field isbnOnly(Field field) {
        if (field instanceof DataField d && d.tag().equals("020")) {
            return d.toBuilder().replaceValues('a', EditRecords::isbn).build();
        }
        return field;
    }

    /// The first word of a 020 $a: `0060933259 (pbk.) :` gives `0060933259`.
    private static String isbn(String value) {
        return value.strip().split(" ", 2)[0];
    }
}
