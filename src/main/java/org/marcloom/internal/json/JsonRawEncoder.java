package org.marcloom.internal.json;

import static java.nio.charset.StandardCharsets.US_ASCII;

import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RawEncoder;
import org.marcloom.internal.RawScan;
import org.marcloom.internal.iso2709.RawLayout;

/// ISO 2709 to compact MARC-in-JSON (an array, or one record per line) without decoding: the
/// bytes [JsonEncoder] writes for the record that decoding an ISO 2709 record gives, written
/// straight from the record's bytes.
///
/// Taken from the bytes only when the parser would report nothing: the leader and directory as
/// [RawLayout] takes them (in any layout: the fields are written in directory order), leader/09 `a`
/// (or anything, for a reader told the data is UTF-8); control fields without delimiters; data
/// fields with two printable indicators and either nothing more or a delimiter after them, every
/// delimiter followed by a lowercase letter or digit; every value well-formed UTF-8. Strings are
/// escaped as [JsonEncoder] escapes them (`"`, `\` and control characters); a well-formed UTF-8
/// sequence is the UTF-8 of the character it decodes to, so it is copied. Anything else goes to the
/// encoder. Not thread-safe.
public final class JsonRawEncoder implements RawEncoder {

    private static final byte SD = 0x1F;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(US_ASCII);
    private static final byte[] LEADER = "{\"leader\":\"".getBytes(US_ASCII);
    private static final byte[] FIELDS = "\",\"fields\":[".getBytes(US_ASCII);
    private static final byte[] IND1 = "\":{\"ind1\":\"".getBytes(US_ASCII);
    private static final byte[] IND2 = "\",\"ind2\":\"".getBytes(US_ASCII);
    private static final byte[] SUBFIELDS = "\",\"subfields\":[".getBytes(US_ASCII);
    /// The most bytes one input byte of a field becomes (`backslash-u-001E`), and what a field or
    /// subfield adds around its data, with room to spare.
    private static final int PER_BYTE = 6;
    private static final int PER_FIELD = 64;

    private final boolean lines;
    private final boolean anyLeader09;
    private final RawLayout layout = new RawLayout();
    /// Where the value being escaped stopped in the input (see [#string]).
    private int stopped;

    /// @param lines       one record per line instead of an array
    /// @param anyLeader09 the reader decodes every record as UTF-8, whatever its leader/09 says
    public JsonRawEncoder(boolean lines, boolean anyLeader09) {
        this.lines = lines;
        this.anyLeader09 = anyLeader09;
    }

    @Override
    public boolean record(byte[] buf, int start, int end, long index, OutputBuffer out) {
        RawLayout l = layout;
        if (end - start < 26 || !anyLeader09 && buf[start + 9] != 'a' || !l.read(buf, start, end)
                || l.utf8(buf, end) == RawScan.ILL_FORMED) {
            return false;
        }
        int mark = out.size;
        byte[] b = out.ensure(PER_FIELD * 2 + 24 * PER_BYTE);
        int p = mark;
        if (!lines && index > 0) {
            b[p++] = ',';
        }
        p = put(b, p, LEADER);
        p = string(buf, start, start + 24, b, p); // printable ASCII: it stops at its end
        p = put(b, p, FIELDS);
        for (int i = 0, n = l.fields(); i < n; i++) {
            int from = l.from(i);
            int to = l.to(i);
            b = out.ensure(p - mark + (to - from) * PER_BYTE + PER_FIELD);
            if (i > 0) {
                b[p++] = ',';
            }
            b[p++] = '{';
            b[p++] = '"';
            int t = l.tag(i);
            b[p++] = buf[t]; // letters or digits
            b[p++] = buf[t + 1];
            b[p++] = buf[t + 2];
            if (l.control(i, buf)) {
                b[p++] = '"';
                b[p++] = ':';
                b[p++] = '"';
                p = string(buf, from, to, b, p);
                if (stopped != to) {
                    return false; // a delimiter in a control field
                }
                b[p++] = '"';
            } else {
                if (to - from < 2 || !printable(buf[from]) || !printable(buf[from + 1])
                        || to - from > 2 && buf[from + 2] != SD) {
                    return false;
                }
                p = put(b, p, IND1);
                p = indicator(buf[from], b, p);
                p = put(b, p, IND2);
                p = indicator(buf[from + 1], b, p);
                p = put(b, p, SUBFIELDS);
                for (int k = from + 2; k < to; k = stopped) {
                    // buf[k] is a delimiter; the byte after it is the code, at most the terminator at `to`
                    byte code = buf[k + 1];
                    if (!(code >= 'a' && code <= 'z' || code >= '0' && code <= '9')) {
                        return false;
                    }
                    if (k > from + 2) {
                        b[p++] = ',';
                    }
                    b[p++] = '{';
                    b[p++] = '"';
                    b[p++] = code;
                    b[p++] = '"';
                    b[p++] = ':';
                    b[p++] = '"';
                    p = string(buf, k + 2, to, b, p);
                    b[p++] = '"';
                    b[p++] = '}';
                }
                b[p++] = ']';
                b[p++] = '}';
            }
            b[p++] = '}';
        }
        b = out.ensure(p - mark + 4);
        b[p++] = ']';
        b[p++] = '}';
        if (lines) {
            b[p++] = '\n';
        }
        out.size = p;
        return true;
    }

    /// A printable ASCII character as [JsonEncoder] writes it in a string (`"` and `\` escaped).
    private static int indicator(byte c, byte[] b, int p) {
        if (c == '"' || c == '\\') {
            b[p++] = '\\';
        }
        b[p++] = c;
        return p;
    }

    private static boolean printable(byte c) {
        return c >= 0x20 && c <= 0x7E;
    }

    private static int put(byte[] b, int p, byte[] bytes) {
        System.arraycopy(bytes, 0, b, p, bytes.length);
        return p + bytes.length;
    }

    /// Escapes `buf[from, to)`, known to be well-formed UTF-8, into `b` at `p` as [JsonEncoder]
    /// escapes the text it decodes to, up to `to` or a subfield delimiter before it (the caller
    /// sees where in [#stopped]: a subfield ends there, a control field must not). What is written
    /// as it is (all but control characters, `"` and `\`) is copied in runs. Returns the position
    /// after the bytes written.
    private int string(byte[] buf, int from, int to, byte[] b, int p) {
        int run = from; // the first byte not written yet
        int stop = to;
        while (run < to) {
            int k = RawScan.nextJsonEscape(buf, run, to);
            if (k > run) {
                System.arraycopy(buf, run, b, p, k - run);
                p += k - run;
            }
            if (k >= to) {
                run = to;
                break;
            }
            int c = buf[k];
            if (c == SD) {
                stop = k; // the next subfield, or a delimiter in a control field
                run = k;
                break;
            }
            if (c == '"' || c == '\\') {
                b[p++] = '\\';
                b[p++] = (byte) c;
            } else {
                p = escape(c, b, p);
            }
            run = k + 1;
        }
        stopped = stop;
        return p;
    }

    /// A control character as [JsonEncoder] writes it: `\b \t \n \f \r` short, the others as
    /// backslash-u-00XX.
    private static int escape(int c, byte[] b, int p) {
        b[p++] = '\\';
        switch (c) {
            case '\b' -> b[p++] = 'b';
            case '\t' -> b[p++] = 't';
            case '\n' -> b[p++] = 'n';
            case '\f' -> b[p++] = 'f';
            case '\r' -> b[p++] = 'r';
            default -> {
                b[p++] = 'u';
                b[p++] = '0';
                b[p++] = '0';
                b[p++] = HEX[c >> 4];
                b[p++] = HEX[c & 0xF];
            }
        }
        return p;
    }
}
