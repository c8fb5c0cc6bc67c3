package org.marcloom.internal.xml;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.marcloom.WriterOptions;
import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RecordEncoder;
import org.marcloom.internal.Utf8;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// MARCXML (MARC 21 slim) encoder: UTF-8 bytes encoded by hand into the caller's buffer.
///
/// Output: `<?xml version="1.0" encoding="UTF-8"?>`, then `<collection
/// xmlns="http://www.loc.gov/MARC21/slim">` (so an empty collection is still a valid document),
/// one `record` per record, and `</collection>`. Without [WriterOptions#indent()] each record is one
/// line; with it, elements are indented by two spaces per level. The leader is written as it is
/// (leader/09 is not changed).
///
/// ## Escaping
/// `&`, `<` and `>` are written as entity references everywhere, `"` too in attribute values.
/// Carriage return is written as `&#13;` (and tab and line feed too in attribute values), because
/// an XML parser would otherwise normalise it away.
///
/// ## Characters XML 1.0 forbids
/// C0 control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF and
/// unpaired surrogates cannot appear in an XML 1.0 document, not even as character references.
/// Each one is written as U+FFFD (the replacement character), silently: this writer has no
/// diagnostics channel, and such characters only occur in data that was never decoded (MARC-8
/// escape sequences read as bytes). Everything else, including astral characters (emoji), is
/// written as its UTF-8 bytes.
///
/// Not thread-safe.
public final class MarcXmlEncoder implements RecordEncoder {

    /// The most bytes one character of text can become (`&quot;`).
    private static final int MAX_PER_CHAR = 6;

    private static final byte[] HEADER = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<collection xmlns=\"" + MarcXmlSource.MARC_NS + "\">\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FOOTER = ascii("</collection>\n");
    private static final byte[] RECORD_OPEN = ascii("<record>");
    private static final byte[] RECORD_CLOSE = ascii("</record>\n");
    private static final byte[] LEADER_OPEN = ascii("<leader>");
    private static final byte[] LEADER_CLOSE = ascii("</leader>");
    private static final byte[] CONTROL_OPEN = ascii("<controlfield tag=\"");
    private static final byte[] CONTROL_CLOSE = ascii("</controlfield>");
    private static final byte[] DATA_OPEN = ascii("<datafield tag=\"");
    private static final byte[] IND1 = ascii("\" ind1=\"");
    private static final byte[] IND2 = ascii("\" ind2=\"");
    private static final byte[] DATA_CLOSE = ascii("</datafield>");
    private static final byte[] SUBFIELD_OPEN = ascii("<subfield code=\"");
    private static final byte[] SUBFIELD_CLOSE = ascii("</subfield>");
    private static final byte[] TAG_END = ascii("\">");

    /// For ASCII: 0 = written as is, 1 = escaped or replaced, 2 = as is in text but escaped in attributes.
    private static final byte[] ASCII_CLASS = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII_CLASS[c] = 1;
        }
        ASCII_CLASS['\t'] = 2;
        ASCII_CLASS['\n'] = 2;
        ASCII_CLASS['&'] = 1;
        ASCII_CLASS['<'] = 1;
        ASCII_CLASS['>'] = 1;
        ASCII_CLASS['"'] = 2;
    }

    private final boolean indent;
    private OutputBuffer out;

    public MarcXmlEncoder(WriterOptions options) {
        this.indent = options.indent();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void start(OutputBuffer target) {
        target.put(HEADER);
    }

    @Override
    public void end(long count, OutputBuffer target) {
        target.put(FOOTER);
    }

    @Override
    public void record(MarcRecord record, long index, OutputBuffer target) {
        out = target;
        margin(2);
        raw(RECORD_OPEN);
        newline();
        margin(4);
        raw(LEADER_OPEN);
        text(record.leader().toString(), false);
        raw(LEADER_CLOSE);
        newline();
        List<Field> fields = record.fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            Field f = fields.get(i);
            margin(4);
            if (f instanceof ControlField c) {
                raw(CONTROL_OPEN);
                text(c.tag(), true);
                raw(TAG_END);
                text(c.data(), false);
                raw(CONTROL_CLOSE);
            } else {
                DataField d = (DataField) f;
                raw(DATA_OPEN);
                text(d.tag(), true);
                raw(IND1);
                character(d.indicator1(), true);
                raw(IND2);
                character(d.indicator2(), true);
                raw(TAG_END);
                newline();
                List<Subfield> subfields = d.subfields();
                for (int j = 0, m = subfields.size(); j < m; j++) {
                    Subfield s = subfields.get(j);
                    margin(6);
                    raw(SUBFIELD_OPEN);
                    character(s.code(), true);
                    raw(TAG_END);
                    text(s.value(), false);
                    raw(SUBFIELD_CLOSE);
                    newline();
                }
                margin(4);
                raw(DATA_CLOSE);
            }
            newline();
        }
        margin(2);
        raw(RECORD_CLOSE);
        out = null;
    }

    private void newline() {
        if (indent) {
            out.put((byte) '\n');
        }
    }

    /// Indenting: `n` spaces before an element.
    private void margin(int n) {
        if (indent) {
            spaces(n);
        }
    }

    private void spaces(int n) {
        byte[] b = out.ensure(n);
        int p = out.size;
        for (int i = 0; i < n; i++) {
            b[p++] = ' ';
        }
        out.size = p;
    }

    private void raw(byte[] bytes) {
        out.put(bytes);
    }

    private void character(char c, boolean attribute) {
        byte[] b = out.ensure(8);
        out.size = encode(c, attribute, b, out.size);
    }

    /// Encodes `s` as escaped UTF-8 into the buffer.
    private void text(String s, boolean attribute) {
        int n = s.length();
        byte[] b = out.ensure((int) Math.min(Integer.MAX_VALUE - 32, (long) n * MAX_PER_CHAR + 8));
        int p = out.size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (ASCII_CLASS[c] == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = encode(c, attribute, b, p);
                }
            } else {
                p = Utf8.encodeNonAscii(s, i, n, b, p, true);
                if (Character.isSurrogate(c) && Utf8.isPairAt(s, i, n)) {
                    i++;
                }
            }
        }
        out.size = p;
    }

    /// One character (an indicator, a code, or an ASCII character that needs care); needs 8 bytes.
    private static int encode(char c, boolean attribute, byte[] b, int p) {
        switch (c) {
            case '&' -> {
                return put(b, p, "&amp;");
            }
            case '<' -> {
                return put(b, p, "&lt;");
            }
            case '>' -> {
                return put(b, p, "&gt;");
            }
            case '"' -> {
                if (attribute) {
                    return put(b, p, "&quot;");
                }
                b[p++] = '"';
                return p;
            }
            case '\r' -> {
                return put(b, p, "&#13;");
            }
            case '\t', '\n' -> {
                if (attribute) {
                    return put(b, p, c == '\t' ? "&#9;" : "&#10;");
                }
                b[p++] = (byte) c;
                return p;
            }
            default -> {
                if (c < 0x20) {
                    return Utf8.encodeReplacement(b, p);
                }
                if (c < 0x80) {
                    b[p++] = (byte) c;
                    return p;
                }
                return Utf8.encodeNonAscii(String.valueOf(c), 0, 1, b, p, true);
            }
        }
    }

    private static int put(byte[] b, int p, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            b[p++] = (byte) ascii.charAt(i);
        }
        return p;
    }

}
