package org.marcloom.internal.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.marcloom.MarcFormat;
import org.marcloom.ReaderOptions;
import org.marcloom.internal.parallel.Iso2709Gen;
import org.marcloom.internal.parallel.JsonLinesGen;

/// Reading by splits gives exactly the sequential reader's output (records, diagnostics, indexes,
/// offsets, trailing diagnostics, the strict-mode error) on generated files, well formed and
/// damaged, for split sizes from 1 byte (a split point at every position) up, surveyed in any
/// order.
class SplitEqualsSequentialProperties {

    /// Generated ISO 2709, optionally damaged and optionally with "decoy" records: a record whose
    /// data holds a record terminator followed by a whole valid record, which a split starting
    /// inside it takes for a record start.
    static byte[] iso2709(long seed, int records, boolean damage, boolean decoys) {
        byte[] base = Iso2709Gen.file(seed, records, damage);
        if (!decoys) {
            return base;
        }
        Random r = new Random(seed ^ 0x5DEECE66DL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            int at = r.nextInt(records + 1);
            out.writeBytes(decoy(r, at));
            out.writeBytes(Iso2709Gen.record(r, 1000 + i));
        }
        return out.toByteArray();
    }

    /// A record with a correct length whose one field's data is 0x1D and then a whole record.
    static byte[] decoy(Random r, int n) {
        byte[] inner = Iso2709Gen.record(r, n);
        byte[] data = new byte[inner.length + 2];
        data[0] = 0x1D;
        System.arraycopy(inner, 0, data, 1, inner.length);
        data[data.length - 1] = 0x1E;
        String dir = String.format("500%04d%05d", data.length, 0);
        int base = 24 + dir.length() + 1;
        int length = base + data.length + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.format("%05dnam a22%05d   4500", length, base).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(dir.getBytes(StandardCharsets.US_ASCII));
        out.write(0x1E);
        out.writeBytes(data);
        out.write(0x1D);
        return out.toByteArray();
    }

    @Property(tries = 250)
    void iso2709SplitsMatchSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 25) int records,
                                      @ForAll boolean damage, @ForAll boolean decoys, @ForAll boolean lenient,
                                      @ForAll boolean raw, @ForAll @IntRange(min = 1, max = 400) int splitSize)
            throws Exception {
        byte[] file = iso2709(seed, records, damage, decoys);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        assertEquals(SplitReads.sequential(file, options, MarcFormat.ISO_2709, raw),
                SplitReads.bySplits(SplitReads.channel(file), options, MarcFormat.ISO_2709, splitSize, raw, seed));
    }

    @Property(tries = 60)
    void iso2709SplitsOfOneByteMatchSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 8) int records,
                                               @ForAll boolean damage, @ForAll boolean lenient) throws Exception {
        byte[] file = iso2709(seed, records, damage, true);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        assertEquals(SplitReads.sequential(file, options, MarcFormat.ISO_2709, false),
                SplitReads.bySplits(SplitReads.channel(file), options, MarcFormat.ISO_2709, 1, false, seed));
    }

    /// Found by the property below: a split that reads on to the end after malformed JSON must
    /// give Jackson's messages the input's line numbers ("start marker at ... line: 16"), not the
    /// split's.
    @Example
    void jacksonMessagesQuoteTheInputsLineNumbers() throws Exception {
        jsonLineSplitsMatchSequential(-9029, 17, true, true, true, 5);
    }

    @Property(tries = 250)
    void jsonLineSplitsMatchSequential(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int records,
                                       @ForAll boolean damage, @ForAll boolean lenient, @ForAll boolean crlf,
                                       @ForAll @IntRange(min = 1, max = 600) int splitSize) throws Exception {
        byte[] file = JsonLinesGen.file(seed, records, damage, crlf);
        ReaderOptions options = ReaderOptions.builder().lenient(lenient).build();
        assertEquals(SplitReads.sequential(file, options, MarcFormat.MARC_JSON_LINES, false),
                SplitReads.bySplits(SplitReads.channel(file), options, MarcFormat.MARC_JSON_LINES, splitSize, false,
                        seed));
    }
}
