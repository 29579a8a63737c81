package com.rides.raw;

import com.rides.config.RidesConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

import java.util.Arrays;
import java.util.List;

/**
 * Cassandra tables as Spark DataFrames. Reads are lazy; a join of a small key set
 * with a table on its whole partition key runs as the connector's direct join
 * (one query per key, never a scan). Raw reads use the configured read level
 * (LOCAL_ONE by default); reads of the jobs' own state use LOCAL_QUORUM because
 * a merge must see everything the previous run wrote at LOCAL_QUORUM.
 */
public final class CassandraTables {

    public static final String FORMAT = "org.apache.spark.sql.cassandra";
    private static final String STATE_READ_CONSISTENCY = "LOCAL_QUORUM";

    private final SparkSession spark;
    private final RidesConfig config;

    public CassandraTables(SparkSession spark, RidesConfig config) {
        this.spark = spark;
        this.config = config;
        // Before any of their tables is resolved: the connector's sessions know only these.
        com.rides.cassandra.SchemaScope.include(config);
    }

    public SparkSession spark() {
        return spark;
    }

    public RidesConfig config() {
        return config;
    }

    /** A raw table; joined on its partition key it is read by key. */
    public Dataset<Row> raw(String table) {
        return read(config.rawKeyspace(), table, config.readConsistency());
    }

    /** A result or state table of the stats keyspace. */
    public Dataset<Row> stats(String table) {
        return read(config.statsKeyspace(), table, stateConsistency());
    }

    private String stateConsistency() {
        // A single-node test or dev cluster has no quorum to speak of; LOCAL_QUORUM of
        // RF 1 is one replica, so the same setting is right everywhere.
        return STATE_READ_CONSISTENCY;
    }

    private Dataset<Row> read(String keyspace, String table, String consistency) {
        return spark.read().format(FORMAT)
                .option("keyspace", keyspace)
                .option("table", table)
                .option("directJoinSetting", "on")
                .option("spark.cassandra.input.consistency.level", consistency)
                .load();
    }

    /**
     * Rows of {@code table} whose key columns match a row of {@code keys}: the
     * connector turns this into one Cassandra query per key.
     */
    public static Dataset<Row> byKeys(Dataset<Row> keys, Dataset<Row> table, String... keyColumns) {
        Dataset<Row> joined = keys.join(table, seq(keyColumns), "inner");
        return joined.select(columns(table));
    }

    public static scala.collection.immutable.Seq<String> seq(String... names) {
        return JavaConverters.asScalaBuffer(Arrays.asList(names)).toList();
    }

    private static Column[] columns(Dataset<Row> table) {
        return Arrays.stream(table.columns()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    public static List<String> columnList(Dataset<Row> df) {
        return Arrays.asList(df.columns());
    }
}
