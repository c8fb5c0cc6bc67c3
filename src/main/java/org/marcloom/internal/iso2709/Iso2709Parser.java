package org.marcloom.internal.iso2709;

import static org.marcloom.internal.iso2709.Framer.FT;
import static org.marcloom.internal.iso2709.Framer.RT;
import static org.marcloom.internal.iso2709.Framer.SD;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcEncoding;
import org.marcloom.MarcParseException;
import org.marcloom.RawRecord;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;
import org.marcloom.internal.DiagnosticCollector;
import org.marcloom.internal.ModelAccess;
import org.marcloom.internal.Utf8;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Turns one framed ISO 2709 record into a [MarcRecord]. Shared by every read path, so the
/// sequential and the parallel readers give the same records and the same diagnostics.
///
/// WARNING: hot code. Int indexes into the caller's array, no per-byte allocation, exact-size
/// arrays handed to the model without copies. Not thread-safe: one parser per thread.
public final class Iso2709Parser {

    private static final ModelAccess.Factory MODEL = ModelAccess.factory();
    private static final Subfield[] NO_SUBFIELDS = new Subfield[0];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SD_WORD = 0x1F1F1F1F1F1F1F1FL;
    private static final long ESC_WORD = 0x1B1B1B1B1B1B1B1BL;
    private static final long AMP_WORD = 0x2626262626262626L;
    private static final long DEL_WORD = 0x7F7F7F7F7F7F7F7FL;
    private static final byte ESC = 0x1B;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long DIGITS = 0x3030303030303030L;

    private final ReaderOptions options;
    private final int maxFields;
    private final int maxSubfields;
    private final TextDecoder marc8;
    private final DiagnosticCollector diagnostics;

    // Per-record state.
    private long recordOffset;
    private int recordStart;
    private int charset;

    // Per-field scratch: where the subfield delimiters are (reused), and whether the data is ASCII.
    private int[] delimiters = new int[64];
    private boolean asciiOnly;
    // Scratch for decoding UTF-8 text (see utf8), grown to the longest value seen.
    private static final int MAX_SCRATCH = 1 << 16;
    private byte[] latin1Scratch = new byte[256];
    private char[] charScratch = new char[256];

    private static final int UTF8 = 0;
    private static final int MARC8 = 1;
    private static final int LATIN1 = 2;

    /// A parser whose strict errors name no input.
    public Iso2709Parser(ReaderOptions options) {
        this(options, null);
    }

    /// @param sourceName the input's name for strict errors, or null
    public Iso2709Parser(ReaderOptions options, String sourceName) {
        this.options = options;
        this.maxFields = options.limits().maxFieldsPerRecord();
        this.maxSubfields = options.limits().maxSubfieldsPerField();
        this.marc8 = TextDecoder.marc8(options);
        this.diagnostics = new DiagnosticCollector(options, sourceName);
    }

    /// Diagnostics that framing found (junk skipped before the record, a wrong length, a missing
    /// terminator, a truncated record), in the order a reader reports them.
    public static List<Diagnostic> framingDiagnostics(int flags, int declaredLength, int actualLength,
                                                      long recordIndex, long recordOffset,
                                                      long skipped, long skippedOffset,
                                                      boolean skippedWhitespace) {
        if (flags == 0 && skipped == 0) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>(2);
        if (skipped > 0) {
            out.add(framing(skippedWhitespace ? Severity.WARNING : Severity.ERROR, ErrorCode.JUNK_SKIPPED,
                    recordIndex, skippedOffset, skipped + (skippedWhitespace
                            ? " bytes of white space (newlines, blanks) come before this record"
                            : " bytes before this record are not a record"), "skipped"));
        }
        if ((flags & Framer.LENGTH_MISMATCH) != 0) {
            out.add(framing(Severity.ERROR, ErrorCode.RECORD_LENGTH_MISMATCH, recordIndex, recordOffset,
                    (declaredLength < 0 ? "leader/00-04 is not a record length"
                            : "leader/00-04 declares " + declaredLength + " bytes")
                            + " but the record ends at the next record terminator, after " + actualLength + " bytes",
                    "read up to that terminator"));
        }
        if ((flags & Framer.NO_TERMINATOR) != 0) {
            out.add(framing(Severity.ERROR, ErrorCode.RECORD_LENGTH_MISMATCH, recordIndex,
                    recordOffset + actualLength - 1, "the record has no record terminator (0x1D)",
                    "its declared length of " + actualLength + " bytes was used"));
        }
        if ((flags & Framer.TRUNCATED) != 0) {
            out.add(framing(Severity.ERROR, ErrorCode.RECORD_TRUNCATED, recordIndex, recordOffset,
                    "the input ends inside this record, after " + actualLength + " bytes"
                            + (declaredLength >= 0 ? " of the " + declaredLength + " its leader declares" : ""),
                    "read as far as it goes"));
        }
        return out;
    }

    private static Diagnostic framing(Severity severity, ErrorCode code, long recordIndex, long byteOffset,
                                      String problem, String repair) {
        return Diagnostic.builder(severity, code).recordIndex(recordIndex).byteOffset(byteOffset).problem(problem)
                .repair(repair).build();
    }

    /// Parses the record `in` framed last, in place in its buffer.
    ///
    /// @throws MarcParseException in strict mode, at the first data error
    public MarcRecord parse(FramedInput in) {
        return parse(in.buffer(), in.start(), in.end(), in.index(), in.offset(), in.framing());
    }

    /// Parses a record's bytes as [FramedInput#raw()] copied them, with their framing diagnostics.
    ///
    /// @throws MarcParseException in strict mode, at the first data error
    public MarcRecord parse(RawRecord raw) {
        return parse(raw.bytes(), 0, raw.length(), raw.index(), raw.offset(), raw.diagnostics());
    }

    /// Parses `buf[start, end)`, the record's bytes from its leader to its terminator.
    ///
    /// @param index    zero-based record index in the input
    /// @param offset   absolute byte offset of `buf[start]` in the input
    /// @param framing  diagnostics from framing to attach first (usually empty)
    /// @throws MarcParseException in strict mode, at the first data error
    public MarcRecord parse(byte[] buf, int start, int end, long index, long offset, List<Diagnostic> framing) {
        DiagnosticCollector diagnostics = this.diagnostics;
        diagnostics.startRecord(index);
        recordOffset = offset;
        recordStart = start;
        for (int i = 0; i < framing.size(); i++) {
            diagnostics.add(framing.get(i));
        }
        int length = end - start;
        // The data area ends before the record terminator (when there is one).
        int dataLimit = length > 0 && buf[end - 1] == RT ? end - 1 : end;

        Leader leader = leader(buf, start, length);
        charset = chooseCharset(leader, buf, start + 24, dataLimit);

        int base = baseAddress(buf, start, leader, dataLimit);
        int dirStart = start + 24;
        int dirEnd = base > 0 ? start + base - 1 : dirStart; // index of the directory's 0x1E
        int entries = (dirEnd - dirStart) / 12;
        int rem = (dirEnd - dirStart) % 12;
        int dataStart = start + (base > 0 ? base : 24);
        // Where the whole 12-byte entries begin. A directory that is not a multiple of 12 is
        // usually one short (or long) entry: when the entries line up from the directory's end
        // better than from its start, the bad bytes are at the start (real exports lose a byte of
        // the first entry; marc4j__pride-and-prejudice-with-many-errors.mrc record 92).
        int first = dirStart;
        boolean partialFirst = false;
        if (rem != 0) {
            partialFirst = goodEntries(buf, dirStart + rem, entries, dataStart, dataLimit)
                    > goodEntries(buf, dirStart, entries, dataStart, dataLimit);
            if (partialFirst) {
                first = dirStart + rem;
                report(Severity.ERROR, ErrorCode.DIRECTORY_INVALID, dirStart, null, "the directory is "
                        + (dirEnd - dirStart) + " bytes long, not a multiple of 12", "its entries line up from the end,"
                        + " so the first " + rem + " bytes were read as a short entry");
            } else {
                report(Severity.ERROR, ErrorCode.DIRECTORY_INVALID, dirStart, null, "the directory is "
                        + (dirEnd - dirStart) + " bytes long, not a multiple of 12", "the last " + rem
                        + " bytes were ignored");
            }
        }
        if (entries > maxFields) {
            entries = overLimit(entries, maxFields, "the record", "directory entries", "maxFieldsPerRecord", dirStart,
                    null);
        }
        Field[] fields = new Field[entries + (partialFirst ? 1 : 0)];
        int count = 0;
        int previousEnd = dataStart;
        if (partialFirst && rem >= 9 && Framer.digits(buf, dirStart + rem - 9, 9) >= 0) {
            // The short entry still ends with a length and a start: read its field; its tag lost
            // bytes, so what is left of it is padded with leading zeros ("01" -> "001").
            StringBuilder t = new StringBuilder(new String(buf, dirStart, rem - 9, StandardCharsets.ISO_8859_1));
            while (t.length() < 3) {
                t.insert(0, '0');
            }
            String tag = MODEL.internTag(t.substring(0, 3));
            report(Severity.ERROR, ErrorCode.DIRECTORY_ENTRY_INVALID, dirStart, tag, "directory entry of only " + rem
                    + " bytes", "its field was read with the tag taken as \"" + tag + "\"");
            Field f = field(buf, dirStart, tag, dirStart + rem - 9, dataStart, dataLimit, previousEnd);
            if (f != null) {
                fields[count++] = f;
                previousEnd = lastFieldEnd;
            }
        }
        for (int e = 0; e < entries; e++) {
            int p = first + e * 12;
            Field f = field(buf, p, tag(buf, p), p + 3, dataStart, dataLimit, previousEnd);
            if (f != null) {
                fields[count++] = f;
                previousEnd = lastFieldEnd;
            }
        }
        return MODEL.record(leader, fields, count, diagnostics.finish());
    }

    private Leader leader(byte[] buf, int start, int length) {
        String text;
        if (length >= 24) {
            text = new String(buf, start, 24, StandardCharsets.ISO_8859_1);
        } else {
            report(Severity.ERROR, ErrorCode.LEADER_INVALID, start, null,
                    "the record is only " + length + " bytes, shorter than a leader", "the leader was padded with blanks");
            StringBuilder sb = new StringBuilder(new String(buf, start, Math.max(0, length), StandardCharsets.ISO_8859_1));
            while (sb.length() < 24) {
                sb.append(' ');
            }
            text = sb.toString();
        }
        Leader leader = Leader.of(text);
        for (int i = 0; i < 24; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                report(Severity.ERROR, ErrorCode.LEADER_INVALID, start + i, null,
                        String.format("leader/%02d is the byte 0x%02X, not a printable ASCII character", i, (int) c),
                        "");
                break;
            }
        }
        // A leader padded with blanks is checked only where it has bytes: the padding is not input.
        if (length > 11 && (leader.indicatorCount() != 2 || leader.subfieldCodeLength() != 2)) {
            report(Severity.ERROR, ErrorCode.LEADER_INVALID, start + 10, null,
                    "leader/10-11 should be \"22\" (indicator count, subfield code length), found \""
                            + text.substring(10, 12) + "\"", "read as 2 and 2");
        }
        if (length > 21 && (text.charAt(20) != '4' || text.charAt(21) != '5')) {
            report(Severity.ERROR, ErrorCode.LEADER_INVALID, start + 20, null,
                    "leader/20-21 should be \"45\" (4-digit field lengths, 5-digit starting positions), found \""
                            + text.substring(20, 22) + "\"", "read as 4 and 5");
        }
        return leader;
    }

    private int chooseCharset(Leader leader, byte[] buf, int from, int to) {
        MarcEncoding encoding = options.encoding();
        switch (encoding) {
            case UTF_8:
                return UTF8;
            case MARC_8:
                return MARC8;
            case LATIN_1:
                return LATIN1;
            default:
                break;
        }
        char scheme = leader.characterCodingScheme();
        int declared = scheme == 'a' ? UTF8 : MARC8;
        if (scheme != 'a' && scheme != ' ') {
            report(Severity.WARNING, ErrorCode.ENCODING_UNKNOWN, recordStart + 9, null,
                    String.format("leader/09 is '%s' (0x%02X), neither 'a' (UTF-8) nor blank (MARC-8)",
                            scheme >= 0x20 && scheme < 0x7F ? String.valueOf(scheme) : "?", (int) scheme), "read as MARC-8");
        }
        if (!options.guessEncoding() || to <= from || Utf8.isAscii(buf, from, to - from)) {
            return declared;
        }
        int bad = Utf8.firstInvalid(buf, from, to - from);
        if (declared == MARC8 && bad < 0) {
            report(Severity.WARNING, ErrorCode.ENCODING_GUESSED, recordStart + 9, null,
                    "leader/09 says MARC-8 but the data is valid UTF-8 with non-ASCII characters", "read as UTF-8");
            return UTF8;
        }
        if (declared == UTF8 && bad >= 0) {
            report(Severity.WARNING, ErrorCode.ENCODING_GUESSED, recordStart + 9, null,
                    "leader/09 says UTF-8 but the data is not valid UTF-8 (first bad byte at record byte "
                            + (bad - recordStart) + ")", "read as MARC-8");
            return MARC8;
        }
        return declared;
    }

    private int baseAddress(byte[] buf, int start, Leader leader, int dataLimit) {
        int length = dataLimit - start;
        int base = leader.baseAddress();
        if (base >= 25 && base <= length && buf[start + base - 1] == FT) {
            return base;
        }
        // Only the directory's terminator is wrong when the base address leaves room for whole
        // 12-byte entries and every one of them points at a field that ends with a terminator
        // (marc-perl__baddir.usmarc: 0x1F where the 0x1E should be).
        if (base >= 25 + 12 && base <= length && (base - 25) % 12 == 0
                && goodEntries(buf, start + 24, (base - 25) / 12, start + base, dataLimit) == (base - 25) / 12) {
            report(Severity.ERROR, ErrorCode.DIRECTORY_INVALID, start + base - 1, null, String.format(
                    "the directory ends with the byte 0x%02X, not a field terminator (0x1E)", buf[start + base - 1] & 0xFF),
                    String.format("its %d entries fit the data at the base address leader/12-16 gives, so that base"
                            + " address was used", (base - 25) / 12));
            return base;
        }
        // Find where the directory really ends: the first field terminator after the leader.
        int ft = Framer.indexOf(buf, start + 24, dataLimit, FT);
        String found = length <= 12 ? ""
                : new String(buf, start + 12, Math.min(5, length - 12), StandardCharsets.ISO_8859_1);
        if (ft < 0) {
            // Where the directory would start, or the record's last byte when it is shorter than that.
            report(Severity.ERROR, ErrorCode.DIRECTORY_INVALID, Math.min(start + 24, Math.max(start, dataLimit - 1)), null,
                    "the directory has no field terminator (0x1E)", "the record has no readable fields");
            return 0;
        }
        report(Severity.ERROR, ErrorCode.BASE_ADDRESS_INVALID, start + 12, null,
                "leader/12-16 (base address of data) is \"" + found + "\" but the directory ends at record byte "
                        + (ft - start), "used base address " + (ft - start + 1));
        return ft - start + 1;
    }

    private int lastFieldEnd;

    /// One directory entry at `p` and its field. Returns null when the field cannot be read.
    /// Counts the `n` entries from `p` whose length and start are digits and whose field ends
    /// with a field terminator inside the data.
    private static int goodEntries(byte[] buf, int p, int n, int dataStart, int dataLimit) {
        int good = 0;
        for (int e = 0; e < n; e++) {
            int q = p + e * 12;
            int len = Framer.digits(buf, q + 3, 4);
            int at = Framer.digits(buf, q + 7, 5);
            if (len > 0 && at >= 0 && dataStart + at + len <= dataLimit && buf[dataStart + at + len - 1] == FT) {
                good++;
            }
        }
        return good;
    }

    /// `tag` read from the entry at `p`; its length and start are the 9 digits at `numbers`.
    private Field field(byte[] buf, int p, String tag, int numbers, int dataStart, int dataLimit, int previousEnd) {
        // The nine digits, the first eight as one little-endian word: byte k is digit k.
        long w = (long) LONGS.get(buf, numbers);
        int ninth = buf[numbers + 8] - '0';
        int fieldLength = -1;
        int fieldStart = -1;
        if ((w & 0xF0F0F0F0F0F0F0F0L) == DIGITS && ((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) == DIGITS
                && ninth >= 0 && ninth <= 9) {
            long x = w - DIGITS;
            x = (x * 10 + (x >>> 8)) & 0x00FF00FF00FF00FFL;      // two-digit numbers in bytes 0, 2, 4, 6
            x = (x * 100 + (x >>> 16)) & 0x0000FFFF0000FFFFL;    // four-digit numbers in bytes 0-1 and 4-5
            fieldLength = (int) (x & 0xFFFF);
            fieldStart = (int) (x >>> 32) * 10 + ninth;
        }
        int from;
        int to; // index of the field terminator, or the end of the usable data
        if (fieldLength < 0 || fieldStart < 0) {
            report(Severity.ERROR, ErrorCode.DIRECTORY_ENTRY_INVALID, p, tag,
                    "directory entry \"" + Framer.printable(buf, p, 12)
                            + "\" has a length or starting position that is not digits",
                    "read the field that follows the previous one");
            from = previousEnd;
            if (from >= dataLimit) {
                return null;
            }
            int ft = Framer.indexOf(buf, from, dataLimit, FT);
            to = ft < 0 ? dataLimit : ft;
        } else {
            from = dataStart + fieldStart;
            int end = from + fieldLength;
            if (fieldLength == 0 || from >= dataLimit) {
                report(Severity.ERROR, ErrorCode.FIELD_OUT_OF_BOUNDS, p, tag,
                        "directory entry points at record bytes " + (from - recordStart) + "-" + (end - recordStart)
                                + ", outside the record's data (which ends at record byte " + (dataLimit - recordStart)
                                + ")", "the field was dropped");
                return null;
            }
            if (end > dataLimit) {
                int begin = realign(buf, from, previousEnd, dataStart, dataLimit);
                int ft = Framer.indexOf(buf, begin, dataLimit, FT);
                report(Severity.ERROR, ErrorCode.FIELD_OUT_OF_BOUNDS, p, tag,
                        "field of " + fieldLength + " bytes at record byte " + (from - recordStart)
                                + " runs past the end of the record's data",
                        "read " + realigned(begin, from) + "up to " + (ft < 0 ? "the end of the data" : "its field terminator"));
                from = begin;
                to = ft < 0 ? dataLimit : ft;
            } else if (buf[end - 1] == FT) {
                to = end - 1;
            } else {
                int begin = realign(buf, from, previousEnd, dataStart, dataLimit);
                int ft = Framer.indexOf(buf, begin, dataLimit, FT);
                report(Severity.ERROR, ErrorCode.FIELD_TERMINATOR_MISSING, from, tag,
                        "the field does not end with a field terminator (0x1E) at the length its directory entry gives ("
                                + fieldLength + " bytes)", "read " + realigned(begin, from) + "up to "
                                + (ft < 0 ? "the end of the data" : "the next field terminator, at record byte " + (ft - recordStart)));
                from = begin;
                to = ft < 0 ? dataLimit : ft;
            }
        }
        lastFieldEnd = Math.min(to + 1, dataLimit);
        if (Field.isControlTag(tag)) {
            return controlField(buf, tag, from, to);
        }
        return dataField(buf, tag, from, to);
    }

    /// The most bytes a field's real start may be from where its directory entry puts it, for
    /// [#realign] to move it.
    private static final int MAX_SHIFT = 32;

    /// Where a field whose directory entry is off really begins. A field begins right after a
    /// field terminator: when the declared start `from` does not, but the previous field ended
    /// with its terminator at most [#MAX_SHIFT] bytes away, the field begins there. An exporter
    /// that counted characters instead of bytes in one field shifts every later field by the
    /// difference (pymarc__bad_subfield_code.dat, marc4j__error.mrc).
    private static int realign(byte[] buf, int from, int previousEnd, int dataStart, int dataLimit) {
        if (from > dataStart && buf[from - 1] != FT && previousEnd >= dataStart && previousEnd < dataLimit
                && previousEnd != from
                && Math.abs(previousEnd - from) <= MAX_SHIFT && buf[previousEnd - 1] == FT) {
            return previousEnd;
        }
        return from;
    }

    /// `from record byte N, after the previous field, ` when [#realign] moved the start, else nothing.
    private String realigned(int begin, int from) {
        return begin == from ? "" : "from record byte " + (begin - recordStart) + ", after the previous field, ";
    }

    private String tag(byte[] buf, int p) {
        int a = buf[p] - '0';
        int b = buf[p + 1] - '0';
        int c = buf[p + 2] - '0';
        if ((a | b | c) >= 0 && a <= 9 && b <= 9 && c <= 9) {
            return TagTable.TAGS[a * 100 + b * 10 + c];
        }
        for (int i = 0; i < 3; i++) {
            byte x = buf[p + i];
            if (!(x >= '0' && x <= '9' || x >= 'A' && x <= 'Z' || x >= 'a' && x <= 'z')) {
                report(Severity.ERROR, ErrorCode.TAG_INVALID, p, null,
                        "directory entry tag \"" + Framer.printable(buf, p, 3) + "\" is not three letters or digits", "");
                break;
            }
        }
        return new String(buf, p, 3, StandardCharsets.ISO_8859_1);
    }

    private ControlField controlField(byte[] buf, String tag, int from, int to) {
        if (Framer.indexOf(buf, from, to, SD) >= 0) {
            report(Severity.ERROR, ErrorCode.CONTROL_FIELD_INVALID, from, tag,
                    "control field contains a subfield delimiter (0x1F)", "kept as data");
        }
        String data = text(buf, from, to - from, tag, false);
        if (diagnostics.controlNumber() == null && tag.equals("001")) {
            diagnostics.controlNumber(data);
        }
        return new ControlField(tag, data);
    }

    private DataField dataField(byte[] buf, String tag, int from, int to) {
        int len = to - from;
        char ind1 = ' ';
        char ind2 = ' ';
        int p = from;
        if (len < 2 || buf[from] == SD || buf[from + 1] == SD) {
            report(Severity.ERROR, ErrorCode.INDICATOR_INVALID, from, tag,
                    "data field has no room for two indicators before its subfields", "read as blanks");
            if (len >= 1 && buf[from] != SD) {
                ind1 = indicator(buf, from, tag);
                p = from + 1;
            }
        } else {
            ind1 = indicator(buf, from, tag);
            ind2 = indicator(buf, from + 1, tag);
            p = from + 2;
        }
        // One pass over the subfield data: where the delimiters are, and whether it is all ASCII.
        int n = scanDelimiters(buf, p, to);
        boolean ascii = asciiOnly;
        if (p < to && buf[p] != SD) {
            return undelimited(buf, tag, ind1, ind2, from, p, to, n, ascii);
        }
        int capacity = subfieldCapacity(n, from, tag);
        Subfield[] subs = capacity == 0 ? NO_SUBFIELDS : new Subfield[capacity];
        int k = subfields(buf, delimiters, n, to, tag, ascii, subs, 0);
        return MODEL.dataField(tag, ind1, ind2, subs, k);
    }

    /// A data field whose data after the indicators (at `p`) does not start with a delimiter: that
    /// text is kept as subfield `a`. Apart from [#dataField], which stays small for the usual field.
    private DataField undelimited(byte[] buf, String tag, char ind1, char ind2, int from, int p, int to, int n,
                                  boolean ascii) {
        int[] d = delimiters;
        int stop = n > 0 ? d[0] : to;
        report(Severity.ERROR, ErrorCode.SUBFIELD_DELIMITER_MISSING, p, tag,
                (stop - p) + " bytes of data after the indicators are not in a subfield", "kept as subfield 'a'");
        Subfield[] subs = new Subfield[subfieldCapacity(1 + n, from, tag)];
        subs[0] = new Subfield('a', text(buf, p, stop - p, tag, ascii));
        int k = subfields(buf, d, n, to, tag, ascii, subs, 1);
        return MODEL.dataField(tag, ind1, ind2, subs, k);
    }

    /// How many of a field's `count` subfields are read: all of them, or as many as
    /// [org.marcloom.Limits#maxSubfieldsPerField()] allows (reported).
    private int subfieldCapacity(int count, int at, String tag) {
        int max = maxSubfields;
        return count <= max ? count : overLimit(count, max, "the field", "subfields", "maxSubfieldsPerField", at, tag);
    }

    /// Finds every subfield delimiter in `buf[from, to)`, eight bytes at a time: their positions go
    /// to [#delimiters] (grown as needed), and to [#asciiOnly] whether the field's text is its bytes
    /// as they are: every byte below 0x80 and, for MARC-8, no ESC (a character set change), no
    /// `&` (a numeric character reference may start there) and no DEL (for the decoder to
    /// reject). Returns how many delimiters there are.
    private int scanDelimiters(byte[] buf, int from, int to) {
        if (charset == MARC8) {
            return scanDelimitersMarc8(buf, from, to);
        }
        int n = 0;
        long high = 0;
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long w = (long) LONGS.get(buf, i);
            high |= w;
            n = addDelimiters(zeroBytes(w ^ SD_WORD), i, n);
        }
        for (; i < to; i++) {
            byte b = buf[i];
            high |= b;
            if (b == SD) {
                n = addDelimiters(0x80, i, n);
            }
        }
        asciiOnly = (high & HIGH_BITS) == 0;
        return n;
    }

    /// [#scanDelimiters] for MARC-8: ESC, `&` and DEL (not a MARC-8 character) count as not plain too.
    private int scanDelimitersMarc8(byte[] buf, int from, int to) {
        int n = 0;
        long special = 0;
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long w = (long) LONGS.get(buf, i);
            special |= w | zeroBytes(w ^ ESC_WORD) | zeroBytes(w ^ AMP_WORD) | zeroBytes(w ^ DEL_WORD);
            n = addDelimiters(zeroBytes(w ^ SD_WORD), i, n);
        }
        for (; i < to; i++) {
            byte b = buf[i];
            special |= b;
            if (b == ESC || b == '&' || b == 0x7F) {
                special = HIGH_BITS;
            }
            if (b == SD) {
                n = addDelimiters(0x80, i, n);
            }
        }
        asciiOnly = (special & HIGH_BITS) == 0;
        return n;
    }

    /// Appends to [#delimiters], from `n`, `base` plus the index of each byte whose 0x80 bit is
    /// set in `mask`; returns the new count. Called for every word, delimiter or not: the first two
    /// positions are stored whatever the mask (slots past the count are scratch), so the usual
    /// word, with no delimiter or one, takes no branch that depends on the data.
    private int addDelimiters(long mask, int base, int n) {
        int[] d = delimiters;
        if (n + 8 > d.length) {
            d = growDelimiters();
        }
        int count = Long.bitCount(mask);
        long m = mask;
        d[n] = base + (Long.numberOfTrailingZeros(m) >>> 3);
        m &= m - 1;
        d[n + 1] = base + (Long.numberOfTrailingZeros(m) >>> 3);
        if (count > 2) {
            int k = n + 2;
            m &= m - 1;
            while (m != 0) {
                d[k++] = base + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
            }
        }
        return n + count;
    }

    /// 0x80 in each byte of `x` that is zero, else 0: exact, with no borrow from byte to byte.
    private static long zeroBytes(long x) {
        return ~((x & LOW7) + LOW7 | x | LOW7);
    }

    private int[] growDelimiters() {
        delimiters = java.util.Arrays.copyOf(delimiters, delimiters.length * 2);
        return delimiters;
    }

    /// Reads the subfields that start at the delimiters `d[0, n)` (the last one running to `to`)
    /// into `subs` from `k`, until `subs` is full; returns the count.
    private int subfields(byte[] buf, int[] d, int n, int to, String tag, boolean ascii, Subfield[] subs, int k) {
        int capacity = subs.length;
        for (int j = 0; j < n && k < capacity; j++) {
            int p = d[j];
            int codeAt = p + 1;
            int next = j + 1 < n ? d[j + 1] : to;
            if (codeAt >= next) {
                report(Severity.ERROR, ErrorCode.SUBFIELD_CODE_INVALID, p, tag,
                        "a subfield delimiter is not followed by a subfield code", "the empty subfield was dropped");
                continue;
            }
            byte codeByte = buf[codeAt];
            char code = (char) (codeByte & 0xFF);
            if (!(codeByte >= 'a' && codeByte <= 'z' || codeByte >= '0' && codeByte <= '9')) {
                if (codeByte > 0x20 && codeByte < 0x7F) {
                    report(Severity.WARNING, ErrorCode.SUBFIELD_CODE_INVALID, codeAt, tag,
                            "subfield code '" + code + "' is not a lowercase letter or a digit", "");
                } else {
                    report(Severity.ERROR, ErrorCode.SUBFIELD_CODE_INVALID, codeAt, tag,
                            String.format("subfield code is the byte 0x%02X, not a printable character",
                                    codeByte & 0xFF), "kept as is");
                }
            }
            subs[k++] = new Subfield(code, text(buf, codeAt + 1, next - codeAt - 1, tag, ascii));
        }
        return k;
    }

    private char indicator(byte[] buf, int at, String tag) {
        byte b = buf[at];
        if (b < 0x20 || b > 0x7E) {
            report(Severity.ERROR, ErrorCode.INDICATOR_INVALID, at, tag,
                    String.format("indicator is the byte 0x%02X, not a printable character", b & 0xFF),
                    "read as blank");
            return ' ';
        }
        return (char) b;
    }

    /// Decodes field data in the record's charset, reporting bad bytes. `ascii`: the caller knows
    /// the text is the bytes as they are (see [#scanDelimiters]): plain ASCII in every charset.
    private String text(byte[] buf, int off, int len, String tag, boolean ascii) {
        if (len == 0) {
            return "";
        }
        if (ascii) {
            return new String(buf, off, len, StandardCharsets.ISO_8859_1);
        }
        return decode(buf, off, len, tag);
    }

    /// [#text] for data that may not be plain ASCII (kept apart so that the plain path stays small).
    private String decode(byte[] buf, int off, int len, String tag) {
        String s;
        switch (charset) {
            case UTF8 -> {
                s = utf8(buf, off, len, tag);
                if (options.normalizeNfc() && s.length() != len) {
                    s = Normalizer.normalize(s, Normalizer.Form.NFC);
                }
            }
            case MARC8 -> s = marc8.decode(buf, off, len, this, tag);
            default -> s = new String(buf, off, len, StandardCharsets.ISO_8859_1);
        }
        return s;
    }

    /// Decodes UTF-8 into a String with no allocation but the String's own: Latin-1 text is
    /// collected in a reused byte array, other text in a reused char array (the JDK's UTF-8
    /// constructor allocates a copy of the input, and for non-Latin-1 text a UTF-16 array it then
    /// trims, on top of the result). What is well-formed is [Utf8#next]'s to say (the Latin-1 loop
    /// only takes the two-byte sequences that cannot be ill-formed). A bad run, and a value over
    /// 64 KiB, go on in [#utf16], off the hot path.
    private String utf8(byte[] b, int off, int len, String tag) {
        int i = off;
        int end = off + len;
        // The ASCII prefix, eight bytes at a time: an ASCII value (most values of a field that has
        // some non-ASCII text) is a plain copy.
        while (i <= end - 8 && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
            i += 8;
        }
        while (i < end && b[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        if (len > MAX_SCRATCH) {
            // an oversize value (lenient reading): not worth keeping scratch that big
            return utf16(b, off, end, new char[len], 0, tag);
        }
        if (latin1Scratch.length < len) {
            latin1Scratch = new byte[Math.max(len, latin1Scratch.length * 2)];
        }
        byte[] l1 = latin1Scratch;
        int n = i - off;
        System.arraycopy(b, off, l1, 0, n);
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                l1[n++] = (byte) c;
                i++;
            } else if ((c & 0xFE) == 0xC2 && i + 1 < end && (b[i + 1] & 0xC0) == 0x80) { // U+0080 to U+00FF
                l1[n++] = (byte) ((c & 0x03) << 6 | b[i + 1] & 0x3F);
                i += 2;
            } else {
                break;
            }
        }
        if (i == end) {
            return new String(l1, 0, n, StandardCharsets.ISO_8859_1);
        }
        // A character above U+00FF, or a bad run: go on in UTF-16, one char per byte at most (a
        // bad run gives one, a four-byte sequence two).
        if (charScratch.length < len) {
            charScratch = new char[Math.max(len, charScratch.length * 2)];
        }
        char[] cs = charScratch;
        for (int k = 0; k < n; k++) {
            cs[k] = (char) (l1[k] & 0xFF);
        }
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                cs[n++] = (char) c;
                i++;
                continue;
            }
            // Two- and three-byte sequences that cannot be ill-formed (every lead but E0 and ED
            // takes any continuation bytes) are decoded here; [Utf8#next] decides the rest.
            int lead = c & 0xFF;
            if (lead <= 0xDF && lead >= 0xC2 && i + 1 < end && (b[i + 1] & 0xC0) == 0x80) {
                cs[n++] = (char) ((lead & 0x1F) << 6 | b[i + 1] & 0x3F);
                i += 2;
            } else if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < end && (b[i + 1] & 0xC0) == 0x80
                    && (b[i + 2] & 0xC0) == 0x80) {
                cs[n++] = (char) ((lead & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F);
                i += 3;
            } else {
                int sequence = Utf8.next(b, i, end, true);
                if (sequence < 0) {
                    return utf16(b, i, end, cs, n, tag);
                }
                n += Character.toChars(Utf8.codePoint(sequence), cs, n);
                i += Utf8.length(sequence);
            }
        }
        return new String(cs, 0, n);
    }

    /// Decodes `b[i, end)` into `cs` from `n`, each bad run as one U+FFFD (as the JDK's decoder
    /// has it), and returns `cs[0, n)` as text; the value gets one INVALID_UTF8 diagnostic, at its
    /// first bad run, that counts the others.
    private String utf16(byte[] b, int i, int end, char[] cs, int n, String tag) {
        int firstBad = -1;
        int runs = 0;
        while (i < end) {
            int sequence = Utf8.next(b, i, end, true);
            if (sequence > 0) {
                n += Character.toChars(Utf8.codePoint(sequence), cs, n);
                i += Utf8.length(sequence);
            } else {
                firstBad = runs++ == 0 ? i : firstBad;
                cs[n++] = '\uFFFD';
                i -= sequence;
            }
        }
        String s = new String(cs, 0, n);
        if (runs > 0) {
            badUtf8(b, firstBad, end, runs, tag);
        }
        return s;
    }

    /// The INVALID_UTF8 diagnostic of a value whose first bad run is at `at` (strict mode throws).
    private void badUtf8(byte[] b, int at, int end, int runs, String tag) {
        report(Severity.ERROR, ErrorCode.INVALID_UTF8, at, tag,
                Utf8.problem(b, at, -Utf8.next(b, at, end, true), "UTF-8")
                        + (runs > 1 ? " (and " + (runs - 1) + " more bad sequence" + (runs > 2 ? "s" : "")
                                + " in this value)" : ""),
                Utf8.REPLACED);
    }

    /// Reports an invalid MARC-8 sequence found by the decoder (strict mode throws).
    void marc8Error(int bufferIndex, String tag, String problem) {
        report(Severity.ERROR, ErrorCode.INVALID_MARC8, bufferIndex, tag, problem, Utf8.REPLACED);
    }

    /// Reports that `count` is over the limit `max` (`Limits.` + `setting`) and returns `max`: the
    /// rest are ignored (strict mode throws).
    private int overLimit(int count, int max, String owner, String what, String setting, int at, String tag) {
        report(Severity.FATAL, ErrorCode.LIMIT_EXCEEDED, at, tag, owner + " has " + count + " " + what
                + ", more than the maximum allowed (" + max + ", from Limits." + setting + ")", "the rest were ignored");
        return max;
    }

    /// `at` is an index into the buffer; it becomes an absolute offset. Strict mode throws (see
    /// [DiagnosticCollector]).
    private void report(Severity severity, ErrorCode code, int at, String tag, String problem, String repair) {
        diagnostics.atOffset(severity, code, recordOffset + (at - recordStart), tag, problem, repair);
    }
}
