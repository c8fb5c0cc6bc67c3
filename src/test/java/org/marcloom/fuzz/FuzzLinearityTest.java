package org.marcloom.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcloom.MarcFormat;

/// Reading time grows linearly with the input: for each seed of the reading targets, and for
/// inputs made of one character or pattern over and over (no terminator, only terminators, deep
/// nesting, one endless line, a flood of bytes that are not UTF-8 inside a value), a lenient read of
/// the input repeated to about 128 KiB and of twice
/// that must not take more than 3 times as long (+ 50 ms for the noise of a shared machine), best
/// of three each, in one of up to five rounds. A per-byte cost that grows with the input (a rescan per record, a resync that
/// starts over) fails it; the fuzz targets themselves only bound each input's time (-timeout=10).
class FuzzLinearityTest {

    private static final int BASE = 128 * 1024;

    static Stream<Arguments> inputs() {
        List<Arguments> out = new ArrayList<>();
        add(out, MarcFormat.ISO_2709, "iso2709");
        add(out, MarcFormat.MARCXML, "xml");
        add(out, MarcFormat.MARC_JSON, "json");
        add(out, MarcFormat.MARC_JSON_LINES, "json");
        add(out, MarcFormat.MARCMAKER, "mrk");
        for (String pattern : List.of("x", "\u001d", "\u001e\u001f", "00000", "99999nam", "<", "<record>", "<a>",
                "&#", "{", "[", "{\"leader\":", "\"", "\n", "=", "=LDR  ", "$", "{dollar")) {
            byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
            for (MarcFormat f : MarcFormat.values()) {
                out.add(Arguments.of(f, "pattern " + ascii(pattern), new byte[0], p));
            }
        }
        // A flood of bytes that are not UTF-8 inside one value (hostile-input finding 6: the JSON
        // reader shifted its buffer once per bad byte, 1 MB took 9 s): after a record's opening.
        byte[] bad = {(byte) 0xFF};
        out.add(Arguments.of(MarcFormat.MARC_JSON_LINES, "0xFF flood in a subfield value",
                utf8("{\"leader\":\"00000nam a2200000   4500\",\"fields\":[{\"245\":{\"subfields\":[{\"a\":\""), bad));
        out.add(Arguments.of(MarcFormat.MARCXML, "0xFF flood in a subfield value",
                utf8("<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000nam a2200000   4500"
                        + "</leader><datafield tag=\"245\" ind1=\" \" ind2=\" \"><subfield code=\"a\">"), bad));
        return out.stream();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(List<Arguments> out, MarcFormat format, String folder) {
        FuzzSupport.seeds(folder).forEach(b -> out.add(Arguments.of(format, folder + " seed of " + b.length
                + " bytes", new byte[0], b)));
    }

    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inputs")
    void doublingTheInputAtMostTriplesTheTime(MarcFormat format, String what, byte[] head, byte[] unit) {
        if (unit.length == 0) {
            return;
        }
        byte[] once = repeat(head, unit, BASE);
        byte[] twice = repeat(head, unit, 2 * BASE);
        FuzzSupport.read(once, format, true, Integer.MAX_VALUE, 1); // warm up
        // Up to 5 rounds, for the pauses of a shared machine: a cost that really grows fails every one.
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long t1 = best(once, format);
            long t2 = best(twice, format);
            if (t2 <= 3 * t1 + 50_000_000L) {
                return;
            }
            rounds.add(t1 / 1_000_000 + " ms then " + t2 / 1_000_000 + " ms");
        }
        fail(format + " " + what + ": " + once.length + " bytes, then " + twice.length + " bytes: " + rounds);
    }

    private static long best(byte[] data, MarcFormat format) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            FuzzSupport.read(data, format, true, Integer.MAX_VALUE, 1);
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }

    /// `head`, then `unit` over and over until `atLeast` bytes of it.
    private static byte[] repeat(byte[] head, byte[] unit, int atLeast) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + atLeast + unit.length);
        out.writeBytes(head);
        while (out.size() < head.length + atLeast) {
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }
}
