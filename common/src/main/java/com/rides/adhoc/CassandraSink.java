package com.rides.adhoc;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.spark.connector.datasource.CassandraSourceUtil;
import com.rides.cassandra.ConnectorSchema;
import com.rides.cassandra.SchemaScope;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.raw.CassandraTables;
import com.rides.schema.SchemaCheck;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Writes a result into a new Cassandra table made from the result's schema. The
 * primary key is chosen explicitly (--key a,b,c: the first column is the partition
 * key, the others clustering columns, ascending) and must identify the rows: a key
 * that is null or repeated would make Cassandra drop rows silently, so it is refused
 * before anything is created. The raw keyspace and the contract's tables (and the
 * jobs' working state) are never written; an existing table is replaced only with
 * --replace and only if this command made it (its comment says so).
 */
public final class CassandraSink {

    static final String COMMENT_PREFIX = "rides adhoc: ";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    /** keyspace.table, in lower case as CQL stores unquoted names. */
    public record Name(String keyspace, String table) {
        public static Name parse(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 2 || !IDENTIFIER.matcher(parts[0]).matches() || !IDENTIFIER.matcher(parts[1]).matches()) {
                throw new ConfigException("bad Cassandra table '" + text
                        + "': expected cassandra:KEYSPACE.TABLE, lower-case letters, digits and _");
            }
            return new Name(parts[0], parts[1]);
        }

        @Override
        public String toString() {
            return keyspace + "." + table;
        }
    }

    private final CqlSession session;
    private final RidesConfig config;

    public CassandraSink(CqlSession session, RidesConfig config) {
        this.session = session;
        this.config = config;
    }

    /** Refuses the raw keyspace and the contract's own tables (by the configured and the default keyspace names). */
    public static void checkAllowed(Name name, RidesConfig config) {
        if (name.keyspace().equals(config.rawKeyspace()) || name.keyspace().equals("rides")) {
            throw new ConfigException("will not write into " + name + ": the raw keyspace is written by ingest only");
        }
        Set<String> owned = new HashSet<>(SchemaCheck.RAW_TABLES);
        owned.addAll(SchemaCheck.RESULT_TABLES);
        owned.addAll(SchemaCheck.STATE_TABLES);
        owned.addAll(SchemaCheck.OPERATION_TABLES);
        boolean statsKeyspace = name.keyspace().equals(config.statsKeyspace()) || name.keyspace().equals("ride_stats");
        if (statsKeyspace && owned.contains(name.table())) {
            throw new ConfigException("will not write into " + name + ": it is a table of the contract, written by the jobs only");
        }
    }

    /** The CREATE TABLE statement for a result and its key. */
    public static String createTable(Name name, StructType schema, List<String> key, String source) {
        List<String> names = List.of(schema.fieldNames());
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n.toLowerCase())) {
                throw new ConfigException("the result has two columns named '" + n + "': give them distinct aliases");
            }
        }
        if (key.isEmpty()) {
            throw new ConfigException("--out cassandra:" + name + " needs --key COLUMN[,COLUMN...] (partition key first)");
        }
        for (String k : key) {
            if (!names.contains(k)) {
                throw new ConfigException("--key column '" + k + "' is not a column of the result: " + String.join(", ", names));
            }
            if (schema.apply(k).dataType() instanceof ArrayType || schema.apply(k).dataType() instanceof MapType
                    || schema.apply(k).dataType() instanceof StructType) {
                throw new ConfigException("--key column '" + k + "' is a collection; a key must be a plain value");
            }
        }
        if (new HashSet<>(key).size() != key.size()) {
            throw new ConfigException("--key names a column twice");
        }
        List<String> columns = new ArrayList<>();
        for (StructField f : schema.fields()) {
            columns.add(quote(f.name()) + " " + cqlType(f));
        }
        List<String> clustering = key.subList(1, key.size()).stream().map(CassandraSink::quote).toList();
        String primaryKey = "PRIMARY KEY ((" + quote(key.get(0)) + ")"
                + (clustering.isEmpty() ? "" : ", " + String.join(", ", clustering)) + ")";
        return "CREATE TABLE " + name.keyspace() + "." + name.table() + " (" + String.join(", ", columns) + ", "
                + primaryKey + ") WITH comment = '" + (COMMENT_PREFIX + source).replace("'", "''") + "'";
    }

    /** Creates the table and writes the result; returns the rows written. */
    public long write(Dataset<Row> result, Name name, List<String> key, boolean replace, String source) {
        checkAllowed(name, config);
        String create = createTable(name, result.schema(), key, source);
        // Asked of system_schema, not of the driver's metadata, which holds only the job's own
        // keyspaces (SchemaScope); the output may go to any other.
        if (session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?",
                name.keyspace()).one() == null) {
            throw new ConfigException("keyspace " + name.keyspace() + " does not exist");
        }
        Optional<com.datastax.oss.driver.api.core.cql.Row> existing = Optional.ofNullable(session.execute(
                "SELECT comment FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
                name.keyspace(), name.table()).one());
        SchemaScope.include(name.keyspace());
        if (existing.isPresent()) {
            String comment = String.valueOf(existing.get().getString("comment"));
            if (!replace) {
                throw new ConfigException("table " + name + " exists: choose another name, or --replace it"
                        + " (only a table made by adhoc)");
            }
            if (!comment.startsWith(COMMENT_PREFIX)) {
                throw new ConfigException("will not replace " + name + ": adhoc did not make it");
            }
        }
        Dataset<Row> df = result.persist();
        try {
            Row check = df.agg(count("*"), countDistinct(keyColumns(key)[0], tail(keyColumns(key))),
                    sum(when(anyNull(key), 1).otherwise(0))).first();
            long rows = check.getLong(0);
            long nullKeys = check.isNullAt(2) ? 0 : check.getLong(2);
            if (nullKeys > 0) {
                throw new ConfigException(nullKeys + " result rows have a null in the key (" + String.join(", ", key)
                        + "): Cassandra cannot store them");
            }
            if (check.getLong(1) != rows) {
                throw new ConfigException("the key (" + String.join(", ", key) + ") is not unique in the result: "
                        + rows + " rows, " + check.getLong(1) + " distinct keys; rows would overwrite each other");
            }
            if (existing.isPresent()) {
                session.execute("DROP TABLE " + name);
            }
            session.execute(create);
            ConnectorSchema.refresh(df.sparkSession(), config);
            df.write().format(CassandraTables.FORMAT)
                    .option("keyspace", name.keyspace()).option("table", name.table())
                    .mode(SaveMode.Append).save();
            return rows;
        } finally {
            df.unpersist();
        }
    }

    static String cqlType(StructField f) {
        try {
            return CassandraSourceUtil.sparkSqlToJavaDriverType(f.dataType(), ProtocolVersion.DEFAULT).asCql(true, true);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("column '" + f.name() + "' has type " + f.dataType().simpleString()
                    + ", which Cassandra cannot store: cast it in the SQL");
        }
    }

    private static String quote(String column) {
        return CqlIdentifier.fromInternal(column).asCql(true);
    }

    private static Column[] keyColumns(List<String> key) {
        return key.stream().map(k -> col("`" + k.replace("`", "``") + "`")).toArray(Column[]::new);
    }

    private static Column[] tail(Column[] columns) {
        Column[] out = new Column[columns.length - 1];
        System.arraycopy(columns, 1, out, 0, out.length);
        return out;
    }

    private static Column anyNull(List<String> key) {
        Column c = null;
        for (Column k : keyColumns(key)) {
            c = c == null ? k.isNull() : c.or(k.isNull());
        }
        return c;
    }
}
