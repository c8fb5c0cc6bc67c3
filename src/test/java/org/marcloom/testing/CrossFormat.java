package org.marcloom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.MarcWriter;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Shared plumbing for the cross-format tests: write and read through the public front doors, and
/// the one rule for comparing leaders across a trip through the ISO 2709 writer.
///
/// ## Leader positions a writer may rewrite
/// Only the ISO 2709 writer touches the leader. It recomputes the structural positions from the
/// bytes it writes: 00-04 record length, 12-16 base address of data; and it fixes the ones that
/// describe its own output: 09 character coding scheme (`a`, it writes UTF-8), 10-11 indicator
/// count and subfield code length (`22`), 20-23 entry map (`4500`). Every other position (05-08,
/// 17-19) must survive exactly. The MARCXML, MARC-in-JSON and MARCMaker writers write the leader
/// as the record has it, so through them the whole leader must survive.
public final class CrossFormat {

    private CrossFormat() {
    }

    /// Leader positions the ISO 2709 writer rewrites (see the class comment).
    public static final int[] ISO_WRITER_POSITIONS = {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23};

    /// The formats a record can be written to and read back from.
    public static final List<MarcFormat> ALL = List.of(MarcFormat.values());

    public static byte[] write(List<MarcRecord> records, MarcFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcWriter.builder().format(format).open(out)) {
            for (MarcRecord r : records) {
                w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /// Strict read of every record.
    public static List<MarcRecord> read(byte[] bytes, MarcFormat format) {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().format(format).open(new ByteArrayInputStream(bytes))) {
            r.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /// Strict read with the format detected from the bytes (`detectFormat()`).
    public static List<MarcRecord> readDetected(byte[] bytes) {
        List<MarcRecord> out = new ArrayList<>();
        try (MarcReader r = MarcReader.builder().detectFormat().open(new ByteArrayInputStream(bytes))) {
            r.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static List<MarcRecord> read(Path file) {
        try {
            return read(Files.readAllBytes(file), formatOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// The format of a fixture, from its folder (the JSON reader reads arrays and NDJSON alike).
    public static MarcFormat formatOf(Path file) {
        return switch (file.getParent().getFileName().toString()) {
            case "iso2709" -> MarcFormat.ISO_2709;
            case "xml" -> MarcFormat.MARCXML;
            case "json" -> file.toString().endsWith(".ndj") ? MarcFormat.MARC_JSON_LINES : MarcFormat.MARC_JSON;
            case "mrk" -> MarcFormat.MARCMAKER;
            default -> throw new IllegalArgumentException("no format for " + file);
        };
    }

    /// Every fixture file of the four format folders, sorted.
    public static List<Path> fixtures() {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("iso2709", "xml", "json", "mrk")) {
            try (Stream<Path> s = Files.list(Path.of("fixtures", dir))) {
                s.filter(Files::isRegularFile).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /// The leader with the given positions replaced by `_`.
    public static String mask(String leader, int... positions) {
        char[] c = leader.toCharArray();
        for (int p : positions) {
            c[p] = '_';
        }
        return new String(c);
    }

    /// Asserts `after` is `before` after a trip through the ISO 2709 writer: fields equal, leader
    /// equal outside [#ISO_WRITER_POSITIONS], and those positions holding what the writer must put
    /// there (`length` is the record's byte length in the ISO 2709 output).
    public static void assertIsoTrip(MarcRecord before, MarcRecord after, int length, String what) {
        String b = before.leader().toString();
        String a = after.leader().toString();
        assertEquals(mask(b, ISO_WRITER_POSITIONS), mask(a, ISO_WRITER_POSITIONS), what + ": leader");
        assertEquals(String.format("%05d", length), a.substring(0, 5), what + ": leader/00-04 record length");
        assertEquals('a', a.charAt(9), what + ": leader/09");
        assertEquals("22", a.substring(10, 12), what + ": leader/10-11");
        assertEquals(String.format("%05d", 24 + 12 * after.fields().size() + 1), a.substring(12, 17),
                what + ": leader/12-16 base address");
        assertEquals("4500", a.substring(20), what + ": leader/20-23");
        assertEquals(before.fields(), after.fields(), what + ": fields");
    }

    /// Byte lengths of the records in an ISO 2709 stream (each from its leader/00-04).
    public static List<Integer> isoLengths(byte[] iso) {
        List<Integer> out = new ArrayList<>();
        int p = 0;
        while (p < iso.length) {
            int len = Integer.parseInt(new String(iso, p, 5, java.nio.charset.StandardCharsets.US_ASCII));
            out.add(len);
            p += len;
        }
        return out;
    }

    /// One line per field, text in NFC: `tag=data` or `tag i1i2 $a... $b...`, in record order.
    public static List<String> fieldLines(MarcRecord r) {
        List<String> out = new ArrayList<>();
        for (Field f : r.fields()) {
            switch (f) {
                case ControlField c -> out.add(c.tag() + "=" + nfc(c.data()));
                case DataField d -> {
                    StringBuilder sb = new StringBuilder(d.tag()).append(' ')
                            .append(d.indicator1()).append(d.indicator2());
                    for (Subfield s : d.subfields()) {
                        sb.append(" $").append(s.code()).append(nfc(s.value()));
                    }
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }

    /// Why the ISO 2709 writer must refuse `r` (its documented refusals: a text value holding a
    /// delimiter U+001D-U+001F; a tag that is not three ASCII letters or digits; a field whose kind
    /// its tag contradicts; an indicator or subfield code that is not printable ASCII), or `null`
    /// when it can write it.
    public static String isoRefusal(MarcRecord r) {
        for (Field f : r.fields()) {
            if (!f.tag().chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c))) {
                return "tag " + f.tag();
            }
            if (f.isControlField() != Field.isControlTag(f.tag())) {
                return (f.isControlField() ? "control" : "data") + " field tagged " + f.tag();
            }
            switch (f) {
                case ControlField c -> {
                    if (hasDelimiter(c.data())) {
                        return "delimiter in " + c.tag();
                    }
                }
                case DataField d -> {
                    if (!printableAscii("" + d.indicator1() + d.indicator2())) {
                        return "indicator of " + d.tag();
                    }
                    for (Subfield s : d.subfields()) {
                        if (!printableAscii(String.valueOf(s.code())) || s.code() == ' ') {
                            return "subfield code U+" + String.format("%04X", (int) s.code()) + " of " + d.tag();
                        }
                        if (hasDelimiter(s.value())) {
                            return "delimiter in " + d.tag() + " $" + s.code();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private static boolean hasDelimiter(String s) {
        return s.chars().anyMatch(c -> c >= 0x1D && c <= 0x1F);
    }

    /// `r` as the MARCXML writer's documented policy gives it back: every character XML 1.0
    /// forbids (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF; unpaired surrogates) in a
    /// text value becomes U+FFFD.
    public static MarcRecord asXmlWrites(MarcRecord r) {
        MarcRecord.Builder b = MarcRecord.builder().leader(r.leader());
        for (Field f : r.fields()) {
            switch (f) {
                case ControlField c -> b.add(new ControlField(c.tag(), xmlText(c.data())));
                case DataField d -> b.add(DataField.of(d.tag(), d.indicator1(), d.indicator2(),
                        d.subfields().stream().map(s -> new Subfield(s.code(), xmlText(s.value()))).toList()));
            }
        }
        return b.build();
    }

    /// `s` as the MARCXML writer writes text: each character XML 1.0 forbids (C0 controls other
    /// than tab, LF and CR; U+FFFE; U+FFFF; unpaired surrogates) as U+FFFD.
    public static String xmlText(String s) {
        return replaced(s, c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF');
    }

    /// `s` with each unpaired surrogate as U+FFFD (what every writer does with them; Jackson
    /// refuses them).
    public static String unpairedSurrogatesReplaced(String s) {
        return replaced(s, c -> false);
    }

    /// `s` with each unpaired surrogate, and each other character `forbidden` accepts, as U+FFFD;
    /// surrogate pairs are kept.
    private static String replaced(String s, IntPredicate forbidden) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || forbidden.test(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
