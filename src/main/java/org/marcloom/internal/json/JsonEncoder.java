package org.marcloom.internal.json;

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

/// MARC-in-JSON encoder (code4lib layout), as one JSON array of records or as one record object
/// per line (NDJSON, each line ended by `\n`), UTF-8 encoded by hand into the caller's buffer.
///
/// ```json
/// {"leader":"...","fields":[{"001":"..."},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"..."}]}}]}
/// ```
///
/// The bytes are those Jackson's generator writes for the same tree with
/// `COMBINE_UNICODE_SURROGATES_IN_UTF8` (a property test holds the two side by side: a character
/// outside the BMP is its four UTF-8 bytes, not two escapes), compact or, with [WriterOptions#indent()] in the array form, as Jackson's
/// default pretty printer lays it out; the line form is always one record per line. Strings are
/// escaped as Jackson does (`"`, `\` and control characters; `\b \t \n \f \r` short, the others
/// as `backslash-u-00XX`), everything else is written as its UTF-8 bytes. Unpaired UTF-16 surrogates are
/// written as U+FFFD, as the ISO 2709 writer does. The leader is written exactly as the record has
/// it (lengths and base address mean nothing in JSON). Not thread-safe.
public final class JsonEncoder implements RecordEncoder {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /// For ASCII: 0 written as is; a letter for a short escape; 1 for `backslash-u-00XX`.
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 1;
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private static final byte[] COMPACT_LEADER = ascii("{\"leader\":");
    private static final byte[] COMPACT_FIELDS = ascii(",\"fields\":[");
    private static final byte[] COMPACT_IND1 = ascii(":{\"ind1\":");
    private static final byte[] COMPACT_IND2 = ascii(",\"ind2\":");
    private static final byte[] COMPACT_SUBFIELDS = ascii(",\"subfields\":[");
    private static final byte[] PRETTY_FIRST = ascii(" {");
    private static final byte[] PRETTY_NEXT = ascii(", {");

    private final boolean lines;
    private final boolean pretty;
    private OutputBuffer out;

    /// @param lines one object per line (NDJSON) instead of one array
    public JsonEncoder(WriterOptions options, boolean lines) {
        this.lines = lines;
        this.pretty = !lines && options.indent();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void start(OutputBuffer target) {
        if (!lines) {
            target.put((byte) '[');
        }
    }

    @Override
    public void end(long count, OutputBuffer target) {
        if (!lines) {
            if (pretty) {
                target.put(ascii(" ]\n"));
            } else {
                target.put((byte) ']');
            }
        }
    }

    @Override
    public void record(MarcRecord record, long index, OutputBuffer target) {
        out = target;
        if (!lines) {
            if (index > 0) {
                out.put((byte) ',');
            }
            if (pretty) {
                out.put((byte) ' ');
            }
        }
        if (pretty) {
            prettyRecord(record);
        } else {
            compactRecord(record);
        }
        if (lines) {
            out.put((byte) '\n');
        }
        out = null;
    }

    private void compactRecord(MarcRecord record) {
        out.put(COMPACT_LEADER);
        string(record.leader().toString());
        out.put(COMPACT_FIELDS);
        List<Field> fields = record.fields();
        for (int i = 0, n = fields.size(); i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            out.put((byte) '{');
            Field f = fields.get(i);
            string(f.tag());
            switch (f) {
                case ControlField c -> {
                    out.put((byte) ':');
                    string(c.data());
                }
                case DataField d -> {
                    out.put(COMPACT_IND1);
                    character(d.indicator1());
                    out.put(COMPACT_IND2);
                    character(d.indicator2());
                    out.put(COMPACT_SUBFIELDS);
                    List<Subfield> subs = d.subfields();
                    for (int k = 0, m = subs.size(); k < m; k++) {
                        if (k > 0) {
                            out.put((byte) ',');
                        }
                        Subfield s = subs.get(k);
                        out.put((byte) '{');
                        character(s.code());
                        out.put((byte) ':');
                        string(s.value());
                        out.put((byte) '}');
                    }
                    out.put((byte) ']');
                    out.put((byte) '}');
                }
            }
            out.put((byte) '}');
        }
        out.put((byte) ']');
        out.put((byte) '}');
    }

    /// Jackson's `DefaultPrettyPrinter`: objects open a line per entry, indented two spaces per
    /// level, `" : "` between a name and its value; arrays stay on the line (`[ a, b ]`, `[ ]`).
    private void prettyRecord(MarcRecord record) {
        out.put((byte) '{');
        indent(1);
        name("leader");
        string(record.leader().toString());
        nextName(1, "fields");
        List<Field> fields = record.fields();
        out.put((byte) '[');
        for (int i = 0, n = fields.size(); i < n; i++) {
            openElement(i, 2);
            Field f = fields.get(i);
            string(f.tag());
            out.put(ascii(" : "));
            switch (f) {
                case ControlField c -> string(c.data());
                case DataField d -> {
                    out.put((byte) '{');
                    indent(3);
                    name("ind1");
                    character(d.indicator1());
                    nextName(3, "ind2");
                    character(d.indicator2());
                    nextName(3, "subfields");
                    out.put((byte) '[');
                    List<Subfield> subs = d.subfields();
                    for (int k = 0, m = subs.size(); k < m; k++) {
                        openElement(k, 4);
                        Subfield s = subs.get(k);
                        character(s.code());
                        out.put(ascii(" : "));
                        string(s.value());
                        indent(3);
                        out.put((byte) '}');
                    }
                    out.put(ascii(" ]"));
                    indent(2);
                    out.put((byte) '}');
                }
            }
            indent(1);
            out.put((byte) '}');
        }
        out.put(ascii(" ]"));
        indent(0);
        out.put((byte) '}');
    }

    private void indent(int level) {
        byte[] b = out.ensure(1 + 2 * level);
        int p = out.size;
        b[p++] = '\n';
        for (int i = 0; i < 2 * level; i++) {
            b[p++] = ' ';
        }
        out.size = p;
    }

    /// Opens the `i`th object of a pretty array (after `" "`, or `", "` after another), with the
    /// indent of its first member at `level`.
    private void openElement(int i, int level) {
        out.put(i > 0 ? PRETTY_NEXT : PRETTY_FIRST);
        indent(level);
    }

    /// Ends an object's member and starts the next, named `ascii`, at `level`.
    private void nextName(int level, String ascii) {
        out.put((byte) ',');
        indent(level);
        name(ascii);
    }

    private void name(String ascii) {
        out.put((byte) '"');
        out.put(ascii(ascii));
        out.put(ascii("\" : "));
    }

    private void character(char c) {
        if (c < 0x80 && ESCAPES[c] == 0) {
            byte[] b = out.ensure(3);
            int p = out.size;
            b[p++] = '"';
            b[p++] = (byte) c;
            b[p++] = '"';
            out.size = p;
        } else {
            string(String.valueOf(c));
        }
    }

    /// Writes `s` as a JSON string: quoted, escaped, UTF-8.
    private void string(String s) {
        int n = s.length();
        byte[] b = out.ensure((int) Math.min(Integer.MAX_VALUE - 32, (long) n * 6 + 2));
        int p = out.size;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = ESCAPES[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else if (e == 1) {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
                } else {
                    b[p++] = '\\';
                    b[p++] = e;
                }
            } else {
                p = Utf8.encodeNonAscii(s, i, n, b, p, false);
                if (Character.isSurrogate(c) && Utf8.isPairAt(s, i, n)) {
                    i++;
                }
            }
        }
        b[p++] = '"';
        out.size = p;
    }
}
