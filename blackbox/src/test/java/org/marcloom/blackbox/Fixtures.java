package org.marcloom.blackbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Fixture files (paths relative to the checkout's top folder, where the tests run) and what the
/// tests know about their bytes, computed here from the bytes rather than by the library.
final class Fixtures {

    /// 10 clean records (MARC-8, ASCII only); `CAMEL_MRK` holds the same 10 as MARCMaker.
    static final Path PYMARC = Path.of("fixtures/iso2709/pymarc__test.dat");
    static final Path CAMEL_MRK = Path.of("fixtures/mrk/marc-perl__camel.mrk");
    /// 30 UTF-8 records, the same in three serialisations.
    static final Path TRAJECT_MRC = Path.of("fixtures/iso2709/traject__test_data.utf8.mrc");
    static final Path TRAJECT_XML = Path.of("fixtures/xml/traject__test_data.utf8.marc.xml");
    static final Path TRAJECT_NDJSON = Path.of("fixtures/json/traject__test_data.utf8.json");
    /// 2 records as a MARC-in-JSON array, and the same 2 as MARCXML.
    static final Path PYMARC_JSON_ARRAY = Path.of("fixtures/json/pymarc__batch.json");
    static final Path PYMARC_XML = Path.of("fixtures/xml/pymarc__batch.xml");
    /// 383 clean UTF-8 records.
    static final Path PRIDE = Path.of("fixtures/iso2709/marc4j__pride-and-prejudice-fixed.mrc");
    /// The same file with errors: bad UTF-8, bad subfield codes, directories of odd lengths.
    static final Path PRIDE_ERRORS = Path.of("fixtures/iso2709/marc4j__pride-and-prejudice-with-many-errors.mrc");
    /// 10 records with a DOS end-of-file byte (0x1A) after records 0, 3 and 6.
    static final Path CAMEL_EOF = Path.of("fixtures/iso2709/marc-perl__cameleof.usmarc");
    /// Three MARCXML records; the second has a subfield code attribute holding U+0007.
    static final Path XML_SECOND_BAD = Path.of("fixtures/xml/ruby-marc__three-records-second-bad.xml");

    private Fixtures() {
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Every position of `b` in the file.
    static List<Long> positionsOf(byte[] bytes, int b) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == b) {
                out.add((long) i);
            }
        }
        return out;
    }

    /// How many record terminators (0x1D) come before `position`: the index of the record that
    /// starts after it.
    static long recordsBefore(byte[] bytes, long position) {
        long n = 0;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == 0x1D) {
                n++;
            }
        }
        return n;
    }

    /// Leader/00-04 of the record at `start`, read as the five ASCII digits they are.
    static int recordLength(byte[] bytes, int start) {
        return Integer.parseInt(new String(bytes, start, 5, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /// The one-based line and column of the first occurrence of `c` in a text file.
    static int[] lineAndColumnOf(Path p, char c) {
        try {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                int col = lines.get(i).indexOf(c);
                if (col >= 0) {
                    return new int[] {i + 1, col + 1};
                }
            }
            throw new AssertionError("no " + (int) c + " in " + p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
