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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * trending_now, worked out by hand: rides at the edges of the windows, a tie, rides that
 * count without samples and rides that do not count. The snapshot hourly writes before
 * any nightly is the one the nightlies write later, run out of order (day 2, then day 1),
 * and all of them equal what rebuild writes into a second stats keyspace.
 *
 * <p>Windows 1 and 24 hours. The snapshot S at 2026-11-03T06:00Z: its 24-hour window is
 * [11-02 06:00, 11-03 06:00), its 1-hour window [11-03 05:00, 11-03 06:00).
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrendingNowTest {

    static final UUID ALICE = RawRows.id("a1"), BOB = RawRows.id("b1");
    /** Ids in tie-rule order: LOW's lower-case text sorts before HIGH's. */
    static final UUID LOW = RawRows.id("c0a"), HIGH = RawRows.id("c0b"), BUSY = RawRows.id("c0c"),
            UNKNOWN = RawRows.id("c99");
    static final Instant S = Instant.parse("2026-11-03T06:00:00Z");
    static final String[] WINDOWS = {"--trending-now-windows", "1,24"};

    RidesConfig config;
    RidesConfig rebuilt;
    CqlSession session;
    List<String> hourlyS;

    @BeforeAll
    void data(RidesConfig config, CqlSession session) {
        this.config = config.toBuilder().trendingNowWindows(List.of(1, 24)).build();
        this.rebuilt = this.config.toBuilder().statsKeyspace(config.statsKeyspace() + "_b").build();
        this.session = session;
        session.execute("DROP KEYSPACE IF EXISTS " + rebuilt.statsKeyspace());
        SchemaJob.run(session, this.config, Replication.simple(1));
        SchemaJob.run(session, rebuilt, Replication.simple(1));
        RawRows raw = new RawRows(session, this.config)
                .rider(ALICE, "alice", 200).rider(BOB, "bob", 250)
                .clazz(LOW, "20 min Climb", "Ivy").clazz(HIGH, "30 min HIIT", "Jon").clazz(BUSY, "45 min Power", "Kim");
        UUID[] w = new UUID[10];
        for (int i = 1; i < w.length; i++) {
            w[i] = RawRows.id("e" + i);
        }
        raw.workout(w[1], ALICE, LOW, "2026-11-02T06:00:00Z", 1).steady(w[1], 0, 60, 200);   // at S - 24 h: in
        raw.workout(w[2], BOB, LOW, "2026-11-03T06:00:00Z", 2).steady(w[2], 0, 60, 200);     // at S: out
        raw.workout(w[3], BOB, HIGH, "2026-11-02T23:30:00Z", 3);                              // no samples: counts
        raw.workout(w[4], ALICE, BUSY, "2026-11-03T05:59:59Z", 4).steady(w[4], 0, 60, 200);  // both windows
        raw.workout(w[5], ALICE, UNKNOWN, "2026-11-03T01:00:00Z", 5).steady(w[5], 0, 60, 200); // unknown class
        raw.workout(w[6], null, HIGH, "2026-11-03T02:00:00Z", 6).steady(w[6], 0, 60, 200);   // no rider
        raw.workout(w[7], BOB, HIGH, "2026-11-02T05:59:59Z", 7).steady(w[7], 0, 60, 200);    // before S - 24 h
        raw.workout(w[8], BOB, BUSY, "2026-11-03T03:00:00Z", 8).steady(w[8], 0, 60, 4000);   // no valid power: counts
        raw.workout(w[9], ALICE, HIGH, "2026-11-03T20:15:00Z", 9).steady(w[9], 0, 60, 200);  // after S
    }

    @Test
    @Order(1)
    void hourlyCountsTheWindowsEdgesAndBreaksTiesByClassId() {
        Cli.Result r = Cli.ok(config, args("hourly", "--at", "2026-11-03T06:00Z"));
        assertTrue(r.out().contains("trending_now at 2026-11-03T06:00:00Z"), r.out());
        // 24 h: BUSY w4 + w8 (no valid power); LOW w1 only (w2 starts at S); HIGH w3 only (no
        // samples; w6 has no rider, w7 is a second early). LOW and HIGH tie: LOW's id is smaller.
        assertEquals(List.of("1 " + BUSY + " 45 min Power Kim 2", "2 " + LOW + " 20 min Climb Ivy 1",
                "3 " + HIGH + " 30 min HIIT Jon 1"), snapshot(config, 24, S));
        assertEquals(List.of("1 " + BUSY + " 45 min Power Kim 1"), snapshot(config, 1, S));
        assertEquals(3, count(config, "SELECT * FROM %s.trending_now WHERE window_hours = 24"));
        hourlyS = TableRows.of(session, config.statsKeyspace(), "trending_now");
        Row run = session.execute("SELECT status, counts FROM " + config.statsKeyspace()
                + ".job_runs WHERE job = 'hourly' LIMIT 1").one();
        assertEquals("succeeded", run.getString("status"));
        // The days 11-02 and 11-03 are read: every workout but none of their samples.
        assertEquals(9L, run.getMap("counts", String.class, Long.class).get("workouts_read"));
    }

    @Test
    @Order(2)
    void outOfOrderNightsRefreshTheLaterDaysSnapshots() {
        Cli.ok(config, args("nightly", "--date", "2026-11-03", "--lookback", "0"));
        // Day 1 is not processed yet: S lacks its rides (w1, w3).
        assertEquals(List.of("1 " + BUSY + " 45 min Power Kim 2"), snapshot(config, 24, S));
        Cli.ok(config, args("nightly", "--date", "2026-11-02", "--lookback", "0"));
        assertEquals(List.of("1 " + BUSY + " 45 min Power Kim 2", "2 " + LOW + " 20 min Climb Ivy 1",
                "3 " + HIGH + " 30 min HIIT Jon 1"), snapshot(config, 24, S));
        // Every hour of both days: the 24 h window at 11-04 00:00 holds day 2's w2, w4, w8, w9 (w5, w6 do not count).
        assertEquals(List.of("1 " + BUSY + " 45 min Power Kim 2", "2 " + LOW + " 20 min Climb Ivy 1",
                "3 " + HIGH + " 30 min HIIT Jon 1"), snapshot(config, 24, Instant.parse("2026-11-04T00:00:00Z")));
        assertEquals(List.of("1 " + HIGH + " 30 min HIIT Jon 1"),
                snapshot(config, 1, Instant.parse("2026-11-03T21:00:00Z")));
        assertEquals(List.of(), snapshot(config, 1, Instant.parse("2026-11-03T22:00:00Z")));
    }

    @Test
    @Order(3)
    void hourlyWritesExactlyWhatNightlyWritesForItsInstant() {
        List<String> nightlyS = TableRows.of(session, config.statsKeyspace(), "trending_now").stream()
                .filter(line -> line.contains("as_of=" + S + " ")).toList();
        assertEquals(hourlyS, nightlyS);
        List<String> before = TableRows.of(session, config.statsKeyspace(), "trending_now");
        Cli.ok(config, args("hourly", "--at", "2026-11-03T06:00Z"));
        assertEquals(before, TableRows.of(session, config.statsKeyspace(), "trending_now"));
    }

    @Test
    @Order(4)
    void theNightsEqualARebuild() {
        Cli.ok(rebuilt, args("rebuild", "--through", "2026-11-03"));
        for (String table : List.of("trending_now", "class_hour_totals")) {
            List<String> nights = TableRows.of(session, config.statsKeyspace(), table);
            assertEquals(nights, TableRows.of(session, rebuilt.statsKeyspace(), table), table);
            assertNotEquals(List.of(), nights, table);
        }
    }

    @Test
    @Order(5)
    void aBadInstantIsOneLineAndNonZero() {
        for (String at : new String[]{"2026-11-03T06:30Z", "2026-11-03 06:00", "yesterday"}) {
            Cli.Result r = Cli.run(config, args("hourly", "--at", at));
            assertEquals(Rides.EXIT_USAGE, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("rides: ") && r.err().contains(at), r.err());
        }
    }

    static String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(WINDOWS));
        return all.toArray(new String[0]);
    }

    /** The snapshot's rows in rank order: "rank class_id title instructor workouts". */
    List<String> snapshot(RidesConfig c, int windowHours, Instant asOf) {
        List<String> rows = new ArrayList<>();
        for (Row r : session.execute("SELECT rank, class_id, title, instructor, workouts FROM " + c.statsKeyspace()
                + ".trending_now WHERE window_hours = ? AND as_of = ?", windowHours, asOf)) {
            rows.add(r.getInt("rank") + " " + r.getUuid("class_id") + " " + r.getString("title") + " "
                    + r.getString("instructor") + " " + r.getLong("workouts"));
        }
        return rows;
    }

    long count(RidesConfig c, String cql) {
        return session.execute(String.format(cql, c.statsKeyspace())).all().size();
    }
}
