package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.pipeline.PlanRecorder;
import com.rides.schema.Replication;
import com.rides.spark.SparkSessions;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CONTRACT.md section 7, dimension edits: after a rename, an FTP change and a retitle
 * (with a new instructor), one nightly for an unrelated day leaves every result table as
 * rebuild writes it, reading the raw workouts, samples and ratings only by key.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DimensionEditsTest {

    static final LocalDate LAST = LocalDate.parse("2026-11-20");
    static final int DAYS = 4;

    RidesConfig config;
    CqlSession session;

    @BeforeAll
    void generate(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        SchemaJob.run(session, config, Replication.simple(1));
        GenerateJob.run(config, new GeneratorSpec(16, 5, DAYS, LAST, 29).withMaxClassMinutes(10), 64);
        for (LocalDate d = LAST.minusDays(DAYS - 1); !d.isAfter(LAST); d = d.plusDays(1)) {
            NightlyJob.run(config, d, 0);
        }
    }

    @Test
    void aRenameAnFtpChangeAndARetitleReachEveryTableInOneNightlyForAnotherDay() {
        // A rider on a leaderboard (name copied) with a ride long enough for NP (IF and TSS
        // copied), and the most taken class (title copied into top_classes and trending).
        UUID rider = null;
        for (Row r : session.execute("SELECT user_id, workout_id FROM " + config.qualifiedStats("class_leaderboard"))) {
            Row ride = session.execute("SELECT normalized_power_w FROM " + config.qualifiedStats("workout_summary")
                    + " WHERE workout_id = ?", r.getUuid("workout_id")).one();
            if (ride != null && !ride.isNull(0)) {
                rider = r.getUuid("user_id");
                break;
            }
        }
        assertNotNull(rider, "a rider on a leaderboard with a ride long enough for NP");
        UUID clazz = session.execute("SELECT class_id FROM " + config.qualifiedStats("top_classes")
                + " WHERE metric = 'most_taken' AND rank = 1").one().getUuid("class_id");
        Integer ftp = session.execute("SELECT ftp_w FROM " + config.rawKeyspace() + ".riders WHERE user_id = ?",
                rider).one().get("ftp_w", Integer.class);
        Map<String, List<String>> before = Snapshot.results(session, config.statsKeyspace());

        session.execute("UPDATE " + config.rawKeyspace() + ".riders SET username = 'renamed rider', ftp_w = ?"
                + " WHERE user_id = ?", ftp == null ? 180 : ftp + 37, rider);
        session.execute("UPDATE " + config.rawKeyspace() + ".classes SET title = 'Retitled Ride',"
                + " instructor = 'New Coach' WHERE class_id = ?", clazz);
        try (PlanRecorder plans = new PlanRecorder(SparkSessions.create(config, "plan test"))) {
            NightlyJob.run(config, LAST.minusDays(DAYS - 1), 0); // the first day: any day will do
            TreeSet<String> scanned = plans.scanned();
            for (String raw : List.of("workouts", "samples", "ratings")) {
                assertTrue(!scanned.contains(raw), raw + " scanned: " + scanned);
            }
            assertTrue(scanned.containsAll(List.of("riders", "classes")),
                    "riders and classes read whole to find edits: " + scanned);
            assertTrue(plans.readByKey().containsAll(List.of("workouts", "samples", "ratings")), "by key");
        }
        Map<String, List<String>> nightly = Snapshot.results(session, config.statsKeyspace());

        RebuildJob.run(config, LAST);
        Map<String, List<String>> rebuilt = Snapshot.results(session, config.statsKeyspace());
        // The edits are copied into these tables, so a nightly that ignored them would differ here.
        for (String table : List.of("workout_summary", "user_workout_history", "class_leaderboard", "class_stats",
                "top_classes", "trending_classes", "user_top_workouts", "class_period_leaderboard")) {
            assertNotEquals(before.get(table), rebuilt.get(table), table + " carries an edited value");
        }
        IncrementalEqualsFullTest.assertTablesEqual(rebuilt, nightly);

        // And the next nightly, with nothing edited, patches nothing and changes nothing.
        NightlyJob.run(config, LAST, 0);
        IncrementalEqualsFullTest.assertTablesEqual(rebuilt, Snapshot.results(session, config.statsKeyspace()));
        assertEquals("renamed rider", session.execute("SELECT username FROM " + config.qualifiedStats("riders_seen")
                + " WHERE user_id = ?", rider).one().getString(0), "recorded as seen");
    }
}
