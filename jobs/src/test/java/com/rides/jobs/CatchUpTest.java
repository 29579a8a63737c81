package com.rides.jobs;

import com.rides.testing.RunningProcess;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.schema.Replication;
import com.rides.status.PrometheusTextFormat;
import com.rides.testing.CassandraExtension;
import com.rides.testing.RepoRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * catch-up after a gap of several days leaves the tables nightly for each day leaves;
 * run through exactly the command line of the cron and systemd recipes. On the way,
 * status calls the history stale, then fresh; nothing to do is success; an empty
 * history needs --from.
 *
 * <p>One raw data set, generated to end yesterday, and two stats keyspaces over it:
 * the class's own (nightly for each day) and a second one (one nightly, then catch-up).
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatchUpTest {

    static final int DAYS = 5;

    final LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    final LocalDate first = last.minusDays(DAYS - 1);
    RidesConfig eachDay;
    RidesConfig caughtUp;
    CqlSession session;

    @BeforeAll
    void generate(RidesConfig config, CqlSession session) {
        this.session = session;
        this.eachDay = config;
        this.caughtUp = config.toBuilder().statsKeyspace(config.statsKeyspace() + "_b").build();
        session.execute("DROP KEYSPACE IF EXISTS " + caughtUp.statsKeyspace());
        SchemaJob.run(session, eachDay, Replication.simple(1));
        SchemaJob.run(session, caughtUp, Replication.simple(1));
        GenerateJob.run(config, new GeneratorSpec(24, 6, DAYS, last, 17).withFaultRate(0.02).withMaxClassMinutes(10), 64,
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
    }

    @Test
    @Order(1)
    void onAnEmptyHistoryCatchUpNeedsFromAndStatusIsUnhealthy() {
        Cli.Result r = Cli.run(caughtUp, "catch-up");
        assertEquals(Rides.EXIT_USAGE, r.code(), r.err());
        assertEquals("rides: no day has been processed yet (processed_days is empty): give --from YYYY-MM-DD, the first"
                + " day to process", r.err().strip());
        Cli.Result status = Cli.run(caughtUp, "status");
        assertEquals(1, status.code(), status.out());
        assertTrue(status.out().startsWith("status: unhealthy: no day has been processed"), status.out());
    }

    @Test
    @Order(2)
    void catchUpAfterAGapEqualsNightlyForEachDay(@TempDir Path tmp) throws Exception {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            NightlyJob.run(eachDay, d, NightlyJob.DEFAULT_LOOKBACK);
        }
        Map<String, List<String>> expected = Snapshot.results(session, eachDay.statsKeyspace());
        assertFalse(expected.get("workout_summary").isEmpty());

        NightlyJob.run(caughtUp, first, NightlyJob.DEFAULT_LOOKBACK);
        Path prom = tmp.resolve("rides.prom");
        Cli.Result stale = Cli.run(caughtUp, "status", "--json", "--prometheus", prom.toString());
        assertEquals(1, stale.code(), stale.out());
        assertTrue(stale.out().contains("\"lag_days\" : " + (DAYS - 1)), stale.out());
        assertTrue(stale.out().contains("stale: the last processed day is " + first), stale.out());
        Map<String, PrometheusTextFormat.Sample> metrics = PrometheusTextFormat.parse(Files.readString(prom));
        assertEquals(DAYS - 1.0, metrics.get("rides_processed_lag_days").value());
        assertEquals(0.0, metrics.get("rides_status_healthy").value());
        assertEquals((double) first.atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                metrics.get("rides_last_processed_day_timestamp_seconds").value());

        // The gap: the days after `first`, as the scheduler finds it the next morning.
        String output = runTheCronCommandLine(tmp);
        assertTrue(output.contains("catch-up: " + (DAYS + 1) + " days to process, " + first.minusDays(1) + ".." + last
                + " (last processed day " + first + "; " + (DAYS - 1) + " new, 2 again for late data)"), output);
        assertTrue(output.contains("catch-up: day " + (DAYS + 1) + " of " + (DAYS + 1)), output);
        IncrementalEqualsFullTest.assertTablesEqual(expected, Snapshot.results(session, caughtUp.statsKeyspace()));

        Cli.Result fresh = Cli.run(caughtUp, "status", "--prometheus", prom.toString());
        assertEquals(0, fresh.code(), fresh.out());
        assertTrue(fresh.out().startsWith("status: healthy"), fresh.out());
        metrics = PrometheusTextFormat.parse(Files.readString(prom));
        assertEquals(1.0, metrics.get("rides_status_healthy").value());
        assertEquals(1.0, metrics.get("rides_last_run_succeeded{job=\"catch-up\"}").value());
        long nightlyRuns = session.execute("SELECT run_id FROM " + caughtUp.qualifiedStats("job_runs")
                + " WHERE job = 'nightly'").all().size();
        assertEquals(2, nightlyRuns, "one nightly, then one chunk of the catch-up");

        Cli.Result nothing = Cli.ok(caughtUp, "catch-up");
        assertEquals("catch-up: nothing to do: the last processed day is " + last + ", --through " + last,
                nothing.out().strip());
        assertEquals(nightlyRuns, session.execute("SELECT run_id FROM " + caughtUp.qualifiedStats("job_runs")
                + " WHERE job = 'nightly'").all().size());
    }

    /**
     * The hourly entry of the crontab, as cron runs it at :00: it names the whole UTC hour
     * that has just begun (date's format survives cron's \\% escapes), which hourly accepts,
     * and writes that hour's snapshots.
     */
    @Test
    @Order(3)
    void theCrontabsHourlyLineWritesTheSnapshotsOfTheHourItRunsIn(@TempDir Path tmp) throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String output = runTheCronCommandLine(tmp, "hourly");
        Instant after = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Matcher m = Pattern.compile("^hourly (\\S+): trending_now at \\1 \\(windows \\[24\\] h\\): (\\d+) workouts read, "
                + "(\\d+) rows written; ", Pattern.MULTILINE).matcher(output);
        assertTrue(m.find(), output);
        Instant at = Instant.parse(m.group(1));
        assertTrue(at.equals(before) || at.equals(after), at + " is the hour the line ran in, " + before);
        long rows = session.execute("SELECT count(*) FROM " + caughtUp.qualifiedStats("trending_now")
                + " WHERE window_hours = 24 AND as_of = ?", at).one().getLong(0);
        assertEquals(Long.parseLong(m.group(3)), rows, output);
        Row run = session.execute("SELECT status FROM " + caughtUp.qualifiedStats("job_runs")
                + " WHERE job = 'hourly' LIMIT 1").one();
        assertEquals("succeeded", run.getString("status"));
    }

    /**
     * A crontab entry's command, as cron runs it (/bin/sh -c), with the install folder
     * replaced by this checkout and the log folder by a temporary one; the connection
     * comes from the environment, as the recipes expect. The launcher runs the jars of
     * this build (RIDES_CLASSPATH) instead of building them. Returns its log file.
     */
    String runTheCronCommandLine(Path tmp) throws Exception {
        return runTheCronCommandLine(tmp, "catch-up");
    }

    String runTheCronCommandLine(Path tmp, String entry) throws Exception {
        String command = SchedulerRecipes.cronCommand(entry)
                .replace(SchedulerRecipes.INSTALL_DIR, RepoRoot.find().toString())
                .replace(SchedulerRecipes.LOG_DIR, tmp.toString());
        Map<String, String> env = Map.of(
                "RIDES_CASSANDRA_HOSTS", String.join(",", caughtUp.hosts()),
                "RIDES_RAW_KEYSPACE", caughtUp.rawKeyspace(),
                "RIDES_STATS_KEYSPACE", caughtUp.statsKeyspace(),
                "RIDES_CLASSPATH", System.getProperty("java.class.path"),
                "RIDES_JAVA_OPTS", "-Xmx1g",
                "PATH", Path.of(Launcher.java()).getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
        RunningProcess.Result r = RunningProcess.exec(List.of("/bin/sh", "-c", command), env, line -> { }, 5);
        Path log = tmp.resolve(entry + ".log");
        String output = Files.exists(log) ? Files.readString(log) : "";
        assertEquals(0, r.code(), command + "\n" + r.output() + output);
        assertEquals("", r.output(), "everything goes to the log file");
        return output;
    }
}
