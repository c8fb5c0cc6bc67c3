package org.marcloom.internal.xml;

import static java.nio.charset.StandardCharsets.US_ASCII;

import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RawEncoder;
import org.marcloom.internal.RawScan;
import org.marcloom.internal.Utf8;
import org.marcloom.internal.iso2709.RawLayout;

/// ISO 2709 to MARCXML (not indented) without decoding: the bytes [MarcXmlEncoder] writes for
/// the record that decoding an ISO 2709 record gives, written straight from the record's bytes.
///
/// Taken from the bytes only when the parser would report nothing: the leader and directory as
/// [RawLayout] takes them (in any layout: the fields are written in directory order), leader/09 `a`
/// (or anything, for a reader told the data is UTF-8); control fields without delimiters; data
/// fields with two printable indicators and either nothing more or a delimiter after them, every
/// delimiter followed by a lowercase letter or digit; every value well-formed UTF-8. Text is
/// escaped as [MarcXmlEncoder] escapes it (`&`, `<`, `>` and carriage return as references, `"`
/// too in attributes, the other C0 controls but tab and line feed, U+FFFE and U+FFFF as U+FFFD); any
/// other well-formed UTF-8 sequence is the UTF-8 of the character it decodes to, so it is copied.
/// Anything else goes to the encoder. Not thread-safe.
public final class MarcXmlRawEncoder implements RawEncoder {

    private static final byte SD = 0x1F;
    private static final byte[] RECORD_LEADER = "<record><leader>".getBytes(US_ASCII);
    private static final byte[] LEADER_CLOSE = "</leader>".getBytes(US_ASCII);
    private static final byte[] CONTROL_OPEN = "<controlfield tag=\"".getBytes(US_ASCII);
    private static final byte[] CONTROL_CLOSE = "</controlfield>".getBytes(US_ASCII);
    private static final byte[] DATA_OPEN = "<datafield tag=\"".getBytes(US_ASCII);
    private static final byte[] IND1 = "\" ind1=\"".getBytes(US_ASCII);
    private static final byte[] IND2 = "\" ind2=\"".getBytes(US_ASCII);
    private static final byte[] DATA_CLOSE = "</datafield>".getBytes(US_ASCII);
    private static final byte[] SUBFIELD_OPEN = "<subfield code=\"".getBytes(US_ASCII);
    private static final byte[] SUBFIELD_CLOSE = "</subfield>".getBytes(US_ASCII);
    private static final byte[] RECORD_CLOSE = "</record>\n".getBytes(US_ASCII);
    /// The most bytes one input byte of a field becomes (a subfield's delimiter and code become
    /// 29 bytes of markup), and what a field adds around its data, with room to spare.
    private static final int PER_BYTE = 15;
    private static final int PER_FIELD = 96;

    private final boolean anyLeader09;
    private final RawLayout layout = new RawLayout();
    /// Where the text being escaped stopped in the input (see [#text]).
    private int stopped;

    /// @param anyLeader09 the reader decodes every record as UTF-8, whatever its leader/09 says
    public MarcXmlRawEncoder(boolean anyLeader09) {
        this.anyLeader09 = anyLeader09;
    }

    @Override
    public boolean record(byte[] buf, int start, int end, long index, OutputBuffer out) {
        RawLayout l = layout;
        if (end - start < 26 || !anyLeader09 && buf[start + 9] != 'a' || !l.read(buf, start, end)
                || l.utf8(buf, end) != RawScan.WELL_FORMED) {
            return false; // also when U+FFFE or U+FFFF is there (rare: replaced by the encoder)
        }
        int mark = out.size;
        byte[] b = out.ensure(PER_FIELD + 24 * 5);
        int p = put(b, mark, RECORD_LEADER);
        p = text(buf, start, start + 24, b, p); // printable ASCII: it stops at its end
        p = put(b, p, LEADER_CLOSE);
        for (int i = 0, n = l.fields(); i < n; i++) {
            int from = l.from(i);
            int to = l.to(i);
            b = out.ensure(p - mark + (to - from) * PER_BYTE + PER_FIELD);
            int t = l.tag(i);
            if (l.control(i, buf)) {
                p = put(b, p, CONTROL_OPEN);
                p = tag(buf, t, b, p);
                b[p++] = '"';
                b[p++] = '>';
                p = text(buf, from, to, b, p);
                if (stopped != to) {
                    return false; // a delimiter in a control field
                }
                p = put(b, p, CONTROL_CLOSE);
            } else {
                if (to - from < 2 || !printable(buf[from]) || !printable(buf[from + 1])
                        || to - from > 2 && buf[from + 2] != SD) {
                    return false;
                }
                p = put(b, p, DATA_OPEN);
                p = tag(buf, t, b, p);
                p = put(b, p, IND1);
                p = attribute(buf[from], b, p);
                p = put(b, p, IND2);
                p = attribute(buf[from + 1], b, p);
                b[p++] = '"';
                b[p++] = '>';
                for (int k = from + 2; k < to; k = stopped) {
                    // buf[k] is a delimiter; the byte after it is the code, at most the terminator at `to`
                    byte code = buf[k + 1];
                    if (!(code >= 'a' && code <= 'z' || code >= '0' && code <= '9')) {
                        return false;
                    }
                    p = put(b, p, SUBFIELD_OPEN);
                    b[p++] = code;
                    b[p++] = '"';
                    b[p++] = '>';
                    p = text(buf, k + 2, to, b, p);
                    p = put(b, p, SUBFIELD_CLOSE);
                }
                p = put(b, p, DATA_CLOSE);
            }
        }
        b = out.ensure(p - mark + RECORD_CLOSE.length);
        p = put(b, p, RECORD_CLOSE);
        out.size = p;
        return true;
    }

    private static boolean printable(byte c) {
        return c >= 0x20 && c <= 0x7E;
    }

    private static int put(byte[] b, int p, byte[] bytes) {
        System.arraycopy(bytes, 0, b, p, bytes.length);
        return p + bytes.length;
    }

    /// A tag of three letters or digits.
    private static int tag(byte[] buf, int t, byte[] b, int p) {
        b[p++] = buf[t];
        b[p++] = buf[t + 1];
        b[p++] = buf[t + 2];
        return p;
    }

    /// A printable ASCII character in an attribute value, as [MarcXmlEncoder] escapes it.
    private static int attribute(byte c, byte[] b, int p) {
        return switch (c) {
            case '&' -> put(b, p, "&amp;");
            case '<' -> put(b, p, "&lt;");
            case '>' -> put(b, p, "&gt;");
            case '"' -> put(b, p, "&quot;");
            default -> {
                b[p] = c;
                yield p + 1;
            }
        };
    }

    private static int put(byte[] b, int p, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            b[p++] = (byte) ascii.charAt(i);
        }
        return p;
    }

    /// Escapes `buf[from, to)`, known to be well-formed UTF-8 without U+FFFE and U+FFFF, into
    /// `b` at `p` as [MarcXmlEncoder] escapes the text it decodes to (not in an attribute), up to
    /// `to` or a subfield delimiter before it (the caller sees where in [#stopped]: a subfield ends
    /// there, a control field must not). What is written as it is (all but `&`, `<`, `>` and the
    /// control characters other than tab and line feed) is copied in runs. Returns the position
    /// after the bytes written.
    private int text(byte[] buf, int from, int to, byte[] b, int p) {
        int run = from; // the first byte not written yet
        int i = from;
        int stop = to;
        while (i < to) {
            int k = RawScan.nextXmlEscape(buf, i, to);
            if (k >= to) {
                break;
            }
            int c = buf[k];
            if (c == '\t' || c == '\n') {
                i = k + 1;
                continue;
            }
            if (k > run) {
                System.arraycopy(buf, run, b, p, k - run);
                p += k - run;
            }
            if (c == SD) {
                stop = k; // the next subfield, or a delimiter in a control field
                run = k;
                break;
            }
            switch (c) {
                case '&' -> p = put(b, p, "&amp;");
                case '<' -> p = put(b, p, "&lt;");
                case '>' -> p = put(b, p, "&gt;");
                case '\r' -> p = put(b, p, "&#13;");
                default -> p = Utf8.encodeReplacement(b, p); // XML 1.0 cannot hold it
            }
            i = run = k + 1;
        }
        if (stop > run) {
            System.arraycopy(buf, run, b, p, stop - run);
            p += stop - run;
        }
        stopped = stop;
        return p;
    }
}
