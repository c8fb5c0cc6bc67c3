package org.marcloom.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.MarcParseException;
import org.marcloom.ReaderOptions;
import org.marcloom.Severity;
import org.marcloom.internal.BadBytes;
import org.marcloom.internal.DiagnosticCollector;
import org.marcloom.internal.ModelAccess;
import org.marcloom.internal.TextSource;
import org.marcloom.record.ControlField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Streaming MARC-in-JSON reader (code4lib layout) for both forms: a JSON array of record objects
/// (input starting with `[`), or a stream of record objects (starting with `{`), one per line
/// (NDJSON) or just concatenated, pretty-printed or not. The form is detected from the input, so
/// either [org.marcloom.MarcFormat] JSON value reads both. Records are parsed one at a time with
/// Jackson's streaming parser; the input is never loaded whole. Keys may come in any order
/// (`fields` before `leader`, `subfields` before `ind1`).
///
/// ## What is tolerated, and how it is reported
/// Positions are one-based line and column; record indexes count the record
/// objects seen, from zero, including any that had to be skipped, so an index is the record's
/// position in the input. Warnings are attached in both modes; errors throw [MarcParseException]
/// in strict mode and become diagnostics in lenient mode.
/// - Unknown keys (in a record, a data field): ignored, WARNING `STRUCTURE_INVALID`.
/// - Missing, empty or `null` indicator: read as blank, WARNING `INDICATOR_INVALID` (real files
///   do this and every other reader accepts it). An indicator of more than one character: ERROR
///   `INDICATOR_INVALID`, first character kept.
/// - An object with neither `leader` nor `fields` is not a record: strict throws; lenient skips
///   it with an ERROR `STRUCTURE_INVALID` carried to the next record (it still counts as seen).
/// - Missing leader: ERROR `STRUCTURE_INVALID`; lenient uses [Leader#DEFAULT]. A leader that is not
///   24 characters: ERROR `LEADER_INVALID`; lenient pads with blanks or truncates.
/// - Values of the wrong JSON type (a field that is a number, a subfield that is an object): ERROR
///   `STRUCTURE_INVALID`; lenient skips that value and reads on. A tag that is not three
///   characters: ERROR `TAG_INVALID`, field skipped. A subfield code that is not one character:
///   ERROR `SUBFIELD_CODE_INVALID` (first character kept; an empty code drops the subfield).
/// - Bytes that are not valid UTF-8: strict throws `INVALID_UTF8` with the record index, the line,
///   the byte column and the byte offset in the input; lenient reads each bad sequence as U+FFFD
///   and attaches that ERROR to the record it is in (bytes between records go to the next record,
///   bytes after the last to [#trailingDiagnostics()]). The record and the ones after it are read
///   normally. (Columns later on such a line count the three bytes of each U+FFFD.) Input whose
///   first two bytes are not a zero byte or a UTF-16 byte order mark is read as UTF-8 throughout
///   (a NUL byte is then a control character, a syntax error); input in UTF-16 or UTF-32 is left
///   to Jackson.
/// - Malformed JSON: strict throws `SYNTAX_ERROR` with line, column and record index. Lenient,
///   in the object-stream form: the rest of the line is skipped and reading restarts on the next
///   line; the `SYNTAX_ERROR` diagnostic has no record of its own, so it is attached to the next
///   record read (or, when none follows, reported by [#trailingDiagnostics()]). Lenient, inside an
///   array: a syntax error cannot be recovered from (the array's structure is lost), so the
///   diagnostic goes to [#trailingDiagnostics()] and reading ends; structural errors inside an
///   array (well-formed JSON of the wrong shape) are recovered from as above.
/// - A key given twice (`leader`, `ind1`, `ind2`, `subfields`): ERROR `STRUCTURE_INVALID`; lenient
///   keeps the first value. A second `fields` array: the same error; lenient keeps the fields of
///   both.
/// - [org.marcloom.Limits]: a record longer than `maxRecordBytes` (checked at each field and
///   subfield, so nothing more is held): ERROR `LIMIT_EXCEEDED`; lenient skips the rest of the
///   record without holding it and reads on (in both forms). Jackson's read constraints come from
///   `maxTokenLength` (strings, numbers), `maxNameLength` (keys) and `maxNestingDepth`; breaking
///   one is `LIMIT_EXCEEDED` naming the setting, recovered from like malformed JSON.
///
/// Not thread-safe.
public final class JsonSource extends TextSource {

    private static final ModelAccess.Factory MODEL = ModelAccess.factory();
    private static final int UNKNOWN = 0;
    private static final int ARRAY = 1;
    private static final int OBJECTS = 2;

    private final boolean nfc;
    private final int maxFields;
    private final int maxSubfields;
    private final int maxRecordBytes;
    private final Json.Factory factory;
    private final ResyncInput in;

    private JsonParser parser;
    private long parserBase;
    private int lineBase;
    private int mode;
    private boolean syntaxErrors;
    /// Set when Jackson refused the bytes while detecting their encoding (see [#startParser()]).
    private CharConversionException startFailure;
    private long index;
    /// Index of the record being read, or -1 between records.
    private long current = -1;
    /// Where the record being read starts (in the parser's stream), and the nesting depth of the
    /// array or document it is in.
    private long recordStart;
    private int recordParentDepth;
    /// The rest of a record over [Limits#maxRecordBytes()] is to be skipped, and why.
    private boolean skipping;
    private Diagnostic skipWhy;
    /// With a quarantine: where a string value skipped at record level starts (its region ends at
    /// the next token, see [#endPendingString]), or -1, and why it was skipped.
    private long pendingString = -1;
    private Diagnostic pendingStringWhy;
    /// Lenient: the rest of the input is given up (a malformed record array, content after the
    /// array's end, a misread encoding): what lies after it is not read, nor reported.
    private boolean restUnread;
    /// The diagnostics of the record being read.
    private final DiagnosticCollector record;
    /// Diagnostics found between records (or in an object that was no record), for the next record.
    private final DiagnosticCollector pending;

    public JsonSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this(channel, owns, options, name, 0, false, 0);
    }

    /// A source that starts inside a larger input (the parallel reader's chunks).
    ///
    /// @param firstIndex   the record index of the first record object read
    /// @param objectStream the input is known to be the object-stream form (a `[` at the start is
    ///                     then a non-record value, not the start of an array)
    /// @param offsetBase   the input's byte offset of the channel's first byte, for the byte offsets
    ///                     of malformed UTF-8
    public JsonSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name,
                      long firstIndex, boolean objectStream, long offsetBase) {
        this(channel, owns, options, name, firstIndex, objectStream, offsetBase, null);
    }

    /// As [#JsonSource(ReadableByteChannel, boolean, ReaderOptions, String, long, boolean, long)],
    /// sending what it skips to `quarantine` (lenient mode): a value or object at record level that
    /// is not a record, a record over `maxRecordBytes`, the rest of a line after malformed JSON,
    /// and everything after an error that gives up the rest of the input.
    ///
    /// @param quarantine where skipped regions go, or `null`
    public JsonSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name,
                      long firstIndex, boolean objectStream, long offsetBase,
                      org.marcloom.internal.QuarantineSink quarantine) {
        super(channel, owns, options, name, quarantine, offsetBase);
        this.index = firstIndex;
        this.mode = objectStream ? OBJECTS : UNKNOWN;
        this.nfc = options.normalizeNfc();
        this.record = new DiagnosticCollector(options, name);
        this.pending = new DiagnosticCollector(options, name);
        this.maxFields = options.limits().maxFieldsPerRecord();
        this.maxSubfields = options.limits().maxSubfieldsPerField();
        this.maxRecordBytes = options.limits().maxRecordBytes();
        this.factory = Json.factory(options.limits());
        this.in = new ResyncInput(this.channel, offsetBase);
        if (quarantining()) {
            in.trackOffsets();
        }
        try {
            startParser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startParser() throws IOException {
        if (in.utf8()) {
            // Input that starts like UTF-8 is validated as UTF-8 throughout (see ResyncInput): every
            // parser reads it as such, also one that restarts on a line starting with NUL bytes,
            // which Jackson's own detection would take for UTF-32. Only a byte order mark at the
            // very start is skipped, as Jackson's detection skips it.
            in.skipByteOrderMark();
            parserBase = in.position();
            parser = factory.createUtf8Parser(in);
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return;
        }
        if (quarantining()) {
            // Jackson counts characters, not bytes, in UTF-16 and UTF-32: no byte spans to quarantine.
            IllegalArgumentException e = new IllegalArgumentException("quarantine(...) keeps the bytes of"
                    + " MARC-in-JSON in UTF-8 only; " + (name == null ? "the input" : name)
                    + " starts like UTF-16 or UTF-32");
            try {
                abort();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        parserBase = in.position();
        try {
            parser = factory.createParser(in);
        } catch (CharConversionException e) {
            // Jackson detects the encoding from the first four bytes; NUL bytes there can make it
            // refuse them at once ("Unsupported UCS-4 endianness"). Reported by the next read.
            startFailure = e;
            parser = factory.createParser(new byte[0]);
        }
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    /// Jackson took the bytes for UTF-32 (NUL bytes among the first four of input whose first two
    /// bytes are not read as UTF-8, see [ResyncInput#utf8()]) and found them invalid: a data error.
    /// Strict throws; lenient reports it and stops, as Jackson cannot go on in that encoding.
    private void encodingError(CharConversionException e, JsonLocation loc) {
        pendingString = -1; // its bytes are in the region quarantined below
        long recordIndex = current >= 0 ? current : index;
        if (current >= 0) {
            for (Diagnostic d : record.finish()) {
                pending.add(d);
            }
        }
        current = -1;
        Diagnostic d = Diagnostic.builder(Severity.FATAL, ErrorCode.SYNTAX_ERROR).recordIndex(recordIndex)
                .line(loc == null ? lineBase + 1 : line(loc)).column(column(loc))
                .problem("malformed JSON: NUL bytes made the JSON parser read UTF-32, which the bytes are not ("
                        + e.getMessage() + ")")
                .repair(lenient ? "the rest of the input could not be read" : "").build();
        if (!lenient) {
            throw fail(d);
        }
        done = true;
        restUnread = true;
        pending.add(d);
        skippedToEnd(NEXT, List.of(d));
    }

    @Override
    public MarcRecord next() {
        while (!done) {
            try {
                if (skipping) {
                    skipping = false;
                    skipRestOfRecord();
                }
                if (startFailure != null) {
                    CharConversionException e = startFailure;
                    startFailure = null;
                    encodingError(e, null);
                    continue;
                }
                JsonToken t = nextRootToken();
                if (pendingString >= 0) {
                    endPendingString(t);
                }
                if (t == null) {
                    break;
                }
                if (t != JsonToken.START_OBJECT) {
                    Diagnostic d = diagnostic(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, index, tokenLocation(),
                            null, "expected a record object ({\"leader\": ..., \"fields\": [...]}), found "
                                    + describe(t), "skipped");
                    pending.report(d);
                    long from = streamOffset(tokenLocation());
                    parser.skipChildren();
                    if (t == JsonToken.VALUE_STRING && quarantining()) {
                        // Jackson finds a string's end only when it skips it (reading it could break
                        // maxTokenLength): the region ends where the next token starts
                        pendingString = from;
                        pendingStringWhy = d;
                    } else {
                        skippedValue(from, d);
                    }
                    continue;
                }
                current = index++;
                MarcRecord r = readRecord();
                current = -1;
                if (r == null) {
                    continue;
                }
                return r;
            } catch (StreamReadException e) {
                syntaxError(e, ErrorCode.SYNTAX_ERROR, "malformed JSON: " + e.getOriginalMessage());
            } catch (StreamConstraintsException e) {
                syntaxError(e, ErrorCode.LIMIT_EXCEEDED, limitMessage(e.getOriginalMessage()));
            } catch (RecordTooLarge e) {
                recordTooLarge(e.at);
            } catch (CharConversionException e) {
                encodingError(e, parser.currentLocation());
            } catch (MarcParseException e) {
                done = true;
                throw e;
            } catch (IOException e) {
                done = true;
                throw new UncheckedIOException("reading " + (name == null ? "input" : name), e);
            }
        }
        done = true;
        if (in.badBytes().hasRuns() && !restUnread) {
            // Bad bytes the parser never reached (validated ahead of it) are claimed only when the
            // input was read to its end: after an error that gives up the rest, how far the input
            // was read ahead depends on the channel's read sizes, and so would what is reported.
            claimBadBytes(Long.MAX_VALUE, null, true);
        }
        Diagnostic dropped = in.badBytes().droppedWarning(index);
        if (dropped != null) {
            pending.add(dropped);
        }
        trailing.addAll(pending.finish());
        return null;
    }

    /// Malformed UTF-8 that lies before the parser's position: strict mode throws for the first;
    /// lenient mode attaches it to the record being read (or, `orphan`, keeps it for the next).
    private void claimBadBytes(String tag) {
        claimBadBytes(parserBase + parser.currentLocation().getByteOffset(), tag, current < 0);
    }

    private void claimBadBytes(long before, String tag, boolean orphan) {
        BadBytes log = in.badBytes();
        BadBytes.Run b;
        while ((b = log.peek()) != null && b.streamOffset() < before) {
            log.poll();
            Diagnostic d = log.diagnostic(b, current >= 0 ? current : index, tag);
            if (!lenient) {
                throw fail(d);
            }
            (orphan ? pending : record).add(d);
        }
    }

    /// The next token at record level, or null at the end of the records.
    private JsonToken nextRootToken() throws IOException {
        JsonToken t = parser.nextToken();
        if (mode == UNKNOWN) {
            if (t == JsonToken.START_ARRAY) {
                mode = ARRAY;
                t = parser.nextToken();
            } else {
                mode = OBJECTS;
            }
        }
        if (mode == ARRAY && t == JsonToken.END_ARRAY) {
            if (pendingString >= 0) {
                endPendingString(null);
            }
            if (quarantining()) {
                long end = streamOffset(parser.currentLocation());
                markupTo(inputAt(end));
                in.forget(end);
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                Diagnostic d = diagnostic(Severity.ERROR, ErrorCode.TRAILING_BYTES, index, tokenLocation(), null,
                        "content after the end of the record array (" + describe(after) + ")", "ignored");
                if (!lenient) {
                    throw fail(d);
                }
                trailing.add(d);
                // What follows is not read: only the bad bytes the parser has passed are reported.
                if (in.badBytes().hasRuns()) {
                    claimBadBytes(null);
                }
                restUnread = true;
                skippedToEnd(inputAt(streamOffset(tokenLocation())), List.of(d));
            }
            return null;
        }
        if (mode == ARRAY && t == null) {
            pending.report(diagnostic(Severity.ERROR, ErrorCode.SYNTAX_ERROR, index, parser.currentLocation(), null,
                    "the input ended inside the record array (no closing ']')", ""));
        }
        return t;
    }

    /// A syntax error from Jackson, or one of its read constraints ([Json#constraints]) broken:
    /// strict throws; lenient resynchronises on the next line (object stream) or ends (array).
    private void syntaxError(JsonProcessingException e, ErrorCode code, String message) {
        pendingString = -1; // its bytes are in the region quarantined below
        if (code == ErrorCode.SYNTAX_ERROR) {
            syntaxErrors = true;
        }
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        if (in.badBytes().hasRuns()) {
            // Malformed bytes before the error come first (they may be its cause: the location is
            // just past the character Jackson refused). Only bytes the parser has taken count, so
            // that what is claimed never depends on how far the input was read ahead. They go to
            // the record being read, in order, before it is given up below.
            claimBadBytes(parserBase + Math.max(0, loc.getByteOffset()), null, current < 0);
        }
        long recordIndex = current >= 0 ? current : index;
        if (current >= 0) {
            // The record being read is lost with the error: what it had collected (the orphans it
            // took over, its own problems so far) goes before the error, to the next record.
            for (Diagnostic d : record.finish()) {
                pending.add(d);
            }
        }
        current = -1;
        // a limit's error gives the byte offset too (a syntax error's position is Jackson's own)
        long offset = code == ErrorCode.LIMIT_EXCEEDED ? inputOffset(loc) : -1;
        if (!lenient) {
            done = true;
            throw fail(diagnostic(Severity.FATAL, code, recordIndex, loc, null, message, "").toBuilder()
                    .byteOffset(offset).build());
        }
        if (mode == ARRAY) {
            done = true;
            restUnread = true;
            Diagnostic d = diagnostic(Severity.FATAL, code, recordIndex, loc, null, message,
                    "the rest of the record array could not be read").toBuilder().byteOffset(offset).build();
            pending.add(d);
            skippedToEnd(NEXT, List.of(d));
            return;
        }
        int errorLine = lineBase + loc.getLineNr();
        try {
            long errorAt = parserBase + Math.max(0, loc.getByteOffset());
            // The location is just past the offending byte; restart after the newline that ends its line.
            long from = Math.max(parserBase, errorAt - 1);
            boolean more = in.rewind(from) && in.skipLine();
            Diagnostic d = diagnostic(Severity.ERROR, code, recordIndex, loc, null, message,
                    more ? "skipped to the next line" : "skipped to the end of the input").toBuilder()
                    .byteOffset(offset).build();
            pending.add(d);
            if (more) {
                skipped(NEXT, inputAt(in.position()), List.of(d));
            } else {
                skippedToEnd(NEXT, List.of(d));
            }
            skipWhy = null;
            try {
                parser.close();
            } catch (IOException ignored) {
                // the input stays open; a broken parser has nothing to release
            }
            if (!more) {
                done = true;
                return;
            }
            lineBase = errorLine;
            startParser();
        } catch (IOException io) {
            done = true;
            throw new UncheckedIOException("reading " + (name == null ? "input" : name), io);
        }
    }

    /// Jackson's message for a broken read constraint, naming the [org.marcloom.Limits] setting
    /// that changes it instead of Jackson's.
    static String limitMessage(String jackson) {
        String m = jackson == null ? "a read limit was exceeded" : jackson;
        m = m.replace("`StreamReadConstraints.getMaxStringLength()`", "Limits.maxTokenLength")
                .replace("`StreamReadConstraints.getMaxNumberLength()`", "Limits.maxTokenLength")
                .replace("`StreamReadConstraints.getMaxNameLength()`", "Limits.maxNameLength")
                .replace("`StreamReadConstraints.getMaxNestingDepth()`", "Limits.maxNestingDepth");
        return "JSON over a limit: " + m;
    }

    /// The input's byte offset of a parser location, or -1 when unknown (after replaced bad bytes).
    private long inputOffset(JsonLocation loc) {
        return loc == null || loc.getByteOffset() < 0 ? -1 : in.inputOffset(parserBase + loc.getByteOffset());
    }

    /// Thrown inside a record once it is over [org.marcloom.Limits#maxRecordBytes()].
    private static final class RecordTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JsonLocation at;

        RecordTooLarge(JsonLocation at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /// Throws [RecordTooLarge] when the record being read is over `maxRecordBytes`. Cheap: the
    /// input's position (at most Jackson's read-ahead past the parser's) is checked first.
    private void checkRecordSize() {
        if (in.position() - recordStart > maxRecordBytes) {
            JsonLocation at = parser.currentLocation();
            if (parserBase + at.getByteOffset() - recordStart > maxRecordBytes) {
                throw new RecordTooLarge(at);
            }
        }
    }

    /// The record being read is over `maxRecordBytes`: strict throws; lenient drops it (its
    /// diagnostics and the error go to the next record) and skips the rest of it.
    private void recordTooLarge(JsonLocation at) {
        long recordIndex = current;
        Diagnostic d = diagnostic(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED, recordIndex, at, null,
                "record " + recordIndex + " is longer than " + maxRecordBytes
                        + " bytes, the maximum allowed (from Limits.maxRecordBytes)",
                "the record was skipped").toBuilder().byteOffset(inputOffset(at)).build();
        if (!lenient) {
            throw fail(d);
        }
        for (Diagnostic r : record.finish()) {
            pending.add(r);
        }
        pending.add(d);
        current = -1;
        skipping = true;
        skipWhy = quarantining() ? d : null;
    }

    /// Reads on to the end of the record object being skipped, holding nothing.
    private void skipRestOfRecord() throws IOException {
        JsonToken t;
        while ((t = parser.nextToken()) != null) {
            if (t == JsonToken.END_OBJECT && parser.getParsingContext().getNestingDepth() == recordParentDepth) {
                break;
            }
        }
        if (in.badBytes().hasRuns()) {
            claimBadBytes(null);
        }
        if (skipWhy != null) {
            skippedValue(recordStart, skipWhy);
            skipWhy = null;
        }
    }

    /// With a quarantine: ends the region of the string value met at record level, now that the
    /// token after it (`next`, or `null` at the end) was read: it ends at the last byte before that
    /// token that is neither white space nor a comma (nor, at the end, the array's `]`).
    private void endPendingString(JsonToken next) {
        long end = inputAt(next == null ? streamOffset(parser.currentLocation()) : streamOffset(tokenLocation()));
        long start = inputAt(pendingString);
        while (end > start) {
            int b = heldByte(end - 1);
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == ',' || b == ']' && next == null) {
                end--;
            } else {
                break;
            }
        }
        skipped(start, end, List.of(pendingStringWhy));
        pendingString = -1;
        pendingStringWhy = null;
    }

    /// The parser's stream offset of a location.
    private long streamOffset(JsonLocation loc) {
        return parserBase + loc.getByteOffset();
    }

    /// With a quarantine: the input's offset of a stream offset.
    private long inputAt(long streamOffset) {
        return in.exactInputOffset(streamOffset);
    }

    /// With a quarantine: the value from stream offset `from` to the parser's position was skipped.
    private void skippedValue(long from, Diagnostic why) {
        if (quarantining()) {
            long end = streamOffset(parser.currentLocation());
            skipped(inputAt(from), inputAt(end), List.of(why));
            in.forget(end);
        }
    }

    private MarcRecord readRecord() throws IOException {
        recordStart = parserBase + tokenLocation().getByteOffset();
        recordParentDepth = parser.getParsingContext().getNestingDepth() - 1;
        record.startRecord(current);
        if (!pending.isEmpty()) {
            for (Diagnostic d : pending.finish()) {
                record.add(d);
            }
        }
        JsonLocation start = tokenLocation();
        String leader = null;
        boolean sawFields = false;
        boolean sawLeader = false;
        boolean recordKeys = false;
        ArrayList<Field> fields = new ArrayList<>(32);
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            t = parser.nextToken();
            if (key.equals("leader")) {
                recordKeys = true;
                if (sawLeader) {
                    report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, null,
                            "the record has a second \"leader\"", "the first was kept");
                    parser.skipChildren();
                    continue;
                }
                sawLeader = true;
                if (t == JsonToken.VALUE_STRING) {
                    leader = parser.getText();
                } else {
                    report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, null,
                            "\"leader\" must be a string, found " + describe(t), "skipped");
                    parser.skipChildren();
                }
            } else if (key.equals("fields")) {
                recordKeys = true;
                if (t == JsonToken.START_ARRAY) {
                    if (sawFields) {
                        report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, null,
                                "the record has a second \"fields\" array", "the fields of both were kept");
                    }
                    sawFields = true;
                    readFields(fields);
                } else {
                    report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, null,
                            "\"fields\" must be an array, found " + describe(t), "skipped");
                    parser.skipChildren();
                }
            } else {
                report(Severity.WARNING, ErrorCode.STRUCTURE_INVALID, null,
                        "unexpected key \"" + key + "\" in a record", "ignored");
                parser.skipChildren();
            }
        }
        if (in.badBytes().hasRuns()) {
            claimBadBytes(null);
        }
        if (!recordKeys && lenient) {
            // Not a record at all (often a fragment met after skipping a syntax error).
            for (Diagnostic d : record.finish()) {
                pending.add(d);
            }
            Diagnostic d = diagnostic(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, current, start, null,
                    "an object with neither \"leader\" nor \"fields\" is not a record", "skipped");
            pending.add(d);
            skippedValue(recordStart, d);
            return null;
        }
        Leader l;
        if (leader == null) {
            reportAt(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, start, null,
                    "the record has no \"leader\"", "a default leader was used");
            l = Leader.DEFAULT;
        } else if (leader.length() != 24) {
            reportAt(Severity.ERROR, ErrorCode.LEADER_INVALID, start, null,
                    "the leader is " + leader.length() + " characters, not 24: \"" + leader + "\"",
                    leader.length() < 24 ? "padded with blanks" : "truncated");
            l = Leader.of(leader.length() < 24 ? leader + " ".repeat(24 - leader.length()) : leader.substring(0, 24));
        } else {
            l = Leader.of(leader);
        }
        if (!sawFields) {
            reportAt(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, start, null, "the record has no \"fields\" array",
                    "");
        }
        MarcRecord r = MODEL.record(l, fields.toArray(new Field[0]), fields.size(), record.finish());
        if (quarantining()) {
            long end = streamOffset(parser.currentLocation());
            recordRead(inputAt(recordStart), inputAt(end));
            in.forget(end);
        }
        return r;
    }

    private void readFields(ArrayList<Field> fields) throws IOException {
        JsonToken t;
        boolean overLimit = false;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            checkRecordSize();
            if (t != JsonToken.START_OBJECT) {
                report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, null,
                        "a field must be an object such as {\"245\": {...}}, found " + describe(t), "skipped");
                parser.skipChildren();
                continue;
            }
            int keys = 0;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String tag = parser.currentName();
                t = parser.nextToken();
                if (++keys == 2) {
                    report(Severity.WARNING, ErrorCode.STRUCTURE_INVALID, tag,
                            "a field object has more than one key", "each key was read as a field");
                }
                if (tag.length() != 3) {
                    report(Severity.ERROR, ErrorCode.TAG_INVALID, tag,
                            "tag \"" + tag + "\" is not three characters", "the field was skipped");
                    parser.skipChildren();
                    continue;
                }
                if (fields.size() >= maxFields) {
                    if (!overLimit) {
                        overLimit = true;
                        report(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED, tag, "the record has more than " + maxFields
                                + " fields, the maximum allowed (from Limits.maxFieldsPerRecord)", "the rest were skipped");
                    }
                    parser.skipChildren();
                    continue;
                }
                tag = MODEL.internTag(tag);
                switch (t) {
                    case VALUE_STRING -> {
                        String data = text();
                        if (!Field.isControlTag(tag)) {
                            report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, tag, "field " + tag
                                    + " has a string value, which only control fields (00X) have",
                                    "read as a control field");
                        } else if (tag.equals("001")) {
                            record.controlNumber(data);
                        }
                        fields.add(new ControlField(tag, data));
                    }
                    case START_OBJECT -> fields.add(readDataField(tag));
                    default -> {
                        report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, tag, "field " + tag
                                + " must be a string (control field) or an object (data field), found " + describe(t),
                                "skipped");
                        parser.skipChildren();
                    }
                }
                if (in.badBytes().hasRuns()) {
                    claimBadBytes(tag);
                }
            }
            if (keys == 0) {
                report(Severity.WARNING, ErrorCode.STRUCTURE_INVALID, null, "an empty field object {}", "ignored");
            }
        }
    }

    private Field readDataField(String tag) throws IOException {
        char ind1 = 0;
        char ind2 = 0;
        boolean sawInd1 = false;
        boolean sawInd2 = false;
        boolean sawSubfields = false;
        ArrayList<Subfield> subs = new ArrayList<>(8);
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            t = parser.nextToken();
            boolean again = switch (key) {
                case "ind1" -> sawInd1;
                case "ind2" -> sawInd2;
                case "subfields" -> sawSubfields;
                default -> false;
            };
            sawInd1 |= key.equals("ind1");
            sawInd2 |= key.equals("ind2");
            sawSubfields |= key.equals("subfields");
            if (again) {
                report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, tag,
                        "field " + tag + " has a second \"" + key + "\"", "the first was kept");
                parser.skipChildren();
                continue;
            }
            switch (key) {
                case "ind1" -> ind1 = indicator(t, tag, "ind1");
                case "ind2" -> ind2 = indicator(t, tag, "ind2");
                case "subfields" -> {
                    if (t == JsonToken.START_ARRAY) {
                        readSubfields(subs, tag);
                    } else {
                        report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, tag,
                                "\"subfields\" must be an array, found " + describe(t), "skipped");
                        parser.skipChildren();
                    }
                }
                default -> {
                    report(Severity.WARNING, ErrorCode.STRUCTURE_INVALID, tag,
                            "unexpected key \"" + key + "\" in field " + tag, "ignored");
                    parser.skipChildren();
                }
            }
        }
        if (!sawInd1) {
            report(Severity.WARNING, ErrorCode.INDICATOR_INVALID, tag, "field " + tag + " has no ind1", "read as blank");
            ind1 = ' ';
        }
        if (!sawInd2) {
            report(Severity.WARNING, ErrorCode.INDICATOR_INVALID, tag, "field " + tag + " has no ind2", "read as blank");
            ind2 = ' ';
        }
        return MODEL.dataField(tag, ind1, ind2, subs.toArray(new Subfield[0]), subs.size());
    }

    private char indicator(JsonToken t, String tag, String which) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            String s = parser.getText();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                report(Severity.WARNING, ErrorCode.INDICATOR_INVALID, tag,
                        which + " of field " + tag + " is a number, not a string", "read as text");
            }
            if (s.length() == 1) {
                return s.charAt(0);
            }
            if (s.isEmpty()) {
                report(Severity.WARNING, ErrorCode.INDICATOR_INVALID, tag,
                        which + " of field " + tag + " is empty", "read as blank");
                return ' ';
            }
            report(Severity.ERROR, ErrorCode.INDICATOR_INVALID, tag,
                    which + " of field " + tag + " is \"" + s + "\", not one character", "the first was kept");
            return s.charAt(0);
        }
        if (t == JsonToken.VALUE_NULL) {
            report(Severity.WARNING, ErrorCode.INDICATOR_INVALID, tag,
                    which + " of field " + tag + " is null", "read as blank");
            return ' ';
        }
        report(Severity.ERROR, ErrorCode.INDICATOR_INVALID, tag,
                which + " of field " + tag + " must be a one-character string, found " + describe(t), "read as blank");
        parser.skipChildren();
        return ' ';
    }

    private void readSubfields(ArrayList<Subfield> subs, String tag) throws IOException {
        JsonToken t;
        boolean overLimit = false;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            checkRecordSize();
            if (t != JsonToken.START_OBJECT) {
                report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, tag,
                        "a subfield of field " + tag + " must be an object such as {\"a\": \"...\"}, found "
                                + describe(t), "skipped");
                parser.skipChildren();
                continue;
            }
            int keys = 0;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String code = parser.currentName();
                t = parser.nextToken();
                if (++keys == 2) {
                    report(Severity.WARNING, ErrorCode.STRUCTURE_INVALID, tag, "a subfield object of field " + tag
                            + " has more than one key", "each key was read as a subfield");
                }
                String value;
                if (t == JsonToken.VALUE_STRING) {
                    value = text();
                } else if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    report(Severity.WARNING, ErrorCode.STRUCTURE_INVALID, tag, "subfield $" + code + " of field "
                            + tag + " is " + describe(t) + ", not a string", "read as text");
                    value = parser.getText();
                } else {
                    report(Severity.ERROR, ErrorCode.STRUCTURE_INVALID, tag, "subfield $" + code + " of field "
                            + tag + " must be a string, found " + describe(t), "skipped");
                    parser.skipChildren();
                    continue;
                }
                if (code.length() != 1) {
                    if (code.isEmpty()) {
                        report(Severity.ERROR, ErrorCode.SUBFIELD_CODE_INVALID, tag,
                                "a subfield of field " + tag + " has an empty code", "skipped");
                        continue;
                    }
                    report(Severity.ERROR, ErrorCode.SUBFIELD_CODE_INVALID, tag, "subfield code \"" + code
                            + "\" of field " + tag + " is not one character", "the first was kept");
                }
                if (subs.size() >= maxSubfields) {
                    if (!overLimit) {
                        overLimit = true;
                        report(Severity.ERROR, ErrorCode.LIMIT_EXCEEDED, tag, "field " + tag + " has more than "
                                + maxSubfields + " subfields, the maximum allowed (from Limits.maxSubfieldsPerField)",
                                "the rest were skipped");
                    }
                    continue;
                }
                subs.add(new Subfield(code.charAt(0), value));
            }
        }
    }

    private String text() throws IOException {
        String s = parser.getText();
        return nfc ? Normalizer.normalize(s, Normalizer.Form.NFC) : s;
    }

    private JsonLocation tokenLocation() {
        return parser.currentTokenLocation();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private Diagnostic diagnostic(Severity severity, ErrorCode code, long recordIndex, JsonLocation loc, String tag,
                                  String problem, String repair) {
        return Diagnostic.builder(severity, code).recordIndex(recordIndex).line(line(loc)).column(column(loc)).tag(tag)
                .problem(problem).repair(repair).build();
    }

    private int line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? -1 : lineBase + loc.getLineNr();
    }

    private static int column(JsonLocation loc) {
        return loc == null ? -1 : loc.getColumnNr();
    }

    /// The strict error for `d` (the input is then done): with the control number while a record is
    /// being read.
    private MarcParseException fail(Diagnostic d) {
        done = true;
        return (current >= 0 ? record : pending).exception(d);
    }

    /// Reports a problem at the current token of the record being read.
    private void report(Severity severity, ErrorCode code, String tag, String problem, String repair) {
        reportAt(severity, code, tokenLocation(), tag, problem, repair);
    }

    private void reportAt(Severity severity, ErrorCode code, JsonLocation loc, String tag, String problem,
                          String repair) {
        if (!lenient && severity != Severity.WARNING) {
            done = true;
        }
        record.report(severity, code, current, -1, line(loc), column(loc), tag, problem, repair);
    }

    /// Record objects seen so far (including skipped ones): the next record index.
    public long recordObjectsSeen() {
        return index;
    }

    /// Whether malformed JSON was met (strict: thrown; lenient: skipped to the next line).
    public boolean hadSyntaxError() {
        return syntaxErrors;
    }

    /// Whether the input was read as a stream of record objects (not one array).
    public boolean isObjectStream() {
        return mode == OBJECTS;
    }

    /// The Jackson parser (the channel is the base class's to close).
    @Override
    protected void closeParser() throws IOException {
        parser.close();
    }
}
