package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.adhoc.BoundStatement;
import com.rides.adhoc.SqlParameters;
import com.rides.adhoc.SqlScript;
import com.rides.config.RidesConfig;
import com.rides.testing.CassandraExtension;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `adhoc` on the shared analyst data set: every bundled query against figures worked
 * out here, independently, from the tables read with the driver; partition-key
 * predicates reaching Cassandra (seen in the plan); outputs; one-line errors.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdhocJobTest {

    static final LocalDate LAST = AnalystData.LAST_DAY;
    static final double EPS = 1e-6;

    RidesConfig data;
    RidesConfig own;
    CqlSession session;
    /** workout_summary (the kept rides), read whole with the driver. */
    List<Ride> rides = new ArrayList<>();
    Map<UUID, String[]> classes = new HashMap<>(); // class_id -> title, instructor, discipline
    @TempDir
    Path tmp;

    record Ride(UUID workoutId, UUID userId, UUID classId, Instant startedAt, LocalDate day, double totalKj,
                Double best60, Double best300, Double best1200) {
    }

    @BeforeAll
    void data(RidesConfig config, CqlSession session) {
        this.own = config;
        this.session = session;
        this.data = AnalystData.on(config);
        for (var r : session.execute("SELECT * FROM " + data.statsKeyspace() + ".workout_summary")) {
            rides.add(new Ride(r.getUuid("workout_id"), r.getUuid("user_id"), r.getUuid("class_id"),
                    r.getInstant("started_at"), r.getLocalDate("day"), r.getDouble("total_output_kj"),
                    (Double) r.getObject("best_60s_w"), (Double) r.getObject("best_300s_w"),
                    (Double) r.getObject("best_1200s_w")));
        }
        for (var r : session.execute("SELECT * FROM " + data.rawKeyspace() + ".classes")) {
            classes.put(r.getUuid("class_id"), new String[]{r.getString("title"), r.getString("instructor"),
                    r.getString("discipline")});
        }
        assertTrue(rides.size() > 50, "the analyst data set has rides: " + rides.size());
    }

    // ---------------------------------------------------------------- pushdown

    @Test
    void oneDayAndOneRiderAreReadByPartitionKey() {
        String day = Cli.ok(data, "adhoc", "--sql", "sql/adhoc/day_rides.sql", "--param", "day=" + LAST,
                "--explain").out();
        String reads = readsSection(day);
        String buckets = "\"bucket\" IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)";
        assertTrue(reads.contains(data.rawKeyspace() + ".workouts: by partition key [\"day\" = " + LAST + " AND "
                + buckets + "]"), reads);
        assertTrue(reads.contains(data.statsKeyspace() + ".workout_summary: by key (direct join)"), reads);
        assertFalse(reads.contains("FULL SCAN"), reads);
        // Spark's own plan text: the connector's scan node lists the predicates it sends.
        assertTrue(day.contains("Cassandra Filters: [[\"day\" = ?, " + LAST + "],[\"bucket\" IN"), day);

        UUID rider = busiestRider();
        String history = Cli.ok(data, "adhoc", "--sql", "sql/adhoc/rider_recent_rides.sql", "--param",
                "user_id=" + rider, "--param", "since=" + AnalystData.FIRST_DAY, "--explain").out();
        assertTrue(readsSection(history).contains(data.statsKeyspace() + ".user_workout_history: by partition key [\"user_id\" = "
                + rider + " AND \"started_at\" >= "), history);
        assertFalse(readsSection(history).contains("FULL SCAN"), history);

        // A range of days becomes the list of its days, still by key.
        String churn = Cli.ok(data, "adhoc", "--sql", "sql/adhoc/churn_risk.sql", "--param", "as_of=" + LAST,
                "--param", "quiet_days=3", "--param", "lookback_days=7", "--param", "min_rides=2", "--explain").out();
        String days = LAST.minusDays(9) + ", " + LAST.minusDays(8);
        assertTrue(readsSection(churn).contains("workouts: by partition key [\"day\" IN (" + days), churn);

        // The check can fail: a predicate on a regular column leaves a scan, and says so.
        String scan = Cli.ok(data, "adhoc", "--sql", write("scan.sql", "SELECT count(*) FROM workouts WHERE device = 'x'"),
                "--explain").out();
        assertTrue(readsSection(scan).contains(data.rawKeyspace() + ".workouts: FULL SCAN"), scan);
    }

    // ---------------------------------------------------------------- bundled queries

    /** Parameters for every bundled query; a query added to sql/adhoc without an entry here fails the test below. */
    private Map<String, List<String>> bundledParams() {
        UUID rider = busiestRider();
        return Map.of(
                "rider_weekly_trend.sql", List.of("user_id=" + rider),
                "rider_recent_rides.sql", List.of("user_id=" + rider, "since=" + AnalystData.FIRST_DAY),
                "day_rides.sql", List.of("day=" + LAST),
                "class_rating_change.sql", List.of("as_of=" + LAST, "days=5"),
                "power_curve_by_discipline.sql", List.of("from=" + AnalystData.FIRST_DAY, "to=" + LAST),
                "instructors_by_output.sql", List.of("min_rides=5"),
                "churn_risk.sql", List.of("as_of=" + LAST, "quiet_days=3", "lookback_days=7", "min_rides=2"));
    }

    @Test
    void everyBundledQueryExplainsAndNoWindowMovesAllRowsToOnePartition() throws IOException {
        Map<String, List<String>> params = bundledParams();
        try (var files = Files.list(Path.of(System.getProperty("rides.root", "..")).resolve("sql/adhoc"))) {
            assertEquals(new java.util.TreeSet<>(params.keySet()), files.map(f -> f.getFileName().toString())
                    .collect(Collectors.toCollection(java.util.TreeSet::new)), "every bundled query has parameters here");
        }
        for (var query : params.entrySet()) {
            List<String> args = new ArrayList<>(List.of("adhoc", "--sql", "sql/adhoc/" + query.getKey(), "--explain"));
            query.getValue().forEach(p -> {
                args.add("--param");
                args.add(p);
            });
            String out = Cli.ok(data, args.toArray(new String[0])).out();
            assertTrue(out.startsWith("== Cassandra reads ==\n") && out.contains("== Physical Plan =="), out);
            // Spark warns "No Partition Defined for Window operation!" for a window without PARTITION BY.
            var plan = AdhocJob.result(data, SqlParameters.parse(query.getValue())
                    .bindStatements(SqlScript.read("sql/adhoc/" + query.getKey()))).queryExecution().executedPlan();
            assertTrue(plan.collect(new scala.runtime.AbstractPartialFunction<org.apache.spark.sql.execution.SparkPlan, Object>() {
                @Override
                public boolean isDefinedAt(org.apache.spark.sql.execution.SparkPlan p) {
                    return p instanceof org.apache.spark.sql.execution.window.WindowExec w && w.partitionSpec().isEmpty();
                }

                @Override
                public <A1 extends org.apache.spark.sql.execution.SparkPlan, B1> B1 applyOrElse(A1 p, scala.Function1<A1, B1> f) {
                    @SuppressWarnings("unchecked")
                    B1 r = isDefinedAt(p) ? (B1) p : f.apply(p);
                    return r;
                }
            }).isEmpty(), query.getKey() + " has a window without PARTITION BY: " + plan);
        }
    }

    @Test
    void riderWeeklyTrendMatchesTheRidersRides() {
        UUID rider = busiestRider();
        List<Row> rows = query("rider_weekly_trend.sql", "user_id=" + rider);
        Map<LocalDate, List<Ride>> weeks = new TreeMap<>(rides.stream().filter(r -> rider.equals(r.userId()))
                .collect(Collectors.groupingBy(r -> r.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))));
        assertEquals(List.copyOf(weeks.keySet()), rows.stream().map(r -> r.getDate(0).toLocalDate()).toList());
        Double previous = null;
        int i = 0;
        for (var week : weeks.entrySet()) {
            Row row = rows.get(i++);
            double total = week.getValue().stream().mapToDouble(Ride::totalKj).sum();
            assertEquals(week.getValue().size(), row.getInt(row.fieldIndex("workouts")));
            assertClose(total, row.getDouble(row.fieldIndex("total_output_kj")));
            assertClose(week.getValue().stream().mapToDouble(Ride::totalKj).max().orElseThrow(),
                    row.getDouble(row.fieldIndex("best_total_output_kj")));
            if (previous == null) {
                assertTrue(row.isNullAt(row.fieldIndex("output_change_kj")));
            } else {
                assertClose(total - previous, row.getDouble(row.fieldIndex("output_change_kj")));
            }
            previous = total;
        }
    }

    @Test
    void riderRecentRidesListsTheRidesSinceTheDay() {
        UUID rider = busiestRider();
        LocalDate since = LAST.minusDays(4);
        List<Row> rows = query("rider_recent_rides.sql", "user_id=" + rider, "since=" + since);
        List<Ride> expected = rides.stream().filter(r -> rider.equals(r.userId()) && !r.day().isBefore(since))
                .sorted(Comparator.comparing(Ride::startedAt).reversed()).toList();
        assertFalse(expected.isEmpty());
        assertEquals(expected.stream().map(r -> r.workoutId().toString()).toList(),
                rows.stream().map(r -> r.getString(r.fieldIndex("workout_id"))).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertClose(expected.get(i).totalKj(), rows.get(i).getDouble(rows.get(i).fieldIndex("total_output_kj")));
            assertEquals(classes.get(expected.get(i).classId())[0], rows.get(i).getString(rows.get(i).fieldIndex("class_title")));
        }
    }

    @Test
    void dayRidesAreTheDaysKeptRidesByOutput() throws IOException {
        Path csv = tmp.resolve("day.csv");
        String out = Cli.ok(data, "adhoc", "--sql", "sql/adhoc/day_rides.sql", "--param", "day=" + LAST,
                "--out", csv.toString()).out();
        List<Ride> expected = rides.stream().filter(r -> r.day().equals(LAST))
                .sorted(Comparator.comparing(Ride::totalKj).reversed()).toList();
        assertTrue(out.contains("wrote " + expected.size() + " rows to " + csv), out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("started_at,workout_id,username,class_title,instructor,minutes,total_output_kj,avg_output_w,"
                + "normalized_power_w,distance_km", lines.get(0));
        assertEquals(expected.size() + 1, lines.size());
        assertEquals(expected.stream().map(r -> r.workoutId().toString()).toList(),
                lines.subList(1, lines.size()).stream().map(l -> l.split(",")[1]).toList());
        assertEquals(0, Files.list(tmp).filter(p -> p.getFileName().toString().startsWith(".")).count(),
                "no temporary directory is left behind");
        // The same result printed: a title with the row count and one line per ride.
        String printed = Cli.ok(data, "adhoc", "--sql", "sql/adhoc/day_rides.sql", "--param", "day=" + LAST).out();
        assertTrue(printed.contains("Result of sql/adhoc/day_rides.sql (" + expected.size() + " rows)"), printed);
        assertTrue(printed.contains(expected.get(0).workoutId().toString()), printed);
    }

    @Test
    void classRatingChangeMatchesTheRawRatings() {
        int days = 5;
        List<Row> rows = query("class_rating_change.sql", "as_of=" + LAST, "days=" + days);
        Map<UUID, double[]> sums = new HashMap<>(); // previous sum, previous n, current sum, current n
        for (int d = 0; d < 2 * days; d++) {
            LocalDate day = LAST.minusDays(d);
            for (int b = 0; b < data.buckets(); b++) {
                for (var r : session.execute("SELECT * FROM " + data.rawKeyspace() + ".ratings WHERE day = ? AND bucket = ?",
                        day, b)) {
                    Integer rating = (Integer) r.getObject("rating");
                    Integer difficulty = (Integer) r.getObject("difficulty");
                    if (rating == null || rating < 1 || rating > 5 || !classes.containsKey(r.getUuid("class_id"))
                            || (difficulty != null && (difficulty < 1 || difficulty > 10))) {
                        continue;
                    }
                    double[] s = sums.computeIfAbsent(r.getUuid("class_id"), k -> new double[4]);
                    int at = d < days ? 2 : 0;
                    s[at] += rating;
                    s[at + 1]++;
                }
            }
        }
        Map<String, Double> fell = new TreeMap<>();
        sums.forEach((cls, s) -> {
            if (s[1] > 0 && s[3] > 0 && s[2] / s[3] < s[0] / s[1]) {
                fell.put(cls.toString(), s[2] / s[3] - s[0] / s[1]);
            }
        });
        assertFalse(fell.isEmpty(), "some class's rating fell in the data set");
        assertEquals(fell.keySet(), rows.stream().map(r -> r.getString(0)).collect(Collectors.toSet()));
        for (Row row : rows) {
            assertClose(fell.get(row.getString(0)), row.getDouble(row.fieldIndex("change")));
        }
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).getDouble(7) <= rows.get(i).getDouble(7), "largest fall first");
        }
    }

    @Test
    void powerCurvePercentilesMatchTheRideSummaries() {
        LocalDate from = AnalystData.FIRST_DAY;
        List<Row> rows = query("power_curve_by_discipline.sql", "from=" + from, "to=" + LAST);
        Map<String, List<Double>> values = new TreeMap<>();
        for (Ride r : rides) {
            if (r.day().isBefore(from) || r.day().isAfter(LAST)) {
                continue;
            }
            String discipline = classes.get(r.classId())[2];
            Double[] best = {r.best60(), r.best300(), r.best1200()};
            int[] window = {60, 300, 1200};
            for (int i = 0; i < 3; i++) {
                if (best[i] != null) {
                    values.computeIfAbsent(discipline + "/" + window[i], k -> new ArrayList<>()).add(best[i]);
                }
            }
        }
        assertEquals(values.keySet(), rows.stream().map(r -> r.getString(0) + "/" + r.getInt(1))
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
        for (Row row : rows) {
            List<Double> v = values.get(row.getString(0) + "/" + row.getInt(1));
            v.sort(null);
            assertEquals(v.size(), row.getLong(2));
            assertClose(percentile(v, 0.25), row.getDouble(3));
            assertClose(percentile(v, 0.5), row.getDouble(4));
            assertClose(percentile(v, 0.9), row.getDouble(6));
            assertTrue(row.getDouble(3) <= row.getDouble(4) && row.getDouble(4) <= row.getDouble(5)
                    && row.getDouble(5) <= row.getDouble(6));
        }
    }

    @Test
    void instructorsByOutputMatchTheirRides() {
        int minRides = 5;
        List<Row> rows = query("instructors_by_output.sql", "min_rides=" + minRides);
        Map<String, double[]> byInstructor = new HashMap<>();
        for (Ride r : rides) {
            double[] s = byInstructor.computeIfAbsent(classes.get(r.classId())[1], k -> new double[2]);
            s[0] += r.totalKj();
            s[1]++;
        }
        List<String> expected = byInstructor.entrySet().stream().filter(e -> e.getValue()[1] >= minRides)
                .sorted(Comparator.comparing((Map.Entry<String, double[]> e) -> -e.getValue()[0] / e.getValue()[1]))
                .map(Map.Entry::getKey).toList();
        assertFalse(expected.isEmpty());
        assertEquals(expected, rows.stream().map(r -> r.getString(0)).toList());
        for (Row row : rows) {
            double[] s = byInstructor.get(row.getString(0));
            assertEquals((long) s[1], row.getLong(row.fieldIndex("rides")));
            assertClose(s[0] / s[1], row.getDouble(row.fieldIndex("avg_output_kj")));
        }
    }

    @Test
    void churnRiskListsRegularRidersWhoStopped() {
        int quiet = 3;
        int lookback = 7;
        int minRides = 2;
        List<Row> rows = query("churn_risk.sql", "as_of=" + LAST, "quiet_days=" + quiet,
                "lookback_days=" + lookback, "min_rides=" + minRides);
        LocalDate quietFrom = LAST.minusDays(quiet - 1);
        LocalDate from = LAST.minusDays(quiet + lookback - 1);
        Map<UUID, int[]> counts = new HashMap<>();
        for (Ride r : rides) {
            if (r.userId() == null || r.day().isBefore(from) || r.day().isAfter(LAST)) {
                continue;
            }
            counts.computeIfAbsent(r.userId(), k -> new int[2])[r.day().isBefore(quietFrom) ? 0 : 1]++;
        }
        Set<String> expected = counts.entrySet().stream().filter(e -> e.getValue()[1] == 0 && e.getValue()[0] >= minRides)
                .map(e -> e.getKey().toString()).collect(Collectors.toSet());
        assertFalse(expected.isEmpty(), "someone stopped riding in the data set");
        assertEquals(expected, rows.stream().map(r -> r.getString(0)).collect(Collectors.toSet()));
        for (Row row : rows) {
            UUID user = UUID.fromString(row.getString(0));
            assertEquals(counts.get(user)[0], row.getLong(row.fieldIndex("regular_rides")));
            Instant last = rides.stream().filter(r -> user.equals(r.userId())).map(Ride::startedAt)
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertEquals(last, ((Timestamp) row.get(row.fieldIndex("last_ride_at"))).toInstant());
            assertTrue(row.getInt(row.fieldIndex("days_since_last_ride")) >= quiet);
        }
    }

    // ---------------------------------------------------------------- outputs and errors

    @Test
    void writesANewCassandraTableAndGuardsTheContractsTables() {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + own.statsKeyspace()
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        String target = "cassandra:" + own.statsKeyspace() + ".instructor_output";
        String sql = "sql/adhoc/instructors_by_output.sql";
        String out = Cli.ok(data, "adhoc", "--sql", sql, "--param", "min_rides=1", "--out", target,
                "--key", "instructor").out();
        long instructors = classes.values().stream().map(c -> c[1]).distinct().count();
        long written = session.execute("SELECT count(*) FROM " + own.statsKeyspace() + ".instructor_output").one().getLong(0);
        assertTrue(out.contains("wrote " + written + " rows"), out);
        assertTrue(written > 0 && written <= instructors);
        var row = session.execute("SELECT * FROM " + own.statsKeyspace() + ".instructor_output LIMIT 1").one();
        assertTrue(row.getDouble("avg_output_kj") > 0);

        Cli.Result again = Cli.run(data, "adhoc", "--sql", sql, "--param", "min_rides=1", "--out", target, "--key", "instructor");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("exists: choose another name, or --replace it"), again.err());
        Cli.ok(data, "adhoc", "--sql", sql, "--param", "min_rides=1", "--out", target, "--key", "instructor", "--replace");

        Cli.Result notUnique = Cli.run(data, "adhoc", "--sql", write("dup.sql", "SELECT instructor, title FROM classes"),
                "--out", "cassandra:" + own.statsKeyspace() + ".dup", "--key", "instructor");
        assertEquals(2, notUnique.code());
        assertTrue(notUnique.err().contains("the key (instructor) is not unique in the result"), notUnique.err());

        for (String forbidden : List.of(data.statsKeyspace() + ".class_stats", data.rawKeyspace() + ".mine",
                "ride_stats.top_classes")) {
            Cli.Result refused = Cli.run(data, "adhoc", "--sql", sql, "--param", "min_rides=1",
                    "--out", "cassandra:" + forbidden, "--key", "instructor");
            assertEquals(2, refused.code(), forbidden);
            assertTrue(refused.err().startsWith("rides: will not write into " + forbidden), refused.err());
        }
    }

    @Test
    void badInputEndsInOneLine() {
        assertOneLineError(Cli.run(data, "adhoc", "--sql", tmp.resolve("missing.sql").toString()),
                "cannot read SQL file " + tmp.resolve("missing.sql") + ": no such file");
        assertOneLineError(Cli.run(data, "adhoc", "--sql", write("syntax.sql", "SELEC 1 FROM workouts")),
                "SQL syntax error in statement 1 of 1: [PARSE_SYNTAX_ERROR]");
        assertOneLineError(Cli.run(data, "adhoc", "--sql", write("view.sql", "SET x = 1; SELECT * FROM rider")),
                "statement 2 of 2: unknown table or view `rider` (views: riders, classes,");
        assertOneLineError(Cli.run(data, "adhoc", "--sql", "sql/adhoc/day_rides.sql"),
                "missing parameter :day (give it with --param day=VALUE)");
        assertOneLineError(Cli.run(data, "adhoc", "--sql", "sql/adhoc/day_rides.sql", "--param", "day=" + LAST,
                "--param", "dya=1"), "unknown parameter 'dya': sql/adhoc/day_rides.sql uses :day");
        assertOneLineError(Cli.run(data, "adhoc", "--sql", "sql/adhoc/day_rides.sql", "--param", "day=2026-02-30"),
                "'2026-02-30' is not a valid date");
        assertOneLineError(Cli.run(data, "adhoc", "--sql", "sql/adhoc/day_rides.sql", "--param", "day=" + LAST,
                "--out", "x.txt"), "bad --out 'x.txt'");
    }

    @Test
    void aParameterValueIsDataNotSql() {
        String sql = write("user.sql", "SELECT count(*) AS n FROM riders WHERE username = :name");
        List<Row> injected = queryFile(sql, "name=x' OR '1'='1");
        assertEquals(0L, injected.get(0).getLong(0));
        String someone = session.execute("SELECT username FROM " + data.rawKeyspace() + ".riders LIMIT 1").one().getString(0);
        assertEquals(1L, queryFile(sql, "name:string=" + someone).get(0).getLong(0));
    }

    // ---------------------------------------------------------------- helpers

    /** A bundled query's rows, in its order and exactly typed: the job's own path, in process. */
    private List<Row> query(String bundled, String... params) {
        List<BoundStatement> statements = SqlParameters.parse(List.of(params)).bindStatements(SqlScript.read("sql/adhoc/" + bundled));
        return AdhocJob.result(data, statements).collectAsList();
    }

    /** Runs a query through the launcher into Parquet and reads the rows back (in no particular order). */
    private List<Row> queryFile(String sql, String... params) {
        Path dir = tmp.resolve("q" + System.nanoTime() + ".parquet");
        List<String> args = new ArrayList<>(List.of("adhoc", "--sql", sql, "--out", dir.toString()));
        for (String p : params) {
            args.add("--param");
            args.add(p);
        }
        Cli.ok(data, args.toArray(new String[0]));
        SparkSession spark = SparkSession.builder().getOrCreate();
        return spark.read().parquet(dir.toString()).collectAsList();
    }

    private UUID busiestRider() {
        return rides.stream().filter(r -> r.userId() != null)
                .collect(Collectors.groupingBy(Ride::userId, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<UUID, Long>comparingByValue().thenComparing(e -> e.getKey().toString()))
                .orElseThrow().getKey();
    }

    private String write(String name, String sql) {
        try {
            Path file = tmp.resolve(name);
            Files.writeString(file, sql);
            return file.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readsSection(String explain) {
        int end = explain.indexOf("== Physical Plan ==");
        return end < 0 ? explain : explain.substring(0, end);
    }

    private static void assertOneLineError(Cli.Result r, String expected) {
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("rides: " + expected), err);
    }

    /** Spark's exact percentile: linear between the values at ranks floor and ceil of p * (n - 1). */
    static double percentile(List<Double> sorted, double p) {
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, EPS * Math.max(1, Math.abs(expected)));
    }
}
