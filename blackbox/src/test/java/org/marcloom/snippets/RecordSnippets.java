package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.MarcSpec;

/// The record model: the examples of `MarcRecord`'s and `DataField`'s Javadoc and of
/// `docs/usage.md`, run on the first record of a fixture.
class RecordSnippets {

    static MarcRecord first() throws IOException {
        try (MarcReader reader = MarcReader.open(Path.of("fixtures/iso2709/pymarc__test.dat"))) {
            return reader.read();
        }
    }

    @Test
    void lookup() throws IOException {
        MarcRecord rec = first();
        // @start region="lookup"
        String title = rec.title().orElse("");              // 245 $a $b $n $p, ISBD punctuation trimmed
        List<String> topics = rec.values("650$a");          // every 650 $a, in field order
        List<DataField> subjects = rec.dataFields("6XX");   // X (or .) matches any character
        Optional<String> year = rec.value("008/07-10");     // characters 7 to 10 of the 008
        // @end
        assertEquals("ActivePerl with ASP and ADO", title);
        assertEquals(List.of("Perl (Computer program language)"), topics);
        assertEquals(List.of("650", "630", "630"), subjects.stream().map(DataField::tag).toList());
        assertEquals(Optional.of("2000"), year);
    }

    @Test
    void selectors() throws IOException {
        MarcRecord rec = first();
        // @start region="selectors"
        List<Field> fields = rec.fields("245");             // every 245 field
        List<DataField> subjects = rec.dataFields("6XX");   // subject fields: X or . is a wildcard
        List<String> codes = rec.values("050$ab");          // every 050 $a and $b value, in field order
        Optional<String> titleA = rec.value("245$a");       // the first 245 $a
        List<String> language = rec.values("008/35-37");    // characters 35-37 of the 008
        Optional<String> author = rec.mainAuthor();         // also title(), isbns(), issns(), subjects(),
                                                            // publisher(), publicationYear(), language()
        List<String> lcsh = rec.values("650$a{^2=\\0}");   // MARCspec: the $a of 650s whose 2nd indicator is 0
        MarcSpec firstIsbn = MarcSpec.compile("020[0]$a");  // compile once, evaluate on many records
        Optional<String> isbn = firstIsbn.value(rec);
        // @end
        assertEquals(1, fields.size());
        assertEquals(3, subjects.size());
        assertEquals(List.of("QA76.73.P22", "M33 2000"), codes);
        assertEquals(Optional.of("ActivePerl with ASP and ADO /"), titleA);
        assertEquals(List.of("eng"), language);
        assertEquals(Optional.of("Martinsson, Tobias"), author);
        assertEquals(List.of("Perl (Computer program language)"), lcsh);
        assertEquals(Optional.of("0471383147 (paper/cd-rom : alk. paper)"), isbn);
    }

    @Test
    void edit() throws IOException {
        MarcRecord rec = first();
        // @start region="edit"
        MarcRecord edited = rec.toBuilder()
                .removeAll("9XX")                                  // drop local fields
                .add(DataField.builder("500").subfield('a', "Edited by marcloom.").build())
                .replaceAll(f -> f instanceof DataField d && d.tag().equals("245")
                        ? d.toBuilder().replaceValues('a', a -> a.replaceAll(" */$", "")).build() : f)
                .build();
        // @end
        assertEquals(rec.fields().size() + 1, edited.fields().size(), "the record has no 9XX field");
        assertEquals(List.of("\"Wiley Computer Publishing.\"", "Edited by marcloom."), edited.values("500$a"));
        assertEquals("ActivePerl with ASP and ADO", edited.value("245$a").orElseThrow());
        assertEquals("ActivePerl with ASP and ADO /", rec.value("245$a").orElseThrow(), "records are immutable");
        assertEquals(rec.leader(), edited.leader());
    }

    @Test
    void dataField() {
        // @start region="dataField"
        DataField title = DataField.builder("245").indicators('1', '0')
                .subfield('a', "Moby Dick /").subfield('c', "Herman Melville.").build();
        String a = title.value('a');      // "Moby Dick /"
        // @end
        assertEquals("Moby Dick /", a);
        assertEquals("=245  10$aMoby Dick /$cHerman Melville.", title.toString());
    }
}
