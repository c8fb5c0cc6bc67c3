package org.marcloom.internal.mrk;

import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;
import org.marcloom.internal.DiagnosticCollector;
import org.marcloom.internal.ModelAccess;
import org.marcloom.internal.TextSource;
import org.marcloom.internal.Utf8;
import org.marcloom.record.ControlField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Reads MARCMaker / MARCBreaker text (`.mrk`, `.mrk8`), line by line, in constant memory per record.
///
/// One line per field: `=`, the tag, two spaces, the data. `=LDR` (or the older `=000`, where a
/// record starts; inside a record `=000` is a field tagged 000) starts a record; a blank line, a new `=LDR` or the end of the input ends it. In the leader and in control
/// fields `\` is a blank; in data fields the first two characters are the indicators (`\` blank)
/// and `$` starts each subfield. `{mnemonics}` are replaced (see [Mnemonics]); combining
/// diacritic mnemonics, written before their base letter as in MARC-8, are moved after it. A line
/// that starts with a space or tab continues the previous field (some producers wrap long fields).
///
/// A record whose lines come to more than [org.marcloom.Limits#maxRecordBytes()] bytes: ERROR
/// `LIMIT_EXCEEDED` at the line that went over (strict throws); lenient keeps the fields before that
/// line and skips the record's other lines without holding them.
///
/// An unknown `{name}` is kept as written with a [Severity#WARNING] (so strict mode reads on):
/// MARCBreaker's UTF-8 output (`.mrk8`) leaves literal braces unescaped, as in `{text}`.
///
/// The text is UTF-8 (a byte order mark is dropped); a line that is not valid UTF-8 is an
/// [ErrorCode#INVALID_UTF8] error (line, column, the byte offset of the first bad byte, and the
/// tag when the line has one), decoded as windows-1252 in lenient mode (MARCMaker files that are
/// not UTF-8 are usually Latin-1 or windows-1252), with the diagnostic on that record; the other
/// records are unaffected. The leader is kept as
/// written, so a record broken from MARC-8 keeps its blank leader/09 although its text is now
/// Unicode. Positions are one-based line and column; record indexes are zero-based.
///
/// Not thread-safe.
public final class MrkSource extends TextSource {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final ReaderOptions options;
    private final MrkLines lines;
    private final ModelAccess.Factory factory = ModelAccess.factory();

    private long index;

    // Lookahead: a line read but not consumed (the =LDR of the next record).
    private String heldLine;
    private int heldNumber;
    private int heldBytes;
    private long heldStart;
    private long heldEnd;
    /// Bytes of the line [#readLine()] returned last (with its line end), and where it starts and
    /// ends in the input.
    private int lineBytes;
    private long lineStart;
    private long lineEnd;

    // With a quarantine: where the record being read starts and its last line ends; the run of
    // lines before it that belong to no record (a region to quarantine), and why.
    private long recordStart;
    private long recordEnd;
    private long junkStart = -1;
    private long junkEnd;
    private final List<org.marcloom.Diagnostic> junkWhy = new ArrayList<>(2);

    // Bytes of the record's lines so far; whether it went over maxRecordBytes (the rest of its
    // lines are skipped).
    private long recordBytes;
    private boolean overLimit;

    // The record being built.
    private Leader leader;
    private final List<Field> fields = new ArrayList<>(64);
    private final DiagnosticCollector diagnostics;
    private boolean started;

    // The field line being collected (continuation lines are appended).
    private String pendingTag;
    private StringBuilder pendingData;
    private int pendingLine;
    private int pendingColumn;

    public MrkSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this(channel, owns, options, name, null);
    }

    /// @param quarantine where lines that belong to no record go, or `null`
    public MrkSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name,
                     org.marcloom.internal.QuarantineSink quarantine) {
        super(channel, owns, options, name, quarantine, 0);
        this.options = options;
        this.lines = new MrkLines(this.channel, options.limits().maxRecordBytes());
        this.diagnostics = new DiagnosticCollector(options, name);
    }

    @Override
    public MarcRecord next() {
        if (done) {
            return null;
        }
        try {
            return read();
        } catch (MarcParseException e) {
            done = true;
            throw e;
        }
    }

    private MarcRecord read() {
        resetRecord();
        while (true) {
            String line;
            int number;
            int bytes;
            if (heldLine != null) {
                line = heldLine;
                number = heldNumber;
                bytes = heldBytes;
                lineStart = heldStart;
                lineEnd = heldEnd;
                heldLine = null;
            } else {
                line = readLine();
                if (line == null) {
                    break;
                }
                number = lines.number();
                bytes = lineBytes;
            }
            if (isBlank(line)) {
                if (started) {
                    break;
                }
                endJunk();
                continue;
            }
            if (overLimit) {
                // skipping the rest of a record over maxRecordBytes, up to its end
                if (line.startsWith("=LDR")) {
                    hold(line, number, bytes);
                    break;
                }
                extend();
                continue;
            }
            recordBytes += bytes;
            if (recordBytes > options.limits().maxRecordBytes()) {
                long max = options.limits().maxRecordBytes();
                pendingData = null;
                pendingTag = null;
                start();
                overLimit = true;
                report(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED, number, 1, lines.offset(), null,
                        "record is longer than " + max + " bytes, the maximum allowed (from Limits.maxRecordBytes)",
                        "the rest of the record was skipped");
                continue;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && pendingData != null) {
                pendingData.append(line);
                extend();
                continue;
            }
            if (first != '=') {
                flushField();
                skippedLine(number, 1, "line does not start with '=' and does not continue a field");
                continue;
            }
            if (line.length() < 4 || line.length() > 4 && line.charAt(4) != ' ') {
                flushField();
                skippedLine(number, 2, "the tag after '=' is not three characters followed by two spaces");
                continue;
            }
            String tag = line.substring(1, 4);
            int dataAt = 4;
            if (line.length() > 4) {
                dataAt = 5;
                if (line.length() > 5 && line.charAt(5) == ' ') {
                    dataAt = 6;
                } else if (line.length() > 5) {
                    report(Severity.WARNING, ErrorCode.SYNTAX_ERROR, number, 6, tag,
                            "one space instead of two after the tag", "data read from column 6");
                }
            }
            String data = line.substring(dataAt);
            // =000 is a leader only where a record starts: inside one it is a field tagged 000
            if (tag.equals("LDR") || tag.equals("000") && !started) {
                if (started) {
                    hold(line, number, bytes);
                    break;
                }
                start();
                leader(data, number, dataAt + 1);
                continue;
            }
            start();
            if (leader == null && fields.isEmpty() && pendingData == null) {
                report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, number, 1, tag,
                        "record does not start with a =LDR line", "a default leader was used");
            }
            flushField();
            pendingTag = factory.internTag(tag);
            pendingData = new StringBuilder(data);
            pendingLine = number;
            pendingColumn = dataAt + 1;
        }
        flushField();
        if (!started) {
            endJunk();
            done = true;
            trailing.addAll(diagnostics.finish());
            return null;
        }
        Leader l = leader != null ? leader : Leader.DEFAULT;
        Field[] array = fields.toArray(new Field[0]);
        MarcRecord r = factory.record(l, array, array.length, diagnostics.finish());
        index++;
        recordRead(recordStart, recordEnd);
        return r;
    }

    /// The line just read belongs to the record: the first one starts it.
    private void start() {
        if (!started) {
            endJunk();
            started = true;
            recordStart = lineStart;
        }
        extend();
    }

    /// The line just read belongs to the record being read: the record reaches its end, and its
    /// bytes (never part of a region) are not held for the quarantine.
    private void extend() {
        recordEnd = lineEnd;
        notNeeded(lineEnd);
    }

    /// A line that is neither a field nor a continuation: skipped, with an ERROR. Inside a record it
    /// is part of the record; before one, of a region of such lines that belong to no record.
    private void skippedLine(int number, int column, String problem) {
        org.marcloom.Diagnostic d = org.marcloom.Diagnostic.builder(Severity.ERROR, ErrorCode.SYNTAX_ERROR)
                .recordIndex(index).line(number).column(column).problem(problem).repair("line skipped").build();
        diagnostics.report(d);
        if (started) {
            extend();
        } else if (quarantining()) {
            if (junkStart < 0) {
                junkStart = lineStart;
            }
            junkEnd = lineEnd;
            junkWhy.add(d);
            if (junkWhy.size() >= 1_000) {
                endJunk(); // a long run goes to the quarantine in parts, each with its diagnostics
            }
        }
    }

    /// Quarantines the run of lines before a record that belong to none, if any.
    private void endJunk() {
        if (junkStart >= 0) {
            skipped(junkStart, junkEnd, List.copyOf(junkWhy));
            junkStart = -1;
            junkWhy.clear();
        }
    }

    private void hold(String line, int number, int bytes) {
        heldLine = line;
        heldNumber = number;
        heldBytes = bytes;
        heldStart = lineStart;
        heldEnd = lineEnd;
    }

    private void resetRecord() {
        recordBytes = 0;
        overLimit = false;
        leader = null;
        fields.clear();
        diagnostics.startRecord(index);
        started = false;
        pendingTag = null;
        pendingData = null;
    }

    private String readLine() {
        if (!lines.next()) {
            return null;
        }
        byte[] b = lines.bytes();
        int len = lines.length();
        int number = lines.number();
        lineBytes = len + 1;
        lineStart = lines.offset();
        lineEnd = lines.end();
        if (lines.overlong()) {
            report(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED, number, 1, null,
                    "line is longer than the maximum allowed (" + options.limits().maxRecordBytes()
                            + " bytes, from Limits.maxRecordBytes)", "the rest of the line was skipped");
        }
        int bad = Utf8.firstInvalid(b, 0, len);
        if (bad < 0) {
            return new String(b, 0, len, StandardCharsets.UTF_8);
        }
        int run = -Utf8.next(b, bad, len, true);
        String prefix = new String(b, 0, bad, StandardCharsets.UTF_8);
        // the tag, when the line has one before the bad byte
        String tag = bad >= 4 && b[0] == '=' && Utf8.isAscii(b, 1, 3) ? factory.internTag(new String(b, 1, 3,
                StandardCharsets.US_ASCII)) : null;
        long offset = lines.offset() + bad;
        report(Severity.ERROR, ErrorCode.INVALID_UTF8, number, prefix.length() + 1, offset, tag,
                Utf8.problem(b, bad, run, "UTF-8"), "the line was decoded as windows-1252");
        return new String(b, 0, len, WINDOWS_1252);
    }

    private static boolean isBlank(String line) {
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != 0x1A && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private void leader(String data, int line, int column) {
        String value = text(data.replace('\\', ' '), line, column, "LDR");
        if (value.length() != 24) {
            report(Severity.ERROR, ErrorCode.LEADER_INVALID, line, column, null,
                    "leader is " + value.length() + " characters, not 24",
                    value.length() < 24 ? "padded with blanks" : "cut to 24");
            value = value.length() < 24 ? value + " ".repeat(24 - value.length()) : value.substring(0, 24);
        }
        leader = Leader.of(value);
    }

    private void flushField() {
        if (pendingData == null) {
            return;
        }
        String tag = pendingTag;
        String data = pendingData.toString();
        int line = pendingLine;
        int column = pendingColumn;
        pendingData = null;
        pendingTag = null;
        if (fields.size() >= options.limits().maxFieldsPerRecord()) {
            report(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED, line, 1, tag,
                    "record has more fields than the maximum allowed (" + options.limits().maxFieldsPerRecord()
                            + ", from Limits.maxFieldsPerRecord)", "field dropped");
            return;
        }
        if (Field.isControlTag(tag)) {
            String value = text(data.replace('\\', ' '), line, column, tag);
            if (tag.equals("001")) {
                diagnostics.controlNumber(value);
            }
            fields.add(new ControlField(tag, value));
            return;
        }
        if (data.length() < 2) {
            report(Severity.ERROR, ErrorCode.SYNTAX_ERROR, line, column + data.length(), tag,
                    "data field line is too short for two indicators", "line skipped");
            return;
        }
        char ind1 = indicator(data.charAt(0));
        char ind2 = indicator(data.charAt(1));
        List<Subfield> subs = new ArrayList<>(8);
        int p = 2;
        int n = data.length();
        if (p < n && data.charAt(p) != '$') {
            int stop = data.indexOf('$', p);
            stop = stop < 0 ? n : stop;
            report(Severity.ERROR, ErrorCode.SUBFIELD_DELIMITER_MISSING, line, column + p, tag,
                    "data after the indicators does not start with '$'", "kept as subfield 'a'");
            subs.add(new Subfield('a', text(data.substring(p, stop), line, column + p, tag)));
            p = stop;
        }
        while (p < n) {
            // data.charAt(p) == '$'
            int next = data.indexOf('$', p + 1);
            next = next < 0 ? n : next;
            if (next == p + 1) {
                report(Severity.ERROR, ErrorCode.SUBFIELD_CODE_INVALID, line, column + p, tag,
                        "'$' is not followed by a subfield code", "the empty subfield was dropped");
                p = next;
                continue;
            }
            if (subs.size() >= options.limits().maxSubfieldsPerField()) {
                report(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED, line, column + p, tag,
                        "field has more subfields than the maximum allowed (" + options.limits().maxSubfieldsPerField()
                                + ", from Limits.maxSubfieldsPerField)", "the rest were dropped");
                break;
            }
            char code = data.charAt(p + 1);
            subs.add(new Subfield(code, text(data.substring(p + 2, next), line, column + p + 2, tag)));
            p = next;
        }
        Subfield[] array = subs.toArray(new Subfield[0]);
        fields.add(factory.dataField(tag, ind1, ind2, array, array.length));
    }

    private static char indicator(char c) {
        return c == '\\' ? ' ' : c;
    }

    private String text(String raw, int line, int column, String tag) {
        String s = MrkText.decode(raw, (at, mnemonic) -> report(Severity.WARNING, ErrorCode.SYNTAX_ERROR, line,
                column + at, tag, "unknown mnemonic {" + mnemonic + "}", "kept as written"));
        if (options.normalizeNfc() && !s.isEmpty() && !Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        return s;
    }

    private void report(Severity severity, ErrorCode code, int line, int column, String tag, String problem,
                        String repair) {
        report(severity, code, line, column, -1, tag, problem, repair);
    }

    private void report(Severity severity, ErrorCode code, int line, int column, long byteOffset, String tag,
                        String problem, String repair) {
        diagnostics.report(severity, code, index, byteOffset, line, column, tag, problem, repair);
    }
}
