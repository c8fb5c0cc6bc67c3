package org.marcloom.internal.mrk;

import java.util.HashMap;
import java.util.Map;

/// The Library of Congress MARCMaker character mnemonics (`{acute}`, `{dollar}`, `{aelig}`...)
/// and the hexadecimal forms `{xHH}` (a MARC-8 byte) and `{U+XXXX}` (a Unicode code point).
///
/// Each named mnemonic stands for a MARC-8 character; the table gives that character's Unicode
/// equivalent. MARC-8 writes a combining diacritic *before* its base letter while Unicode writes
/// it after, so the combining mnemonics are flagged and [MrkText] moves them behind the next base
/// character. Immutable; thread-safe.
final class Mnemonics {

    /// One table row: the mnemonic name, its MARC-8 byte (or -1 for ASCII-only aliases), the
    /// Unicode text, and whether it is a combining mark.
    record Entry(String name, int marc8, String text, boolean combining) {
    }

    // name, MARC-8 byte (hex, "" when none), Unicode code point (hex), 'c' for combining
    private static final String[] TABLE = {
            // ASCII characters that clash with MARCMaker syntax, and the rest of the ASCII names
            "esc 1B 1B", "dollar 24 24", "bsol 5C 5C", "lcub 7B 7B", "rcub 7D 7D",
            "excl 21 21", "quot 22 22", "num 23 23", "percnt 25 25", "amp 26 26", "apos 27 27",
            "lpar 28 28", "rpar 29 29", "ast 2A 2A", "plus 2B 2B", "comma 2C 2C", "hyphen 2D 2D",
            "period 2E 2E", "sol 2F 2F", "colon 3A 3A", "semi 3B 3B", "lt 3C 3C", "equals 3D 3D",
            "gt 3E 3E", "quest 3F 3F", "commat 40 40", "lsqb 5B 5B", "rsqb 5D 5D", "lowbar 5F 5F",
            "verbar 7C 7C",
            // MARC-8 extended Latin (ANSEL) G1 graphic characters
            "joiner 8D 200D", "zwj 8D 200D", "nonjoin 8E 200C", "zwnj 8E 200C",
            "Lstrok A1 141", "Ostrok A2 D8", "Dstrok A3 110", "THORN A4 DE", "AElig A5 C6",
            "OElig A6 152", "softsign A7 2B9", "middot A8 B7", "flat A9 266D", "reg AA AE",
            "plusmn AB B1", "Ohorn AC 1A0", "Uhorn AD 1AF", "mlrhring AE 2BC", "mllhring B0 2BB",
            "lstrok B1 142", "ostrok B2 F8", "dstrok B3 111", "thorn B4 FE", "aelig B5 E6",
            "oelig B6 153", "hardsign B7 2BA", "inodot B8 131", "pound B9 A3", "eth BA F0",
            "ohorn BC 1A1", "uhorn BD 1B0", "deg C0 B0", "scriptl C1 2113", "phono C2 2117",
            "copy C3 A9", "sharp C4 266F", "iquest C5 BF", "iexcl C6 A1", "szlig C7 DF",
            "euro C8 20AC",
            // MARC-8 combining diacritics (written before the base letter)
            "hooka E0 309 c", "grave E1 300 c", "acute E2 301 c", "circ E3 302 c", "tilde E4 303 c",
            "macr E5 304 c", "breve E6 306 c", "dot E7 307 c", "uml E8 308 c", "diaer E8 308 c",
            "caron E9 30C c", "ring EA 30A c", "llig EB FE20 c", "rlig EC FE21 c",
            "rcommaa ED 315 c", "dblac EE 30B c", "candra EF 310 c", "cedil F0 327 c",
            "ogon F1 328 c", "dotb F2 323 c", "dbldotb F3 324 c", "ringb F4 325 c",
            "dblunder F5 333 c", "under F6 332 c", "commab F7 326 c", "rcedil F8 31C c",
            "breveb F9 32E c", "ldbltil FA FE22 c", "rdbltil FB FE23 c", "commaa FE 313 c",
    };

    private static final Map<String, Entry> BY_NAME = new HashMap<>(256);
    private static final Entry[] BY_MARC8 = new Entry[256];

    static {
        for (String row : TABLE) {
            String[] p = row.split(" ");
            int b = Integer.parseInt(p[1], 16);
            Entry e = new Entry(p[0], b, Character.toString(Integer.parseInt(p[2], 16)),
                    p.length > 3 && p[3].equals("c"));
            BY_NAME.put(e.name(), e);
            if (BY_MARC8[b] == null) {
                BY_MARC8[b] = e;
            }
        }
        // MARC-8 non-sorting markers (NSB, NSE) and the hex-only positions have no names.
        BY_MARC8[0x88] = new Entry("x88", 0x88, "\u0098", false);
        BY_MARC8[0x89] = new Entry("x89", 0x89, "\u009C", false);
    }

    private Mnemonics() {
    }

    /// The entry for a mnemonic's content (between the braces), or `null` when unknown.
    /// Accepts names, `xHH` (a MARC-8 byte; below 0x80 the ASCII character) and `U+XXXX`.
    static Entry lookup(String name) {
        Entry e = BY_NAME.get(name);
        if (e != null) {
            return e;
        }
        int n = name.length();
        if (n == 3 && (name.charAt(0) == 'x' || name.charAt(0) == 'X')) {
            int b = hex(name, 1, 3);
            if (b < 0) {
                return null;
            }
            if (b < 0x80) {
                return new Entry(name, b, Character.toString(b), false);
            }
            return BY_MARC8[b];
        }
        if (n >= 6 && n <= 8 && (name.startsWith("U+") || name.startsWith("u+"))) {
            int cp = hex(name, 2, n);
            if (cp < 0 || cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF) {
                return null;
            }
            return new Entry(name, -1, Character.toString(cp), false);
        }
        return null;
    }

    private static int hex(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
