package com.rides.pipeline;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
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
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.collection.JavaConverters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static com.rides.raw.CassandraTables.byKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nightly's raw reads, from Spark's own physical plan: every raw table is read through
 * the connector's direct join (one query per key), none is scanned. (The state it
 * merges with: {@link PlanRecorder}, used by FullListsTest on a whole run.)
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
    void hourlyReadsOnlyWorkoutsAndClassesByKey(RidesConfig config, CqlSession session) {
        SchemaJob.run(session, config, Replication.simple(1));
        RidesConfig hours = config.toBuilder().trendingNowWindows(List.of(1, 24)).build();
        CassandraTables t = new CassandraTables(SparkSessions.create(hours, "plan test"), hours);
        java.time.Instant asOf = java.time.Instant.parse("2026-11-20T05:00:00Z");
        // Nothing set aside: the whole lineage, from the raw reads to the rows written, in one plan.
        com.rides.merge.Writes writes = com.rides.tables.TrendingNow.at(t, asOf, HourlyTrending.workouts(t, asOf),
                rows -> rows);
        SparkPlan plan = ((com.rides.merge.Writes.ReplaceLists) writes.all().get(0)).rows()
                .queryExecution().executedPlan();
        assertEquals(new TreeSet<>(List.of("classes", "workouts")), keyJoined(plan), plan.toString());
        assertEquals(List.of(), cassandraScans(plan), plan.toString());
        assertEquals(new TreeSet<>(List.of(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20"))),
                com.rides.tables.TrendingNow.daysOverlapped(asOf, hours.trendingNowWindows()));
    }

    static TreeSet<String> keyJoined(SparkPlan plan) {
        TreeSet<String> tables = new TreeSet<>();
        walk(plan, p -> {
            if (p instanceof CassandraDirectJoinExec join) {
                tables.add(join.table());
            }
        });
        return tables;
    }

    static List<String> cassandraScans(SparkPlan plan) {
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
