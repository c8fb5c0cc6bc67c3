package org.marcloom.internal.xml;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.marcloom.Limits;

/// A pull XML tokenizer for documents without a DTD, in place of the JDK's StAX parser, which is
/// most of the cost of reading MARCXML. It checks XML 1.0 (fifth edition) well-formedness and
/// Namespaces in XML 1.0 as that parser does: names and qualified names, matching end tags, one
/// root element, attribute syntax and uniqueness (by name and by expanded name), bound prefixes
/// and the rules on binding `xml` and `xmlns`, the five predefined entities and character
/// references (any other entity is undeclared, as there is no DTD), CDATA sections, comments
/// (no `--`), processing instructions (no `xml` target after the declaration), the XML
/// declaration's syntax, `]]>` in text, and that every character is an XML character. Line ends
/// are normalised (`\r\n` and `\r` read as `\n`; in attribute values white space reads as a space).
///
/// It does not handle a document type declaration or XML 1.1: [#prologue()] says so before any
/// event is returned, and [MarcXmlSource] then hands [#replay()] to the JDK's parser instead.
///
/// Text may come in several events (a run of plain text, one per reference or line end); element
/// and attribute names and short attribute values are shared strings. Positions are those of the
/// JDK's parser: just after the current event; lines end at `\n`, `\r\n` or `\r`; columns count
/// UTF-16 units from one.
///
/// ## Limits
/// Memory stays bounded whatever the input ([Limits]): a token that has to be held whole (a start
/// or end tag with its attributes, a CDATA section, the XML declaration, everything before the
/// root element) longer than `maxTokenLength` characters, a name longer than `maxNameLength`,
/// more than `maxNestingDepth` open elements or more than `maxAttributesPerElement` attributes on
/// one element end the document with a [LimitException] naming the setting. Comments and
/// processing instructions after the prologue are checked as they stream past and never held
/// (their text is not reported), so their length is not bounded. The token bound is checked when
/// the buffer would grow, so tokens up to the buffer's size (64 Ki characters) always pass.
///
/// WARNING: hot code. Indices into `buf` move when [#fill()] compacts it; every scan that may
/// fill keeps its offsets relative to `pos`. Not thread-safe.
final class MarcXmlScanner implements XmlEvents {

    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    /// Plain text characters below 128: not markup, not a reference, not `]`, not `\r`, not control.
    private static final boolean[] TEXT = new boolean[128];
    /// Name characters below 128 (name start characters are the letters, `_` and `:`).
    private static final boolean[] NAME = new boolean[128];

    static {
        for (int c = 0x20; c < 128; c++) {
            TEXT[c] = c != '<' && c != '&' && c != ']';
        }
        TEXT['\t'] = true;
        TEXT['\n'] = true;
        for (int c = 'a'; c <= 'z'; c++) {
            NAME[c] = true;
            NAME[c - 32] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            NAME[c] = true;
        }
        NAME['_'] = true;
        NAME[':'] = true;
        NAME['-'] = true;
        NAME['.'] = true;
    }

    private static final char[] NEWLINE = {'\n'};

    /// A [Limits] bound was broken: the message names the setting.
    static final class LimitException extends XMLStreamException {
        private static final long serialVersionUID = 1L;
        /// What was wrong, without the location.
        final String problem;

        LimitException(String problem, Location location) {
            super(problem, location);
            this.problem = problem;
        }
    }

    /// A [LimitException] on its way out of [#fill()], which may only throw IOException.
    private static final class Overflow extends IOException {
        private static final long serialVersionUID = 1L;
        final transient LimitException limit;

        Overflow(LimitException limit) {
            super(limit.problem, null);
            this.limit = limit;
        }
    }

    /// Thrown by the prologue scan when the JDK's parser must take over.
    private static final class Fallback extends Exception {
        private static final long serialVersionUID = 1L;

        Fallback() {
            super(null, null, false, false);
        }
    }

    private final Reader in;
    private final int maxToken;
    private final int maxName;
    private final int maxDepth;
    private final int maxAttributes;
    /// What the token being read is, for the message of the token bound.
    private String token = "the prologue (before the root element)";
    private char[] buf = new char[64 * 1024];
    private int pos;
    private int limit;
    /// Absolute offset of `buf[0]`.
    private long base;
    private boolean eof;
    /// Characters from here on survive [#fill()].
    private int tokenStart;
    /// While the prologue is read, nothing is dropped (for [#replay()]).
    private boolean keepAll = true;

    // Lines, counted lazily up to lineScan (absolute).
    private int line = 1;
    private long lineStart;
    private long lineScan;
    private long crAt = -2;

    private int event = XMLStreamConstants.START_DOCUMENT;
    private boolean rootStarted;
    private boolean pendingEnd;

    // Open elements.
    private String[] stackQName = new String[16];
    private String[] stackLocal = new String[16];
    private String[] stackPrefix = new String[16];
    private String[] stackNs = new String[16];
    private int[] stackNsTop = new int[16];
    private int depth;

    // Namespace bindings in scope, innermost last.
    private String[] nsPrefix = new String[16];
    private String[] nsUri = new String[16];
    private int nsTop;

    // The current element.
    private String local;
    private String prefix;
    private String ns;

    // Its attributes.
    private int attrCount;
    private String[] attrQName = new String[8];
    private String[] attrValue = new String[8];
    private String[] attrLocal = new String[8];
    private String[] attrPrefix = new String[8];
    private String[] attrNs = new String[8];

    // The current text.
    private char[] text;
    private int textStart;
    private int textLength;
    private final char[] refChars = new char[2];
    private char[] cdataBuf = new char[256];
    private final StringBuilder value = new StringBuilder(64);

    // Shared strings for names and short values.
    private final String[] symbols = new String[1024];
    private final String[] splitPrefix = new String[1024];
    private final String[] splitLocal = new String[1024];

    MarcXmlScanner(Reader in) {
        this(in, Limits.DEFAULTS);
    }

    MarcXmlScanner(Reader in, Limits limits) {
        this.in = in;
        this.maxToken = limits.maxTokenLength();
        this.maxName = limits.maxNameLength();
        this.maxDepth = limits.maxNestingDepth();
        this.maxAttributes = limits.maxAttributesPerElement();
    }

    private LimitException limit(int index, String problem, String setting) {
        return new LimitException(problem + " (from Limits." + setting + ")", locationAt(Math.min(index, limit)));
    }

    private XMLStreamException nameTooLong(int at, String what) {
        return limit(at, what + " is longer than " + maxName + " characters, the maximum allowed", "maxNameLength");
    }

    // ------------------------------------------------------------------ input

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = keepAll ? 0 : tokenStart;
        if (keep > 0) {
            syncLines(keep);
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            base += keep;
            pos -= keep;
            limit -= keep;
            tokenStart = 0;
        }
        if (limit == buf.length) {
            // the token being read fills the buffer
            if (limit - (keepAll ? 0 : tokenStart) > maxToken) {
                throw new Overflow(limit(pos, (keepAll ? "the prologue" : token) + " is longer than " + maxToken
                        + " characters, the maximum allowed", "maxTokenLength"));
            }
            buf = Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, maxToken + 1L));
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /// Whether `k` characters from `pos` are in the buffer (reading more when needed).
    private boolean ahead(int k) throws IOException {
        while (limit - pos < k) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private void syncLines(int to) {
        char[] b = buf;
        for (int i = (int) (lineScan - base); i < to; i++) {
            char c = b[i];
            if (c <= '\r') {
                if (c == '\n') {
                    long p = base + i;
                    if (crAt != p - 1) {
                        line++;
                    }
                    lineStart = p + 1;
                } else if (c == '\r') {
                    long p = base + i;
                    line++;
                    lineStart = p + 1;
                    crAt = p;
                }
            }
        }
        lineScan = Math.max(lineScan, base + to);
    }

    private record Loc(int line, int column, int offset) implements Location {
        @Override
        public int getLineNumber() {
            return line;
        }

        @Override
        public int getColumnNumber() {
            return column;
        }

        @Override
        public int getCharacterOffset() {
            return offset;
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }
    }

    /// The character offset of the current event's first character (a tag's `<`).
    long eventStart() {
        return base + tokenStart;
    }

    /// The character offset just after what the current event read (after a tag's `>`).
    long eventEnd() {
        return base + pos;
    }

    @Override
    public Location getLocation() {
        int at = pos;
        if (event == XMLStreamConstants.CHARACTERS && at < limit && buf[at] == '<') {
            // the JDK's parser has looked past the '<' (and a '/') that ends the text: so do we
            at += at + 1 < limit && buf[at + 1] == '/' ? 2 : 1;
        }
        return locationAt(at);
    }

    private Location locationAt(int index) {
        syncLines(index);
        long abs = base + index;
        return new Loc(line, (int) (abs - lineStart + 1), (int) Math.min(Integer.MAX_VALUE, abs));
    }

    private XMLStreamException error(String message) {
        return new XMLStreamException(message, getLocation());
    }

    private XMLStreamException errorAt(int index, String message) {
        return new XMLStreamException(message, locationAt(Math.min(index, limit)));
    }

    // ------------------------------------------------------------------ prologue and fallback

    /// Reads the XML declaration, comments, processing instructions and white space before the
    /// root element. False when the document needs the JDK's parser (a document type declaration,
    /// an XML version other than 1.0); [#replay()] then gives the whole input again.
    boolean prologue() throws XMLStreamException {
        try {
            while (true) {
                tokenStart = pos;
                if (pos == limit && !fill()) {
                    keepAll = false;
                    return true; // next() reports the missing root element
                }
                char c = buf[pos];
                if (c != '<') {
                    if (isSpace(c)) {
                        pos++;
                        continue;
                    }
                    keepAll = false;
                    return true; // next() reports the content
                }
                if (!ahead(2)) {
                    keepAll = false;
                    return true;
                }
                char c1 = buf[pos + 1];
                if (c1 == '?') {
                    pi();
                } else if (c1 == '!') {
                    if (starts("<!DOCTYPE")) {
                        throw new Fallback();
                    }
                    if (starts("<!--")) {
                        comment();
                    } else {
                        keepAll = false;
                        return true;
                    }
                } else {
                    keepAll = false;
                    return true;
                }
            }
        } catch (Fallback f) {
            return false;
        } catch (Overflow e) {
            throw e.limit;
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    /// Everything read so far, then the rest of the input: for the JDK's parser after
    /// [#prologue()] said no. A lone carriage return is handed on as a line feed, XML's own
    /// end-of-line normalization done before the JDK's parser sees it: that parser counts the
    /// columns after a lone CR one short in places (column 0 for the first character of the line
    /// in an XML declaration, -1 after two of them), and reads the same document either way.
    Reader replay() {
        return new LoneCarriageReturns(replayAsRead());
    }

    private Reader replayAsRead() {
        char[] head = Arrays.copyOf(buf, limit);
        return new Reader() {
            private int at;

            @Override
            public int read(char[] c, int off, int len) throws IOException {
                if (at < head.length) {
                    int n = Math.min(len, head.length - at);
                    System.arraycopy(head, at, c, off, n);
                    at += n;
                    return n;
                }
                return in.read(c, off, len);
            }

            @Override
            public void close() {
                // the decoder belongs to MarcXmlSource
            }
        };
    }

    /// A reader that turns each carriage return not followed by a line feed into a line feed
    /// (character for character, so offsets stay the same); a CR LF pair is left as it is.
    static final class LoneCarriageReturns extends Reader {
        private final Reader in;
        /// A character read ahead to see what follows a CR at the end of a read, or -1.
        private int ahead = -1;

        LoneCarriageReturns(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] c, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            if (ahead >= 0) {
                c[off] = (char) ahead;
                ahead = -1;
                int more = len > 1 ? in.read(c, off + 1, len - 1) : 0;
                n = 1 + Math.max(0, more);
            } else {
                n = in.read(c, off, len);
                if (n <= 0) {
                    return n;
                }
            }
            int last = off + n - 1;
            for (int i = off; i < last; i++) {
                if (c[i] == '\r' && c[i + 1] != '\n') {
                    c[i] = '\n';
                }
            }
            if (c[last] == '\r') {
                int next = in.read();
                if (next != '\n') {
                    c[last] = '\n';
                }
                ahead = next;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private boolean starts(String s) throws IOException {
        if (!ahead(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ events

    @Override
    public int next() throws XMLStreamException {
        try {
            event = advance();
            return event;
        } catch (Fallback f) {
            throw error("a document type declaration is not allowed here");
        } catch (Overflow e) {
            throw e.limit;
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return event != XMLStreamConstants.END_DOCUMENT;
    }

    @Override
    public int getEventType() {
        return event;
    }

    private int advance() throws IOException, XMLStreamException, Fallback {
        attrCount = 0;
        if (pendingEnd) {
            pendingEnd = false;
            pop();
            return XMLStreamConstants.END_ELEMENT;
        }
        while (true) {
            tokenStart = pos;
            if (pos == limit && !fill()) {
                if (depth > 0) {
                    throw error("XML document structures must start and end within the same entity.");
                }
                if (!rootStarted) {
                    throw error("Premature end of file.");
                }
                return XMLStreamConstants.END_DOCUMENT;
            }
            char c = buf[pos];
            if (c == '<') {
                int ev = markup();
                if (ev != 0) {
                    return ev;
                }
                continue;
            }
            if (depth == 0) {
                if (!isSpace(c)) {
                    throw error(rootStarted ? "Content is not allowed in trailing section."
                            : "Content is not allowed in prolog.");
                }
                pos++;
                continue;
            }
            int ev = text();
            if (ev != 0) {
                return ev;
            }
        }
    }

    private int markup() throws IOException, XMLStreamException, Fallback {
        if (!ahead(2)) {
            throw error("XML document structures must start and end within the same entity.");
        }
        char c1 = buf[pos + 1];
        if (c1 == '/') {
            token = "an end tag";
            return endTag();
        }
        if (c1 == '?') {
            token = "a processing instruction";
            return pi();
        }
        if (c1 == '!') {
            token = "markup";
            if (starts("<!--")) {
                return comment();
            }
            if (starts("<![CDATA[")) {
                token = "a CDATA section";
                if (depth == 0) {
                    throw error("The markup in the document " + (rootStarted ? "following" : "preceding")
                            + " the root element must be well-formed.");
                }
                return cdata();
            }
            if (starts("<!DOCTYPE")) {
                if (!rootStarted && keepAll) {
                    throw new Fallback();
                }
                throw error("DOCTYPE is not allowed here.");
            }
            throw error("The markup in the document " + (depth > 0 ? "" : rootStarted ? "following the root element "
                    : "preceding the root element ") + "must be well-formed.");
        }
        return startTag();
    }

    // ------------------------------------------------------------------ start and end tags

    private int startTag() throws IOException, XMLStreamException {
        if (depth == 0 && rootStarted) {
            throw error("The markup in the document following the root element must be well-formed.");
        }
        token = "a start tag";
        while (true) {
            int r = parseStartTag();
            if (r >= 0) {
                return r;
            }
            // the tag goes on past the buffer: read more and parse it again
            if (!fill()) {
                throw errorAt(limit, "XML document structures must start and end within the same entity.");
            }
        }
    }

    private XMLStreamException afterName(int i, String qname) {
        return errorAt(i, "Element type \"" + qname
                + "\" must be followed by either attribute specifications, \">\" or \"/>\".");
    }

    /// Parses the start tag at `pos`; -1 when it does not end inside the buffer.
    private int parseStartTag() throws XMLStreamException {
        final char[] b = buf;
        final int lim = limit;
        int p = pos + 1;
        int nameEnd = name(p, lim);
        if (nameEnd - p > maxName) {
            throw nameTooLong(p, "an element name");
        }
        if (nameEnd == lim) {
            return -1;
        }
        if (nameEnd == p) {
            throw errorAt(p, "The markup in the document must be well-formed.");
        }
        if (depth >= maxDepth) {
            throw limit(p, "element \"" + symbol(p, nameEnd) + "\" is nested deeper than " + maxDepth
                    + " elements, the maximum allowed", "maxNestingDepth");
        }
        String qname = symbol(p, nameEnd);
        int i = nameEnd;
        boolean empty = false;
        int count = 0;
        while (true) {
            int ws = i;
            while (i < lim && isSpace(b[i])) {
                i++;
            }
            if (i == lim) {
                return -1;
            }
            char c = b[i];
            if (c == '>') {
                break;
            }
            if (c == '/') {
                if (i + 1 == lim) {
                    return -1;
                }
                if (b[i + 1] != '>') {
                    throw afterName(i, qname);
                }
                empty = true;
                i++;
                break;
            }
            if (i == ws) {
                throw afterName(i, qname);
            }
            int an = i;
            int ae = name(i, lim);
            if (ae - an > maxName) {
                throw nameTooLong(an, "an attribute name of element \"" + qname + "\"");
            }
            if (ae == lim) {
                return -1;
            }
            if (ae == an) {
                throw afterName(i, qname);
            }
            String aq = symbol(an, ae);
            i = ae;
            while (i < lim && isSpace(b[i])) {
                i++;
            }
            if (i == lim) {
                return -1;
            }
            if (b[i] != '=') {
                throw errorAt(i, "Attribute name \"" + aq + "\" associated with an element type \"" + qname
                        + "\" must be followed by the ' = ' character.");
            }
            i++;
            while (i < lim && isSpace(b[i])) {
                i++;
            }
            if (i == lim) {
                return -1;
            }
            if (b[i] != '"' && b[i] != '\'') {
                throw errorAt(i, "Open quote is expected for attribute \"" + aq + "\" associated with an  element"
                        + " type  \"" + qname + "\".");
            }
            char q = b[i++];
            int vs = i;
            while (i < lim) {
                char ch = b[i];
                if (ch == q || ch < 0x20 || ch == '<' || ch == '&' || ch >= 0xD800) {
                    break;
                }
                i++;
            }
            if (i == lim) {
                return -1;
            }
            String v;
            if (b[i] == q) {
                v = attributeString(vs, i);
            } else {
                i = attributeValue(vs, q, aq, qname);
                if (i < 0) {
                    return -1;
                }
                v = value.toString();
            }
            i++; // the closing quote
            if (count == maxAttributes) {
                throw limit(an, "element \"" + qname + "\" has more than " + maxAttributes
                        + " attributes, the maximum allowed", "maxAttributesPerElement");
            }
            if (count == attrQName.length) {
                int n = count * 2;
                attrQName = Arrays.copyOf(attrQName, n);
                attrValue = Arrays.copyOf(attrValue, n);
                attrLocal = Arrays.copyOf(attrLocal, n);
                attrPrefix = Arrays.copyOf(attrPrefix, n);
                attrNs = Arrays.copyOf(attrNs, n);
            }
            attrQName[count] = aq;
            attrValue[count] = v;
            count++;
            if (i == lim) {
                return -1;
            }
            c = b[i];
            if (!isSpace(c) && c != '/' && c != '>') {
                throw afterName(i, qname);
            }
        }
        // b[i] == '>'
        namespaces(qname, count, i);
        pos = i + 1;
        rootStarted = true;
        keepAll = false;
        if (empty) {
            pendingEnd = true;
        }
        return XMLStreamConstants.START_ELEMENT;
    }

    /// An attribute value with references, white space to normalise or characters to check, from
    /// `from` to the closing `q`, into [#value]; returns the index of the closing quote, or -1 when
    /// the value does not end inside the buffer.
    private int attributeValue(int from, char q, String aq, String qname) throws XMLStreamException {
        StringBuilder sb = value;
        sb.setLength(0);
        char[] b = buf;
        int lim = limit;
        int i = from;
        while (true) {
            if (i == lim) {
                return -1;
            }
            char c = b[i];
            if (c == q) {
                return i;
            }
            if (c == '<') {
                throw errorAt(i, "The value of attribute \"" + aq + "\" associated with an element type \"" + qname
                        + "\" must not contain the '<' character.");
            }
            if (c == '&') {
                // the whole reference must be buffered
                int j = i + 1;
                while (j < lim && b[j] != ';' && b[j] != q && b[j] != '<' && j - i < 64) {
                    j++;
                }
                if (j == lim) {
                    return -1;
                }
                i = reference(i, sb, true);
                continue;
            }
            if (c == '\r') {
                if (i + 1 == lim) {
                    return -1;
                }
                sb.append(' ');
                i += b[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (c == '\n' || c == '\t') {
                sb.append(' ');
                i++;
                continue;
            }
            if (c < 0x20) {
                throw errorAt(i, String.format("An invalid XML character (Unicode: 0x%x) was found in the value of"
                        + " attribute \"%s\" and element is \"%s\".", (int) c, aq, qname));
            }
            if (c >= 0xD800) {
                if (c <= 0xDBFF && i + 1 == lim) {
                    return -1;
                }
                int n = checkHigh(b, i, lim);
                if (n < 0) {
                    throw errorAt(i, String.format("An invalid XML character (Unicode: 0x%x) was found in the value"
                            + " of attribute \"%s\" and element is \"%s\".", (int) c, aq, qname));
                }
                sb.append(b, i, n);
                i += n;
                continue;
            }
            sb.append(c);
            i++;
        }
    }

    /// How many characters the non-BMP-or-special character at `i` takes (1 or 2), or -1 when it is
    /// not an XML character (a lone surrogate, U+FFFE, U+FFFF). `c >= 0xD800`.
    private static int checkHigh(char[] b, int i, int lim) {
        char c = b[i];
        if (c <= 0xDBFF) {
            return i + 1 < lim && b[i + 1] >= 0xDC00 && b[i + 1] <= 0xDFFF ? 2 : -1;
        }
        if (c <= 0xDFFF || c >= 0xFFFE) {
            return -1;
        }
        return 1;
    }

    /// A reference at `b[i] == '&'` (inside the buffer, before a terminator that is known to
    /// be there): appends its characters; returns the index after the `;`.
    private int reference(int i, StringBuilder out, boolean inAttribute) throws XMLStreamException {
        char[] b = buf;
        int j = i + 1;
        if (j < limit && b[j] == '#') {
            j++;
            int radix = 10;
            if (j < limit && b[j] == 'x') {
                radix = 16;
                j++;
            }
            int digitsFrom = j;
            int cp = 0;
            while (j < limit && b[j] != ';') {
                int d = Character.digit(b[j], radix);
                if (d < 0 || b[j] > 'f') {
                    throw errorAt(j, radix == 16 ? "A hexadecimal representation must immediately follow the \"&#x\""
                            + " in a character reference." : "A decimal representation must immediately follow the"
                            + " \"&#\" in a character reference.");
                }
                cp = Math.min(0x110000, cp * radix + d);
                j++;
            }
            if (j == limit) {
                throw errorAt(j, "The character reference must end with the ';' delimiter.");
            }
            if (j == digitsFrom || !isXmlChar(cp)) {
                throw errorAt(j, "Character reference \"&#" + (radix == 16 ? "x" : "")
                        + new String(b, digitsFrom, j - digitsFrom) + "\" is an invalid XML character.");
            }
            out.appendCodePoint(cp);
            return j + 1;
        }
        int ne = name(j, limit);
        if (ne == j) {
            throw errorAt(j, "The entity name must immediately follow the '&' in the entity reference.");
        }
        if (ne == limit || b[ne] != ';') {
            throw errorAt(ne, "The reference to entity \"" + new String(b, j, ne - j)
                    + "\" must end with the ';' delimiter.");
        }
        char c = predefined(b, j, ne);
        if (c == 0) {
            throw errorAt(ne, "The entity \"" + new String(b, j, ne - j) + "\" was referenced, but not declared.");
        }
        out.append(c);
        return ne + 1;
    }

    private static char predefined(char[] b, int from, int to) {
        int n = to - from;
        if (n == 2 && b[from + 1] == 't') {
            return b[from] == 'l' ? '<' : b[from] == 'g' ? '>' : 0;
        }
        if (n == 3 && b[from] == 'a' && b[from + 1] == 'm' && b[from + 2] == 'p') {
            return '&';
        }
        if (n == 4 && b[from] == 'a' && b[from + 1] == 'p' && b[from + 2] == 'o' && b[from + 3] == 's') {
            return '\'';
        }
        if (n == 4 && b[from] == 'q' && b[from + 1] == 'u' && b[from + 2] == 'o' && b[from + 3] == 't') {
            return '"';
        }
        return 0;
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /// Binds the namespaces the element declares, resolves its name and its attributes' names,
    /// and checks that no attribute is given twice.
    /// No attribute name (namespace declarations included) may be given twice in a start tag.
    private void duplicateNames(int count, String qname, int at) throws XMLStreamException {
        if (count <= 16) {
            for (int a = 1; a < count; a++) {
                String aq = attrQName[a];
                for (int o = 0; o < a; o++) {
                    if (attrQName[o] == aq || attrQName[o].equals(aq)) {
                        throw duplicate(aq, qname, at);
                    }
                }
            }
            return;
        }
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        for (int a = 0; a < count; a++) {
            if (!seen.add(attrQName[a])) {
                throw duplicate(attrQName[a], qname, at);
            }
        }
    }

    private XMLStreamException duplicate(String aq, String qname, int at) {
        return errorAt(at, "Attribute \"" + aq + "\" was already specified for element \"" + qname + "\".");
    }

    private void namespaces(String qname, int count, int at) throws XMLStreamException {
        if (simpleAttributes(count)) {
            // no namespace declarations, unprefixed attributes: the usual MARCXML element
            for (int a = 0; a < count; a++) {
                String aq = attrQName[a];
                attrLocal[a] = aq;
                attrPrefix[a] = "";
                attrNs[a] = null;
            }
            duplicateNames(count, qname, at);
            attrCount = count;
            int colon = qname.indexOf(':');
            if (colon < 0) {
                push(qname, qname, "", resolve(""), nsTop);
                return;
            }
            String[] split = split(qname, colon, at);
            String uri = resolve(split[0]);
            if (uri == null) {
                throw errorAt(at, "The prefix \"" + split[0] + "\" for element \"" + qname + "\" is not bound.");
            }
            push(qname, split[1], split[0], uri, nsTop);
            return;
        }
        duplicateNames(count, qname, at);
        int before = nsTop;
        int kept = 0;
        for (int a = 0; a < count; a++) {
            String aq = attrQName[a];
            String v = attrValue[a];
            if (aq.equals("xmlns")) {
                if (v.equals(XML_NS) || v.equals(XMLNS_NS)) {
                    throw errorAt(at, "The namespace \"" + v + "\" cannot be bound as the default namespace.");
                }
                bind("", v);
            } else if (aq.startsWith("xmlns:")) {
                checkQName(aq, 5, at); // "xmlns:" alone, or a prefix with another colon, is no QName
                String p = aq.substring(6);
                if (p.equals("xmlns")) {
                    throw errorAt(at, "The prefix \"xmlns\" cannot be bound to any namespace explicitly; neither can"
                            + " the namespace for \"xmlns\" be bound to any prefix explicitly.");
                }
                if (p.equals("xml") != v.equals(XML_NS) || v.equals(XMLNS_NS)) {
                    throw errorAt(at, "The prefix \"" + p + "\" cannot be bound to the namespace \"" + v + "\".");
                }
                if (v.isEmpty()) {
                    throw errorAt(at, "The value of the attribute \"" + aq + "\" is invalid. Prefixed namespace"
                            + " bindings may not be empty.");
                }
                bind(p, v);
            } else {
                attrQName[kept] = aq;
                attrValue[kept] = v;
                kept++;
            }
        }
        attrCount = kept;
        int colon = qname.indexOf(':');
        String p;
        String l;
        if (colon < 0) {
            p = "";
            l = qname;
        } else {
            String[] split = split(qname, colon, at);
            p = split[0];
            l = split[1];
        }
        checkQName(qname, colon, at);
        if (p.equals("xmlns")) {
            throw errorAt(at, "Element \"" + qname + "\" cannot have \"xmlns\" as its prefix.");
        }
        String uri = resolve(p);
        if (uri == null && !p.isEmpty()) {
            throw errorAt(at, "The prefix \"" + p + "\" for element \"" + qname + "\" is not bound.");
        }
        for (int a = 0; a < kept; a++) {
            String aq = attrQName[a];
            int c = aq.indexOf(':');
            checkQName(aq, c, at);
            if (c < 0) {
                attrLocal[a] = aq;
                attrPrefix[a] = "";
                attrNs[a] = null;
            } else {
                String ap = aq.substring(0, c);
                String an = uri(aq, ap, qname, at);
                attrLocal[a] = symbolOf(aq.substring(c + 1));
                attrPrefix[a] = ap;
                attrNs[a] = an;
            }
        }
        // two prefixes bound to one namespace: the same expanded name twice
        java.util.HashSet<String> expanded = null;
        for (int a = 0; a < kept; a++) {
            if (attrNs[a] != null) {
                if (expanded == null) {
                    expanded = new java.util.HashSet<>();
                }
                if (!expanded.add(attrNs[a] + "}" + attrLocal[a])) {
                    throw errorAt(at, "Attribute \"" + attrLocal[a] + "\" bound to namespace \"" + attrNs[a]
                            + "\" was already specified for element \"" + qname + "\".");
                }
            }
        }
        push(qname, l, p, uri, before);
    }

    private final String[] pair = new String[2];

    /// Prefix and local name of a prefixed element name (checked), each split once per name.
    private String[] split(String qname, int colon, int at) throws XMLStreamException {
        int slot = slot(qname);
        if (symbols[slot] == qname && splitLocal[slot] != null) {
            pair[0] = splitPrefix[slot];
            pair[1] = splitLocal[slot];
            return pair;
        }
        checkQName(qname, colon, at);
        String p = qname.substring(0, colon);
        if (p.equals("xmlns")) {
            throw errorAt(at, "Element \"" + qname + "\" cannot have \"xmlns\" as its prefix.");
        }
        pair[0] = p;
        pair[1] = qname.substring(colon + 1);
        if (symbols[slot] == qname) {
            splitPrefix[slot] = pair[0];
            splitLocal[slot] = pair[1];
        }
        return pair;
    }

    private boolean simpleAttributes(int count) {
        for (int a = 0; a < count; a++) {
            String aq = attrQName[a];
            if (aq.indexOf(':') >= 0 || aq.startsWith("xmlns")) {
                return false;
            }
        }
        return true;
    }

    private void push(String qname, String l, String p, String uri, int nsBefore) {
        if (depth == stackQName.length) {
            int n = depth * 2;
            stackQName = Arrays.copyOf(stackQName, n);
            stackLocal = Arrays.copyOf(stackLocal, n);
            stackPrefix = Arrays.copyOf(stackPrefix, n);
            stackNs = Arrays.copyOf(stackNs, n);
            stackNsTop = Arrays.copyOf(stackNsTop, n);
        }
        stackQName[depth] = qname;
        stackLocal[depth] = l;
        stackPrefix[depth] = p;
        stackNs[depth] = uri == null || uri.isEmpty() ? null : uri;
        stackNsTop[depth] = nsBefore;
        depth++;
        local = l;
        prefix = p;
        ns = stackNs[depth - 1];
    }

    private String uri(String aq, String ap, String qname, int at) throws XMLStreamException {
        if (ap.equals("xmlns")) {
            throw errorAt(at, "Attribute \"" + aq + "\" cannot have \"xmlns\" as its prefix.");
        }
        String u = resolve(ap);
        if (u == null) {
            throw errorAt(at, "The prefix \"" + ap + "\" for attribute \"" + aq + "\" associated with an element type"
                    + " \"" + qname + "\" is not bound.");
        }
        return u;
    }

    private void checkQName(String q, int colon, int at) throws XMLStreamException {
        if (colon == 0 || colon == q.length() - 1 || colon > 0 && q.indexOf(':', colon + 1) >= 0
                || colon > 0 && !isNameStart(q.charAt(colon + 1))) {
            throw errorAt(at, "Element or attribute \"" + q + "\" do not match QName production:"
                    + " QName::=(NCName':')?NCName.");
        }
    }

    private void bind(String p, String uri) {
        if (nsTop == nsPrefix.length) {
            nsPrefix = Arrays.copyOf(nsPrefix, nsTop * 2);
            nsUri = Arrays.copyOf(nsUri, nsTop * 2);
        }
        nsPrefix[nsTop] = p;
        nsUri[nsTop] = uri;
        nsTop++;
    }

    /// The namespace bound to a prefix ("" for the default; an empty string when the default is
    /// undeclared), or null when the prefix is not bound.
    private String resolve(String p) {
        for (int i = nsTop - 1; i >= 0; i--) {
            if (nsPrefix[i].equals(p)) {
                return nsUri[i];
            }
        }
        if (p.equals("xml")) {
            return XML_NS;
        }
        return p.isEmpty() ? "" : null;
    }

    private int endTag() throws IOException, XMLStreamException {
        if (depth > 0) {
            // the usual case: "</" the open element's name ">"
            String open = stackQName[depth - 1];
            int n = open.length();
            if (ahead(n + 3) && buf[pos + n + 2] == '>') {
                char[] b = buf;
                int p = pos + 2;
                boolean same = true;
                for (int i = 0; i < n; i++) {
                    if (b[p + i] != open.charAt(i)) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    pos = p + n + 1;
                    pop();
                    return XMLStreamConstants.END_ELEMENT;
                }
            }
        }
        int k = 2;
        while (true) {
            if (pos + k >= limit) {
                if (!fill()) {
                    throw errorAt(limit, "XML document structures must start and end within the same entity.");
                }
                continue;
            }
            if (buf[pos + k] == '>') {
                break;
            }
            k++;
        }
        int end = pos + k;
        int p = pos + 2;
        int ne = name(p, end);
        if (depth == 0) {
            throw errorAt(p, "The markup in the document following the root element must be well-formed.");
        }
        String open = stackQName[depth - 1];
        if (!sameChars(open, p, ne)) {
            throw errorAt(p, "The element type \"" + open + "\" must be terminated by the matching end-tag \"</"
                    + open + ">\".");
        }
        int i = ne;
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (i != end) {
            throw errorAt(i, "The end-tag for element type \"" + open + "\" must end with a '>' delimiter.");
        }
        pos = end + 1;
        pop();
        return XMLStreamConstants.END_ELEMENT;
    }

    private boolean sameChars(String s, int from, int to) {
        int n = to - from;
        if (s.length() != n) {
            return false;
        }
        char[] b = buf;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private void pop() {
        depth--;
        local = stackLocal[depth];
        prefix = stackPrefix[depth];
        ns = stackNs[depth];
        for (int i = stackNsTop[depth]; i < nsTop; i++) {
            nsPrefix[i] = null;
            nsUri[i] = null;
        }
        nsTop = stackNsTop[depth];
    }

    // ------------------------------------------------------------------ other markup

    /// Finds `terminator` from `pos + from`; returns its offset from `pos`.
    private int find(String terminator, int from) throws IOException, XMLStreamException {
        int k = from;
        char first = terminator.charAt(0);
        int n = terminator.length();
        while (true) {
            if (pos + k + n > limit) {
                if (!fill()) {
                    throw errorAt(limit, "XML document structures must start and end within the same entity.");
                }
                continue;
            }
            if (buf[pos + k] == first) {
                boolean all = true;
                for (int t = 1; t < n; t++) {
                    if (buf[pos + k + t] != terminator.charAt(t)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    return k;
                }
            }
            k++;
        }
    }

    /// Checks that `buf[from, to)` holds only XML characters.
    private void checkChars(int from, int to, String where) throws XMLStreamException {
        char[] b = buf;
        for (int i = from; i < to; i++) {
            char c = b[i];
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && checkHigh(b, i, to) < 0) {
                throw errorAt(i, String.format("An invalid XML character (Unicode: 0x%x) was found in %s.", (int) c,
                        where));
            }
            if (c >= 0xD800 && c <= 0xDBFF) {
                i++;
            }
        }
    }

    /// A comment, checked as it streams past and never held: its text is not reported.
    private int comment() throws IOException, XMLStreamException {
        pos += 4;
        while (true) {
            if (pos + 3 > limit) {
                tokenStart = pos;
                if (!fill()) {
                    throw errorAt(limit, "XML document structures must start and end within the same entity.");
                }
                continue;
            }
            char c = buf[pos];
            if (c == '-' && buf[pos + 1] == '-') {
                if (buf[pos + 2] != '>') {
                    throw errorAt(pos, "The string \"--\" is not permitted within comments.");
                }
                pos += 3;
                break;
            }
            pos += streamedChar(c, "the comment");
        }
        text = buf;
        textStart = pos;
        textLength = 0;
        return XMLStreamConstants.COMMENT;
    }

    /// Checks the character `c` at `pos` (at least two characters are buffered); returns how many
    /// it takes.
    private int streamedChar(char c, String where) throws XMLStreamException {
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\r') {
                throw errorAt(pos, String.format("An invalid XML character (Unicode: 0x%x) was found in %s.", (int) c,
                        where));
            }
            return 1;
        }
        if (c >= 0xD800) {
            int n = checkHigh(buf, pos, limit);
            if (n < 0) {
                throw errorAt(pos, String.format("An invalid XML character (Unicode: 0x%x) was found in %s.", (int) c,
                        where));
            }
            return n;
        }
        return 1;
    }

    /// A processing instruction: the target is held, the data is checked as it streams past and
    /// never held (it is not reported). The XML declaration is held and parsed.
    private int pi() throws IOException, XMLStreamException, Fallback {
        int ne;
        while (true) {
            ne = name(pos + 2, limit);
            if (ne - (pos + 2) > maxName) {
                throw nameTooLong(pos + 2, "a processing instruction target");
            }
            if (ne < limit) {
                break;
            }
            if (!fill()) {
                throw errorAt(limit, "XML document structures must start and end within the same entity.");
            }
        }
        int p = pos + 2;
        if (ne == p) {
            throw errorAt(p, "The processing instruction must begin with the name of the target.");
        }
        boolean xmlTarget = ne - p == 3 && (buf[p] | 0x20) == 'x' && (buf[p + 1] | 0x20) == 'm'
                && (buf[p + 2] | 0x20) == 'l';
        if (xmlTarget) {
            if (base + pos != 0 || buf[p] != 'x' || buf[p + 1] != 'm' || buf[p + 2] != 'l') {
                throw errorAt(p, "The processing instruction target matching \"[xX][mM][lL]\" is not allowed.");
            }
            int end = pos + find("?>", 2);
            declaration(pos + 5, end);
            pos = end + 2;
            return 0;
        }
        pos = ne;
        boolean first = true;
        while (true) {
            if (pos + 2 > limit) {
                tokenStart = pos;
                if (!fill()) {
                    throw errorAt(limit, "XML document structures must start and end within the same entity.");
                }
                continue;
            }
            char c = buf[pos];
            if (c == '?' && buf[pos + 1] == '>') {
                pos += 2;
                break;
            }
            if (first && !isSpace(c)) {
                throw errorAt(pos, "White space is required between the processing instruction target and data.");
            }
            first = false;
            pos += streamedChar(c, "the processing instruction");
        }
        text = buf;
        textStart = pos;
        textLength = 0;
        return XMLStreamConstants.PROCESSING_INSTRUCTION;
    }

    /// The XML declaration between `<?xml` and `?>`: version, encoding, standalone, in that order.
    private void declaration(int from, int end) throws XMLStreamException, Fallback {
        char[] b = buf;
        int i = from;
        String[] names = {"version", "encoding", "standalone"};
        int seen = 0;
        boolean version = false;
        while (true) {
            int ws = i;
            while (i < end && isSpace(b[i])) {
                i++;
            }
            if (i == end) {
                break;
            }
            if (i == ws) {
                throw errorAt(i, "White space is required before the next pseudo attribute in the XML declaration.");
            }
            int ne = name(i, end);
            String n = new String(b, i, ne - i);
            int which = -1;
            for (int w = seen; w < 3; w++) {
                if (names[w].equals(n)) {
                    which = w;
                    break;
                }
            }
            if (which < 0 || which > 0 && !version) {
                throw errorAt(i, version ? "The pseudo attribute \"" + n + "\" is not allowed here in the XML"
                        + " declaration." : "The version is required in the XML declaration.");
            }
            i = ne;
            while (i < end && isSpace(b[i])) {
                i++;
            }
            if (i == end || b[i] != '=') {
                throw errorAt(i, "The ' = ' character must follow \"" + n + "\" in the XML declaration.");
            }
            i++;
            while (i < end && isSpace(b[i])) {
                i++;
            }
            if (i == end || b[i] != '"' && b[i] != '\'') {
                throw errorAt(i, "The value following \"" + n + "\" in the XML declaration must be a quoted string.");
            }
            char q = b[i++];
            int vs = i;
            while (i < end && b[i] != q) {
                i++;
            }
            if (i == end) {
                throw errorAt(i, "The XML declaration must end with \"?>\".");
            }
            String v = new String(b, vs, i - vs);
            i++;
            switch (which) {
                case 0 -> {
                    if (!v.equals("1.0")) {
                        throw new Fallback(); // XML 1.1 (or an error the JDK's parser reports)
                    }
                    version = true;
                }
                case 1 -> {
                    if (!v.matches("[A-Za-z][A-Za-z0-9._-]*")) {
                        throw errorAt(vs, "Invalid encoding name \"" + v + "\".");
                    }
                }
                default -> {
                    if (!v.equals("yes") && !v.equals("no")) {
                        throw errorAt(vs, "The standalone document declaration value must be \"yes\" or \"no\", not \""
                                + v + "\".");
                    }
                }
            }
            seen = which + 1;
        }
        if (!version) {
            throw errorAt(from, "The version is required in the XML declaration.");
        }
    }

    private int cdata() throws IOException, XMLStreamException {
        int k = find("]]>", 9);
        int from = pos + 9;
        int end = pos + k;
        checkChars(from, end, "the CDATA section");
        text = buf;
        textStart = from;
        textLength = end - from;
        for (int i = from; i < end; i++) {
            if (buf[i] == '\r') {
                normaliseCdata(from, end);
                break;
            }
        }
        pos = end + 3;
        return XMLStreamConstants.CDATA;
    }

    private void normaliseCdata(int from, int end) {
        if (cdataBuf.length < end - from) {
            cdataBuf = new char[end - from];
        }
        int o = 0;
        for (int i = from; i < end; i++) {
            char c = buf[i];
            if (c == '\r') {
                cdataBuf[o++] = '\n';
                if (i + 1 < end && buf[i + 1] == '\n') {
                    i++;
                }
            } else {
                cdataBuf[o++] = c;
            }
        }
        text = cdataBuf;
        textStart = 0;
        textLength = o;
    }

    // ------------------------------------------------------------------ text

    /// A run of text, one reference or one line end; 0 when more input had to be read first.
    private int text() throws IOException, XMLStreamException {
        char[] b = buf;
        int start = pos;
        int i = start;
        int lim = limit;
        while (i < lim) {
            char c = b[i];
            if (c < 128) {
                if (TEXT[c]) {
                    i++;
                    continue;
                }
                if (c == ']' && i + 2 < lim && !(b[i + 1] == ']' && b[i + 2] == '>')) {
                    i++;
                    continue;
                }
                break;
            }
            if (c < 0xD800 || c >= 0xE000 && c < 0xFFFE) {
                i++;
                continue;
            }
            if (c <= 0xDBFF && i + 1 < lim && b[i + 1] >= 0xDC00 && b[i + 1] <= 0xDFFF) {
                i += 2;
                continue;
            }
            break;
        }
        if (i > start) {
            pos = i;
            text = b;
            textStart = start;
            textLength = i - start;
            return XMLStreamConstants.CHARACTERS;
        }
        char c = b[i];
        if (c == '&') {
            // the reference and its ';' must be in the buffer
            int k = 1;
            while (true) {
                if (pos + k >= limit) {
                    if (!fill()) {
                        break;
                    }
                    continue;
                }
                char x = buf[pos + k];
                if (x == ';' || k > 64 || x == '<' || x == '&' || isSpace(x)) {
                    break;
                }
                k++;
            }
            value.setLength(0);
            int after = reference(pos, value, false);
            int n = value.length();
            value.getChars(0, n, refChars, 0);
            pos = after;
            text = refChars;
            textStart = 0;
            textLength = n;
            return XMLStreamConstants.CHARACTERS;
        }
        if (c == '\r') {
            if (!ahead(2) || buf[pos + 1] != '\n') {
                pos++;
            } else {
                pos += 2;
            }
            text = NEWLINE;
            textStart = 0;
            textLength = 1;
            return XMLStreamConstants.CHARACTERS;
        }
        if (c == ']') {
            if (ahead(3)) {
                if (buf[pos + 1] == ']' && buf[pos + 2] == '>') {
                    throw error("The character sequence \"]]>\" must not appear in content unless used to mark the"
                            + " end of a CDATA section.");
                }
                return 0; // enough is buffered now: scan again
            }
            pos++;
            text = buf;
            textStart = pos - 1;
            textLength = 1;
            return XMLStreamConstants.CHARACTERS;
        }
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 == lim && fill()) {
            return 0; // the low surrogate is now buffered: scan again
        }
        throw errorAt(pos, String.format("An invalid XML character (Unicode: 0x%x) was found in the element content of"
                + " the document.", (int) c));
    }

    // ------------------------------------------------------------------ names

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isNameStart(char c) {
        if (c < 128) {
            return NAME[c] && !(c >= '0' && c <= '9') && c != '-' && c != '.';
        }
        return c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF
                || c >= 0x370 && c <= 0x37D || c >= 0x37F && c <= 0x1FFF || c >= 0x200C && c <= 0x200D
                || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF
                || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD;
    }

    private static boolean isNameChar(char c) {
        if (c < 128) {
            return NAME[c];
        }
        return isNameStart(c) || c == 0xB7 || c >= 0x300 && c <= 0x36F || c >= 0x203F && c <= 0x2040;
    }

    /// The end of the XML Name starting at `from` (before `to`), or `from` when there is none.
    /// Supplementary characters (U+10000 to U+EFFFF) are name characters.
    private int name(int from, int to) {
        char[] b = buf;
        if (from >= to) {
            return from;
        }
        int i = from;
        char c = b[i];
        if (isNameStart(c)) {
            i++;
        } else if (c >= 0xD800 && c <= 0xDB7F && i + 1 < to && b[i + 1] >= 0xDC00 && b[i + 1] <= 0xDFFF) {
            i += 2;
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 == to) {
            return to;
        } else {
            return from;
        }
        while (i < to) {
            c = b[i];
            if (c < 128 ? NAME[c] : isNameChar(c)) {
                i++;
            } else if (c >= 0xD800 && c <= 0xDB7F && i + 1 < to && b[i + 1] >= 0xDC00 && b[i + 1] <= 0xDFFF) {
                i += 2;
            } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 == to) {
                return to; // the pair is cut by the end of the range: the name may go on
            } else {
                break;
            }
        }
        return i;
    }

    /// A shared string for `buf[from, to)`.
    private String symbol(int from, int to) {
        char[] b = buf;
        int n = to - from;
        int slot = slot(n, b[from], b[to - 1]);
        String s = symbols[slot];
        if (s != null && s.length() == n) {
            boolean same = true;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) != b[from + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return s;
            }
        }
        s = new String(b, from, n);
        symbols[slot] = s;
        splitPrefix[slot] = null;
        splitLocal[slot] = null;
        return s;
    }

    /// The slot of a name: from its length and its first and last characters (no hashing pass;
    /// the few names of a document rarely share one).
    private static int slot(int length, char first, char last) {
        return ((length * 961 + first * 31 + last) * 0x9E3779B9) >>> 22; // 1024 slots
    }

    private static int slot(String s) {
        return slot(s.length(), s.charAt(0), s.charAt(s.length() - 1));
    }

    /// Shared strings for the values MARCXML attributes mostly have: one ASCII character (codes,
    /// indicators) and three digits (tags).
    private static final String[] ONE_CHAR = new String[128];
    private static final String[] THREE_DIGITS = new String[1000];

    static {
        for (int c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf((char) c);
        }
        for (int n = 0; n < 1000; n++) {
            THREE_DIGITS[n] = String.format("%03d", n);
        }
    }

    private String attributeString(int from, int to) {
        char[] b = buf;
        int n = to - from;
        if (n == 1 && b[from] < 128) {
            return ONE_CHAR[b[from]];
        }
        if (n == 3) {
            int d0 = b[from] - '0';
            int d1 = b[from + 1] - '0';
            int d2 = b[from + 2] - '0';
            if ((d0 | d1 | d2) >= 0 && d0 <= 9 && d1 <= 9 && d2 <= 9) {
                return THREE_DIGITS[d0 * 100 + d1 * 10 + d2];
            }
        }
        return new String(b, from, n);
    }

    private String symbolOf(String s) {
        int slot = slot(s);
        String t = symbols[slot];
        if (s.equals(t)) {
            return t;
        }
        symbols[slot] = s;
        splitPrefix[slot] = null;
        splitLocal[slot] = null;
        return s;
    }

    // ------------------------------------------------------------------ accessors

    @Override
    public String getLocalName() {
        return local;
    }

    @Override
    public String getNamespaceURI() {
        return ns;
    }

    @Override
    public QName getName() {
        return new QName(ns == null ? "" : ns, local, prefix == null ? "" : prefix);
    }

    @Override
    public int getAttributeCount() {
        return attrCount;
    }

    @Override
    public String getAttributeLocalName(int index) {
        return attrLocal[index];
    }

    @Override
    public String getAttributeValue(int index) {
        return attrValue[index];
    }

    @Override
    public String getAttributeValue(String namespace, String localName) {
        for (int i = 0; i < attrCount; i++) {
            if (attrLocal[i].equals(localName)) {
                return attrValue[i];
            }
        }
        return null;
    }

    @Override
    public String getText() {
        return new String(text, textStart, textLength);
    }

    @Override
    public char[] getTextCharacters() {
        return text;
    }

    @Override
    public int getTextStart() {
        return textStart;
    }

    @Override
    public int getTextLength() {
        return textLength;
    }

    @Override
    public boolean isWhiteSpace() {
        for (int i = textStart, end = textStart + textLength; i < end; i++) {
            if (!isSpace(text[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        event = XMLStreamConstants.END_DOCUMENT;
    }
}
