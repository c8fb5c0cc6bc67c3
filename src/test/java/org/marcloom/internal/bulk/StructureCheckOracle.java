package org.marcloom.internal.bulk;

/// The byte-at-a-time structure check `marcloom count` used before
/// [org.marcloom.internal.iso2709.RawCheck] (cli/src/main/java/org/marcloom/cli/StructureCheck.java,
/// unchanged but for its name and package): the oracle RawCheck is held to.
///
/// [#wellFormed(byte[], int)] returns true only when the reader, decoding the record with the
/// default options, would report nothing about it: a leader of printable ASCII with `22` at 10-11,
/// `45` at 20-21, `a` or blank at 09 and a base address that ends the directory with a field
/// terminator; whole 12-byte directory entries with alphanumeric tags and digit lengths and starts;
/// every field inside the data and ending with a field terminator; control fields without subfield
/// delimiters; data fields with two printable indicators and a delimiter after them, every delimiter followed
/// by a lowercase letter or digit; no escape byte (MARC-8 escape sequences are the decoder's to
/// judge). Anything else returns false, and the caller decodes the record with the library
/// ([org.marcloom.MarcReader#decode]) to get its exact diagnostics or, strict, its error: this test
/// decides only whether decoding can be skipped, never what is wrong. Text encoding (invalid UTF-8,
/// unknown MARC-8 characters) is not checked. Stateless.
final class StructureCheckOracle {

    private static final byte FT = 0x1E;
    private static final byte RT = 0x1D;
    private static final byte SD = 0x1F;
    private static final byte ESC = 0x1B;

    private StructureCheckOracle() {
    }

    /// Whether the record in `b[0, length)` (its terminator included) needs no decoding to be
    /// counted: see the class comment.
    static boolean wellFormed(byte[] b, int length) {
        if (length < 26 || b[length - 1] != RT) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E) {
                return false;
            }
        }
        if (b[10] != '2' || b[11] != '2' || b[20] != '4' || b[21] != '5' || (b[9] != 'a' && b[9] != ' ')) {
            return false;
        }
        int base = digits(b, 12, 5);
        int dataLimit = length - 1;
        if (base < 25 || base > dataLimit || b[base - 1] != FT || (base - 25) % 12 != 0) {
            return false;
        }
        int entries = (base - 25) / 12;
        for (int e = 0; e < entries; e++) {
            int p = 24 + e * 12;
            for (int k = 0; k < 3; k++) {
                byte t = b[p + k];
                if (!(t >= '0' && t <= '9' || t >= 'A' && t <= 'Z' || t >= 'a' && t <= 'z')) {
                    return false;
                }
            }
            int len = digits(b, p + 3, 4);
            int at = digits(b, p + 7, 5);
            if (len <= 0 || at < 0) {
                return false;
            }
            int from = base + at;
            int end = from + len;
            if (end > dataLimit || b[end - 1] != FT) {
                return false;
            }
            if (b[p] == '0' && b[p + 1] == '0' && !(b[p + 2] >= '0' && b[p + 2] <= '9')) {
                return false; // 00A: control or data field is the model's call
            }
            boolean control = b[p] == '0' && b[p + 1] == '0';
            if (!(control ? controlField(b, from, end - 1) : dataField(b, from, end - 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean controlField(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == SD || b[i] == ESC) {
                return false;
            }
        }
        return true;
    }

    private static boolean dataField(byte[] b, int from, int to) {
        if (to - from < 3 || b[from + 2] != SD || !printable(b[from]) || !printable(b[from + 1])) {
            return false;
        }
        for (int i = from + 2; i < to; i++) {
            byte c = b[i];
            if (c == SD) {
                if (i + 1 >= to) {
                    return false;
                }
                byte code = b[i + 1];
                if (!(code >= 'a' && code <= 'z' || code >= '0' && code <= '9')) {
                    return false;
                }
            } else if (c == ESC) {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(byte c) {
        return c >= 0x20 && c <= 0x7E;
    }

    /// The `n` ASCII digits at `p` as a number, or -1.
    private static int digits(byte[] b, int p, int n) {
        int v = 0;
        for (int i = p; i < p + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
