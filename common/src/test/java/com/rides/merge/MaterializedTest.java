package com.rides.merge;

import com.rides.config.RidesConfig;
import com.rides.spark.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A set computed once keeps its rows, and is read back in the partitions its size needs (Spark local, no Cassandra). */
class MaterializedTest {

    static SparkSession spark;

    @BeforeAll
    static void spark() {
        spark = SparkSessions.create(RidesConfig.builder().build(), "materialized test");
    }

    private static List<Long> ids(Dataset<Row> rows) {
        return rows.orderBy("id").collectAsList().stream().map(r -> r.getLong(0)).toList();
    }

    @Test
    void aFewRowsMadeInManyPartitionsAreReadInOne() {
        Dataset<Row> made = spark.range(0, 900, 1, 12).toDF();
        try (Materialized sets = new Materialized()) {
            Materialized.Leaf leaf = sets.of("few rows", made);
            Dataset<Row> read = leaf.in(spark);
            assertEquals(1, read.rdd().getNumPartitions());
            assertEquals(ids(made), ids(read));
            assertFalse(leaf.isEmpty());
        }
    }

    /** Its one partition is known to the planner: grouping or joining its rows by key shuffles nothing. */
    @Test
    void rowsInOnePartitionAreGroupedAndJoinedWithoutAShuffle() {
        Dataset<Row> made = spark.range(0, 900, 1, 12).toDF().withColumn("k", col("id").mod(3));
        try (Materialized sets = new Materialized()) {
            Materialized.Leaf leaf = sets.of("few rows", made);
            Dataset<Row> perKey = leaf.in(spark).groupBy("k").count();
            Dataset<Row> joined = leaf.in(spark).join(leaf.in(spark).groupBy("k").agg(max("id").as("top")), "k");
            for (Dataset<Row> q : List.of(perKey, joined)) {
                String plan = q.queryExecution().executedPlan().toString();
                assertFalse(plan.contains("Exchange"), plan);
            }
            assertEquals(List.of(300L, 300L, 300L),
                    perKey.orderBy("k").collectAsList().stream().map(r -> r.getLong(1)).toList());
            assertEquals(900, joined.count());
            assertEquals(3, joined.where(col("id").equalTo(col("top"))).count());
        }
    }

    @Test
    void manyRowsKeepAPartitionPerNightSizeShare() {
        long rows = 3 * NightSize.RIDES_PER_PARTITION + 1;
        Dataset<Row> made = spark.range(0, rows, 1, 8).toDF();
        try (Materialized sets = new Materialized()) {
            Dataset<Row> read = sets.of("many rows", made).in(spark);
            assertEquals(4, read.rdd().getNumPartitions());
            assertEquals(rows, read.count());
            assertEquals(rows - 1, read.agg(max("id")).first().getLong(0));
        }
    }

    @Test
    void noRowsInManyPartitionsAreOneEmptyPartition() {
        try (Materialized sets = new Materialized()) {
            Materialized.Leaf leaf = sets.of("no rows", spark.range(0, 100, 1, 5).toDF().where("id < 0"));
            assertTrue(leaf.isEmpty());
            assertEquals(1, leaf.in(spark).rdd().getNumPartitions());
            assertEquals(0, leaf.in(spark).count());
        }
    }

    @Test
    void aSetWithoutPartitionsIsReadAsItIs() {
        // An empty local relation runs as an RDD of no partitions (a run's "nothing stored" on a rebuild).
        Dataset<Row> none = spark.createDataFrame(List.of(), spark.range(1).schema());
        try (Materialized sets = new Materialized()) {
            Materialized.Leaf leaf = sets.of("nothing", none);
            assertTrue(leaf.isEmpty());
            assertEquals(0, leaf.in(spark).count());
        }
    }
}
