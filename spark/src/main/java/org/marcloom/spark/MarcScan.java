package org.marcloom.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/// A scan of MARC files: plans the partitions (listing, format sniffing, split surveys) once, when
/// Spark asks for them, and reads only the columns the query needs.
final class MarcScan implements Scan, Batch {

    private final StructType readSchema;
    private final Map<String, String> options;
    private final MarcOptions marc;
    private Planner.Plan plan;

    MarcScan(StructType readSchema, Map<String, String> options) {
        this.readSchema = readSchema;
        this.options = options;
        this.marc = MarcOptions.read(options);
    }

    @Override
    public StructType readSchema() {
        return readSchema;
    }

    @Override
    public String description() {
        return "marc " + Planner.paths(options) + " columns " + String.join(",", readSchema.fieldNames());
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    private Planner.Plan plan() {
        if (plan == null) {
            plan = Planner.plan(SparkSession.active(), options, marc);
        }
        return plan;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        return plan().partitions();
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new MarcPartitionReader.Factory(plan().conf(), marc, Rows.columns(readSchema));
    }

    /// Builds a [MarcScan] for the columns a query reads.
    static final class Builder implements ScanBuilder, SupportsPushDownRequiredColumns {
        private final Map<String, String> options;
        private StructType schema;

        Builder(StructType schema, Map<String, String> options) {
            this.schema = schema;
            this.options = options;
        }

        /// Keeps the top-level columns asked for, each whole (nested fields are not pruned: a
        /// record's fields are decoded together).
        @Override
        public void pruneColumns(StructType requiredSchema) {
            StructType pruned = new StructType();
            for (String name : requiredSchema.fieldNames()) {
                pruned = pruned.add(schema.apply(name));
            }
            schema = pruned;
        }

        @Override
        public Scan build() {
            return new MarcScan(schema, options);
        }
    }
}
