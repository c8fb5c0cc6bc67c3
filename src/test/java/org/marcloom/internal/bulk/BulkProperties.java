package org.marcloom.internal.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcFormat;
import org.marcloom.MarcWriter;
import org.marcloom.ReaderOptions;
import org.marcloom.WriterOptions;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.RecordArbitraries;

/// Generated records, written as ISO 2709 and then damaged here and there (bytes overwritten with
/// delimiters, control characters, characters JSON and XML escape, bytes and sequences that are
/// not UTF-8 or that XML cannot hold, U+FFFE; directory entries swapped so that the layout is not
/// the writer's; junk between records): converting them with [BulkAccess#transfer] gives exactly
/// what reading and writing every record gives, and counting them with
/// [BulkAccess#skipWellFormed] exactly what the old count check gave ([StructureCheckOracle]).
class BulkProperties {

    private static final byte[][] PATCHES = {
            {0x00}, {0x09}, {0x0A}, {0x0D}, {0x1B}, {0x1D}, {0x1E}, {0x1F}, {'"'}, {'\\'}, {'&'}, {'<'}, {'>'},
            {0x7F}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE0}, {(byte) 0xED}, {(byte) 0xFF},
            {'0'}, {'9'}, {'a'}, {'A'}, {' '}, {'#'},
            {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xC3, (byte) 0xA9},
            {0x1F, 'a'}, {0x1F, 'A'}, {0x1F, 0x1E}, {0x1E, 0x1F, 'a'}};

    private static final List<MarcFormat> FORMATS = List.of(MarcFormat.ISO_2709, MarcFormat.MARC_JSON,
            MarcFormat.MARC_JSON_LINES, MarcFormat.MARCXML);

    private static final List<ReaderOptions> OPTIONS = List.of(ReaderOptions.DEFAULTS,
            ReaderOptions.builder().lenient(true).build(),
            ReaderOptions.builder().encoding(MarcEncoding.UTF_8).build(),
            ReaderOptions.builder().lenient(true).encoding(MarcEncoding.UTF_8).build());

    /// Where to patch (a fraction of the input) and with what.
    record Patch(double at, byte[] bytes) {
    }

    /// What to do to the written records.
    record Damage(List<Patch> patches, boolean swapEntries, boolean blankLeader09, int junkAfterFirst) {
    }

    @Provide
    Arbitrary<List<MarcRecord>> records() {
        return RecordArbitraries.records().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Damage> damage() {
        Arbitrary<Patch> patch = Combinators.combine(Arbitraries.doubles().between(0, 1),
                Arbitraries.of(PATCHES)).as(Patch::new);
        return Combinators.combine(patch.list().ofMinSize(0).ofMaxSize(3), Arbitraries.of(false, false, true),
                Arbitraries.of(false, false, false, true), Arbitraries.of(0, 0, 0, 0, 1, 3)).as(Damage::new);
    }

    static byte[] damaged(List<MarcRecord> records, Damage d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int firstLength = 0;
        try (MarcWriter w = MarcWriter.builder().allowOversize(true).open(out)) {
            for (int i = 0; i < records.size(); i++) {
                w.write(records.get(i));
                if (i == 0) {
                    w.flush();
                    firstLength = out.size();
                }
            }
        }
        byte[] b = out.toByteArray();
        int base = Integer.parseInt(new String(b, 12, 5, java.nio.charset.StandardCharsets.US_ASCII));
        if (d.swapEntries() && base >= 25 + 24) {
            // the first two directory entries change places: the same fields, in another order
            byte[] e = java.util.Arrays.copyOfRange(b, 24, 36);
            System.arraycopy(b, 36, b, 24, 12);
            System.arraycopy(e, 0, b, 36, 12);
        }
        if (d.blankLeader09()) {
            b[9] = ' ';
        }
        for (Patch p : d.patches()) {
            int at = (int) (p.at() * (b.length - p.bytes().length));
            System.arraycopy(p.bytes(), 0, b, at, p.bytes().length);
        }
        if (d.junkAfterFirst() > 0 && firstLength < b.length) {
            byte[] junked = new byte[b.length + d.junkAfterFirst()];
            System.arraycopy(b, 0, junked, 0, firstLength);
            java.util.Arrays.fill(junked, firstLength, firstLength + d.junkAfterFirst(), (byte) 'x');
            System.arraycopy(b, firstLength, junked, firstLength + d.junkAfterFirst(), b.length - firstLength);
            b = junked;
        }
        return b;
    }

    @Property(tries = 400)
    void transferGivesWhatReadingAndWritingGives(@ForAll("records") List<MarcRecord> records,
                                                 @ForAll("damage") Damage damage) throws IOException {
        byte[] input = damaged(records, damage);
        long fromBytes = 0;
        for (ReaderOptions options : OPTIONS) {
            for (MarcFormat format : FORMATS) {
                BulkPaths.Run plain = BulkPaths.convert(input, options, format, WriterOptions.DEFAULTS, 0);
                for (long max : new long[] {1, 2, 4096}) {
                    BulkPaths.Run bulk = BulkPaths.convert(input, options, format, WriterOptions.DEFAULTS, max);
                    String what = options + " " + format + " max " + max;
                    assertArrayEquals(plain.output(), bulk.output(), what);
                    assertEquals(plain.events(), bulk.events(), what);
                    assertEquals(plain.read(), bulk.read(), what);
                    fromBytes += bulk.bulk();
                }
            }
        }
        // Both paths are exercised: the bytes (undamaged inputs mostly) and the fallback.
        Statistics.label("written from their bytes").collect(fromBytes > 0);
        Statistics.label("written from their bytes").coverage(c -> {
            c.check(true).percentage(p -> p > 25);
            c.check(false).percentage(p -> p > 5);
        });
    }

    @Property(tries = 300)
    void skipGivesWhatTheOldCountCheckGave(@ForAll("records") List<MarcRecord> records,
                                           @ForAll("damage") Damage damage) throws IOException {
        byte[] input = damaged(records, damage);
        long skipped = 0;
        for (boolean lenient : new boolean[] {false, true}) {
            ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
            BulkPaths.Run old = BulkPaths.count(input, options,
                    raw -> StructureCheckOracle.wellFormed(raw.bytes(), raw.length()), 0);
            for (long max : new long[] {1, 2, 4096}) {
                BulkPaths.Run bulk = BulkPaths.count(input, options, null, max);
                assertEquals(old.events(), bulk.events(), (lenient ? "lenient" : "strict") + " max " + max);
                assertEquals(old.read(), bulk.read());
                skipped += bulk.bulk();
            }
        }
        Statistics.label("passed over").collect(skipped > 0);
        Statistics.label("passed over").coverage(c -> {
            c.check(true).percentage(p -> p > 25);
            c.check(false).percentage(p -> p > 5);
        });
    }
}
