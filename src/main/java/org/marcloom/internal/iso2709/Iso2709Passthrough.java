package org.marcloom.internal.iso2709;

import static org.marcloom.internal.iso2709.Framer.SD;

import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RawEncoder;
import org.marcloom.internal.RawScan;

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
        int n = l.fields();
        for (int i = 0; i < n; i++) {
            int from = l.from(i);
            int to = l.to(i);
            if (l.control(i, buf)) {
                for (int k = from; k < to; k++) {
                    if (buf[k] == SD) {
                        return false;
                    }
                }
            } else if (to - from < 2 || !printable(buf[from]) || !printable(buf[from + 1])
                    || to - from > 2 && buf[from + 2] != SD) {
                return false;
            }
        }
        // The fields are all of the data: its delimiters and its text in one pass each. A field
        // terminator more than the fields' own is one in a value.
        if (RawScan.isoDelimiters(buf, l.dataStart(), end - 1) != n
                || RawScan.utf8(buf, l.dataStart(), end - 1) == RawScan.ILL_FORMED) {
            return false;
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
}
