package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.checks.DataChecks;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.schema.Replication;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data checks on generated data: five weeks of rides checked by one catch-up flag
 * nothing; then one day loses half its rides and another gets a burst of null power,
 * and the night that processes them again flags exactly those two days, each at its
 * level, exits 3 after writing, and says which checks failed and why; job_runs,
 * status and the report show the verdicts.
 *
 * <p>Five hundred riders on classes of at most five minutes: some 150 rides a day (a
 * Poisson count's noise is small next to "half"), in about 1.5 M samples.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataChecksOnGeneratedDataTest {

    static final LocalDate LAST = LocalDate.parse("2026-11-29");
    static final int DAYS = 35;
    static final LocalDate FIRST = LAST.minusDays(DAYS - 1);
    /** Both with four weeks of history; the night of NULL_POWER with its lookback of 2 processes HALF_RIDES too. */
    static final LocalDate HALF_RIDES = LAST.minusDays(4);
    static final LocalDate NULL_POWER = LAST.minusDays(2);

    RidesConfig config;
    CqlSession session;

    @BeforeAll
    void generate(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        SchemaJob.run(session, config, Replication.simple(1));
        GenerateJob.run(config, new GeneratorSpec(500, 20, DAYS, LAST, 23).withMaxClassMinutes(5), 128,
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
    }

    @Test
    @Order(1)
    void aNormalMonthFlagsNothing() {
        Cli.Result r = Cli.ok(config, "catch-up", "--from", FIRST.toString(), "--through", LAST.toString(),
                "--chunk-days", String.valueOf(DAYS));
        assertTrue(r.out().contains("checks: none failed"), r.out());
        Map<String, Long> verdicts = new TreeMap<>();
        long checkedDays = 0;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            List<Row> rows = session.execute("SELECT check, verdict FROM " + config.qualifiedStats("data_checks")
                    + " WHERE day = ?", d).all();
            assertEquals(DataChecks.ALL.size(), rows.size(), "every check has a verdict on " + d);
            rows.forEach(row -> verdicts.merge(row.getString("verdict"), 1L, Long::sum));
            if (rows.stream().anyMatch(row -> row.getString("check").equals("rides")
                    && row.getString("verdict").equals("pass"))) {
                checkedDays++;
            }
        }
        assertEquals(null, verdicts.get("fail"), verdicts.toString());
        assertEquals(DAYS - 14, checkedDays, "from the third week on, the same weekday has two weeks of history");
        Row run = session.execute("SELECT counts FROM " + config.qualifiedStats("job_runs") + " WHERE job = 'catch-up'")
                .one();
        assertEquals(0L, run.getMap("counts", String.class, Long.class).get("checks_failed_error"));
        assertEquals(verdicts.get("pass"), run.getMap("counts", String.class, Long.class).get("checks_passed"));
    }

    @Test
    @Order(2)
    void halfTheRidesAndABurstOfNullPowerAreFlaggedOnExactlyThoseDays(@TempDir Path tmp) throws Exception {
        int removed = removeHalfTheRides(HALF_RIDES);
        int nulled = nullEveryThirdPowerValue(NULL_POWER);
        assertTrue(removed > 40 && nulled > 5_000, removed + " rides removed, " + nulled + " power values nulled");

        Cli.Result night = Cli.run(config, "nightly", "--date", NULL_POWER.toString(), "--lookback", "2");
        assertEquals(Rides.EXIT_CHECKS_FAILED, night.code(), night.out() + night.err());
        assertTrue(night.out().contains("check failed: " + HALF_RIDES + " rides (error): "), night.out());
        assertTrue(night.out().contains("check failed: " + NULL_POWER + " invalid_output_w (error): "), night.out());
        assertTrue(night.out().contains("(baseline "), "the console says why: " + night.out());

        Map<LocalDate, Map<String, String>> failed = new TreeMap<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            for (Row row : session.execute("SELECT check, level, verdict FROM " + config.qualifiedStats("data_checks")
                    + " WHERE day = ?", d)) {
                if (row.getString("verdict").equals("fail")) {
                    failed.computeIfAbsent(d, x -> new TreeMap<>()).put(row.getString("check"), row.getString("level"));
                }
            }
        }
        assertEquals(Set.of(HALF_RIDES, NULL_POWER), failed.keySet(), "flagged days: " + failed);
        assertEquals("error", failed.get(HALF_RIDES).get("rides"), failed.toString());
        assertEquals(Map.of("invalid_output_w", "error"), failed.get(NULL_POWER), failed.toString());
        // Fewer rides also means fewer rides per class ridden; nothing else may move.
        assertTrue(Set.of("rides", "rides_per_class").containsAll(failed.get(HALF_RIDES).keySet()), failed.toString());

        Row run = session.execute("SELECT status, counts, message FROM " + config.qualifiedStats("job_runs")
                + " WHERE job = 'nightly' LIMIT 1").one();
        assertEquals("succeeded", run.getString("status"), "the night wrote everything");
        Map<String, Long> counts = run.getMap("counts", String.class, Long.class);
        assertEquals(2L, counts.get("checks_failed_error"));
        assertEquals((long) failed.get(HALF_RIDES).size() - 1, counts.get("checks_failed_warning"));
        assertTrue(run.getString("message").contains("error: " + HALF_RIDES + " rides"), run.getString("message"));

        Cli.Result status = Cli.run(config, "status", "--max-lag", "100000", "--json");
        assertEquals(1, status.code(), status.out());
        assertTrue(status.out().contains("2 error-level data checks failed since"), status.out());

        Path page = tmp.resolve("report.html");
        Cli.ok(config, "report", "--date", HALF_RIDES.toString(), "--out", page.toString());
        String html = Files.readString(page);
        assertTrue(html.contains("Data checks"), "the report has a data checks section");
        assertTrue(html.matches("(?s).*<td><code>rides</code></td>\\s*<td>error</td>\\s*<td class=\"fail\">fail</td>.*"),
                "the report shows the failed rides check");
    }

    /** Deletes every other workout of the day (by id) and the day's ratings of those rides. */
    int removeHalfTheRides(LocalDate day) {
        List<Row> rides = new ArrayList<>();
        for (int b = 0; b < config.buckets(); b++) {
            rides.addAll(session.execute("SELECT bucket, workout_id FROM " + config.qualifiedRaw("workouts")
                    + " WHERE day = ? AND bucket = ?", day, b).all());
        }
        rides.sort((a, b) -> a.getUuid("workout_id").toString().compareTo(b.getUuid("workout_id").toString()));
        Set<UUID> gone = new HashSet<>();
        for (int i = 0; i < rides.size(); i += 2) {
            Row r = rides.get(i);
            session.execute("DELETE FROM " + config.qualifiedRaw("workouts") + " WHERE day = ? AND bucket = ?"
                    + " AND workout_id = ?", day, r.getInt("bucket"), r.getUuid("workout_id"));
            gone.add(r.getUuid("workout_id"));
        }
        for (int b = 0; b < config.buckets(); b++) {
            for (Row r : session.execute("SELECT user_id, class_id, workout_id FROM " + config.qualifiedRaw("ratings")
                    + " WHERE day = ? AND bucket = ?", day, b)) {
                if (gone.contains(r.getUuid("workout_id"))) {
                    session.execute("DELETE FROM " + config.qualifiedRaw("ratings") + " WHERE day = ? AND bucket = ?"
                            + " AND user_id = ? AND class_id = ?", day, b, r.getUuid("user_id"), r.getUuid("class_id"));
                }
            }
        }
        return gone.size();
    }

    /** A firmware bug: every third second of every ride of the day reports no power. */
    int nullEveryThirdPowerValue(LocalDate day) {
        PreparedStatement update = session.prepare("UPDATE " + config.qualifiedRaw("samples")
                + " SET output_w = null WHERE workout_id = ? AND offset_s = ?");
        TreeSet<UUID> rides = new TreeSet<>();
        for (int b = 0; b < config.buckets(); b++) {
            session.execute("SELECT workout_id FROM " + config.qualifiedRaw("workouts") + " WHERE day = ? AND bucket = ?",
                    day, b).forEach(r -> rides.add(r.getUuid(0)));
        }
        int nulled = 0;
        List<CompletionStage<?>> inFlight = new ArrayList<>();
        for (UUID ride : rides) {
            for (Row s : session.execute("SELECT offset_s FROM " + config.qualifiedRaw("samples") + " WHERE workout_id = ?",
                    ride)) {
                int offset = s.getInt(0);
                if (offset % 3 == 0) {
                    inFlight.add(session.executeAsync(update.bind(ride, offset)));
                    nulled++;
                }
                if (inFlight.size() >= 256) {
                    CompletableFuture.allOf(inFlight.stream().map(CompletionStage::toCompletableFuture)
                            .toArray(CompletableFuture[]::new)).join();
                    inFlight.clear();
                }
            }
        }
        CompletableFuture.allOf(inFlight.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).join();
        return nulled;
    }
}
