package com.rides.jobs;

import com.rides.testing.RunningProcess;
import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command of the launcher on the Spark cluster, through both ways onto it: the
 * launcher with --master (the driver in its JVM, client mode) and scripts/spark-submit
 * of the cluster jar. Each prints what it prints in local mode and no log lines; a
 * rebuild submitted to the cluster equals a backfill run through the launcher.
 */
@ExtendWith(LocalClusters.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCommandsIT {

    static final LocalDate LAST = LocalDate.parse("2026-11-20");
    /** A log line of log4j's patterns: the jobs' own (HH:mm:ss LEVEL) or Spark's defaults (yy/MM/dd HH:mm:ss LEVEL). */
    static final Pattern LOG_LINE = Pattern.compile("^(\\d\\d/\\d\\d/\\d\\d )?\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO|WARN|ERROR) .*");

    final LocalClusters clusters;
    final RidesConfig backfilled;
    final RidesConfig rebuilt;

    @TempDir
    Path tmp;

    ClusterCommandsIT(LocalClusters clusters) {
        this.clusters = clusters;
        RidesConfig.Builder analytics = clusters.config(LocalClusters.ANALYTICS).rawKeyspace("t_cmd_raw");
        this.backfilled = analytics.statsKeyspace("t_cmd_backfill").build();
        this.rebuilt = analytics.statsKeyspace("t_cmd_rebuild").build();
    }

    @BeforeAll
    void clean() {
        try (CqlSession session = CassandraSessions.open(backfilled)) {
            for (String ks : List.of("t_cmd_raw", "t_cmd_backfill", "t_cmd_rebuild")) {
                session.execute("DROP KEYSPACE IF EXISTS " + ks);
            }
        }
    }

    @Test
    @Order(1)
    void schemaAndGenerate() {
        String schema = quiet(clusters.launcher(args(backfilled, "schema", "--dc-replication", LocalClusters.REPLICATION)));
        assertTrue(schema.contains("'class': 'NetworkTopologyStrategy', 'analytics': 1, 'app': 3")
                || schema.contains("NetworkTopologyStrategy"), schema);
        quiet(clusters.sparkSubmit(args(rebuilt, "schema", "--dc-replication", LocalClusters.REPLICATION)));
        String generated = quiet(clusters.sparkSubmit(args(backfilled, "generate", "--users", "40", "--classes", "4",
                "--days", "2", "--end-date", LAST.toString(), "--seed", "3")));
        assertTrue(generated.contains("generate: classes 4, riders 40"), generated);
    }

    @Test
    @Order(2)
    void backfillThroughTheLauncherEqualsRebuildThroughSparkSubmit() {
        String backfill = quiet(clusters.launcher(args(backfilled, "backfill", "--from", LAST.minusDays(1).toString(),
                "--to", LAST.toString())));
        assertTrue(backfill.contains("2 days processed"), backfill);
        // A Spark distribution without a logging configuration of its own (an empty conf
        // folder): the driver still prints only what the job prints.
        Path emptyConf = tmp.resolve("conf");
        try {
            Files.createDirectories(emptyConf);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // (SPARK_LOCAL_IP: this machine's host name resolves to loopback, which Spark's
        // launcher warns about before any application code runs.)
        String rebuild = quiet(clusters.sparkSubmit(args(rebuilt, "rebuild", "--through", LAST.toString())),
                Map.of("SPARK_CONF_DIR", emptyConf.toString(), "SPARK_LOCAL_IP", "127.0.0.1"));
        assertTrue(rebuild.contains("rebuild through " + LAST), rebuild);
        try (CqlSession session = CassandraSessions.open(backfilled)) {
            Map<String, List<String>> expected = Snapshot.results(session, backfilled.statsKeyspace());
            assertFalse(expected.get("workout_summary").isEmpty());
            IncrementalEqualsFullTest.assertTablesEqual(expected, Snapshot.results(session, rebuilt.statsKeyspace()));
        }
    }

    @Test
    @Order(3)
    void adhocToEveryOutput() throws IOException {
        String sql = RepoRootPath.sql("adhoc/day_rides.sql");
        String console = quiet(clusters.launcher(args(backfilled, "adhoc", "--sql", sql, "--param", "day=" + LAST)));
        assertTrue(console.contains("class_title"), console);

        Path csv = tmp.resolve("day.csv");
        quiet(clusters.launcher(args(backfilled, "adhoc", "--sql", sql, "--param", "day=" + LAST, "--out", csv.toString())));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("started_at,workout_id,username"), lines.get(0));
        try (CqlSession session = CassandraSessions.open(backfilled)) {
            long kept = session.execute("SELECT count(*) FROM " + backfilled.qualifiedStats("workout_summary")
                    + " WHERE day = ? ALLOW FILTERING", LAST).one().getLong(0);
            assertTrue(kept > 0, "the day has rides");
            assertEquals(kept + 1, lines.size(), "a header and every kept ride of the day:\n" + String.join("\n", lines));
        }

        Path parquet = tmp.resolve("day.parquet");
        quiet(clusters.sparkSubmit(args(backfilled, "adhoc", "--sql", sql, "--param", "day=" + LAST,
                "--out", parquet.toString())));
        assertTrue(Files.isRegularFile(parquet.resolve("_SUCCESS")), "a Parquet output of Spark");
        try (var files = Files.list(parquet)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")));
        }

        quiet(clusters.sparkSubmit(args(backfilled, "adhoc", "--sql", sql, "--param", "day=" + LAST,
                "--out", "cassandra:t_cmd_backfill.day_rides", "--key", "workout_id")));
        try (CqlSession session = CassandraSessions.open(backfilled)) {
            long rows = session.execute("SELECT count(*) FROM t_cmd_backfill.day_rides").one().getLong(0);
            assertEquals(lines.size() - 1, rows, "the same rows as the CSV");
        }
    }

    @Test
    @Order(4)
    void reportAndShow() throws IOException {
        Path html = tmp.resolve("report.html");
        String report = quiet(clusters.sparkSubmit(args(backfilled, "report", "--date", LAST.toString(),
                "--out", html.toString())));
        assertTrue(report.startsWith("wrote " + html), report);
        assertTrue(Files.readString(html).contains("<canvas"), "the report has its charts");
        String show = quiet(clusters.launcher(args(backfilled, "show", "--date", LAST.toString())));
        assertTrue(show.contains("Last five rides of rider"), show);
    }

    private static String[] args(RidesConfig config, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(LocalClusters.target(config));
        return all.toArray(new String[0]);
    }

    private static String quiet(List<String> command) {
        return quiet(command, Map.of());
    }

    /** Runs the command, which must succeed and print no log line. */
    private static String quiet(List<String> command, Map<String, String> env) {
        RunningProcess.Result r = RunningProcess.run(command, env, line -> { }, 10);
        assertEquals(0, r.code(), String.join(" ", command) + "\n" + r.output());
        for (String line : r.output().lines().toList()) {
            assertFalse(LOG_LINE.matcher(line).matches(), () -> "a log line on the console of " + command.get(0) + ": "
                    + line + "\n(its whole output:)\n" + r.output());
        }
        return r.output();
    }

    /** The bundled SQL files, as an analyst names them. */
    static final class RepoRootPath {
        static String sql(String file) {
            return com.rides.testing.RepoRoot.find().resolve("sql").resolve(file).toString();
        }
    }
}
