package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.schema.Replication;
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
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rider whose streaks, milestones and period boards are worked out by hand, through
 * real nightlies: eleven rides from 2026-12-07 to 2027-01-04, over the turn of the year
 * and ISO week 53 (2026-12-28 to 2027-01-03); then a late ride that lands before all but
 * one of them; then three rides quarantined after the fact (their samples deleted). Rides
 * are 60 s at 200 W (12 kJ) except three of 600 s at 1000 W (600 kJ).
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiderStreaksTest {

    static final UUID RIDER = RawRows.id("5a1"), OTHER = RawRows.id("5b1"), CLASS = RawRows.id("5c1");
    /** r1 … r11 in ride order; LATE arrives after the first nightlies. */
    static final UUID R1 = RawRows.id("5e01"), R2 = RawRows.id("5e02"), R3 = RawRows.id("5e03"),
            R4 = RawRows.id("5e04"), R5 = RawRows.id("5e05"), R6 = RawRows.id("5e06"), R7 = RawRows.id("5e07"),
            R8 = RawRows.id("5e08"), R9 = RawRows.id("5e09"), R10 = RawRows.id("5e10"), R11 = RawRows.id("5e11"),
            LATE = RawRows.id("5e20"), S1 = RawRows.id("5f01"), S2 = RawRows.id("5f02");

    RidesConfig config;
    CqlSession session;
    RawRows raw;

    @BeforeAll
    void data(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        SchemaJob.run(session, config, Replication.simple(1));
        raw = new RawRows(session, config).rider(RIDER, "rita", 250).rider(OTHER, "sam", 200)
                .clazz(CLASS, "45 min Power Zone", "Ivy");
        small(R1, "2026-12-07T07:00:00Z");  // Monday of week 50
        small(R2, "2026-12-21T07:00:00Z");  // Monday of week 52
        small(R3, "2026-12-22T07:00:00Z");
        small(R4, "2026-12-27T07:00:00Z");  // Sunday of week 52
        big(R5, "2026-12-28T07:00:00Z");    // Monday of week 53
        small(R6, "2026-12-29T07:00:00Z");
        small(R7, "2026-12-29T18:00:00Z");  // a second ride that day
        big(R8, "2026-12-30T07:00:00Z");
        small(R9, "2026-12-31T07:00:00Z");
        small(R10, "2027-01-01T07:00:00Z"); // still week 53
        small(R11, "2027-01-04T07:00:00Z"); // Monday of 2027's week 1
        raw.workout(S1, OTHER, CLASS, "2026-12-29T08:00:00Z", 1).steady(S1, 0, 60, 250); // 15 kJ
        raw.workout(S2, OTHER, CLASS, "2027-01-02T08:00:00Z", 1).steady(S2, 0, 60, 100); // 6 kJ
    }

    @Test
    @Order(1)
    void elevenRidesOverTheTurnOfTheYear() {
        NightlyJob.run(config, LocalDate.parse("2026-12-22"), 15); // 12-07 … 12-22
        NightlyJob.run(config, LocalDate.parse("2027-01-04"), 12); // 12-23 … 01-04: merged with the stored rides
        // Days: 12-07 | 12-21, 12-22 | 12-27 … 01-01 (six) | 01-04. Weeks: 50 | 52, 53, 2027-01.
        assertEquals("11 1308.0 2026-12-07 2027-01-04 daily 1/6 weekly 3/3", streaks());
        assertEquals(Map.of("rides_10", "r10 2027-01-01T07:00:00Z 2027-01-01",
                "output_kj_1000", "r8 2026-12-30T07:00:00Z 2026-12-30"), milestones()); // 48, 648, 660, 672, 1272
        // Week 53 holds two 600 kJ rides of the rider: the earlier one counts.
        assertEquals(List.of("1 rita r5 600.0", "2 sam s1 15.0"), board("week", "2026-12-28"));
        assertEquals(List.of("1 rita r5 600.0", "2 sam s1 15.0"), board("month", "2026-12-01"));
        assertEquals(List.of("1 rita r10 12.0", "2 sam s2 6.0"), board("month", "2027-01-01"));
        assertEquals(List.of(), board("week", "2026-12-14"), "no ride in week 51 yet");
    }

    @Test
    @Order(2)
    void aLateRideMovesTheMilestones() {
        big(LATE, "2026-12-20T10:00:00Z"); // Sunday of week 51: joins weeks 50 and 52, days 12-20 … 12-22
        NightlyJob.run(config, LocalDate.parse("2026-12-20"), 0);
        assertEquals("12 1908.0 2026-12-07 2027-01-04 daily 1/6 weekly 5/5", streaks());
        // Now the 10th ride is r9; the running total reaches 1000 kJ at r5 (12, 612, 624, 636, 648, 1248).
        assertEquals(Map.of("rides_10", "r9 2026-12-31T07:00:00Z 2026-12-31",
                "output_kj_1000", "r5 2026-12-28T07:00:00Z 2026-12-28"), milestones());
        // The late ride ties r5 at 600 kJ in December and is earlier.
        assertEquals(List.of("1 rita late 600.0", "2 sam s1 15.0"), board("month", "2026-12-01"));
        assertEquals(List.of("1 rita late 600.0"), board("week", "2026-12-14"));
        assertEquals(List.of("1 rita r2 12.0"), board("week", "2026-12-21"), "three 12 kJ rides: the earliest");
    }

    @Test
    @Order(3)
    void ridesQuarantinedAfterTheFactTakeAMilestoneAway() {
        for (UUID w : List.of(R5, R10, R11)) {
            session.execute("DELETE FROM " + config.rawKeyspace() + ".samples WHERE workout_id = ?", w);
        }
        NightlyJob.run(config, LocalDate.parse("2027-01-04"), 7); // 12-28 … 01-04: the three are no_samples now
        // Left: r1, late, r2, r3, r4, r6, r7, r8, r9. Days 12-07 | 12-20 … 12-22 | 12-27 | 12-29 … 12-31;
        // weeks 50, 51, 52, 53.
        assertEquals("9 1284.0 2026-12-07 2026-12-31 daily 3/3 weekly 4/4", streaks());
        assertEquals(Map.of("output_kj_1000", "r8 2026-12-30T07:00:00Z 2026-12-30"), milestones(),
                "nine rides: no 10th; 12, 612, 624, 636, 648, 660, 672, 1272");
        assertEquals(List.of("1 rita r8 600.0", "2 sam s1 15.0"), board("week", "2026-12-28"));
        assertEquals(List.of("1 sam s2 6.0"), board("month", "2027-01-01"));

        // What `show` prints of them, read the way the app reads them.
        String shown = ShowJob.render(new com.rides.serving.RideStatsReader(session, config),
                LocalDate.parse("2026-12-31"), RIDER, CLASS, 7);
        assertTrue(shown.contains("Streaks of rider " + RIDER), shown);
        assertTrue(shown.contains(ShowJob.bar(3, 3)), "the daily streak bar: " + shown);
        assertTrue(shown.contains("output_kj_1000") && !shown.contains("rides_10"), shown);
        assertTrue(shown.contains("This week's leaderboard of 45 min Power Zone with Ivy (week from 2026-12-28)"), shown);
        assertTrue(shown.contains("Popular right now (rides started in the 24 hours before 2027-01-01T00:00:00Z)"),
                shown);

        Map<String, List<String>> nightly = Snapshot.results(session, config.statsKeyspace());
        RebuildJob.run(config, LocalDate.parse("2027-01-04"));
        Map<String, List<String>> rebuilt = Snapshot.results(session, config.statsKeyspace());
        for (String table : List.of("user_streaks", "user_milestones", "class_period_leaderboard")) {
            assertEquals(rebuilt.get(table), nightly.get(table), table + ": nightly against rebuild");
        }
    }

    /** 60 s at 200 W: 12 kJ. */
    private void small(UUID workout, String startedAt) {
        raw.workout(workout, RIDER, CLASS, startedAt, 0).steady(workout, 0, 60, 200);
    }

    /** 600 s at 1000 W: 600 kJ. */
    private void big(UUID workout, String startedAt) {
        raw.workout(workout, RIDER, CLASS, startedAt, 0).steady(workout, 0, 600, 1000);
    }

    private String streaks() {
        Row r = session.execute("SELECT * FROM " + config.qualifiedStats("user_streaks") + " WHERE user_id = ?",
                RIDER).one();
        return r.getLong("rides") + " " + Math.round(r.getDouble("total_output_kj") * 1000) / 1000.0 + " "
                + r.getLocalDate("first_ride_day") + " " + r.getLocalDate("last_ride_day")
                + " daily " + r.getInt("current_daily_streak") + "/" + r.getInt("longest_daily_streak")
                + " weekly " + r.getInt("current_weekly_streak") + "/" + r.getInt("longest_weekly_streak");
    }

    private Map<String, String> milestones() {
        Map<String, String> out = new TreeMap<>();
        for (Row r : session.execute("SELECT * FROM " + config.qualifiedStats("user_milestones")
                + " WHERE user_id = ?", RIDER)) {
            out.put(r.getString("milestone"), name(r.getUuid("workout_id")) + " " + r.getInstant("reached_at")
                    + " " + r.getLocalDate("day"));
        }
        return out;
    }

    private List<String> board(String period, String start) {
        List<String> out = new ArrayList<>();
        for (Row r : session.execute("SELECT * FROM " + config.qualifiedStats("class_period_leaderboard")
                + " WHERE class_id = ? AND period = ? AND period_start = ?", CLASS, period, LocalDate.parse(start))) {
            out.add(r.getInt("rank") + " " + r.getString("username") + " " + name(r.getUuid("workout_id")) + " "
                    + r.getDouble("total_output_kj"));
        }
        return out;
    }

    private static String name(UUID workout) {
        if (workout.equals(LATE)) {
            return "late";
        }
        String hex = workout.toString().substring(24).replaceFirst("^0+", "");
        return (hex.startsWith("5e") ? "r" : "s") + Integer.parseInt(hex.substring(2));
    }
}
