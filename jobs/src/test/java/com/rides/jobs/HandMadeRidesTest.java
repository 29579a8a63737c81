package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.pipeline.RunCounts;
import com.rides.schema.Replication;
import com.rides.serving.RideStatsReader;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few riders and classes whose every result row is worked out by hand. Three
 * riders (alice FTP 200, bob without FTP, carol FTP 250), two classes, nine
 * workouts of which four are quarantined, six ratings of which three are.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandMadeRidesTest {

    static final UUID ALICE = RawRows.id("a1"), BOB = RawRows.id("b1"), CAROL = RawRows.id("c1");
    static final UUID K1 = RawRows.id("c11"), K2 = RawRows.id("c12"), UNKNOWN = RawRows.id("c99");
    static final UUID W1 = RawRows.id("e1"), W2 = RawRows.id("e2"), W3 = RawRows.id("e3"), W4 = RawRows.id("e4"),
            W5 = RawRows.id("e5"), W6 = RawRows.id("e6"), W7 = RawRows.id("e7"), W8 = RawRows.id("e8"),
            W9 = RawRows.id("e9");
    static final LocalDate NOV2 = LocalDate.parse("2026-11-02"), NOV3 = NOV2.plusDays(1), NOV9 = NOV2.plusDays(7);
    static final double KCAL_PER_KJ = 1 / (4.184 * 0.24);

    RidesConfig config;
    CqlSession session;
    String stats;

    @BeforeAll
    void data(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        this.stats = config.statsKeyspace();
        SchemaJob.run(session, config, Replication.simple(1));
        RawRows raw = new RawRows(session, config)
                .rider(ALICE, "alice", 200).rider(BOB, "bob", null).rider(CAROL, "carol", 250)
                .clazz(K1, "20 min Climb", "Ivy").clazz(K2, "30 min HIIT", "Jon");
        raw.workout(W1, ALICE, K1, "2026-11-02T07:00:00Z", 3).steady(W1, 0, 60, 200);
        raw.workout(W2, BOB, K1, "2026-11-02T08:00:00Z", 5).steady(W2, 0, 60, 300)
                .sample(W2, -5, 80, 40, 300, 120, 36f); // offset < 0: dropped
        raw.workout(W3, ALICE, K2, "2026-11-03T07:00:00Z", 0).steady(W3, 0, 30, 100);
        raw.workout(W4, CAROL, K1, "2026-11-03T09:00:00Z", 15).steady(W4, 0, 60, 250);
        raw.workout(W5, ALICE, K1, "2026-11-09T07:00:00Z", 7).steady(W5, 0, 60, 150);
        raw.workout(W6, ALICE, UNKNOWN, "2026-11-03T10:00:00Z", 2).steady(W6, 0, 60, 200);
        raw.workout(W7, BOB, K2, "2026-11-09T08:00:00Z", 2);                           // no samples
        raw.workout(W8, CAROL, K2, "2026-11-09T09:00:00Z", 4).steady(W8, 0, 60, 4000); // no valid power
        raw.workout(W9, null, K1, "2026-11-02T10:00:00Z", 6).steady(W9, 0, 60, 200);   // no rider
        raw.rating(ALICE, K1, W1, 4, null, "2026-11-02T12:00:00Z", 1)
                .rating(BOB, K1, W2, 5, 7, "2026-11-02T13:00:00Z", 2)
                .rating(CAROL, K2, W4, 3, 11, "2026-11-03T12:00:00Z", 4)     // difficulty out of range
                .rating(ALICE, K2, W3, 6, null, "2026-11-03T13:00:00Z", 1)   // rating out of range
                .rating(ALICE, K1, W5, 2, null, "2026-11-09T12:00:00Z", 1)   // re-rate: this one counts
                .rating(BOB, UNKNOWN, W7, 4, null, "2026-11-09T12:00:00Z", 2);
    }

    @Test
    @Order(1)
    void nightlyOverTheWeekAccountsForEveryRow() {
        RunCounts counts = NightlyJob.run(config, NOV9, 7);
        assertEquals(9, counts.get("workouts_read"));
        assertEquals(5, counts.get("workouts_used"));
        assertEquals(4, counts.get("workouts_quarantined"));
        // w1..w9: 60+61+30+60+60+60+0+60+60 = 451 sample rows; one dropped (offset -5); w6, w8, w9 quarantined.
        assertEquals(451, counts.get("samples_read"));
        assertEquals(1, counts.get("samples_dropped"));
        assertEquals(180, counts.get("samples_quarantined"));
        assertEquals(270, counts.get("samples_used"));
        assertEquals(6, counts.get("ratings_read"));
        assertEquals(3, counts.get("ratings_used"));
        assertEquals(3, counts.get("ratings_quarantined"));
        assertEquals(60, counts.get("invalid_output_w_out_of_range"));
    }

    @Test
    @Order(2)
    void workoutSummaryHasEveryMetric() {
        Row w1 = one("SELECT * FROM " + stats + ".workout_summary WHERE workout_id = ?", W1);
        // 60 s at 200 W: 12 kJ; every window mean is 200; 60 s at 36 km/h is 0.6 km.
        assertEquals(60, w1.getInt("duration_s"));
        close(12.0, w1.getDouble("total_output_kj"));
        close(200.0, w1.getDouble("avg_output_w"));
        assertEquals(200, w1.getInt("max_output_w"));
        close(200.0, w1.getDouble("normalized_power_w"));
        close(200.0, w1.getDouble("best_60s_w"));
        assertNull(w1.getObject("best_300s_w"));
        assertNull(w1.getObject("best_1200s_w"));
        close(80.0, w1.getDouble("avg_cadence_rpm"));
        close(40.0, w1.getDouble("avg_resistance_pct"));
        close(120.0, w1.getDouble("avg_heart_rate_bpm"));
        assertEquals(120, w1.getInt("max_heart_rate_bpm"));
        close(0.6, w1.getDouble("distance_km"));
        close(12.0 * KCAL_PER_KJ, w1.getDouble("calories_kcal"));
        close(1.0, w1.getDouble("intensity_factor"));               // NP 200 / FTP 200
        close(60 * 200 * 1.0 / (200 * 3600.0) * 100, w1.getDouble("tss"));
        assertEquals(ALICE, w1.getUuid("user_id"));
        assertEquals(NOV2, w1.getLocalDate("day"));

        Row w2 = one("SELECT * FROM " + stats + ".workout_summary WHERE workout_id = ?", W2);
        close(18.0, w2.getDouble("total_output_kj"));
        assertNull(w2.getObject("intensity_factor"));                // bob has no FTP
        assertNull(w2.getObject("tss"));
        Row w3 = one("SELECT * FROM " + stats + ".workout_summary WHERE workout_id = ?", W3);
        assertEquals(30, w3.getInt("duration_s"));
        close(100.0, w3.getDouble("normalized_power_w"));           // exactly one 30 s window
        assertNull(w3.getObject("best_60s_w"));
        close(3.0, w3.getDouble("total_output_kj"));

        assertEquals(5, count("SELECT * FROM " + stats + ".workout_summary"));
    }

    @Test
    @Order(3)
    void historyIsNewestFirstWithClassNames() {
        List<Row> rows = all("SELECT * FROM " + stats + ".user_workout_history WHERE user_id = ?", ALICE);
        assertEquals(List.of(W5, W3, W1), rows.stream().map(r -> r.getUuid("workout_id")).toList());
        assertEquals("30 min HIIT", rows.get(1).getString("class_title"));
        assertEquals("Jon", rows.get(1).getString("instructor"));
    }

    @Test
    @Order(4)
    void periodTotalsByDayWeekAndMonth() {
        // alice: 11-02 w1 12 kJ 60 s; 11-03 w3 3 kJ 30 s; 11-09 w5 9 kJ 60 s.
        assertPeriod(ALICE, "day", NOV2, 1, 60, 12.0, 0.6, 12.0);
        assertPeriod(ALICE, "day", NOV3, 1, 30, 3.0, 0.3, 3.0);
        assertPeriod(ALICE, "day", NOV9, 1, 60, 9.0, 0.6, 9.0);
        assertPeriod(ALICE, "week", NOV2, 2, 90, 15.0, 0.9, 12.0);   // 2026-11-02 is a Monday
        assertPeriod(ALICE, "week", NOV9, 1, 60, 9.0, 0.6, 9.0);
        assertPeriod(ALICE, "month", LocalDate.parse("2026-11-01"), 3, 150, 24.0, 1.5, 12.0);
        // bob's and carol's rides of 11-09 are quarantined: no rows for that day or week.
        assertEquals(1, count("SELECT * FROM " + stats + ".user_period_stats WHERE user_id = ? AND period = 'day'", BOB));
        assertEquals(1, count("SELECT * FROM " + stats + ".user_period_stats WHERE user_id = ? AND period = 'week'", CAROL));
        assertPeriod(CAROL, "week", NOV2, 1, 60, 15.0, 0.6, 15.0);
    }

    @Test
    @Order(5)
    void personalRecords() {
        List<Row> top = all("SELECT * FROM " + stats + ".user_top_workouts WHERE user_id = ? AND metric = 'total_output'",
                ALICE);
        assertEquals(List.of(W1, W5, W3), top.stream().map(r -> r.getUuid("workout_id")).toList());
        assertEquals(List.of(1, 2, 3), top.stream().map(r -> r.getInt("rank")).toList());
        close(12.0, top.get(0).getDouble("value"));
        assertEquals("20 min Climb", top.get(0).getString("class_title"));
        // No ride is 20 minutes long: no best_1200s list at all.
        assertEquals(0, count("SELECT * FROM " + stats + ".user_top_workouts WHERE user_id = ? AND metric = 'best_1200s'",
                ALICE));
    }

    @Test
    @Order(6)
    void classLeaderboardRanksRidersByTheirBestRide() {
        List<Row> board = all("SELECT * FROM " + stats + ".class_leaderboard WHERE class_id = ?", K1);
        // bob 18 kJ, carol 15 kJ, alice 12 kJ (her best: w1 12 over w5 9).
        assertEquals(List.of(BOB, CAROL, ALICE), board.stream().map(r -> r.getUuid("user_id")).toList());
        assertEquals(List.of("bob", "carol", "alice"), board.stream().map(r -> r.getString("username")).toList());
        assertEquals(W1, board.get(2).getUuid("workout_id"));
        List<Row> k2 = all("SELECT * FROM " + stats + ".class_leaderboard WHERE class_id = ?", K2);
        assertEquals(1, k2.size());
        assertEquals(W3, k2.get(0).getUuid("workout_id"));
    }

    @Test
    @Order(7)
    void classStatsUseEachRidersLatestValidRating() {
        Row k1 = one("SELECT * FROM " + stats + ".class_stats WHERE class_id = ?", K1);
        assertEquals(4, k1.getLong("workouts"));
        close((12 + 18 + 15 + 9) / 4.0, k1.getDouble("avg_total_output_kj"));
        // alice re-rated 4 -> 2; bob 5 (difficulty 7). carol's and alice's K2 ratings are invalid.
        assertEquals(2, k1.getLong("rating_count"));
        close(3.5, k1.getDouble("avg_rating"));
        assertEquals(Map.of(2, 1L, 5, 1L), k1.getMap("rating_histogram", Integer.class, Long.class));
        close(7.0, k1.getDouble("avg_difficulty"));
        Row k2 = one("SELECT * FROM " + stats + ".class_stats WHERE class_id = ?", K2);
        assertEquals(1, k2.getLong("workouts"));
        assertEquals(0, k2.getLong("rating_count"));
        assertNull(k2.getObject("avg_rating"));
        assertEquals("30 min HIIT", k2.getString("title"));
        assertEquals(2, count("SELECT * FROM " + stats + ".class_stats"));
    }

    @Test
    @Order(8)
    void topClasses() {
        List<Row> taken = all("SELECT * FROM " + stats + ".top_classes WHERE metric = 'most_taken'");
        assertEquals(List.of(K1, K2), taken.stream().map(r -> r.getUuid("class_id")).toList());
        close(4.0, taken.get(0).getDouble("value"));
        List<Row> rated = all("SELECT * FROM " + stats + ".top_classes WHERE metric = 'top_rated'");
        // m = mean of all counting ratings = (2 + 5) / 2; K1: (20 * 3.5 + 7) / (20 + 2) = 3.5
        assertEquals(1, rated.size());
        close(3.5, rated.get(0).getDouble("value"));
    }

    @Test
    @Order(9)
    void trendingSnapshotForEveryProcessedDay() {
        List<Row> nov9 = trending(NOV9);
        // window 11-03..11-09: K1 has w4, w5; K2 has w3.
        assertEquals(List.of(K1, K2), nov9.stream().map(r -> r.getUuid("class_id")).toList());
        assertEquals(2, nov9.get(0).getLong("workouts"));
        close(3.5, nov9.get(0).getDouble("avg_rating"));            // alice's 2 (on 11-09) and bob's 5
        assertNull(nov9.get(1).getObject("avg_rating"));
        List<Row> nov2 = trending(NOV2);
        assertEquals(1, nov2.size());
        close(4.5, nov2.get(0).getDouble("avg_rating"));            // as known on 11-02: alice 4, bob 5
        assertEquals(3, trending(NOV2.plusDays(6)).get(0).getLong("workouts"));
        // One snapshot per day from the first ride (11-02) to 11-09, each with a rank 1.
        assertEquals(8, count("SELECT as_of FROM " + stats + ".trending_classes WHERE window_days = 7 AND rank = 1"
                + " ALLOW FILTERING"));
    }

    @Test
    @Order(10)
    void quarantineNamesEveryRejectedRow() {
        assertEquals(List.of(
                        "2026-11-02 workout " + W9 + " missing_user",
                        "2026-11-03 rating 1:" + ALICE + ":" + K2 + " invalid_rating",
                        "2026-11-03 rating 4:" + CAROL + ":" + K2 + " invalid_difficulty",
                        "2026-11-03 workout " + W6 + " unknown_class",
                        "2026-11-09 rating 2:" + BOB + ":" + UNKNOWN + " unknown_class",
                        "2026-11-09 workout " + W7 + " no_samples",
                        "2026-11-09 workout " + W8 + " no_valid_power"),
                all("SELECT * FROM " + stats + ".quarantine").stream()
                        .map(r -> r.getLocalDate("day") + " " + r.getString("kind") + " " + r.getString("id") + " "
                                + r.getString("reason"))
                        .sorted().toList());
    }

    @Test
    @Order(11)
    void jobRunsRecordTheRun() {
        Row run = one("SELECT * FROM " + stats + ".job_runs WHERE job = 'nightly' LIMIT 1");
        assertEquals("succeeded", run.getString("status"));
        assertEquals(NOV9, run.getLocalDate("day"));
        assertEquals(9L, run.getMap("counts", String.class, Long.class).get("workouts_read"));
        assertTrue(run.getInstant("finished_at").isAfter(run.getInstant("started_at").minusSeconds(1)));
    }

    @Test
    @Order(12)
    void rebuildAndDayByDayNightlyAgreeWithTheWeeklyRun() {
        Map<String, List<String>> weekly = Snapshot.results(session, stats);
        RebuildJob.run(config, NOV9);
        assertEquals(weekly, Snapshot.results(session, stats), "rebuild differs from nightly");
        RebuildJob.run(config, NOV2.minusDays(1)); // before the first ride: every result table empties
        assertTrue(Snapshot.results(session, stats).values().stream().allMatch(List::isEmpty));
        // Out of order, overlapping, one day twice: 11-09 alone, 11-02..11-04, 11-05..11-08, 11-02..11-03 again.
        NightlyJob.run(config, NOV9, 0);
        NightlyJob.run(config, NOV2.plusDays(2), 2);
        NightlyJob.run(config, NOV2.plusDays(6), 3);
        NightlyJob.run(config, NOV3, 1);
        assertEquals(weekly, Snapshot.results(session, stats), "day-by-day nightly in another order differs");
    }

    /** The product team's read API answers every screen with the hand-computed rows. */
    @Test
    @Order(9)
    void servingReaderAnswersEveryScreen() {
        RideStatsReader reader = new RideStatsReader(session, config);
        RideStatsReader.Workout w1 = reader.workout(W1).orElseThrow();
        assertEquals(ALICE, w1.userId());
        close(12.0, w1.totalOutputKj());
        assertTrue(reader.workout(W9).isEmpty(), "a quarantined ride has no summary");
        assertEquals(List.of(W5, W3), reader.history(ALICE, 2).stream().map(RideStatsReader.HistoryEntry::workoutId).toList());
        RideStatsReader.PeriodTotals week = reader.periodTotals(ALICE, "week", 5).get(1);
        assertEquals(NOV2, week.periodStart());
        assertEquals(2, week.workouts());
        close(15.0, week.totalOutputKj());
        assertEquals(List.of(W1, W5, W3), reader.personalRecords(ALICE, "total_output").stream()
                .map(RideStatsReader.PersonalRecord::workoutId).toList());
        assertEquals(List.of("bob", "carol", "alice"), reader.classLeaderboard(K1).stream()
                .map(RideStatsReader.LeaderboardEntry::username).toList());
        RideStatsReader.ClassPage k1 = reader.classPage(K1).orElseThrow();
        assertEquals(Map.of(2, 1L, 5, 1L), k1.ratingHistogram());
        close(3.5, k1.avgRating());
        assertEquals(List.of(K1, K2), reader.topClasses("most_taken").stream().map(RideStatsReader.RankedClass::classId).toList());
        List<RideStatsReader.TrendingClass> trending = reader.trending(7, NOV9);
        assertEquals(List.of(1, 2), trending.stream().map(RideStatsReader.TrendingClass::rank).toList());
        assertEquals(2, trending.get(0).workouts());
        assertNull(trending.get(1).avgRating());
    }

    private List<Row> trending(LocalDate asOf) {
        return all("SELECT * FROM " + stats + ".trending_classes WHERE window_days = 7 AND as_of = ?", asOf);
    }

    private void assertPeriod(UUID user, String period, LocalDate start, int workouts, long seconds, double kj,
                              double km, double best) {
        Row r = one("SELECT * FROM " + stats + ".user_period_stats WHERE user_id = ? AND period = ? AND period_start = ?",
                user, period, start);
        assertEquals(workouts, r.getInt("workouts"), period + " " + start);
        assertEquals(seconds, r.getLong("total_duration_s"));
        close(kj, r.getDouble("total_output_kj"));
        close(km, r.getDouble("distance_km"));
        close(kj * KCAL_PER_KJ, r.getDouble("calories_kcal"));
        close(best, r.getDouble("best_total_output_kj"));
    }

    private Row one(String cql, Object... args) {
        Row r = session.execute(cql, args).one();
        assertTrue(r != null, "no row for " + cql);
        return r;
    }

    private List<Row> all(String cql, Object... args) {
        return new ArrayList<>(session.execute(cql, args).all());
    }

    private int count(String cql, Object... args) {
        return all(cql, args).size();
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-12);
    }
}
