package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import com.rides.pipeline.PlanRecorder;
import com.rides.pipeline.RunCounts;
import com.rides.schema.Replication;
import com.rides.spark.SparkSessions;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Top-10 lists that are full: a new ride enters only by beating the 10th, and nightly
 * leaves a list it cannot change as stored (neither shuffled nor rewritten). One class,
 * rider A with 11 rides over three days and more on the fourth, ten other riders
 * filling the class leaderboard, every ride 60 s at a steady output (kJ = W * 0.06).
 * (The generated data of IncrementalEqualsFullTest is too small to fill a list.) The
 * last run is also checked from its executed plans: it reads the state it merges with
 * by key, never by a scan, and it and the rebuild make Spark warn of nothing.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullListsTest {

    static final UUID CLASS = RawRows.id("c21"), A = RawRows.id("a21");
    static final LocalDate D1 = LocalDate.parse("2026-11-02"), D4 = D1.plusDays(3), D5 = D1.plusDays(4);

    RidesConfig config;
    CqlSession session;
    RawRows raw;
    int rides;

    @BeforeAll
    void data(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        SchemaJob.run(session, config, Replication.simple(1));
        raw = new RawRows(session, config).clazz(CLASS, "45 min Power Zone", "Kim").rider(A, "a", 200);
        int[][] aByDay = {{100, 110, 120, 130}, {140, 150, 160, 170}, {180, 190, 200}, {105, 250, 300}};
        for (int d = 0; d < aByDay.length; d++) {
            for (int watts : aByDay[d]) {
                ride(A, D1.plusDays(d), watts);
            }
        }
        // Riders 1..9 (210..290 W) with A's best make a full leaderboard after day 3;
        // rider 10's 205 W on day 4 stays 11th.
        for (int r = 1; r <= 10; r++) {
            UUID rider = other(r);
            raw.rider(rider, "r" + r, 200);
            ride(rider, r == 10 ? D4 : D1.plusDays((r - 1) / 4), r == 10 ? 205 : 200 + 10 * r);
        }
    }

    @Test
    @Order(1)
    void aRideEntersAFullListOnlyByBeatingItsTenth() {
        NightlyJob.run(config, D4.minusDays(1), 2); // days 1 to 3 at once: both lists full
        NightlyJob.run(config, D4, 0);
        // A's all-time top 10 by output: 300 and 250 on day 4 entered, 110 and 120 left, 105 never entered.
        assertEquals(List.of(300, 250, 200, 190, 180, 170, 160, 150, 140, 130), watts("user_top_workouts",
                "user_id = " + A + " AND metric = 'total_output'", "value"));
        // The board ranks each rider's best ride: A's moved from 200 to 300 (A's 250 is no entry
        // of its own, though above the 10th); rider 10's 205 is 11th.
        assertEquals(List.of(300, 290, 280, 270, 260, 250, 240, 230, 220, 210), watts("class_leaderboard",
                "class_id = " + CLASS, "total_output_kj"));
    }

    @Test
    @Order(2)
    void aRerunChangesNoListAndWritesNone() {
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunCounts again = NightlyJob.run(config, D4, 1, told::add);
        assertEquals(0, again.get("written_user_top_workouts"), "no list changed");
        assertEquals(0, again.get("written_class_leaderboard"), "no board changed");
        // Nightly prints a "wrote <table>" line for each: every table, each once.
        assertEquals(new TreeSet<>(List.of("workout_summary", "user_workout_history", "class_rides", "quarantine",
                "user_period_stats", "user_top_workouts", "class_leaderboard", "class_day_totals",
                "day_class_totals", "class_ratings", "class_stats", "top_classes", "trending_classes",
                "rider_rides", "user_streaks", "user_milestones", "class_period_rides", "class_period_leaderboard",
                "riders_seen", "classes_seen", "class_hour_totals", "trending_now", "processed_days")), new TreeSet<>(told));
        assertEquals(new TreeSet<>(told).size(), told.size(), "a table told twice: " + told);
    }

    @Test
    @Order(3)
    void onlyTheListsANewDayChangesAreWritten() {
        UUID slow = other(11), fast = other(12);
        raw.rider(slow, "r11", 200).rider(fast, "r12", 200);
        ride(slow, D5, 100); // its rider's first list; below the board's 10th
        ride(fast, D5, 295); // enters the board at rank 2
        RunCounts counts;
        try (PlanRecorder plans = new PlanRecorder(SparkSessions.create(config, "plan test"));
             SparkWarnings warnings = new SparkWarnings()) {
            counts = NightlyJob.run(config, D5, 0);
            assertEquals(List.of(), warnings.seen(), "a nightly makes Spark warn (the launcher prints it)");
            // What a night merges with is read by key; only class_stats (one row per class,
            // ranked whole by top classes), processed_days' nightly partition, and the riders
            // and classes with what the last run saw of them (to find edits) are read whole.
            assertTrue(plans.readByKey().containsAll(List.of("user_top_workouts", "class_leaderboard",
                    "user_workout_history", "class_rides", "user_period_stats", "class_day_totals", "day_class_totals",
                    "class_ratings")), "read by key: " + plans.readByKey());
            TreeSet<String> scanned = plans.scanned();
            // What the last run saw is read whole too, by a query whose plan may or may not be recorded.
            scanned.removeAll(List.of("riders_seen", "classes_seen"));
            assertEquals(new TreeSet<>(List.of("class_stats", "processed_days", "riders", "classes")), scanned);
        }
        assertEquals(2, counts.get("written_user_top_workouts"), "the two new riders' lists, one ride each");
        assertEquals(10, counts.get("written_class_leaderboard"), "the one board, rewritten whole");
        assertEquals(List.of(300, 295, 290, 280, 270, 260, 250, 240, 230, 220), watts("class_leaderboard",
                "class_id = " + CLASS, "total_output_kj"));

        Map<String, List<String>> nightly = Snapshot.results(session, config.statsKeyspace());
        try (SparkWarnings warnings = new SparkWarnings()) {
            RebuildJob.run(config, D5);
            assertEquals(List.of(), warnings.seen(), "a rebuild makes Spark warn (the launcher prints it)");
        }
        Map<String, List<String>> rebuilt = Snapshot.results(session, config.statsKeyspace());
        for (String table : List.of("user_top_workouts", "class_leaderboard", "workout_summary")) {
            assertEquals(rebuilt.get(table), nightly.get(table), table + ": nightly day by day differs from rebuild");
        }
    }

    private void ride(UUID rider, LocalDate day, int watts) {
        rides++;
        UUID workout = RawRows.id("f" + Integer.toHexString(rides));
        raw.workout(workout, rider, CLASS, day + "T" + String.format("%02d", rides % 24) + ":00:00Z", rides % 8)
                .steady(workout, 0, 60, watts);
    }

    private static UUID other(int r) {
        return RawRows.id("b2" + Integer.toHexString(r));
    }

    /** A list's values in rank order, as the steady watts that made them. */
    private List<Integer> watts(String table, String where, String column) {
        List<Integer> out = new ArrayList<>();
        session.execute("SELECT " + column + " FROM " + config.qualifiedStats(table) + " WHERE " + where)
                .forEach(r -> out.add((int) Math.round(r.getDouble(0) / 0.06)));
        return out;
    }
}
