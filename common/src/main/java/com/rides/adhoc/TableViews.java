package com.rides.adhoc;

import com.rides.config.RidesConfig;
import com.rides.raw.CassandraTables;
import com.rides.schema.SchemaCheck;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Every raw and result table of the contract as a temporary view under its own name
 * (riders, workouts, ..., workout_summary, user_workout_history, ...). Registering
 * reads only table metadata; a view's rows are read when a query uses it, and then
 * only what the query's predicates select: partition-key predicates go to Cassandra
 * (with {@link DayBucketPushdown} for days without buckets), and a join that supplies
 * a table's whole partition key reads it by key (the connector's direct join).
 */
public final class TableViews {

    private TableViews() {
    }

    /** The view names, raw tables first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(SchemaCheck.RAW_TABLES);
        names.addAll(SchemaCheck.RESULT_TABLES);
        return names;
    }

    public static List<String> register(SparkSession spark, RidesConfig config) {
        for (String table : SchemaCheck.RAW_TABLES) {
            register(spark, config, config.rawKeyspace(), table);
        }
        for (String table : SchemaCheck.RESULT_TABLES) {
            register(spark, config, config.statsKeyspace(), table);
        }
        return names();
    }

    private static void register(SparkSession spark, RidesConfig config, String keyspace, String table) {
        spark.read().format(CassandraTables.FORMAT)
                .option("keyspace", keyspace)
                .option("table", table)
                .option("directJoinSetting", "on")
                .option("spark.cassandra.input.consistency.level", config.readConsistency())
                .option("spark.cassandra.sql.pushdown.additionalClasses", DayBucketPushdown.class.getName())
                .option(DayBucketPushdown.BUCKETS_OPTION, String.valueOf(config.buckets()))
                .load()
                .createOrReplaceTempView(table);
    }
}
