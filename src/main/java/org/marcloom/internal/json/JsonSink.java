package org.marcloom.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.marcloom.WriterOptions;
import org.marcloom.internal.RecordSink;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// MARC-in-JSON writer (code4lib layout), as one JSON array of records or as one record object
/// per line (NDJSON, each line ended by `\n`).
///
/// ```json
/// {"leader":"...","fields":[{"001":"..."},{"245":{"ind1":"1","ind2":"0","subfields":[{"a":"..."}]}}]}
/// ```
///
/// The leader is written exactly as the record has it (lengths and base address are not
/// recomputed: they mean nothing in JSON). [WriterOptions#indent()] pretty-prints the array form;
/// the line form is always one record per line. Unpaired UTF-16 surrogates are written as U+FFFD,
/// as the ISO 2709 writer does. `close()` ends the array (an empty input gives `[]`), flushes, and
/// closes the target when the sink owns it. Not thread-safe.
public final class JsonSink implements RecordSink {

    private final OutputStream out;
    private final boolean ownTarget;
    private final boolean lines;
    private final JsonGenerator gen;
    private boolean closed;

    /// @param lines one object per line (NDJSON) instead of one array
    public JsonSink(OutputStream out, WriterOptions options, boolean lines, boolean ownTarget) throws IOException {
        this.out = java.util.Objects.requireNonNull(out, "out");
        this.ownTarget = ownTarget;
        this.lines = lines;
        JsonGenerator g = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (lines) {
            g.setRootValueSeparator(null);
        } else {
            if (options.indent()) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartArray();
        }
        this.gen = g;
    }

    @Override
    public void write(MarcRecord record) throws IOException {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
        JsonGenerator g = gen;
        g.writeStartObject();
        g.writeFieldName(Json.LEADER);
        g.writeString(record.leader().toString());
        g.writeFieldName(Json.FIELDS);
        List<Field> fields = record.fields();
        g.writeStartArray();
        for (int i = 0, n = fields.size(); i < n; i++) {
            Field f = fields.get(i);
            g.writeStartObject();
            switch (f) {
                case ControlField c -> {
                    g.writeFieldName(c.tag());
                    g.writeString(clean(c.data()));
                }
                case DataField d -> {
                    g.writeFieldName(d.tag());
                    g.writeStartObject();
                    g.writeFieldName(Json.IND1);
                    g.writeString(Json.oneChar(d.indicator1()));
                    g.writeFieldName(Json.IND2);
                    g.writeString(Json.oneChar(d.indicator2()));
                    g.writeFieldName(Json.SUBFIELDS);
                    g.writeStartArray();
                    List<Subfield> subs = d.subfields();
                    for (int k = 0, m = subs.size(); k < m; k++) {
                        Subfield s = subs.get(k);
                        g.writeStartObject();
                        g.writeFieldName(Json.oneChar(s.code()));
                        g.writeString(clean(s.value()));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (lines) {
            g.writeRaw('\n');
        }
    }

    /// Replaces unpaired surrogates by U+FFFD (Jackson refuses them); the string itself when clean.
    static String clean(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return replaceUnpaired(s);
            }
        }
        return s;
    }

    private static String replaceUnpaired(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            gen.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!lines) {
                gen.writeEndArray();
                if (gen.getPrettyPrinter() != null) {
                    gen.writeRaw('\n');
                }
            }
            gen.close();
            out.flush();
        } finally {
            if (ownTarget) {
                out.close();
            }
        }
    }
}
