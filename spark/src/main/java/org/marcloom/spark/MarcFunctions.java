package org.marcloom.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.marcloom.record.DataField;
import org.marcloom.record.Leader;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;
import scala.collection.Iterator;

/// SQL functions over the `fields` column of `format("marc")`, evaluated by the library's own
/// selectors ([MarcRecord#value(String)], [MarcRecord#values(String)],
/// [MarcRecord#controlValue(String)]), so that SQL selects exactly what the Java API selects:
///
/// ```sql
/// SELECT marc_value(fields, '245$a') AS title FROM records
/// WHERE marc_control(fields, '008') LIKE '%eng%' AND array_contains(marc_values(fields, '650$a'), 'Jazz')
/// ```
///
/// - `marc_value(fields, selector)`: the first value the selector selects, or null.
/// - `marc_values(fields, selector)`: every value it selects, in record order (an empty array
///   for none).
/// - `marc_control(fields, tag)`: the data of the first control field with that tag, or null.
///
/// A null `fields` gives null. A selector the library rejects fails the query with the library's
/// message. Thread-safe.
public final class MarcFunctions {

    private MarcFunctions() {
    }

    /// Registers `marc_value`, `marc_values` and `marc_control` on a session.
    ///
    /// @param spark the session
    public static void register(SparkSession spark) {
        spark.udf().register("marc_value", (UDF2<scala.collection.Seq<Row>, String, String>) (fields, selector) ->
                fields == null ? null : record(fields).value(selector).orElse(null), DataTypes.StringType);
        spark.udf().register("marc_values", (UDF2<scala.collection.Seq<Row>, String, String[]>) (fields, selector) ->
                fields == null ? null : record(fields).values(selector).toArray(new String[0]),
                DataTypes.createArrayType(DataTypes.StringType, false));
        spark.udf().register("marc_control", (UDF2<scala.collection.Seq<Row>, String, String>) (fields, tag) -> {
            if (fields == null) {
                return null;
            }
            Optional<String> v = record(fields).controlValue(tag);
            return v.orElse(null);
        }, DataTypes.StringType);
    }

    /// `marc_value(fields, selector)` as a column (after [#register]).
    ///
    /// @param fields   the `fields` column
    /// @param selector the selector, such as `245$a`
    /// @return the column
    public static Column marcValue(Column fields, String selector) {
        return functions.callUDF("marc_value", fields, functions.lit(selector));
    }

    /// `marc_values(fields, selector)` as a column (after [#register]).
    ///
    /// @param fields   the `fields` column
    /// @param selector the selector, such as `650$a`
    /// @return the column
    public static Column marcValues(Column fields, String selector) {
        return functions.callUDF("marc_values", fields, functions.lit(selector));
    }

    /// `marc_control(fields, tag)` as a column (after [#register]).
    ///
    /// @param fields the `fields` column
    /// @param tag    a control field's tag, such as `008`
    /// @return the column
    public static Column marcControl(Column fields, String tag) {
        return functions.callUDF("marc_control", fields, functions.lit(tag));
    }

    /// The record the `fields` value describes (its leader is not needed by selectors).
    static MarcRecord record(scala.collection.Seq<Row> fields) {
        MarcRecord.Builder b = MarcRecord.builder().leader(Leader.DEFAULT);
        Iterator<Row> it = fields.iterator();
        while (it.hasNext()) {
            Row f = it.next();
            String tag = f.getString(0);
            if (f.isNullAt(4)) {
                b.addControlField(tag, f.isNullAt(3) ? "" : f.getString(3));
            } else {
                scala.collection.Seq<Row> subs = f.getSeq(4);
                List<Subfield> list = new ArrayList<>(subs.size());
                Iterator<Row> s = subs.iterator();
                while (s.hasNext()) {
                    Row sf = s.next();
                    list.add(Subfield.of(sf.getString(0).charAt(0), sf.getString(1)));
                }
                b.add(DataField.of(tag, indicator(f, 1), indicator(f, 2), list));
            }
        }
        return b.build();
    }

    private static char indicator(Row f, int i) {
        if (f.isNullAt(i)) {
            return ' ';
        }
        String s = f.getString(i);
        return s.isEmpty() ? ' ' : s.charAt(0);
    }
}
