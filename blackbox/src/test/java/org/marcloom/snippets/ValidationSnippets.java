package org.marcloom.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;
import org.marcloom.validation.Finding;
import org.marcloom.validation.Marc21Validator;

/// Validation: the example of docs/validation.md, run on a fixture.
class ValidationSnippets {

    // @start region="validate"
    static List<String> findings(Path file) throws IOException {
        Marc21Validator validator = Marc21Validator.builder().build();   // immutable, thread-safe
        List<String> out = new ArrayList<>();
        try (MarcReader reader = MarcReader.builder().lenient(true).open(file)) {
            long index = 0;
            for (MarcRecord rec : reader) {
                for (Finding f : validator.validate(rec, index)) {
                    out.add(f.toString());   // CODE at record N, field I (TAG), $c: what is wrong
                }
                index++;
            }
        }
        return out;
    }
    // @end

    @Test
    void validate() throws IOException {
        List<String> found = findings(Path.of("fixtures/iso2709/pymarc__test.dat"));
        assertEquals(List.of("INDICATOR_UNDEFINED at record 9, field 10 (100): indicator 1 (Type of personal name entry"
                + " element) of field 100 is '2'; defined: 0, 1, 3"), found, "'2' (multiple surname) is obsolete");
    }
}
