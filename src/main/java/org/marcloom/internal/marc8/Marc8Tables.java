package org.marcloom.internal.marc8;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/// The MARC-8 code tables, loaded once from the generated resource `marc8.tables` (see
/// `Marc8TableGenerator` in the test sources). Immutable after loading; thread-safe.
final class Marc8Tables {

    /// Final bytes of the character sets (the escape sequences' F).
    static final int ASCII = 0x42;
    static final int ANSEL = 0x45;
    static final int GREEK_SYMBOLS = 0x67;
    static final int SUBSCRIPTS = 0x62;
    static final int SUPERSCRIPTS = 0x70;
    static final int EACC = 0x31;

    /// A valid MARC-8 code that has no Unicode character: the ANSEL ligature and double-tilde
    /// second halves, covered by the double-width mark their first halves map to.
    static final int NO_CHARACTER = Integer.MIN_VALUE;

    /// Single-byte sets by final byte: code point for (code & 0x7F), 0 when unmapped; a negative
    /// value `-cp` marks a combining character; [#NO_CHARACTER] a code with no Unicode character.
    private final int[][] single = new int[128][];
    /// EACC: sorted 24-bit codes (with high bits cleared) and their code points.
    private final int[] eaccCodes;
    private final int[] eaccPoints;
    /// C1 bytes of ANSEL (0x88, 0x89, 0x8D, 0x8E) that apply whatever G1 holds.
    private final int[] c1 = new int[32];
    /// Reverse: code point -> encoded (set << 24 | code), set order of preference.
    private final Map<Integer, Integer> reverse = new HashMap<>();
    private final Map<Integer, Boolean> reverseCombining = new HashMap<>();

    private static final int[] ENCODING_PREFERENCE = {
        ASCII, ANSEL, SUPERSCRIPTS, SUBSCRIPTS, GREEK_SYMBOLS, 0x32, 0x4E, 0x51, 0x33, 0x34, 0x53, EACC
    };

    private static final class Holder {
        static final Marc8Tables TABLES = load();
    }

    static Marc8Tables get() {
        return Holder.TABLES;
    }

    private Marc8Tables(DataInputStream in) throws IOException {
        if (in.readInt() != 0x4D524338 || in.readInt() != 1) {
            throw new IOException("marc8.tables: not a version 1 MARC-8 table file");
        }
        int sets = in.readInt();
        int[] codes = new int[0];
        int[] points = new int[0];
        Map<Integer, int[][]> raw = new HashMap<>();
        for (int s = 0; s < sets; s++) {
            int set = in.readUnsignedByte();
            int width = in.readUnsignedByte();
            int n = in.readInt();
            int[][] entries = new int[n][3];
            for (int i = 0; i < n; i++) {
                entries[i][0] = in.readInt();
                entries[i][1] = in.readInt();
                entries[i][2] = in.readUnsignedByte();
            }
            raw.put(set, entries);
            if (width == 3) {
                long[] packed = new long[n];
                for (int i = 0; i < n; i++) {
                    packed[i] = ((long) (entries[i][0] & 0x7F7F7F) << 32) | (entries[i][1] & 0xFFFFFFFFL);
                }
                Arrays.sort(packed);
                codes = new int[n];
                points = new int[n];
                for (int i = 0; i < n; i++) {
                    codes[i] = (int) (packed[i] >>> 32);
                    points[i] = (int) packed[i];
                }
            } else {
                int[] table = new int[128];
                for (int[] e : entries) {
                    int code = e[0];
                    int value = e[1] == 0 ? NO_CHARACTER : e[2] == 1 ? -e[1] : e[1];
                    if (set == ANSEL && code >= 0x80 && code < 0xA0) {
                        c1[code - 0x80] = value;
                    } else if (code >= 0x21 && code != 0x7F && (code & 0x7F) >= 0x21) {
                        table[code & 0x7F] = value;
                    }
                }
                single[set] = table;
            }
        }
        eaccCodes = codes;
        eaccPoints = points;
        for (int set : ENCODING_PREFERENCE) {
            int[][] entries = raw.get(set);
            if (entries == null) {
                continue;
            }
            for (int[] e : entries) {
                int code = e[0];
                if (e[1] == 0 || set != EACC && (code < 0x21 || code == 0x7F)) {
                    continue; // no character, or a control: never encoded through a set
                }
                reverse.putIfAbsent(e[1], set << 24 | code);
                reverseCombining.putIfAbsent(e[1], e[2] == 1);
            }
        }
    }

    private static Marc8Tables load() {
        try (InputStream stream = Marc8Tables.class.getResourceAsStream("marc8.tables")) {
            if (stream == null) {
                throw new IllegalStateException("marc8.tables is missing from the marcloom jar");
            }
            return new Marc8Tables(new DataInputStream(new java.io.BufferedInputStream(stream)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MARC-8 tables", e);
        }
    }

    /// The table of a single-byte set, or null when the set is unknown.
    int[] singleByte(int set) {
        return set < 128 ? single[set] : null;
    }

    /// The code point of an EACC character (24-bit code, high bits ignored), or 0.
    int eacc(int code) {
        int i = Arrays.binarySearch(eaccCodes, code & 0x7F7F7F);
        return i >= 0 ? eaccPoints[i] : 0;
    }

    /// The mapping of a C1 byte (0x80-0x9F) from ANSEL, or 0.
    int c1(int b) {
        return c1[b - 0x80];
    }

    /// `set << 24 | code` for a code point, or -1 when MARC-8 has no code for it.
    int encode(int codePoint) {
        Integer v = reverse.get(codePoint);
        return v == null ? -1 : v;
    }

    boolean isCombining(int codePoint) {
        return Boolean.TRUE.equals(reverseCombining.get(codePoint));
    }

    static boolean isKnownSet(int set) {
        return set == EACC || get().singleByte(set) != null;
    }
}
