package com.rides.pipeline;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.jobs.GenerateJob;
import com.rides.jobs.NightlyJob;
import com.rides.jobs.SchemaJob;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import com.rides.schema.Replication;
import com.rides.spark.SparkSessions;
import com.rides.testing.CassandraExtension;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.cassandra.execution.CassandraDirectJoinExec;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.collection.JavaConverters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.rides.raw.CassandraTables.byKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nightly's reads, from Spark's own physical plans: every raw table, and every state
 * table it merges with, is read through the connector's direct join (one query per
 * key), none is scanned.
 */
@ExtendWith(CassandraExtension.class)
class NightlyReadsByKeyTest {

    @Test
    void everyRawTableIsReadByKeyNeverScanned(RidesConfig config, CqlSession session) {
        SchemaJob.run(session, config, Replication.simple(1));
        SparkSession spark = SparkSessions.create(config, "plan test");
        CassandraTables t = new CassandraTables(spark, config);
        Dataset<Row> dayParts = DayPartitions.of(spark, List.of(LocalDate.parse("2026-11-19"),
                LocalDate.parse("2026-11-20")), config.buckets());

        SparkPlan rides = RideInputs.rides(t, byKeys(dayParts, t.raw("workouts"), "day", "bucket"),
                spark.sparkContext().longAccumulator()).queryExecution().executedPlan();
        assertEquals(new TreeSet<>(List.of("classes", "riders", "samples", "workouts")), keyJoined(rides),
                rides.toString());
        assertEquals(List.of(), cassandraScans(rides), rides.toString());

        SparkPlan ratings = RideInputs.ratings(t, byKeys(dayParts, t.raw("ratings"), "day", "bucket"))
                .queryExecution().executedPlan();
        assertEquals(new TreeSet<>(List.of("classes", "ratings")), keyJoined(ratings), ratings.toString());
        assertEquals(List.of(), cassandraScans(ratings), ratings.toString());
    }

    @Test
    void aWholeNightlyReadsItsStateByKey(RidesConfig config, CqlSession session) throws Exception {
        SchemaJob.run(session, config, Replication.simple(1));
        LocalDate day = LocalDate.parse("2026-11-20");
        GenerateJob.run(config, new GeneratorSpec(12, 4, 3, day, 5), 64);
        NightlyJob.run(config, day.minusDays(1), 1); // state for the second run to merge with
        SparkSession spark = SparkSessions.create(config, "plan test");
        List<SparkPlan> plans = new CopyOnWriteArrayList<>();
        QueryExecutionListener listener = new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                plans.add(qe.executedPlan());
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            }
        };
        spark.listenerManager().register(listener);
        try {
            NightlyJob.run(config, day, 1);
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.listenerManager().unregister(listener);
        }
        TreeSet<String> joined = new TreeSet<>();
        TreeSet<String> scanned = new TreeSet<>();
        for (SparkPlan plan : plans) {
            joined.addAll(keyJoined(plan));
            cassandraScans(plan).forEach(scan -> scanned.add(scan.replaceAll("(?s).*Cassandra Scan: \\S+\\.(\\w+).*", "$1")));
        }
        // What a night merges with, read by key: the stored lists, histories and totals of
        // the riders and classes the days touched.
        assertTrue(joined.containsAll(List.of("user_top_workouts", "class_leaderboard", "user_workout_history",
                "class_rides", "user_period_stats", "class_day_totals", "day_class_totals", "class_ratings")),
                "read by key: " + joined);
        // Read whole by design: one row per class (top classes rank the catalogue), and the
        // nightly partition of processed_days.
        assertEquals(new TreeSet<>(List.of("class_stats", "processed_days")), scanned, "scanned: " + scanned);
    }

    private static TreeSet<String> keyJoined(SparkPlan plan) {
        TreeSet<String> tables = new TreeSet<>();
        walk(plan, p -> {
            if (p instanceof CassandraDirectJoinExec join) {
                tables.add(join.table());
            }
        });
        return tables;
    }

    private static List<String> cassandraScans(SparkPlan plan) {
        List<String> scans = new ArrayList<>();
        walk(plan, p -> {
            if (p instanceof BatchScanExec scan && scan.scan().getClass().getName().toLowerCase().contains("cassandra")) {
                scans.add(scan.toString());
            }
        });
        return scans;
    }

    private static void walk(SparkPlan plan, java.util.function.Consumer<SparkPlan> visit) {
        visit.accept(plan);
        if (plan instanceof InMemoryTableScanExec cached) {
            walk(cached.relation().cachedPlan(), visit); // a persisted dataset's own plan
        }
        for (SparkPlan child : JavaConverters.seqAsJavaList(plan.children())) {
            walk(child, visit);
        }
        // Broadcast sides and subqueries hang off expressions, not children.
        for (Object sub : JavaConverters.seqAsJavaList(plan.subqueriesAll())) {
            walk((SparkPlan) sub, visit);
        }
    }
}
