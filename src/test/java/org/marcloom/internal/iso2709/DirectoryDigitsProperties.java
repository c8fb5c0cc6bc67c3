package org.marcloom.internal.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.record.DataField;
import org.marcloom.record.MarcRecord;

/// The parser reads a directory entry's field length and starting position (nine digits) as one
/// word: any byte there that is not an ASCII digit (the neighbours of '0'-'9' in particular) makes
/// the entry invalid, and digits give the field the entry points at.
class DirectoryDigitsProperties {

    @Provide
    Arbitrary<Byte> nonDigits() {
        return Arbitraries.oneOf(
                Arbitraries.of((byte) '/', (byte) ':', (byte) ';', (byte) '<', (byte) '=', (byte) '>', (byte) '?',
                        (byte) ' ', (byte) 'O', (byte) 0x00, (byte) 0x10, (byte) 0x1F, (byte) 0xB9, (byte) 0xB0),
                Arbitraries.bytes().filter(b -> b < '0' || b > '9'));
    }

    @Property(tries = 200)
    void aNonDigitInTheNumbersMakesTheEntryInvalid(@ForAll @IntRange(min = 0, max = 8) int position,
                                                    @ForAll("nonDigits") byte bad) {
        byte[] rec = record();
        rec[24 + 3 + position] = bad; // first entry: tag, then length (4) and start (5)

        Iso2709Parser lenient = new Iso2709Parser(ReaderOptions.builder().lenient(true).build());
        MarcRecord got = lenient.parse(rec, 0, rec.length, 0, 0, List.of());
        List<ErrorCode> codes = got.diagnostics().stream().map(Diagnostic::code).toList();
        assertEquals(List.of(ErrorCode.DIRECTORY_ENTRY_INVALID), codes);
        // Read from where the data starts instead: the same field.
        assertEquals("Title", ((DataField) got.fields().get(0)).value('a'));
        assertEquals("Note", ((DataField) got.fields().get(1)).value('a'));

        Iso2709Parser strict = new Iso2709Parser(ReaderOptions.DEFAULTS);
        MarcParseException e = assertThrows(MarcParseException.class,
                () -> strict.parse(rec, 0, rec.length, 0, 0, List.of()));
        assertEquals(ErrorCode.DIRECTORY_ENTRY_INVALID, e.code());
    }

    @Property(tries = 100)
    void digitsGiveTheFieldTheEntryPointsAt(@ForAll @IntRange(min = 0, max = 200) int padding,
                                            @ForAll @IntRange(min = 0, max = 7) int shift) {
        // A first field of any length, then the second field: the second entry's numbers locate it.
        byte[] rec = record("x".repeat(padding));
        byte[] buf = new byte[rec.length + shift];
        System.arraycopy(rec, 0, buf, shift, rec.length);
        MarcRecord got = new Iso2709Parser(ReaderOptions.DEFAULTS).parse(buf, shift, buf.length, 0, 0, List.of());
        assertEquals("Title" + "x".repeat(padding), ((DataField) got.fields().get(0)).value('a'));
        assertEquals("Note", ((DataField) got.fields().get(1)).value('a'));
    }

    private static byte[] record() {
        return record("");
    }

    /// A UTF-8 record with 245 `$aTitle<padding>` and 500 `$aNote`.
    private static byte[] record(String padding) {
        byte[] f1 = ("10\u001FaTitle" + padding + "\u001E").getBytes(StandardCharsets.US_ASCII);
        byte[] f2 = "  \u001FaNote\u001E".getBytes(StandardCharsets.US_ASCII);
        int base = 24 + 2 * 12 + 1;
        int total = base + f1.length + f2.length + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.format("%05dnam a22%05d   4500", total, base).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(String.format("245%04d%05d", f1.length, 0).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(String.format("500%04d%05d", f2.length, f1.length).getBytes(StandardCharsets.US_ASCII));
        out.write(0x1E);
        out.writeBytes(f1);
        out.writeBytes(f2);
        out.write(0x1D);
        return out.toByteArray();
    }
}
