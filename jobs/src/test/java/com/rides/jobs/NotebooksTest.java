package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rides.config.RidesConfig;
import com.rides.schema.Replication;
import com.rides.testing.CassandraExtension;
import com.rides.testing.RepoRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the analysts' notebooks headless (scripts/notebooks, i.e. jupyter nbconvert
 * --execute) against the shared analyst data set and checks what they printed against
 * figures read independently through the driver; then against empty result tables,
 * where every notebook must say so instead of failing. Needs Debian's Jupyter stack:
 * without it the test fails and says to run scripts/install-analyst-tools.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksTest {

    static final List<String> NOTEBOOKS = List.of("rider_history", "class_popularity", "data_quality", "ride_samples");
    /** The notebooks' default window: 30 days ending on the last processed day. */
    static final LocalDate WINDOW_START = AnalystData.LAST_DAY.minusDays(29);

    final Path root = RepoRoot.find();
    RidesConfig data;
    CqlSession session;
    Map<String, Executed> run;

    /** One executed notebook: what it printed (stdout) and how many charts it drew. */
    record Executed(String stdout, int images, List<String> errors) {

        int intAfter(String prefix) {
            return Integer.parseInt(lineAfter(prefix).split("[ (]")[0]);
        }

        String lineAfter(String prefix) {
            for (String line : stdout.split("\n")) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            throw new AssertionError("no line starting with '" + prefix + "' in:\n" + stdout);
        }
    }

    @BeforeAll
    void runAgainstTheAnalystData(RidesConfig config, CqlSession session) throws Exception {
        requireJupyter();
        this.session = session;
        this.data = AnalystData.on(config);
        this.run = runNotebooks(data, outputDir("notebooks"));
    }

    @Test
    void everyNotebookRunsCleanAndDrawsCharts() {
        for (String name : NOTEBOOKS) {
            Executed nb = run.get(name);
            assertTrue(nb.errors().isEmpty(), name + " has errors: " + nb.errors());
            assertTrue(nb.images() >= 1, name + " drew no chart:\n" + nb.stdout());
            assertFalse(nb.stdout().contains("No data: no rider"), name + ":\n" + nb.stdout());
        }
        assertTrue(run.get("rider_history").images() >= 3, run.get("rider_history").stdout());
        assertTrue(run.get("class_popularity").images() >= 3, run.get("class_popularity").stdout());
    }

    @Test
    void riderHistoryShowsTheLeaderOfTheMostTakenClass() {
        Executed nb = run.get("rider_history");
        Row topClass = session.execute("SELECT class_id FROM " + data.qualifiedStats("top_classes")
                + " WHERE metric = 'most_taken' LIMIT 1").one();
        Row leader = session.execute("SELECT user_id, username FROM " + data.qualifiedStats("class_leaderboard")
                + " WHERE class_id = ? LIMIT 1", topClass.getUuid("class_id")).one();
        UUID rider = leader.getUuid("user_id");
        assertTrue(nb.lineAfter("rider: ").startsWith(rider + " (" + leader.getString("username") + ")"),
                nb.stdout());
        assertEquals("2026-10-22 .. 2026-11-20", nb.lineAfter("days: ").substring(0, 24));

        long workouts = countHistory(rider);
        assertTrue(workouts > 0, "the leader has rides");
        assertEquals(workouts, nb.intAfter("workouts in window: "), nb.stdout());
        assertEquals(workouts, nb.intAfter("workouts in window by day totals: "), nb.stdout());

        for (String metric : List.of("total_output", "best_1200s")) {
            long records = session.execute("SELECT count(*) FROM " + data.qualifiedStats("user_top_workouts")
                    + " WHERE user_id = ? AND metric = ?", rider, metric).one().getLong(0);
            assertEquals(records, nb.intAfter("records " + metric + ": "), nb.stdout());
        }
    }

    @Test
    void classPopularityShowsEverySnapshotAndTheRankings() {
        Executed nb = run.get("class_popularity");
        List<Row> trending = session.execute("SELECT as_of, class_id FROM " + data.qualifiedStats("trending_classes")
                + " WHERE window_days = 7 AND as_of >= ? AND as_of <= ?", WINDOW_START, AnalystData.LAST_DAY).all();
        long snapshots = trending.stream().map(r -> r.getLocalDate("as_of")).distinct().count();
        assertEquals(AnalystData.DAYS, snapshots, "one snapshot per processed day");
        assertEquals(snapshots, nb.intAfter("trending snapshots: "), nb.stdout());

        Row mostTaken = session.execute("SELECT title, workouts FROM " + data.qualifiedStats("top_classes")
                + " WHERE metric = 'most_taken' LIMIT 1").one();
        assertEquals(mostTaken.getString("title") + " (" + mostTaken.getLong("workouts") + " workouts)",
                nb.lineAfter("most-taken class: "));

        Set<UUID> classes = new LinkedHashSet<>();
        for (String metric : List.of("most_taken", "top_rated")) {
            session.execute("SELECT class_id FROM " + data.qualifiedStats("top_classes") + " WHERE metric = ?", metric)
                    .forEach(r -> classes.add(r.getUuid("class_id")));
        }
        trending.forEach(r -> classes.add(r.getUuid("class_id")));
        long withStats = classes.stream().filter(id -> session.execute("SELECT class_id FROM "
                + data.qualifiedStats("class_stats") + " WHERE class_id = ?", id).one() != null).count();
        assertTrue(withStats > 0);
        assertEquals(withStats, nb.intAfter("classes with stats: "), nb.stdout());
    }

    @Test
    void rideSamplesShowsTheDaysTopRideWhoseRecomputedMetricsAgree() {
        Executed nb = run.get("ride_samples");
        List<Row> kept = session.execute("SELECT workout_id, started_at, total_output_kj, day FROM "
                + data.qualifiedStats("workout_summary")).all().stream()
                .filter(r -> AnalystData.LAST_DAY.equals(r.getLocalDate("day"))).toList();
        assertFalse(kept.isEmpty());
        assertEquals("2026-11-20 (the last day processed)", nb.lineAfter("day: "));
        assertEquals(kept.size(), nb.intAfter("rides of the day: "), nb.stdout());
        Row top = kept.stream().min(java.util.Comparator.comparing((Row r) -> -r.getDouble("total_output_kj"))
                .thenComparing(r -> r.getInstant("started_at"))
                .thenComparing(r -> r.getUuid("workout_id").toString())).orElseThrow();
        UUID ride = top.getUuid("workout_id");
        assertTrue(nb.lineAfter("ride: ").startsWith(ride.toString()), nb.stdout());
        long samples = session.execute("SELECT count(*) FROM " + data.rawKeyspace() + ".samples WHERE workout_id = ?",
                ride).one().getLong(0);
        assertEquals(samples, nb.intAfter("samples of the ride: "), nb.stdout());
        assertEquals("12 of 12", nb.lineAfter("metrics that agree: "), nb.stdout());
        assertTrue(nb.images() >= 1, nb.stdout());
    }

    @Test
    void dataQualityCountsTheRunsAndTheQuarantine() {
        Executed nb = run.get("data_quality");
        List<Row> runs = session.execute("SELECT status, counts FROM " + data.qualifiedStats("job_runs")
                + " WHERE job = 'nightly' LIMIT 30").all();
        assertFalse(runs.isEmpty());
        assertEquals(runs.size(), nb.intAfter("nightly runs shown: "), nb.stdout());
        long succeeded = runs.stream().filter(r -> "succeeded".equals(r.getString("status"))).count();
        assertTrue(nb.lineAfter("status: ").contains("succeeded " + succeeded), nb.stdout());

        // The accounting verdict, worked out here from the same counts maps.
        boolean balanced = true;
        for (Row r : runs) {
            Map<String, Long> c = r.getMap("counts", String.class, Long.class);
            for (String kind : List.of("workouts", "samples", "ratings")) {
                long parts = c.getOrDefault(kind + "_used", 0L) + c.getOrDefault(kind + "_quarantined", 0L)
                        + c.getOrDefault(kind + "_dropped", 0L);
                balanced &= c.getOrDefault(kind + "_read", 0L) == parts;
            }
        }
        assertTrue(balanced, "the jobs account for every row");
        assertTrue(nb.lineAfter("accounting: ").startsWith("all " + runs.size() + " runs balance"), nb.stdout());

        long quarantined = 0;
        for (LocalDate day = WINDOW_START; !day.isAfter(AnalystData.LAST_DAY); day = day.plusDays(1)) {
            quarantined += session.execute("SELECT count(*) FROM " + data.qualifiedStats("quarantine")
                    + " WHERE day = ?", day).one().getLong(0);
        }
        assertTrue(quarantined > 0, "the data set has faults");
        assertEquals(quarantined, nb.intAfter("quarantine rows: "), nb.stdout());
        assertTrue(nb.images() >= 3, "runs, invalid fields and quarantine charts:\n" + nb.stdout());

        long verdicts = 0;
        long failed = 0;
        for (LocalDate day = WINDOW_START; !day.isAfter(AnalystData.LAST_DAY); day = day.plusDays(1)) {
            for (Row r : session.execute("SELECT verdict FROM " + data.qualifiedStats("data_checks") + " WHERE day = ?", day)) {
                verdicts++;
                failed += "fail".equals(r.getString("verdict")) ? 1 : 0;
            }
        }
        assertTrue(verdicts > 0, "the backfill checked its days");
        assertEquals(verdicts, nb.intAfter("data check verdicts: "), nb.stdout());
        assertEquals(failed, nb.intAfter("failed checks: "), nb.stdout());
    }

    @Test
    void emptyResultTablesGiveAMessageNotAFailure(RidesConfig config) throws Exception {
        // This class's own keyspaces: the schema, no data.
        SchemaJob.run(session, config, Replication.simple(1));
        Map<String, Executed> empty = runNotebooks(config, outputDir("notebooks-empty"));
        for (String name : NOTEBOOKS) {
            Executed nb = empty.get(name);
            assertTrue(nb.errors().isEmpty(), name + ": " + nb.errors());
            assertEquals(0, nb.images(), name + " drew a chart of nothing");
            assertTrue(nb.stdout().contains("No data: "), name + ":\n" + nb.stdout());
        }
        assertTrue(empty.get("rider_history").stdout().contains("No data: no rider to show"));
        assertEquals(0, empty.get("class_popularity").intAfter("trending snapshots: "));
        assertEquals(0, empty.get("data_quality").intAfter("nightly runs shown: "));
        assertEquals(0, empty.get("data_quality").intAfter("quarantine rows: "));
        assertEquals(0, empty.get("data_quality").intAfter("data check verdicts: "));
    }

    @Test
    void committedNotebooksCarryNoOutputs() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String name : NOTEBOOKS) {
            JsonNode nb = json.readTree(root.resolve("notebooks").resolve(name + ".ipynb").toFile());
            for (JsonNode cell : nb.get("cells")) {
                if ("code".equals(cell.get("cell_type").asText())) {
                    assertEquals(0, cell.get("outputs").size(), name + " was committed with outputs");
                    assertTrue(cell.get("execution_count").isNull(), name + " was committed executed");
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private long countHistory(UUID rider) {
        return session.execute("SELECT count(*) FROM " + data.qualifiedStats("user_workout_history")
                        + " WHERE user_id = ? AND started_at >= ? AND started_at < ?", rider,
                midnight(WINDOW_START), midnight(AnalystData.LAST_DAY.plusDays(1))).one().getLong(0);
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A folder in the module's build directory: the executed notebooks stay there to look at. */
    private static Path outputDir(String name) throws Exception {
        Path testClasses = Path.of(NotebooksTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = testClasses.getParent().resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    private void requireJupyter() {
        if (!Files.isExecutable(Path.of("/usr/bin/jupyter")) || !Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert"))) {
            fail("Jupyter (/usr/bin/jupyter nbconvert) is not installed: run scripts/install-analyst-tools");
        }
    }

    /** scripts/notebooks --out DIR against a config's keyspaces, with the notebooks' default parameters. */
    private Map<String, Executed> runNotebooks(RidesConfig config, Path out) throws Exception {
        for (String name : NOTEBOOKS) {
            Files.deleteIfExists(out.resolve(name + ".ipynb")); // no stale copy from an earlier run
        }
        Path log = out.resolve("scripts-notebooks.log");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("scripts").resolve("notebooks").toString(),
                "--out", out.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("RIDES_"));
        env.put("RIDES_CASSANDRA_HOSTS", String.join(",", config.hosts()));
        env.put("RIDES_CASSANDRA_LOCAL_DC", config.localDcOrDefault());
        env.put("RIDES_RAW_KEYSPACE", config.rawKeyspace());
        env.put("RIDES_STATS_KEYSPACE", config.statsKeyspace());
        // ride_samples runs `scripts/rides sql`: here the launcher's JVM without its build step.
        env.put("RIDES_LAUNCHER", OwnJvm.script(out).toString());
        if (config.username() != null) {
            env.put("RIDES_CASSANDRA_USERNAME", config.username());
            env.put("RIDES_CASSANDRA_PASSWORD", config.password() == null ? "" : config.password().reveal());
        }
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("scripts/notebooks did not finish in 10 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "scripts/notebooks failed:\n" + output);

        ObjectMapper json = new ObjectMapper();
        Map<String, Executed> executed = new java.util.HashMap<>();
        for (String name : NOTEBOOKS) {
            Path file = out.resolve(name + ".ipynb");
            assertTrue(Files.isRegularFile(file), "no executed " + file + ":\n" + output);
            executed.put(name, parse(json.readTree(file.toFile())));
        }
        return executed;
    }

    private static Executed parse(JsonNode notebook) {
        StringBuilder stdout = new StringBuilder();
        int images = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode cell : notebook.get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                switch (output.get("output_type").asText()) {
                    case "stream" -> {
                        if ("stdout".equals(output.get("name").asText())) {
                            stdout.append(text(output.get("text")));
                        }
                    }
                    case "error" -> errors.add(output.get("ename").asText() + ": " + output.get("evalue").asText());
                    default -> images += output.path("data").has("image/png") ? 1 : 0;
                }
            }
        }
        return new Executed(stdout.toString(), images, errors);
    }

    /** nbformat stores multi-line text as a list of lines or as one string. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder s = new StringBuilder();
            node.forEach(line -> s.append(line.asText()));
            return s.toString();
        }
        return node.asText();
    }
}
