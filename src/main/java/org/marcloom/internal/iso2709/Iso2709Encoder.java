package org.marcloom.internal.iso2709;

import java.util.List;
import org.marcloom.ErrorCode;
import org.marcloom.MarcWriteException;
import org.marcloom.WriterOptions;
import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RecordEncoder;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// ISO 2709 (MARC 21 transmission format) encoder: no header or footer, records one after another.
///
/// Each record is written as leader, directory and data. Lengths and starting positions count
/// bytes of the encoded data (UTF-8 by default). The leader is the record's own, with the
/// structural positions recomputed or fixed: 00-04 record length, 09 character coding scheme (`a`
/// for UTF-8, blank for MARC-8), 10-11 `22`, 12-16 base address, 20-23 `4500`.
///
/// ## Oversize records
/// ISO 2709 has five digits for the record length and four for a field length. A record over
/// 99,999 bytes or a field over 9,999 bytes (terminator included) is refused with a
/// [MarcWriteException] ([ErrorCode#RECORD_TOO_LARGE]) naming the tag and size, unless
/// [WriterOptions#allowOversize()]. With
/// it the record is written whole and every number that does not fit is clamped: record length
/// `99999`, field length `9999`, a starting position or base address past 99,999 `99999`.
/// Starting positions that fit stay exact, so a reader that trusts the directory's starts and the
/// field terminators (as marcloom's lenient reader does) can still read such a record back.
///
/// ## Other refusals
/// What a strict ISO 2709 reader would not read back is refused, and nothing of the record is
/// appended: text that contains a delimiter (U+001D, U+001E, U+001F:
/// [ErrorCode#CHARACTER_NOT_ALLOWED]); a tag that is not three ASCII letters or digits, or whose
/// kind the field contradicts (a data field tagged `00X` would read back as a control field, a
/// control field with another tag as a data field: [ErrorCode#TAG_INVALID]); an indicator
/// ([ErrorCode#INDICATOR_INVALID]), subfield code ([ErrorCode#SUBFIELD_CODE_INVALID]) or leader
/// character ([ErrorCode#LEADER_INVALID]) that is not a single printable ASCII character, and a
/// blank subfield code. Unpaired UTF-16 surrogates are written as U+FFFD.
///
/// WARNING: hot code. The record is assembled in place at the end of the caller's buffer (leader
/// and directory filled in once the data is encoded), and never copied before it reaches the
/// stream. Not thread-safe.
public final class Iso2709Encoder implements RecordEncoder {

    static final byte RT = 0x1D;
    static final byte FT = 0x1E;
    static final byte SD = 0x1F;

    static final int MAX_RECORD = 99_999;
    static final int MAX_FIELD = 9_999;

    private final boolean allowOversize;
    /// `null` for UTF-8 (encoded in place); otherwise the encoder for every text value.
    private final TextEncoder encoder;
    private final char codingScheme;

    /// The buffer being written and the write position while a record is assembled.
    private OutputBuffer out;
    private byte[] buf;
    private int p;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];

    public Iso2709Encoder(WriterOptions options) {
        this.allowOversize = options.allowOversize();
        TextEncoder e = TextEncoder.of(options.encoding());
        this.encoder = e instanceof TextEncoder.Utf8Encoder ? null : e;
        this.codingScheme = e.leaderCodingScheme();
    }

    @Override
    public void record(MarcRecord record, long index, OutputBuffer target) {
        out = target;
        buf = target.data;
        List<Field> fields = record.fields();
        int n = fields.size();
        if (n > starts.length) {
            int size = Math.max(n, starts.length * 2);
            starts = new int[size];
            lengths = new int[size];
        }
        int recordStart = target.size;
        long base = 24L + 12L * n + 1;
        // Room for leader and directory; the data is encoded after them, then the directory filled.
        if (base > Integer.MAX_VALUE - 16 - recordStart) {
            throw refused(ErrorCode.RECORD_TOO_LARGE, null, n + " fields are too many for one ISO 2709 record");
        }
        ensure(recordStart, (int) base + 1);
        int dataStart = recordStart + (int) base;
        p = dataStart;
        for (int i = 0; i < n; i++) {
            Field f = fields.get(i);
            RecordEncoder.requireKindOfTag(f, "ISO 2709");
            int fieldStart = p;
            switch (f) {
                case ControlField c -> {
                    text(c.data(), c.tag(), (char) 0, recordStart);
                }
                case DataField d -> {
                    ensure(recordStart, p - recordStart + 2);
                    buf[p++] = indicator(d.indicator1(), "first", d.tag());
                    buf[p++] = indicator(d.indicator2(), "second", d.tag());
                    List<Subfield> subs = d.subfields();
                    for (int k = 0, m = subs.size(); k < m; k++) {
                        Subfield s = subs.get(k);
                        ensure(recordStart, p - recordStart + 2);
                        buf[p++] = SD;
                        buf[p++] = subfieldCode(s.code(), d.tag());
                        text(s.value(), d.tag(), s.code(), recordStart);
                    }
                }
            }
            ensure(recordStart, p - recordStart + 1);
            buf[p++] = FT;
            int len = p - fieldStart;
            if (len > MAX_FIELD && !allowOversize) {
                throw refused(ErrorCode.RECORD_TOO_LARGE, f.tag(), "field " + (i + 1) + " of " + n + " is "
                        + len + " bytes; ISO 2709 allows at most 9,999 bytes per field (WriterOptions.allowOversize"
                        + " writes it anyway, with its length written as 9999)");
            }
            starts[i] = fieldStart - dataStart;
            lengths[i] = len;
        }
        ensure(recordStart, p - recordStart + 1);
        buf[p++] = RT;
        int total = p - recordStart;
        if (total > MAX_RECORD && !allowOversize) {
            throw refused(ErrorCode.RECORD_TOO_LARGE, null, "the record is " + total + " bytes; ISO 2709 allows at"
                    + " most 99,999 bytes per record (WriterOptions.allowOversize writes it anyway, with its length"
                    + " written as 99999)");
        }
        writeLeader(record.leader().toString(), recordStart, total, (int) Math.min(base, MAX_RECORD));
        // Directory.
        int q = recordStart + 24;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            String tag = fields.get(i).tag();
            for (int k = 0; k < 3; k++) {
                char c = tag.charAt(k);
                if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    throw refused(ErrorCode.TAG_INVALID, tag, "tag \"" + tag + "\" has a character that is not"
                            + " an ASCII letter or digit; an ISO 2709 reader takes only such tags");
                }
                b[q + k] = (byte) c;
            }
            digits(b, q + 3, 4, Math.min(lengths[i], MAX_FIELD));
            digits(b, q + 7, 5, Math.min(starts[i], MAX_RECORD));
            q += 12;
        }
        b[q] = FT;
        target.size = p;
        buf = null;
        out = null;
    }

    private static MarcWriteException refused(ErrorCode code, String tag, String problem) {
        return new MarcWriteException(code, -1, tag, null, problem);
    }

    private void writeLeader(String leader, int at, int total, int base) {
        byte[] b = buf;
        for (int i = 0; i < 24; i++) {
            char c = leader.charAt(i);
            if (c >= 0x80 || c < 0x20) {
                throw refused(ErrorCode.LEADER_INVALID, null, "leader/" + (i < 10 ? "0" : "") + i + " is U+"
                        + String.format("%04X", (int) c) + "; an ISO 2709 leader holds printable ASCII only");
            }
            b[at + i] = (byte) c;
        }
        digits(b, at, 5, Math.min(total, MAX_RECORD));
        b[at + 9] = (byte) codingScheme;
        b[at + 10] = '2';
        b[at + 11] = '2';
        digits(b, at + 12, 5, base);
        b[at + 20] = '4';
        b[at + 21] = '5';
        b[at + 22] = '0';
        b[at + 23] = '0';
    }

    /// Writes `value` as `width` decimal digits, zero-padded; `value` fits.
    private static void digits(byte[] b, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static byte indicator(char c, String which, String tag) {
        if (c >= 0x80 || c < 0x20) {
            throw refused(ErrorCode.INDICATOR_INVALID, tag, which + " indicator U+" + String.format("%04X", (int) c)
                    + " is not a printable ASCII character; ISO 2709 holds it in one byte");
        }
        return (byte) c;
    }

    /// A subfield code the strict reader takes back: printable ASCII, not blank.
    private static byte subfieldCode(char c, String tag) {
        if (c >= 0x7F || c <= 0x20) {
            throw refused(ErrorCode.SUBFIELD_CODE_INVALID, tag, "subfield code U+" + String.format("%04X", (int) c)
                    + " is not a printable, non-blank ASCII character; an ISO 2709 reader would not read it back");
        }
        return (byte) c;
    }

    /// Encodes a text value at `p`. `code` is the subfield code, or 0 for a control field.
    private void text(String s, String tag, char code, int recordStart) {
        int n = s.length();
        if (encoder != null) {
            byte[] bytes = encoder.encode(s);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] >= 0x1D && bytes[i] <= 0x1F) {
                    throw delimiterInText(s, tag, code, -1);
                }
            }
            ensure(recordStart, p - recordStart + bytes.length);
            System.arraycopy(bytes, 0, buf, p, bytes.length);
            p += bytes.length;
            return;
        }
        if ((long) n * 3 > Integer.MAX_VALUE / 2) {
            throw refused(ErrorCode.RECORD_TOO_LARGE, tag, "a value of " + n + " characters is too long to encode");
        }
        ensure(recordStart, p - recordStart + n * 3);
        byte[] b = buf;
        int q = p;
        int i = 0;
        // ASCII fast path: printable ASCII and controls below the delimiters are copied as bytes.
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c >= 0x1D && c <= 0x1F) {
                break;
            }
            b[q++] = (byte) c;
        }
        if (i < n) {
            q = TextEncoder.Utf8Encoder.encodeInto(s, i, b, q, true);
            if (q < 0) {
                throw delimiterInText(s, tag, code, ~q);
            }
        }
        p = q;
    }

    private static MarcWriteException delimiterInText(String s, String tag, char code, int index) {
        if (index < 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x1D && c <= 0x1F) {
                    index = i;
                    break;
                }
            }
        }
        String where = code == 0 ? "the data of field " + tag : "the value of " + tag + " $" + code;
        String ch = index >= 0 ? "U+" + String.format("%04X", (int) s.charAt(index)) + " at character " + index
                : "an ISO 2709 delimiter byte (0x1D-0x1F)";
        return refused(ErrorCode.CHARACTER_NOT_ALLOWED, tag, where + " contains " + ch
                + ", an ISO 2709 delimiter; such a value cannot be written as ISO 2709");
    }

    /// Makes room for `needed` bytes after `recordStart` (the record being assembled so far is kept).
    private void ensure(int recordStart, int needed) {
        if ((long) recordStart + needed > buf.length) {
            if ((long) recordStart + needed > Integer.MAX_VALUE - 16) {
                throw refused(ErrorCode.RECORD_TOO_LARGE, null, "the record is too large to assemble ("
                        + ((long) recordStart + needed) + " bytes)");
            }
            buf = out.ensure(needed);
        }
    }
}
