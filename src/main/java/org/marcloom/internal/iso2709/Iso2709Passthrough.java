package org.marcloom.internal.iso2709;

import static org.marcloom.internal.iso2709.Framer.FT;
import static org.marcloom.internal.iso2709.Framer.RT;
import static org.marcloom.internal.iso2709.Framer.SD;

import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RawEncoder;
import org.marcloom.internal.RawScan;
import org.marcloom.internal.Utf8;

/// ISO 2709 to ISO 2709 (UTF-8) without decoding: a record is written as its own bytes when they
/// are exactly what [Iso2709Encoder] writes for the record decoding them gives.
///
/// That is when the parser would report nothing and the encoder would change nothing: the leader
/// and directory as [RawLayout] takes them, with the fields laid out in directory order one after
/// another ([RawLayout#canonical()]: the encoder lays them out so, with the same lengths and
/// starts, and the same base address for the same number of entries); leader/09 `a` and 22-23
/// `00` (the encoder writes `a` and `4500`; 00-04 is the framed length, 10-11, 12-16 and 20-21 are
/// what [RawLayout] requires); control fields without delimiters; data fields with two printable
/// indicators and either nothing more or a delimiter after them, every delimiter followed by a
/// lowercase letter or digit; every value well-formed UTF-8 (so that it decodes to the text whose
/// UTF-8 is these bytes again) with no field or record terminator in it (which the encoder
/// refuses). Anything else goes to the encoder. The reader must decode the record as UTF-8
/// without normalising it and with limits it cannot reach ([org.marcloom.internal.Sinks#rawEncoder]
/// sees to that). Not thread-safe.
public final class Iso2709Passthrough implements RawEncoder {


    private final RawLayout layout = new RawLayout();

    @Override
    public boolean record(byte[] buf, int start, int end, long index, OutputBuffer out) {
        RawLayout l = layout;
        if (end - start < 26 || buf[start + 9] != 'a' || buf[start + 22] != '0' || buf[start + 23] != '0'
                || !l.read(buf, start, end) || !l.canonical()) {
            return false;
        }
        for (int i = 0, n = l.fields(); i < n; i++) {
            int from = l.from(i);
            int to = l.to(i);
            if (l.control(i, buf)) {
                if (!values(buf, from, to, false)) {
                    return false;
                }
            } else if (to - from < 2 || !printable(buf[from]) || !printable(buf[from + 1])
                    || to - from > 2 && (buf[from + 2] != SD || !values(buf, from + 2, to, true))) {
                return false;
            }
        }
        int length = end - start;
        byte[] b = out.ensure(length);
        System.arraycopy(buf, start, b, out.size, length);
        out.size += length;
        return true;
    }

    private static boolean printable(byte c) {
        return c >= 0x20 && c <= 0x7E;
    }

    /// Whether `buf[from, to)` is well-formed UTF-8 with no field or record terminator, and either
    /// no subfield delimiter (`delimiters` false) or every delimiter followed by a lowercase letter
    /// or digit (so not by the field terminator at `to`). Only control characters and the bytes
    /// of UTF-8 sequences are looked at ([RawScan#nextIso]).
    static boolean values(byte[] buf, int from, int to, boolean delimiters) {
        int i = from;
        while (i < to) {
            int k = RawScan.nextIso(buf, i, to);
            if (k >= to) {
                return true;
            }
            int c = buf[k];
            if (c < 0) {
                int s = Utf8.next(buf, k, to, true);
                if (s < 0) {
                    return false;
                }
                i = k + Utf8.length(s);
            } else {
                if (c == SD ? !delimiters || !code(buf[k + 1]) : c == FT || c == RT) {
                    return false;
                }
                i = k + 1;
            }
        }
        return true;
    }

    private static boolean code(byte c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
