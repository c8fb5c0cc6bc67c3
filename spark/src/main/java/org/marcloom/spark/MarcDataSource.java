package org.marcloom.spark;

import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/// `spark.read().format("marc")` and `df.write().format("marc")`: a Data Source V2 over
/// marcloom's readers and writers. See docs/spark.md for the schema, the options and the split
/// semantics. Registered under the short name `marc` (META-INF/services).
public final class MarcDataSource implements TableProvider, DataSourceRegister {

    /// Spark creates the source through this constructor.
    public MarcDataSource() {
    }

    @Override
    public String shortName() {
        return "marc";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return MarcSchema.schema(MarcOptions.bool(options, "raw", false));
    }

    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new MarcTable(schema, properties);
    }

    /// The table behind one `load(...)` or `save(...)`.
    static final class MarcTable implements SupportsRead, SupportsWrite {
        private final StructType schema;
        private final Map<String, String> properties;

        MarcTable(StructType schema, Map<String, String> properties) {
            this.schema = schema;
            this.properties = properties;
        }

        @Override
        public String name() {
            String path = MarcOptions.get(properties, "path");
            return "marc" + (path == null ? "" : " " + path);
        }

        @Override
        public StructType schema() {
            return schema;
        }

        @Override
        public Set<TableCapability> capabilities() {
            return Set.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.TRUNCATE);
        }

        @Override
        public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
            return new MarcScan.Builder(schema, options);
        }

        @Override
        public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
            return new MarcWrite.Builder(info);
        }
    }
}
