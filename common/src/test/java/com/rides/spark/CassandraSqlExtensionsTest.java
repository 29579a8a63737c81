package com.rides.spark;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import com.rides.raw.CassandraTables;
import com.rides.testing.CassandraExtension;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the connector's extensions gave the jobs and analysts, ours give too, against a real
 * node: ttl() and writetime() in SQL and in Datasets built on one that used them, and the
 * key join read as one query per key.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraSqlExtensionsTest {

    static final long WRITTEN_AT = 1_700_000_000_000_000L;

    SparkSession spark;
    CassandraTables tables;

    @BeforeAll
    void aTableWrittenAtAKnownTime(RidesConfig config, CqlSession admin) {
        String ks = config.rawKeyspace();
        admin.execute("DROP KEYSPACE IF EXISTS " + ks);
        admin.execute("CREATE KEYSPACE " + ks + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        admin.execute("CREATE TABLE " + ks + ".t (k int PRIMARY KEY, v text)");
        admin.execute("INSERT INTO " + ks + ".t (k, v) VALUES (1, 'one') USING TIMESTAMP " + WRITTEN_AT + " AND TTL 86400");
        admin.execute("INSERT INTO " + ks + ".t (k, v) VALUES (2, 'two') USING TIMESTAMP " + WRITTEN_AT);
        spark = SparkSessions.create(config, "cassandra sql extensions test");
        tables = new CassandraTables(spark, config);
        tables.raw("t").createOrReplaceTempView("t");
    }

    @Test
    void writetimeAndTtlAnswerInSql() {
        Row one = spark.sql("SELECT writetime(v) AS wt, ttl(v) AS left FROM t WHERE k = 1").first();
        assertEquals(WRITTEN_AT, one.getLong(0));
        assertTrue(one.getInt(1) > 86_000 && one.getInt(1) <= 86_400, "a day's TTL, some seconds spent: " + one);
        assertTrue(spark.sql("SELECT ttl(v) FROM t WHERE k = 2").first().isNullAt(0), "written without a TTL");
    }

    /** A Dataset over an analysed one that used writetime(): the function is resolved below, not again. */
    @Test
    void aDatasetOverOneThatUsedWritetimeKeepsItsValues() {
        Dataset<Row> stamped = tables.raw("t").selectExpr("k", "writetime(v) AS wt");
        Dataset<Row> over = stamped.where("k = 2").selectExpr("wt + 1 AS after");
        assertEquals(List.of(WRITTEN_AT + 1), over.collectAsList().stream().map(r -> r.getLong(0)).toList());
    }

    @Test
    void aJoinOnTheKeyIsReadByKey() {
        Dataset<Row> keys = spark.range(1, 2).selectExpr("CAST(id AS INT) AS k");
        Dataset<Row> read = CassandraTables.byKeys(keys, tables.raw("t"), "k");
        String plan = read.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("Cassandra Direct Join"), plan);
        assertEquals(List.of("one"), read.collectAsList().stream().map(r -> r.getString(r.fieldIndex("v"))).toList());
    }
}
