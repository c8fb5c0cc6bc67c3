package org.marcloom.internal.marc8;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;

/// The MARC-8 encoder's machinery, behind the public `org.marcloom.marc8.Marc8Encoder` and the
/// ISO 2709 writer: ASCII and ANSEL by default, escape sequences to the other Library of Congress
/// sets where a character needs them, and back to the default sets at the end. Combining marks
/// are written before their base character, as MARC-8 wants; a character with no MARC-8 code of
/// its own is written as its canonical decomposition when every part has one. Anything else
/// becomes the numeric character reference `&#xXXXX;`, which [Marc8Decoding] turns back into the
/// character, so encoding never fails and loses nothing. References are also used where MARC-8
/// bytes would be read back differently: ESC and DEL; an `&` that starts text the decoder would
/// take for a reference; and combining marks that cannot go before their base, which follow it as
/// references.
///
/// Stateless; thread-safe.
public final class Marc8Encoding {

    private static final int ESC = 0x1B;

    private Marc8Encoding() {
    }

    /// Whether every character has a MARC-8 code (directly or by decomposition), so that
    /// [#encode(String)] needs no numeric character reference for a character MARC-8 lacks. (It may
    /// still write one where MARC-8 bytes would read back differently: see the class comment.)
    ///
    /// @param text the text
    /// @return true when MARC-8 has every character of `text`
    public static boolean canEncode(String text) {
        Marc8Tables tables = Marc8Tables.get();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ESC || cp == 0x7F) {
                return false;
            }
            if (cp < 0x80 || tables.encode(cp) >= 0) {
                continue;
            }
            if (decomposition(tables, cp) == null) {
                return false;
            }
        }
        return true;
    }

    /// The MARC-8 bytes of `text`, starting and ending in the default sets.
    ///
    /// @param text the text
    /// @return a new array with the bytes
    public static byte[] encode(String text) {
        Marc8Tables tables = Marc8Tables.get();
        State state = new State();
        Unit unit = new Unit();
        int n = text.length();
        int i = 0;
        while (i < n) {
            // A unit: a base character and the combining marks that follow it.
            unit.clear();
            int cp = text.codePointAt(i);
            boolean baseIsMark = isMark(tables, cp);
            if (cp == '&' && startsReference(text, i)) {
                unit.add(-cp - 1); // literal text the decoder would take for a reference
            } else {
                addMapped(unit, tables, cp);
            }
            i += Character.charCount(cp);
            boolean anyReference = unit.items[0] < 0;
            while (i < n) {
                int next = text.codePointAt(i);
                if (!isMark(tables, next)) {
                    break;
                }
                i += Character.charCount(next);
                addMapped(unit, tables, next);
            }
            for (int k = 1; k < unit.size; k++) {
                anyReference |= unit.items[k] < 0;
            }
            if (baseIsMark && i == n && !anyReference) {
                // Marks with no base at the end: in their order; the decoder keeps trailing marks.
                for (int k = 0; k < unit.size; k++) {
                    writeOne(state, tables, unit.items[k]);
                }
            } else if (baseIsMark || anyReference) {
                // Marks with no base before more text, or with a base or a mark written as a
                // reference: MARC-8 marks would attach to the wrong character, so the marks are
                // written as references after the base, in their order.
                for (int k = 0; k < unit.size; k++) {
                    int item = unit.items[k];
                    if (k == 0 && !baseIsMark) {
                        writeOne(state, tables, item);
                    } else {
                        state.reference(item < 0 ? -item - 1 : item);
                    }
                }
            } else {
                // MARC-8 order: the marks first, then the base character.
                for (int k = 1; k < unit.size; k++) {
                    writeOne(state, tables, unit.items[k]);
                }
                writeOne(state, tables, unit.items[0]);
            }
        }
        state.reset();
        return state.out.toByteArray();
    }

    /// Code points of one unit; -cp-1 marks a character to write as a reference.
    private static final class Unit {
        int[] items = new int[8];
        int size;

        void clear() {
            size = 0;
        }

        void add(int value) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }
    }

    /// Adds `cp`, or its decomposition when it has no code but every part does, or a reference.
    private static void addMapped(Unit unit, Marc8Tables tables, int cp) {
        if (cp == ESC || cp == 0x7F) {
            unit.add(-cp - 1); // ESC would start an escape sequence; DEL is not MARC-8
            return;
        }
        if (cp < 0x80 || tables.encode(cp) >= 0) {
            unit.add(cp);
            return;
        }
        int[] parts = decomposition(tables, cp);
        if (parts == null) {
            unit.add(-cp - 1);
            return;
        }
        for (int p : parts) {
            unit.add(p);
        }
    }

    private static int[] decomposition(Marc8Tables tables, int cp) {
        String nfd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        int[] parts = nfd.codePoints().toArray();
        if (parts.length == 1 && parts[0] == cp) {
            return null;
        }
        for (int p : parts) {
            if (p >= 0x80 && tables.encode(p) < 0) {
                return null;
            }
        }
        return parts;
    }

    /// A combining mark: for a character with a MARC-8 code, as its code table says (U+0670, which
    /// Unicode calls a mark, is a spacing letter in Basic Arabic); otherwise by its Unicode type.
    private static boolean isMark(Marc8Tables tables, int cp) {
        if (cp >= 0x80 && tables.encode(cp) >= 0) {
            return tables.isCombining(cp);
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /// Whether `text` at `i` holds a reference [Marc8Decoding] would turn into a character:
    /// `&#x` (or `&#X`), 1 to 7 ASCII hex digits, `;`, naming a code point that is not a surrogate.
    static boolean startsReference(CharSequence text, int i) {
        int n = text.length();
        if (i + 3 >= n || text.charAt(i) != '&' || text.charAt(i + 1) != '#'
                || text.charAt(i + 2) != 'x' && text.charAt(i + 2) != 'X') {
            return false;
        }
        int p = i + 3;
        long value = 0;
        while (p < n && p - (i + 3) < 7) {
            int d = hexDigit(text.charAt(p));
            if (d < 0) {
                break;
            }
            value = value * 16 + d;
            p++;
        }
        return p > i + 3 && p < n && text.charAt(p) == ';' && value <= Character.MAX_CODE_POINT
                && !(value >= 0xD800 && value <= 0xDFFF);
    }

    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static void writeOne(State state, Marc8Tables tables, int unit) {
        if (unit < 0) {
            state.reference(-unit - 1);
            return;
        }
        if (unit < 0x80) {
            state.ascii(unit);
            return;
        }
        int enc = tables.encode(unit);
        if (enc < 0) {
            state.reference(unit);
            return;
        }
        state.write(enc >>> 24, enc & 0xFFFFFF);
    }

    /// The escape state of one encode call.
    private static final class State {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int g0 = Marc8Tables.ASCII;
        int g1 = Marc8Tables.ANSEL;

        void ascii(int c) {
            if (c == ' ' || c < 0x20) {
                out.write(c); // space and controls are the same in every set
                return;
            }
            toG0(Marc8Tables.ASCII);
            out.write(c);
        }

        void reference(int cp) {
            for (char c : String.format("&#x%04X;", cp).toCharArray()) {
                ascii(c);
            }
        }

        void write(int set, int code) {
            if (set == Marc8Tables.EACC) {
                toG0(set);
                out.write((code >>> 16) & 0x7F);
                out.write((code >>> 8) & 0x7F);
                out.write(code & 0x7F);
            } else if (code >= 0x80 && code < 0xA0) {
                out.write(code); // ANSEL's C1 characters apply in any state
            } else if (code >= 0xA0) {
                toG1(set);
                out.write(code);
            } else {
                toG0(set);
                out.write(code);
            }
        }

        void toG0(int set) {
            if (g0 == set) {
                return;
            }
            if (set == Marc8Tables.ASCII && isTechnique(g0)) {
                out.write(ESC);
                out.write('s');
            } else if (isTechnique(set)) {
                out.write(ESC);
                out.write(set);
            } else if (set == Marc8Tables.EACC) {
                out.write(ESC);
                out.write('$');
                out.write(set);
            } else {
                out.write(ESC);
                out.write('(');
                writeFinal(set);
            }
            g0 = set;
        }

        void toG1(int set) {
            if (g1 == set) {
                return;
            }
            out.write(ESC);
            if (set == Marc8Tables.EACC) {
                out.write('$');
            }
            out.write(')');
            writeFinal(set);
            g1 = set;
        }

        /// ANSEL's registered final is the two bytes `!E` (Library of Congress clarification of
        /// its ISO 2022 registration); every other set's final is one byte.
        private void writeFinal(int set) {
            if (set == Marc8Tables.ANSEL) {
                out.write('!');
            }
            out.write(set);
        }

        void reset() {
            toG0(Marc8Tables.ASCII);
            toG1(Marc8Tables.ANSEL);
        }

        private static boolean isTechnique(int set) {
            return set == Marc8Tables.GREEK_SYMBOLS || set == Marc8Tables.SUBSCRIPTS || set == Marc8Tables.SUPERSCRIPTS;
        }
    }
}
