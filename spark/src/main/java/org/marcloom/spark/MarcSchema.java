package org.marcloom.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/// The rows of `format("marc")`: one per record, lossless.
///
/// | column | type | |
/// |---|---|---|
/// | `leader` | string | the 24 characters; null on a row of diagnostics that belong to no record |
/// | `fields` | array of struct(`tag`, `ind1`, `ind2`, `value`, `subfields` array of struct(`code`, `value`)) | in record order; a control field has `value` and null indicators and subfields |
/// | `diagnostics` | array of struct(`severity`, `code`, `recordIndex`, `offset`, `line`, `column`, `tag`, `message`) | what lenient reading repaired or skipped (and warnings) |
/// | `file` | string | the file's URI |
/// | `offset` | long | ISO 2709: the absolute byte offset of the record's first byte; null for other formats |
/// | `length` | long | ISO 2709: the record's length in bytes; null for other formats |
/// | `recordIndex` | long | the record's zero-based index in its file, as the sequential reader counts |
/// | `raw` | binary | with option `raw`: ISO 2709 records' bytes as framed |
public final class MarcSchema {

    /// A subfield: `code` and `value`.
    public static final StructType SUBFIELD = new StructType(new StructField[] {
        field("code", DataTypes.StringType, false),
        field("value", DataTypes.StringType, false)});

    /// A field: `tag`, `ind1`, `ind2`, `value` (control fields) and `subfields` (data fields).
    public static final StructType FIELD = new StructType(new StructField[] {
        field("tag", DataTypes.StringType, false),
        field("ind1", DataTypes.StringType, true),
        field("ind2", DataTypes.StringType, true),
        field("value", DataTypes.StringType, true),
        field("subfields", new ArrayType(SUBFIELD, false), true)});

    /// A diagnostic: severity, code, positions, tag and message.
    public static final StructType DIAGNOSTIC = new StructType(new StructField[] {
        field("severity", DataTypes.StringType, false),
        field("code", DataTypes.StringType, false),
        field("recordIndex", DataTypes.LongType, false),
        field("offset", DataTypes.LongType, false),
        field("line", DataTypes.IntegerType, false),
        field("column", DataTypes.IntegerType, false),
        field("tag", DataTypes.StringType, true),
        field("message", DataTypes.StringType, false)});

    /// The `fields` column: the fields in file order.
    public static final ArrayType FIELDS = new ArrayType(FIELD, false);

    private MarcSchema() {
    }

    /// The schema, with the `raw` column when `raw` is true.
    ///
    /// @param raw whether to add the `raw` column
    /// @return the schema
    public static StructType schema(boolean raw) {
        StructType s = new StructType(new StructField[] {
            field("leader", DataTypes.StringType, true),
            field("fields", FIELDS, false),
            field("diagnostics", new ArrayType(DIAGNOSTIC, false), false),
            field("file", DataTypes.StringType, false),
            field("offset", DataTypes.LongType, true),
            field("length", DataTypes.LongType, true),
            field("recordIndex", DataTypes.LongType, false)});
        return raw ? s.add(field("raw", DataTypes.BinaryType, true)) : s;
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }
}
