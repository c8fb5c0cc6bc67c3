package org.marcloom.internal.xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.marcloom.Diagnostic;
import org.marcloom.ErrorCode;
import org.marcloom.Limits;
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

/// Streaming MARCXML (MARC 21 slim) reader. Holds one record in memory at a time, never the
/// document. The bytes are decoded by [XmlDecoder]; the characters are tokenized by
/// [MarcXmlScanner], a well-formedness-checking XML scanner for documents without a DTD, or, for
/// a document with a `DOCTYPE` or an XML version other than 1.0, by the JDK's StAX parser (DTD
/// support and external entities off).
///
/// ## What it accepts
/// - A `collection` root, a single `record` root, or MARC records anywhere inside another
///   document, such as an SRU `searchRetrieveResponse` or an OAI-PMH `ListRecords` response.
/// - Elements in the MARC namespace (`http://www.loc.gov/MARC21/slim`, default or prefixed), in
///   MarcXchange's (`info:lc/xmlns/marcxchange-v1`, ISO 25577: the same element names) or in no
///   namespace; elements are matched on their local names. A UTF-8 byte order mark. The `record`
///   element's `type` and `format` attributes are ignored.
/// - A `record` in any other namespace whose children are `leader`, `controlfield` or
///   `datafield` (a typo in the namespace URI, another MARC schema) is never read silently as
///   nothing: [ErrorCode#STRUCTURE_INVALID] naming the namespace URI (strict mode throws; lenient
///   mode reports it through [#trailingDiagnostics()] and skips the element).
/// - MARC fields (`leader`, `controlfield`, `datafield`, in any namespace) outside any MARC
///   record, as in a misspelt `<recrod>`, are never skipped silently either:
///   [ErrorCode#STRUCTURE_INVALID]; lenient mode skips the element that holds them (or the field
///   alone, when it lies directly in the root or a `collection`).
///
/// ## Which `record` elements are MARC records
/// - a `record` in the MARC or MarcXchange namespace always is;
/// - a `record` in another namespace (SRU's, OAI-PMH's) never is: the reader looks inside it;
/// - a `record` in no namespace is a MARC record when it is the document root, when its parent is
///   a `collection`, or when its first child element is `leader`, `controlfield` or `datafield`.
///   Otherwise (SRU's `recordSchema` or OAI-PMH's `header` comes first) it is an envelope and the
///   reader looks inside it.
///
/// ## Errors
/// - Strict mode: the first structural problem throws [MarcParseException] with the line and
///   column of the StAX location: [ErrorCode#STRUCTURE_INVALID] for a leader that is not 24
///   characters, a missing leader, an element or text where none belongs;
///   [ErrorCode#TAG_INVALID], [ErrorCode#INDICATOR_INVALID], [ErrorCode#SUBFIELD_CODE_INVALID]
///   for missing or wrong-length attributes; [ErrorCode#LIMIT_EXCEEDED] for [Limits].
/// - Lenient mode: the same problems are repaired (leader padded with blanks or truncated, a
///   missing leader replaced by [Leader#DEFAULT], missing indicators and codes become blanks,
///   longer ones are cut to their first character, short tags are padded with leading zeros, long
///   ones cut, a missing tag becomes `000`, unexpected elements are skipped) and reported as
///   diagnostics on the record.
/// - An empty indicator attribute (`ind1=""`, as MARC::File::XML writes) is read as a blank
///   without a diagnostic.
/// - XML that is not well-formed ends the document: XML allows no recovery. Strict mode throws
///   [ErrorCode#SYNTAX_ERROR]; lenient mode returns the records completed before the error, then
///   ends, and reports the error (and the incomplete record it dropped, if any) through
///   [#trailingDiagnostics()].
/// - Bytes that are not valid in the document's encoding (UTF-8 unless a byte order mark or the XML
///   declaration says otherwise; see [XmlDecoder]): strict mode throws
///   [ErrorCode#INVALID_UTF8] (or [ErrorCode#SYNTAX_ERROR] for another encoding) with the index
///   of the record they are in, the line and column of the bad character and the byte offset of
///   the first bad byte; lenient mode reads each bad sequence as U+FFFD and attaches the same
///   diagnostic to the record it is in (bytes between records go to the next record, bytes after
///   the last one to [#trailingDiagnostics()]); the other records are unaffected. Nothing is ever
///   printed: the parser is handed characters, not bytes.
/// - One text value (a leader, control field or subfield) longer than `maxTokenLength` characters:
///   [ErrorCode#LIMIT_EXCEEDED] (strict mode throws); lenient mode keeps its first part and skips
///   the rest, so no value is ever held beyond that bound.
/// - A [Limits] bound broken while tokenizing (a comment-free token over `maxTokenLength`, a name
///   over `maxNameLength`, nesting over `maxNestingDepth`, attributes over
///   `maxAttributesPerElement`; see [MarcXmlScanner]) ends the document like malformed XML, with
///   [ErrorCode#LIMIT_EXCEEDED] naming the setting. Comments and processing instructions after
///   the prologue are never held, whatever their length.
/// - An encoding the Java runtime does not have: [ErrorCode#SYNTAX_ERROR] at line 1 (lenient
///   mode: no records and a trailing diagnostic).
/// - DTDs and external entities are never read: a document that references one fails with a
///   syntax error instead.
/// - After a strict-mode data error, a further `next()` goes on with the following record.
/// - I/O errors: [UncheckedIOException].
///
/// Not thread-safe.
public final class MarcXmlSource extends TextSource {

    /// The MARC 21 slim namespace.
    public static final String MARC_NS = "http://www.loc.gov/MARC21/slim";
    /// The MarcXchange namespace (ISO 25577; SRU and OAI-PMH servers use it): the same elements.
    public static final String MARCXCHANGE_NS = "info:lc/xmlns/marcxchange-v1";

    private static final Object NOT_MARC = new Object();

    private final Limits limits;
    private final ModelAccess.Factory factory = ModelAccess.factory();

    private XmlEvents xml;
    private XmlDecoder decoder;
    private boolean reprocess;
    private boolean inRecord;
    private long recordIndex;

    // Element names outside records, by depth (depth 1 = the root), and with a quarantine the
    // character offset of each one's start tag.
    private String[] stack = new String[16];
    private long[] stackStart = new long[16];
    private int depth;

    // With a quarantine: the scanner, how its character offsets map to bytes (see
    // XmlDecoder#byteMapping), the offsets of the last point accounted for and of the last one
    // mapped, and where the record being read starts.
    private MarcXmlScanner scanner;
    private int byteMapping;
    private long anchorChar;
    private long anchorByte;
    private long mappedChar;
    private long mappedByte;
    private long recordStartChar;

    // Per-record state, reused.
    private final StringBuilder text = new StringBuilder(256);
    /// Whether the current run of text events was already reported as misplaced.
    private boolean textReported;
    private Field[] fields = new Field[64];
    private Subfield[] subfields = new Subfield[16];
    private final DiagnosticCollector diagnostics;
    private long recordChars;

    /// For tests: read with the JDK's parser even when the scanner could.
    boolean forceStax;

    public MarcXmlSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name) {
        this(channel, owns, options, name, null);
    }

    /// As [#MarcXmlSource(ReadableByteChannel, boolean, ReaderOptions, String)], sending what it
    /// skips to `quarantine` (lenient mode): a `record` element in a foreign namespace, and the rest
    /// of the document from the record it ends in (or from the last record's end) when the XML is
    /// not well-formed. Only for a document in UTF-8 or a one-byte encoding read by
    /// [MarcXmlScanner]: the first read of another throws [IllegalArgumentException].
    ///
    /// @param quarantine where skipped regions go, or `null`
    public MarcXmlSource(ReadableByteChannel channel, boolean owns, ReaderOptions options, String name,
                         org.marcloom.internal.QuarantineSink quarantine) {
        super(channel, owns, options, name, quarantine, 0);
        this.limits = options.limits();
        this.diagnostics = new DiagnosticCollector(options, name);
    }

    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Text may come in several events (the reader joins them): faster than coalescing.
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /// Opens the parser on our own decoder (see [XmlDecoder]); false (after reporting) when the
    /// document's encoding is not supported.
    private boolean open() throws XMLStreamException {
        try {
            decoder = XmlDecoder.open(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XmlDecoder.UnsupportedEncoding e) {
            Diagnostic d = Diagnostic.builder(Severity.FATAL, ErrorCode.SYNTAX_ERROR).recordIndex(0).line(1).column(1)
                    .problem(e.getMessage()).repair("nothing was read").build();
            if (!lenient) {
                throw diagnostics.exception(d);
            }
            trailing.add(d);
            skippedToEnd(NEXT, List.of(d));
            return false;
        }
        MarcXmlScanner tokens = new MarcXmlScanner(decoder, limits);
        if (quarantining()) {
            byteMapping = decoder.byteMapping();
            if (byteMapping == 0) {
                throw cannotQuarantine("");
            }
            this.scanner = tokens; // from here on, a malformed prologue quarantines the whole input
            anchorByte = mappedByte = decoder.firstCharByte();
        }
        if (!forceStax && tokens.prologue()) {
            xml = tokens;
        } else {
            // a DTD or XML 1.1: the JDK's parser (which never reads the DTD's external parts)
            if (quarantining()) {
                throw cannotQuarantine(" with a document type declaration or XML 1.1");
            }
            xml = XmlEvents.Stax.open(newFactory(), tokens.replay(), limits);
        }
        return true;
    }

    private IllegalArgumentException cannotQuarantine(String what) {
        done = true;
        return new IllegalArgumentException("quarantine(...) keeps the bytes of MARCXML in UTF-8 or a one-byte"
                + " encoding read without a DTD; " + (name == null ? "the input" : name) + " is in "
                + decoder.encoding() + what);
    }

    /// With a quarantine: the input's byte offset of a character offset; one before the last point
    /// accounted for (the start of an element around a record already read) maps to that point.
    private long toByte(long at) {
        long charOffset = Math.max(at, anchorChar);
        if (charOffset < mappedChar) {
            mappedChar = anchorChar;
            mappedByte = anchorByte;
        }
        mappedByte = byteMapping == 1 ? mappedByte + (charOffset - mappedChar)
                : utf16Advance(mappedByte, charOffset - mappedChar);
        mappedChar = charOffset;
        return mappedByte;
    }

    /// With a quarantine: the characters up to `endChar` are accounted for, at byte `endByte`.
    private void anchor(long endChar, long endByte) {
        anchorChar = mappedChar = endChar;
        anchorByte = mappedByte = endByte;
    }

    @Override
    public MarcRecord next() {
        if (done) {
            return null;
        }
        try {
            if (xml == null && !open()) {
                done = true;
                return null;
            }
            MarcRecord r = scan();
            if (r == null) {
                done = true;
                endOfDocument();
            }
            return r;
        } catch (XMLStreamException e) {
            done = true;
            IOException io = ioCause(e);
            if (io != null) {
                throw new UncheckedIOException(io);
            }
            Location loc = e.getLocation() != null ? e.getLocation() : (xml != null ? xml.getLocation() : null);
            int line = loc == null ? -1 : loc.getLineNumber();
            int column = loc == null ? -1 : loc.getColumnNumber();
            boolean overLimit = e instanceof MarcXmlScanner.LimitException;
            String problem = overLimit ? ((MarcXmlScanner.LimitException) e).problem
                    : "XML is not well-formed: " + staxMessage(e);
            if (decoder != null) {
                // Malformed bytes up to the error come first (they may be its cause).
                BadBytes log = decoder.badBytes();
                BadBytes.Run b;
                while ((b = log.peek()) != null && (line < 0 || b.before(line, column + 1))) {
                    log.poll();
                    trailing(log.diagnostic(b, recordIndex, null));
                }
            }
            String repair = (inRecord ? "the incomplete record " + recordIndex + " was dropped and " : "")
                    + "the rest of the document was not read (XML allows no recovery)";
            ErrorCode code = overLimit ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.SYNTAX_ERROR;
            Diagnostic d = Diagnostic.builder(Severity.FATAL, code).recordIndex(recordIndex).line(line)
                    .column(column).problem(problem).repair(repair).build();
            trailing(d);
            if (scanner != null) {
                skippedToEnd(inRecord ? toByte(recordStartChar) : NEXT, List.of(d));
            }
            return null;
        }
    }

    /// Malformed bytes after the last record (in trailing white space or comments): strict mode
    /// throws for the first, lenient mode reports them all through [#trailingDiagnostics()].
    private void endOfDocument() {
        BadBytes log = decoder.badBytes();
        BadBytes.Run b;
        while ((b = log.poll()) != null) {
            trailing(log.diagnostic(b, recordIndex, null));
        }
        Diagnostic dropped = log.droppedWarning(recordIndex);
        if (dropped != null) {
            trailing.add(dropped);
        }
    }

    /// A diagnostic that belongs to no record: strict mode throws it (unless a warning), lenient
    /// mode reports it through [#trailingDiagnostics()].
    private void trailing(Diagnostic d) {
        if (!lenient && d.severity() != Severity.WARNING) {
            throw diagnostics.exception(d);
        }
        trailing.add(d);
    }

    /// Takes the malformed bytes that lie before the parser's position into the current record
    /// (lenient) or throws for the first (strict). Those found between records go to the next one.
    private void claimBadBytes(String tag) {
        Location loc = xml.getLocation();
        claimBadBytes(loc.getLineNumber(), loc.getColumnNumber(), tag);
    }

    private void claimBadBytes(int line, int column, String tag) {
        BadBytes log = decoder.badBytes();
        BadBytes.Run b;
        while ((b = log.peek()) != null && b.before(line, column)) {
            log.poll();
            diagnostics.report(log.diagnostic(b, recordIndex, tag));
        }
    }

    private static IOException ioCause(XMLStreamException e) {
        Throwable t = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        for (int i = 0; t != null && i < 5; i++, t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String staxMessage(XMLStreamException e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9).strip() : m.strip();
    }

    /// Finds the next MARC record element and reads it; `null` at the end of the document.
    private MarcRecord scan() throws XMLStreamException {
        while (reprocess || xml.hasNext()) {
            int ev = reprocess ? xml.getEventType() : xml.next();
            reprocess = false;
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                push(local);
                if ("record".equals(local)) {
                    String ns = xml.getNamespaceURI();
                    boolean unqualified = ns == null || ns.isEmpty();
                    if (isMarc(ns) || unqualified) {
                        boolean sure = !unqualified || depth == 1 || "collection".equals(stack[depth - 2]);
                        Object r;
                        recordStartChar = stackStart[depth - 1];
                        try {
                            r = readRecord(!sure);
                        } catch (MarcParseException e) {
                            // Strict mode: a later next() goes on with the following record.
                            recordIndex++;
                            diagnostics.startRecord(recordIndex); // the failed record's 001 is not the next one's
                            inRecord = false;
                            if (xml.getEventType() == XMLStreamConstants.END_ELEMENT && "record".equals(xml.getLocalName())) {
                                depth--; // thrown at the record's end tag (malformed bytes found there)
                            }
                            throw e;
                        }
                        if (r != NOT_MARC) {
                            depth--;
                            if (scanner != null) {
                                long end = scanner.eventEnd();
                                long start = toByte(recordStartChar);
                                long endByte = toByte(end);
                                recordRead(start, endByte);
                                anchor(end, endByte);
                            }
                            return (MarcRecord) r;
                        }
                        // An envelope's record: the reader stands on its first child element.
                        reprocess = xml.getEventType() == XMLStreamConstants.START_ELEMENT;
                        if (xml.getEventType() == XMLStreamConstants.END_ELEMENT) {
                            depth--;
                        }
                    }
                } else if (depth >= 2 && "record".equals(stack[depth - 2]) && isField(local)
                        && !marcOrNone(xml.getNamespaceURI())) {
                    foreignRecord(local);
                } else if (isField(local)) {
                    strayField(local);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return null;
    }

    private static boolean isField(String local) {
        return "leader".equals(local) || "controlfield".equals(local) || "datafield".equals(local);
    }

    /// A `record` in a namespace that is not MARC's holds what look like MARC fields (often a
    /// typo in the namespace URI): never silence. Strict mode throws; lenient mode reports it
    /// (through [#trailingDiagnostics()]) and skips the element.
    private void foreignRecord(String local) throws XMLStreamException {
        Location loc = xml.getLocation();
        String ns = xml.getNamespaceURI();
        Diagnostic d = Diagnostic.builder(Severity.ERROR, ErrorCode.STRUCTURE_INVALID).recordIndex(recordIndex)
                .line(loc.getLineNumber()).column(loc.getColumnNumber())
                .problem("a <record> in namespace \"" + ns + "\" holds <" + local + ">: MARC records are read in"
                        + " the MARC 21 slim namespace (" + MARC_NS + "), in MarcXchange's (" + MARCXCHANGE_NS
                        + ") or in none")
                .repair("the element was skipped").build();
        trailing(d);
        skipElement();
        skipToEnd();
        if (scanner != null) {
            long end = scanner.eventEnd();
            long start = toByte(stackStart[depth - 2]);
            long endByte = toByte(end);
            skipped(start, endByte, List.of(d));
            anchor(end, endByte);
        }
        depth -= 2;
    }

    /// A MARC field element (`leader`, `controlfield`, `datafield`, in any namespace) outside any
    /// MARC record: in a misspelt element (`<recrod>`), in a `record` that was taken for an
    /// envelope, loose in the collection, or in a mistyped namespace. Never silence: strict mode throws; lenient mode
    /// reports it (through [#trailingDiagnostics()]) and skips the element that holds it (the field
    /// alone when that is the root or a `collection`).
    private void strayField(String local) throws XMLStreamException {
        Location loc = xml.getLocation();
        String ns = xml.getNamespaceURI();
        String parent = depth >= 2 ? stack[depth - 2] : null;
        boolean wholeParent = parent != null && depth > 2 && !"collection".equals(parent);
        Diagnostic d = Diagnostic.builder(Severity.ERROR, ErrorCode.STRUCTURE_INVALID).recordIndex(recordIndex)
                .line(loc.getLineNumber()).column(loc.getColumnNumber())
                .problem("<" + local + ">" + (marcOrNone(ns) ? "" : " in namespace \"" + ns + "\"")
                        + " outside any MARC record" + (parent == null ? "" : " (in <" + parent + ">)"))
                .repair(wholeParent ? "the element <" + parent + "> was skipped" : "the element was skipped").build();
        trailing(d);
        skipElement();
        if (wholeParent) {
            skipToEnd();
        }
        int skippedDepth = wholeParent ? depth - 2 : depth - 1;
        if (scanner != null) {
            long end = scanner.eventEnd();
            long start = toByte(stackStart[skippedDepth]);
            long endByte = toByte(end);
            skipped(start, endByte, List.of(d));
            anchor(end, endByte);
        }
        depth = skippedDepth;
    }

    private void push(String local) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
            stackStart = Arrays.copyOf(stackStart, depth * 2);
        }
        if (scanner != null) {
            stackStart[depth] = scanner.eventStart();
        }
        stack[depth++] = local;
    }

    private static boolean isMarc(String ns) {
        return MARC_NS.equals(ns) || MARCXCHANGE_NS.equals(ns);
    }

    private static boolean marcOrNone(String ns) {
        return ns == null || ns.isEmpty() || isMarc(ns);
    }

    /// Reads one record; the reader stands on its start tag. With `tentative`, returns
    /// [#NOT_MARC] (standing on the first child element, or on the end tag of an empty element)
    /// when the first child is not a MARC field.
    private Object readRecord(boolean tentative) throws XMLStreamException {
        int startLine = xml.getLocation().getLineNumber();
        int startColumn = xml.getLocation().getColumnNumber();
        Leader leader = null;
        int count = 0;
        diagnostics.startRecord(recordIndex);
        recordChars = 0;
        boolean fieldLimitReported = false;
        inRecord = !tentative;
        while (true) {
            int ev = nextInside();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String local = xml.getLocalName();
                    boolean known = marcOrNone(xml.getNamespaceURI())
                            && ("leader".equals(local) || "controlfield".equals(local) || "datafield".equals(local));
                    if (tentative) {
                        if (!known) {
                            return NOT_MARC;
                        }
                        tentative = false;
                        inRecord = true;
                    }
                    if (!known) {
                        problem(ErrorCode.STRUCTURE_INVALID, null,
                                "unexpected element <" + xml.getName() + "> in a record", "skipped");
                        skipElement();
                    } else if ("leader".equals(local)) {
                        if (leader != null) {
                            problem(ErrorCode.STRUCTURE_INVALID, null, "a second <leader> in a record", "skipped");
                            skipElement();
                        } else {
                            leader = readLeader();
                            if (decoder.badBytes().hasRuns()) {
                                claimBadBytes(null);
                            }
                        }
                    } else {
                        if (count == limits.maxFieldsPerRecord()) {
                            fieldLimitReported = skipOverLimit(fieldLimitReported, null, "record",
                                    limits.maxFieldsPerRecord(), "fields", "maxFieldsPerRecord");
                            continue;
                        }
                        Field f = "controlfield".equals(local) ? readControlField() : readDataField();
                        if (decoder.badBytes().hasRuns()) {
                            claimBadBytes(f == null ? null : f.tag());
                        }
                        if (f != null) {
                            if (count == fields.length) {
                                fields = Arrays.copyOf(fields, count * 2);
                            }
                            fields[count++] = f;
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (tentative) {
                        return NOT_MARC;
                    }
                    if (decoder.badBytes().hasRuns()) {
                        claimBadBytes(null);
                    }
                    inRecord = false;
                    return finish(leader, count, startLine, startColumn);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!tentative) {
                        strayText(null, "text outside any field in a record");
                    }
                    continue;
                }
                default -> {
                    // comments, processing instructions, ignorable white space
                }
            }
        }
    }

    /// The next event inside a record or a data field: any but text ends a run of text (see
    /// [#strayText]).
    private int nextInside() throws XMLStreamException {
        int ev = xml.next();
        if (ev != XMLStreamConstants.CHARACTERS && ev != XMLStreamConstants.CDATA) {
            textReported = false;
        }
        return ev;
    }

    /// Text where only elements belong: reported once per run of text (the parser may split it
    /// into several events), unless it is white space.
    private void strayText(String tag, String problem) {
        if (!textReported && !xml.isWhiteSpace()) {
            textReported = true;
            problem(ErrorCode.STRUCTURE_INVALID, tag, problem, "skipped");
        }
    }

    private MarcRecord finish(Leader leader, int count, int line, int column) {
        if (leader == null) {
            problemAt(ErrorCode.STRUCTURE_INVALID, line, column, null,
                    "record has no <leader>", "the default leader was used");
            leader = Leader.DEFAULT;
        }
        Field[] out = Arrays.copyOf(fields, count);
        Arrays.fill(fields, 0, count, null);
        List<Diagnostic> d = diagnostics.finish();
        recordIndex++;
        diagnostics.startRecord(recordIndex); // what comes before the next record has no 001 yet
        return factory.record(leader, out, count, d);
    }

    private Leader readLeader() throws XMLStreamException {
        String value = readText(null);
        if (value.length() != 24) {
            problem(ErrorCode.STRUCTURE_INVALID, null, "leader is " + value.length() + " characters, not 24: \""
                    + value + "\"", value.length() < 24 ? "padded with blanks" : "truncated");
            value = value.length() < 24 ? value + " ".repeat(24 - value.length()) : value.substring(0, 24);
        }
        return Leader.of(value);
    }

    private ControlField readControlField() throws XMLStreamException {
        String tag = tag(xml.getAttributeValue(null, "tag"));
        String data = readText(tag);
        if ("001".equals(tag)) {
            diagnostics.controlNumber(data);
        }
        return new ControlField(tag, data);
    }

    private Field readDataField() throws XMLStreamException {
        // one pass over the attributes; the first of each name counts, as in getAttributeValue
        String tagValue = null;
        String ind1Value = null;
        String ind2Value = null;
        for (int i = 0, count = xml.getAttributeCount(); i < count; i++) {
            switch (xml.getAttributeLocalName(i)) {
                case "tag" -> tagValue = tagValue == null ? xml.getAttributeValue(i) : tagValue;
                case "ind1" -> ind1Value = ind1Value == null ? xml.getAttributeValue(i) : ind1Value;
                case "ind2" -> ind2Value = ind2Value == null ? xml.getAttributeValue(i) : ind2Value;
                default -> {
                    // other attributes are ignored
                }
            }
        }
        String tag = tag(tagValue);
        char ind1 = indicator(ind1Value, "ind1", tag);
        char ind2 = indicator(ind2Value, "ind2", tag);
        int n = 0;
        boolean limitReported = false;
        textReported = false;
        while (true) {
            int ev = nextInside();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!"subfield".equals(xml.getLocalName()) || !marcOrNone(xml.getNamespaceURI())) {
                        problem(ErrorCode.STRUCTURE_INVALID, tag,
                                "unexpected element <" + xml.getName() + "> in a data field", "skipped");
                        skipElement();
                        continue;
                    }
                    if (n == limits.maxSubfieldsPerField()) {
                        limitReported = skipOverLimit(limitReported, tag, "field", limits.maxSubfieldsPerField(),
                                "subfields", "maxSubfieldsPerField");
                        continue;
                    }
                    char code = code(tag);
                    String value = readText(tag);
                    if (n == subfields.length) {
                        subfields = Arrays.copyOf(subfields, n * 2);
                    }
                    subfields[n++] = new Subfield(code, value);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Subfield[] copy = Arrays.copyOf(subfields, n);
                    // no need to clear: the slots are overwritten, and the field holds the same subfields
                    return factory.dataField(tag, ind1, ind2, copy, n);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    strayText(tag, "text outside any subfield in a data field");
                    continue;
                }
                default -> {
                }
            }
        }
    }

    private String tag(String tag) {
        if (tag != null && tag.length() == 3) {
            return factory.internTag(tag);
        }
        String repaired;
        if (tag == null || tag.isEmpty()) {
            repaired = "000";
        } else if (tag.length() < 3) {
            repaired = "0".repeat(3 - tag.length()) + tag;
        } else {
            repaired = tag.substring(0, 3);
        }
        problem(ErrorCode.TAG_INVALID, tag, (tag == null ? "<" + xml.getLocalName() + "> has no tag attribute"
                : "tag \"" + tag + "\" is not three characters"), "read as \"" + repaired + "\"");
        return factory.internTag(repaired);
    }

    private char indicator(String v, String attribute, String tag) {
        if (v != null && v.length() == 1) {
            return v.charAt(0);
        }
        if (v != null && v.isEmpty()) {
            return ' ';
        }
        char repaired = v == null ? ' ' : v.charAt(0);
        problem(ErrorCode.INDICATOR_INVALID, tag, (v == null ? "data field has no " + attribute + " attribute"
                : attribute + " \"" + v + "\" is longer than one character"), "read as '" + repaired + "'");
        return repaired;
    }

    private char code(String tag) {
        String v = xml.getAttributeValue(null, "code");
        if (v != null && v.length() == 1) {
            return v.charAt(0);
        }
        char repaired = v == null || v.isEmpty() ? ' ' : v.charAt(0);
        problem(ErrorCode.SUBFIELD_CODE_INVALID, tag, (v == null ? "subfield has no code attribute"
                : "subfield code \"" + v + "\" is not one character"), "read as '" + repaired + "'");
        return repaired;
    }

    /// The text of the current element up to its end tag; child elements are reported and skipped.
    private String readText(String tag) throws XMLStreamException {
        StringBuilder sb = text;
        sb.setLength(0);
        String single = null;
        long valueChars = 0;
        while (true) {
            int ev = xml.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int len = xml.getTextLength();
                    recordChars += len;
                    valueChars += len;
                    if (valueChars > limits.maxTokenLength() || recordChars > limits.maxRecordBytes()) {
                        // one value is held whole: it is a token
                        problem(ErrorCode.LIMIT_EXCEEDED, tag, valueChars > limits.maxTokenLength()
                                ? "a value is longer than " + limits.maxTokenLength()
                                        + " characters, the maximum allowed (from Limits.maxTokenLength)"
                                : "record has more than " + limits.maxRecordBytes()
                                        + " characters of text, the maximum allowed (from Limits.maxRecordBytes)",
                                "the rest of this value was skipped");
                        skipToEnd();
                        return single != null && sb.isEmpty() ? single : sb.toString();
                    }
                    if (single == null && sb.isEmpty()) {
                        single = xml.getText();
                    } else {
                        if (single != null) {
                            sb.append(single);
                            single = null;
                        }
                        sb.append(xml.getTextCharacters(), xml.getTextStart(), len);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (single != null) {
                        return single;
                    }
                    return sb.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    problem(ErrorCode.STRUCTURE_INVALID, tag,
                            "unexpected element <" + xml.getName() + "> inside a value", "skipped");
                    skipElement();
                }
                default -> {
                }
            }
        }
    }

    /// Skips the element the reader stands on, one over a limit (`Limits.` + `setting`), after
    /// reporting the limit unless `reported`; returns true (now reported).
    private boolean skipOverLimit(boolean reported, String tag, String owner, int max, String what, String setting)
            throws XMLStreamException {
        if (!reported) {
            problem(ErrorCode.LIMIT_EXCEEDED, tag, owner + " has more than " + max + " " + what
                    + ", the maximum allowed (from Limits." + setting + ")", "the rest were skipped");
        }
        skipElement();
        return true;
    }

    /// Skips to the end tag of the element whose start tag the reader stands on.
    private void skipElement() throws XMLStreamException {
        skipToEnd();
    }

    /// Skips to the end tag of the element the reader is inside.
    private void skipToEnd() throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    private void problem(ErrorCode code, String tag, String problem, String repair) {
        Location loc = xml.getLocation();
        problemAt(code, loc.getLineNumber(), loc.getColumnNumber(), tag, problem, repair);
    }

    /// Every structural problem is an error (strict mode throws it); malformed bytes before it are
    /// reported first.
    private void problemAt(ErrorCode code, int line, int column, String tag, String problem, String repair) {
        if (decoder.badBytes().hasRuns()) {
            claimBadBytes(line, column, null);
        }
        diagnostics.report(Severity.ERROR, code, recordIndex, -1, line, column, tag, problem, repair);
    }

    /// The XML reader (the channel is the base class's to close).
    @Override
    protected void closeParser() {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // close() of the JDK reader does not fail; nothing to report
            }
        }
    }
}
