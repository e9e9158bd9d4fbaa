package org.exchangehub.sink.warehouse;

import java.util.Locale;

import javax.sql.DataSource;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.config.ConfigException;

/**
 * A warehouse sink endpoint, {@code warehouse:name?dataSource=#bean}: upserts each batch by business key into the
 * dataset's table in one transaction, and returns only after the commit. Options are declared and described here.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "warehouse", title = "Exchange Hub warehouse tables",
        syntax = "warehouse:name", producerOnly = true, category = { Category.DATABASE })
public final class WarehouseEndpoint extends DefaultEndpoint {

    /** Placeholder in {@link #table} replaced by the batch's dataset name. */
    public static final String DATASET_PLACEHOLDER = "{dataset}";

    @UriPath(description = "A name for this sink, conventionally the dataset it delivers; it labels the endpoint only.")
    @Metadata(required = true)
    private String name;

    @UriParam(description = "The warehouse database: a DataSource bean, referenced as #beanName. For PostgreSQL add"
            + " reWriteBatchedInserts=true to its URL, which turns each JDBC batch into multi-row inserts.")
    @Metadata(required = true)
    private DataSource dataSource;

    @UriParam(defaultValue = "{dataset}", description = "The table name; {dataset} is replaced by the batch's dataset"
            + " (e.g. ods_{dataset}). Letters, digits and '_' only; quoted by the database's rules.")
    private String table = DATASET_PLACEHOLDER;

    @UriParam(description = "The schema (MySQL: database) holding the tables; the connection's default when empty.")
    private String schema;

    @UriParam(defaultValue = "auto", enums = "auto,postgresql,mysql,mariadb,h2", description = "The SQL dialect;"
            + " auto tells it from the database product name.")
    private String dialect = "auto";

    @UriParam(defaultValue = "1000", description = "Rows per JDBC batch (statement round trip); the whole Batch is"
            + " still one transaction.")
    private int batchSize = 1000;

    public WarehouseEndpoint(String uri, WarehouseComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        return new WarehouseProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The warehouse endpoint " + getEndpointUri()
                + " only writes: use it in to(), not from()");
    }

    void validate() {
        if (dataSource == null) {
            throw new ConfigException(getEndpointUri(), "dataSource", null, "the warehouse sink needs a DataSource",
                    "give dataSource=#beanName, e.g. #warehouseDb (set hub.warehouse.url)");
        }
        if (batchSize <= 0) {
            throw new ConfigException(getEndpointUri(), "batchSize", Integer.toString(batchSize),
                    "must be positive", "give the rows per JDBC batch, e.g. 1000");
        }
        if (table == null || !TableSpec.IDENTIFIER.matcher(table.replace(DATASET_PLACEHOLDER, "x")).matches()) {
            throw new ConfigException(getEndpointUri(), "table", table, "not a plain table name",
                    "use letters, digits and '_', with {dataset} where the dataset name goes, e.g. ods_{dataset}");
        }
        if (schema != null && !schema.isBlank() && !TableSpec.IDENTIFIER.matcher(schema).matches()) {
            throw new ConfigException(getEndpointUri(), "schema", schema, "not a plain schema name",
                    "use letters, digits and '_'");
        }
        configuredDialect();
    }

    /** The configured dialect, or null for auto. */
    Dialect configuredDialect() {
        if (dialect == null || dialect.isBlank() || dialect.trim().equalsIgnoreCase("auto")) {
            return null;
        }
        Dialect d = Dialect.of(dialect.trim().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new ConfigException(getEndpointUri(), "dialect", dialect, "unknown SQL dialect",
                    "use auto, postgresql, mysql, mariadb or h2");
        }
        return d;
    }

    String tableFor(Dataset dataset) {
        return table.replace(DATASET_PLACEHOLDER, dataset.name());
    }

    String schemaOrNull() {
        return schema == null || schema.isBlank() ? null : schema.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getDialect() {
        return dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
