package org.marcloom.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.marcloom.Diagnostic;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Converts between records and rows of [MarcSchema], for the columns a query reads.
final class Rows {

    static final int LEADER = 0;
    static final int FIELDS = 1;
    static final int DIAGNOSTICS = 2;
    static final int FILE = 3;
    static final int OFFSET = 4;
    static final int LENGTH = 5;
    static final int RECORD_INDEX = 6;
    static final int RAW = 7;

    private static final String[] NAMES = {"leader", "fields", "diagnostics", "file", "offset", "length",
        "recordIndex", "raw"};

    private Rows() {
    }

    /// For each column of `required`, its number above.
    static int[] columns(StructType required) {
        StructField[] f = required.fields();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = indexOf(f[i].name());
        }
        return out;
    }

    static int indexOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in the marc schema");
    }

    /// What one row is made of; fields are null when not read.
    record Source(MarcRecord record, String leader, List<Diagnostic> diagnostics, byte[] raw, UTF8String file,
                  long offset, long length, long recordIndex) {
    }

    static InternalRow row(int[] columns, Source s) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = switch (columns[i]) {
                case LEADER -> s.record != null ? UTF8String.fromString(s.record.leader().toString())
                        : s.leader == null ? null : UTF8String.fromString(s.leader);
                case FIELDS -> s.record == null ? new GenericArrayData(new Object[0]) : fields(s.record.fields());
                case DIAGNOSTICS -> diagnostics(s.record != null ? s.record.diagnostics() : s.diagnostics);
                case FILE -> s.file;
                case OFFSET -> s.offset < 0 ? null : s.offset;
                case LENGTH -> s.length < 0 ? null : s.length;
                case RECORD_INDEX -> s.recordIndex;
                case RAW -> s.raw;
                default -> throw new IllegalStateException("column " + columns[i]);
            };
        }
        return new GenericInternalRow(values);
    }

    static ArrayData fields(List<Field> fields) {
        Object[] out = new Object[fields.size()];
        for (int i = 0; i < out.length; i++) {
            Field f = fields.get(i);
            if (f instanceof DataField d) {
                List<Subfield> subs = d.subfields();
                Object[] sf = new Object[subs.size()];
                for (int j = 0; j < sf.length; j++) {
                    Subfield s = subs.get(j);
                    sf[j] = new GenericInternalRow(new Object[] {UTF8String.fromString(String.valueOf(s.code())),
                        UTF8String.fromString(s.value())});
                }
                out[i] = new GenericInternalRow(new Object[] {UTF8String.fromString(d.tag()),
                    UTF8String.fromString(String.valueOf(d.indicator1())),
                    UTF8String.fromString(String.valueOf(d.indicator2())), null, new GenericArrayData(sf)});
            } else {
                ControlField c = (ControlField) f;
                out[i] = new GenericInternalRow(new Object[] {UTF8String.fromString(c.tag()), null, null,
                    UTF8String.fromString(c.data()), null});
            }
        }
        return new GenericArrayData(out);
    }

    static ArrayData diagnostics(List<Diagnostic> diagnostics) {
        if (diagnostics == null || diagnostics.isEmpty()) {
            return new GenericArrayData(new Object[0]);
        }
        Object[] out = new Object[diagnostics.size()];
        for (int i = 0; i < out.length; i++) {
            Diagnostic d = diagnostics.get(i);
            out[i] = new GenericInternalRow(new Object[] {UTF8String.fromString(d.severity().name()),
                UTF8String.fromString(d.code().name()), d.recordIndex(), d.byteOffset(), d.line(), d.column(),
                d.tag() == null ? null : UTF8String.fromString(d.tag()), UTF8String.fromString(d.message())});
        }
        return new GenericArrayData(out);
    }

    /// The leader as the ISO 2709 parser reads it from a record's bytes (ISO 8859-1, a short record
    /// padded with blanks), without decoding the rest.
    static String leader(byte[] raw) {
        String text = new String(raw, 0, Math.min(24, raw.length), StandardCharsets.ISO_8859_1);
        return text.length() == 24 ? text : text + " ".repeat(24 - text.length());
    }

    /// A record from a row's `leader` and `fields` (for writing and the SQL functions).
    static MarcRecord record(String leader, ArrayData fields) {
        MarcRecord.Builder b = MarcRecord.builder().leader(leader == null ? Leader.DEFAULT : Leader.of(leader));
        addFields(b, fields);
        return b.build();
    }

    static void addFields(MarcRecord.Builder b, ArrayData fields) {
        if (fields == null) {
            return;
        }
        int n = fields.numElements();
        for (int i = 0; i < n; i++) {
            InternalRow f = fields.getStruct(i, 5);
            String tag = f.getUTF8String(0).toString();
            if (f.isNullAt(4)) {
                b.addControlField(tag, f.isNullAt(3) ? "" : f.getUTF8String(3).toString());
            } else {
                ArrayData subs = f.getArray(4);
                List<Subfield> list = new ArrayList<>(subs.numElements());
                for (int j = 0; j < subs.numElements(); j++) {
                    InternalRow s = subs.getStruct(j, 2);
                    list.add(Subfield.of(s.getUTF8String(0).toString().charAt(0), s.getUTF8String(1).toString()));
                }
                b.add(DataField.of(tag, indicator(f, 1), indicator(f, 2), list));
            }
        }
    }

    private static char indicator(InternalRow f, int i) {
        if (f.isNullAt(i)) {
            return ' ';
        }
        String s = f.getUTF8String(i).toString();
        return s.isEmpty() ? ' ' : s.charAt(0);
    }
}
