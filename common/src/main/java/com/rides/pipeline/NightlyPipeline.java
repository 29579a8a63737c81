package com.rides.pipeline;

import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import com.rides.results.ResultWriter;
import com.rides.spark.JobNames;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static com.rides.pipeline.ResultRows.BEST_1200S;
import static com.rides.pipeline.ResultRows.TOTAL_OUTPUT;
import static com.rides.raw.CassandraTables.byKeys;
import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;

/**
 * Processes a set of days into every result table, reading only those days' raw
 * partitions and, of the jobs' own state, only the partitions of the riders and
 * classes the days touched.
 *
 * <p>How it stays exact in any order and on reruns: every all-time figure is
 * recomputed from (stored contributions of other days) ∪ (freshly computed
 * contributions of the processed days). Stored rows that came from a processed
 * day are always excluded and replaced, so processing a day twice changes nothing,
 * and a run killed half-way is repaired by the next. Top-10 lists merge the stored
 * list with the new rides; when a stored entry got worse or was quarantined, the
 * list is recomputed from the complete source (user_workout_history, class_rides).
 */
public final class NightlyPipeline {

    /** Rows of a ranked list (top 10s, leaderboards), as the SQL of each ranks them. */
    static final int TOP = 10;

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private final CassandraTables t;
    private final SparkSession spark;
    private final ResultWriter writer;
    /** The current run's intermediate sets. */
    private Materialized sets;

    public NightlyPipeline(CassandraTables tables) {
        this(tables, table -> { });
    }

    /** @param afterEachWrite see {@link ResultWriter} */
    public NightlyPipeline(CassandraTables tables, java.util.function.Consumer<String> afterEachWrite) {
        this.t = tables;
        this.spark = tables.spark();
        this.writer = new ResultWriter(tables, afterEachWrite);
    }

    public RunCounts run(TreeSet<LocalDate> days, UUID runId) {
        RunCounts counts = new RunCounts();
        int buckets = t.config().buckets();
        Dataset<Row> dayParts = DayPartitions.of(spark, days, buckets);
        Dataset<Row> dayKeys = DayPartitions.daysOnly(spark, days);
        Column inDays = col("day").isin(days.stream().map(Date::valueOf).toArray());

        LongAccumulator sampleRows = spark.sparkContext().longAccumulator("sample rows read");
        String shufflePartitions = spark.conf().get(SHUFFLE_PARTITIONS);
        try (Materialized materialized = new Materialized()) {
            sets = materialized;
            // Materialized once, with their lineage cut: every later step plans against a
            // leaf instead of re-analysing the joins and the sample pass (measured: the
            // analyser's walks over that lineage were most of a small day's driver time).
            Dataset<Row> rides = sets.of("read rides and samples",
                    RideInputs.rides(t, byKeys(dayParts, t.raw("workouts"), "day", "bucket"), sampleRows));
            Dataset<Row> ratings = sets.of("read ratings",
                    RideInputs.ratings(t, byKeys(dayParts, t.raw("ratings"), "day", "bucket")));
            JobNames.named(spark.sparkContext(), "count rows read", () -> {
                counts.tally(rides, ratings, sampleRows);
                return null;
            });
            // From here on only per-ride rows move: as few tasks as the night's size needs.
            int partitions = NightSize.partitions(counts.get("workouts_read"), Integer.parseInt(shufflePartitions));
            spark.conf().set(SHUFFLE_PARTITIONS, partitions);
            writeAll(days, rides.coalesce(partitions), ratings.coalesce(partitions), dayKeys, inDays, runId, counts);
        } finally {
            spark.conf().set(SHUFFLE_PARTITIONS, shufflePartitions);
            sets = null;
        }
        return counts;
    }

    private void writeAll(TreeSet<LocalDate> days, Dataset<Row> rides, Dataset<Row> ratings, Dataset<Row> dayKeys,
                          Column inDays, UUID runId, RunCounts counts) {
        Dataset<Row> kept = ResultRows.kept(rides);
        Dataset<Row> quarantined = ResultRows.quarantined(rides);
        Dataset<Row> reprocessed = rides.select("workout_id");
        Dataset<Row> validRatings = ResultRows.classRatings(ratings.where(col("reason").isNull()));

        // Independent steps run side by side: each is a chain of small Spark jobs whose
        // cost is mostly driver-side planning, which two cores can overlap.
        Steps steps = new Steps();
        steps.run(() -> perRide(rides, kept, quarantined, ratings, dayKeys, runId, counts));
        steps.run(() -> userPeriodStats(days, rides, kept, counts));
        steps.run(() -> userTopWorkouts(rides, kept, reprocessed, counts));
        steps.run(() -> classLeaderboard(rides, kept, reprocessed, counts));
        steps.run(() -> {
            Dataset<Row> newTotals = sets.of("prepare class_day_totals", SqlFiles.run(spark, "class_day_totals.sql",
                    ResultRows.view("rides", kept)));
            Dataset<Row> staleTotals = sets.of("prepare stale class_day_totals", missingFrom(
                    byKeys(dayKeys, t.stats("day_class_totals"), "day").select("day", "class_id"),
                    newTotals.select("day", "class_id")));
            // The class figures merge stored rows of other days with these, so they need
            // not wait for these writes.
            Steps after = new Steps();
            after.run(() -> {
                writer.upsert("class_day_totals", newTotals);
                writer.upsert("day_class_totals", newTotals);
                writer.delete("class_day_totals", staleTotals.select("class_id", "day"));
                writer.delete("day_class_totals", staleTotals.select("day", "class_id"));
            });
            after.run(() -> classStats(rides, ratings, validRatings, newTotals, staleTotals, inDays, counts));
            after.run(() -> trending(days, newTotals, validRatings, inDays, counts));
            after.await();
        });
        steps.await();

        // Last, and only when every step succeeded: the days count as processed.
        writer.upsert("processed_days", dayKeys.select(lit("nightly").as("job"), col("day"),
                lit(runId.toString()).as("run_id"), org.apache.spark.sql.functions.current_timestamp().as("finished_at")));
    }

    /** Each ride's own rows, removed again where the ride is now quarantined; the quarantine verdicts. */
    private void perRide(Dataset<Row> rides, Dataset<Row> kept, Dataset<Row> quarantined, Dataset<Row> ratings,
                         Dataset<Row> dayKeys, UUID runId, RunCounts counts) {
        counts.written("workout_summary", writer.upsert("workout_summary", ResultRows.workoutSummary(kept)));
        counts.written("user_workout_history",
                writer.upsert("user_workout_history", ResultRows.userWorkoutHistory(kept)));
        writer.delete("workout_summary", quarantined.select("workout_id"));
        writer.delete("user_workout_history", quarantined.where(col("user_id").isNotNull())
                .select("user_id", "started_at", "workout_id"));
        writer.upsert("class_rides", ResultRows.classRides(kept));
        writer.delete("class_rides", quarantined.where(col("user_id").isNotNull().and(col("class_id").isNotNull()))
                .select("class_id", "user_id", "workout_id"));
        // This run's verdicts for the days replace earlier ones.
        Dataset<Row> quarantine = ResultRows.quarantine(rides, ratings, runId);
        counts.written("quarantine", writer.upsert("quarantine", quarantine));
        writer.delete("quarantine", missingFrom(byKeys(dayKeys, t.stats("quarantine"), "day")
                .select("day", "kind", "id"), quarantine.select("day", "kind", "id")));
    }

    private void userPeriodStats(TreeSet<LocalDate> days, Dataset<Row> rides, Dataset<Row> kept, RunCounts counts) {
        Dataset<Row> newDays = sets.of("prepare user_period_stats days",
                SqlFiles.run(spark, "user_day_stats.sql", ResultRows.view("rides", kept)));
        Dataset<Row> riderDays = sets.of("prepare rider days", rides.where(col("user_id").isNotNull())
                .select(col("user_id"), col("day").as("period_start")).distinct());
        long dayRows = writer.upsert("user_period_stats", newDays);
        writer.delete("user_period_stats", missingFrom(riderDays, newDays.select("user_id", "period_start"))
                .select(col("user_id"), lit("day").as("period"), col("period_start")));

        // Weeks and months that contain a processed day, rolled up from the stored day
        // rows of other days plus the new ones.
        LocalDate from = earlier(days.first().with(DayOfWeek.MONDAY), days.first().withDayOfMonth(1));
        LocalDate to = later(days.last().with(DayOfWeek.SUNDAY), days.last().with(TemporalAdjusters.lastDayOfMonth()));
        // The keys are checkpointed: a constant key column (period = 'day') is otherwise
        // folded into a filter, the join is left on user_id alone, and a join on part of
        // the partition key is a full scan, not the connector's direct join.
        Dataset<Row> dayLists = sets.of("prepare rider day keys",
                riderDays.select("user_id").distinct().withColumn("period", lit("day")));
        Dataset<Row> storedDays = byKeys(dayLists,
                t.stats("user_period_stats").where(col("period_start").between(Date.valueOf(from), Date.valueOf(to))),
                "user_id", "period")
                .where(col("period_start").isin(days.stream().map(Date::valueOf).toArray()).unary_$bang());
        Dataset<Row> rollup = SqlFiles.run(spark, "user_period_rollup.sql",
                ResultRows.view("user_days", storedDays.unionByName(newDays)));
        Dataset<Row> affected = sets.of("prepare rider periods", riderDays.select(col("user_id"), lit("week").as("period"),
                        org.apache.spark.sql.functions.date_trunc("week", col("period_start")).cast("date").as("period_start"))
                .union(riderDays.select(col("user_id"), lit("month").as("period"),
                        trunc(col("period_start"), "MM").as("period_start")))
                .distinct());
        Dataset<Row> periods = sets.of("prepare user_period_stats periods",
                rollup.join(small(affected), seq("user_id", "period", "period_start"), "left_semi"));
        counts.written("user_period_stats", dayRows + writer.upsert("user_period_stats", periods));
        writer.delete("user_period_stats", missingFrom(affected, periods.select("user_id", "period", "period_start")));
    }

    private void userTopWorkouts(Dataset<Row> rides, Dataset<Row> kept, Dataset<Row> reprocessed, RunCounts counts) {
        Dataset<Row> lists = sets.of("prepare rider lists", rides.where(col("user_id").isNotNull()).select("user_id").distinct()
                .crossJoin(spark.createDataset(List.of(TOTAL_OUTPUT, BEST_1200S),
                        org.apache.spark.sql.Encoders.STRING()).toDF("metric")));
        Dataset<Row> stored = sets.of("prepare stored user_top_workouts",
                byKeys(lists, t.stats("user_top_workouts"), "user_id", "metric"));
        Dataset<Row> fresh = ResultRows.topCandidates(kept);
        // Lists where a stored entry lost value or left: the merge cannot know the 11th.
        Dataset<Row> worse = sets.of("prepare worse user_top_workouts", stored.join(small(reprocessed), seq("workout_id"), "left_semi")
                .join(small(fresh.select(col("user_id"), col("metric"), col("workout_id"), col("value").as("new_value"))),
                        seq("user_id", "metric", "workout_id"), "left_outer")
                .where(col("new_value").isNull().or(col("new_value").lt(col("value"))))
                .select("user_id", "metric").distinct());
        Dataset<Row> changed = sets.of("prepare changed user_top_workouts",
                changedLists(stored, fresh, worse, "value", null, "user_id", "metric"));
        Dataset<Row> fromStored = stored.join(small(reprocessed), seq("workout_id"), "left_anti")
                .join(small(worse), seq("user_id", "metric"), "left_anti")
                .join(small(changed), seq("user_id", "metric"), "left_semi")
                .select("user_id", "metric", "workout_id", "value", "started_at", "class_id", "class_title");
        Dataset<Row> history = byKeys(worse.select("user_id").distinct(), t.stats("user_workout_history"), "user_id")
                .join(small(reprocessed), seq("workout_id"), "left_anti");
        Dataset<Row> fromHistory = ResultRows.topCandidates(history)
                .join(small(worse), seq("user_id", "metric"), "left_semi");
        Dataset<Row> top = SqlFiles.run(spark, "user_top_workouts.sql",
                ResultRows.view("top_candidates", fromStored
                        .unionByName(fresh.join(small(changed), seq("user_id", "metric"), "left_semi"))
                        .unionByName(fromHistory)));
        counts.written("user_top_workouts", writer.replaceLists("user_top_workouts", changed, small(top)));
    }

    private void classLeaderboard(Dataset<Row> rides, Dataset<Row> kept, Dataset<Row> reprocessed, RunCounts counts) {
        Dataset<Row> classes = sets.of("prepare ridden classes",
                rides.where(col("class_id").isNotNull()).select("class_id").distinct());
        Dataset<Row> stored = sets.of("prepare stored class_leaderboard", byKeys(classes, t.stats("class_leaderboard"), "class_id"));
        Dataset<Row> fresh = ResultRows.leaderboardCandidates(kept);
        Dataset<Row> worse = sets.of("prepare worse class_leaderboard", stored.join(small(reprocessed), seq("workout_id"), "left_semi")
                .join(small(fresh.select(col("class_id"), col("workout_id"), col("total_output_kj").as("new_value"))),
                        seq("class_id", "workout_id"), "left_outer")
                .where(col("new_value").isNull().or(col("new_value").lt(col("total_output_kj"))))
                .select("class_id").distinct());
        Dataset<Row> changed = sets.of("prepare changed class_leaderboard", changedLists(ResultRows.leaderboardCandidates(stored),
                fresh, worse, "total_output_kj", "user_id", "class_id"));
        Dataset<Row> fromStored = ResultRows.leaderboardCandidates(stored
                .join(small(reprocessed), seq("workout_id"), "left_anti")
                .join(small(worse), seq("class_id"), "left_anti")
                .join(small(changed), seq("class_id"), "left_semi"));
        Dataset<Row> fromAll = ResultRows.leaderboardCandidates(
                byKeys(worse, t.stats("class_rides"), "class_id").join(small(reprocessed), seq("workout_id"), "left_anti"));
        Dataset<Row> board = sets.of("prepare class_leaderboard", SqlFiles.run(spark, "class_leaderboard.sql",
                ResultRows.view("leaderboard_candidates", fromStored
                        .unionByName(fresh.join(small(changed), seq("class_id"), "left_semi"))
                        .unionByName(fromAll))));
        Dataset<Row> riders = byKeys(board.select("user_id").distinct(), t.raw("riders"), "user_id");
        counts.written("class_leaderboard",
                writer.replaceLists("class_leaderboard", changed, small(ResultRows.withUsernames(board, small(riders)))));
    }

    /** class_ratings, class_stats and top_classes: the writes run side by side, once the figures are known. */
    private void classStats(Dataset<Row> rides, Dataset<Row> ratings, Dataset<Row> validRatings,
                            Dataset<Row> newTotals, Dataset<Row> staleTotals, Column inDays, RunCounts counts) {
        Dataset<Row> affected = sets.of("prepare affected classes", rides.select("class_id")
                .union(ratings.select("class_id"))
                .union(staleTotals.select("class_id"))
                .where(col("class_id").isNotNull()).distinct());
        Dataset<Row> classDays = byKeys(affected, t.stats("class_day_totals"), "class_id").where(inDays.unary_$bang())
                .unionByName(newTotals.select("class_id", "day", "workouts", "total_output_kj"));
        Dataset<Row> workoutStats = SqlFiles.run(spark, "class_workout_stats.sql",
                ResultRows.view("class_days", classDays));

        Dataset<Row> storedRatings = sets.of("prepare stored class_ratings", byKeys(affected, t.stats("class_ratings"), "class_id"));
        Steps writes = new Steps();
        writes.run(() -> {
            writer.upsert("class_ratings", validRatings);
            writer.delete("class_ratings", missingFrom(storedRatings.where(inDays).select("class_id", "user_id", "day",
                    "bucket"), validRatings.select("class_id", "user_id", "day", "bucket")));
        });
        Dataset<Row> allRatings = storedRatings.where(inDays.unary_$bang())
                .select("class_id", "user_id", "day", "bucket", "rating", "difficulty", "rated_at")
                .unionByName(validRatings);
        Dataset<Row> counting = SqlFiles.run(spark, "counting_ratings.sql", ResultRows.view("valid_ratings", allRatings));
        Dataset<Row> ratingStats = SqlFiles.run(spark, "class_rating_stats.sql", ResultRows.view("counting", counting));

        Dataset<Row> info = RideInputs.classesOf(t, affected);
        Dataset<Row> stats = sets.of("prepare class_stats", ResultRows.classStats(affected, workoutStats, ratingStats, info));
        writes.run(() -> {
            counts.written("class_stats", writer.upsert("class_stats", stats));
            writer.delete("class_stats", missingFrom(affected, stats.select("class_id")));
        });
        // For top_classes: every other class as stored (the writes above touch only the
        // affected ones), the affected ones as just computed.
        writes.run(() -> topClasses(t.stats("class_stats").join(small(affected), seq("class_id"), "left_anti")
                .unionByName(stats), counts));
        writes.await();
    }

    private void topClasses(Dataset<Row> classStats, RunCounts counts) {
        Dataset<Row> top = SqlFiles.run(spark, "top_classes.sql",
                ResultRows.view("class_figures", ResultRows.classFigures(classStats)));
        Dataset<Row> metrics = spark.createDataset(List.of("most_taken", "top_rated"),
                org.apache.spark.sql.Encoders.STRING()).toDF("metric");
        counts.written("top_classes", writer.replaceLists("top_classes", metrics, small(top)));
    }

    private void trending(TreeSet<LocalDate> days, Dataset<Row> newTotals, Dataset<Row> validRatings, Column inDays,
                          RunCounts counts) {
        List<Integer> windows = t.config().trendingWindows();
        int longest = windows.stream().mapToInt(Integer::intValue).max().orElse(7);
        // Snapshots that depend on a processed day: the processed days themselves and the
        // already-processed days within a window after them.
        TreeSet<LocalDate> asOf = new TreeSet<>(days);
        LocalDate lastAffected = days.last().plusDays(longest - 1);
        t.stats("processed_days").where(col("job").equalTo("nightly")
                        .and(col("day").between(Date.valueOf(days.first()), Date.valueOf(lastAffected))))
                .select("day").collectAsList()
                .forEach(r -> asOf.add(r.getDate(0).toLocalDate()));
        Dataset<Row> snapshots = sets.of("prepare trending snapshots",
                keepAffected(ResultRows.snapshots(spark, windows, new ArrayList<>(asOf)), days));
        List<LocalDate> windowDays = new ArrayList<>();
        for (LocalDate d = asOf.first().minusDays(longest - 1); !d.isAfter(asOf.last()); d = d.plusDays(1)) {
            windowDays.add(d);
        }
        Dataset<Row> dayClasses = byKeys(DayPartitions.daysOnly(spark, windowDays), t.stats("day_class_totals"), "day")
                .where(inDays.unary_$bang())
                .select("day", "class_id", "workouts")
                .unionByName(newTotals.select("day", "class_id", "workouts"));
        Dataset<Row> ranked = sets.of("prepare trending classes", SqlFiles.run(spark, "trending_classes.sql",
                Map.of("snapshots", snapshots, "day_classes", dayClasses)));
        Dataset<Row> classes = ranked.select("class_id").distinct();
        Dataset<Row> ratings = byKeys(classes, t.stats("class_ratings"), "class_id").where(inDays.unary_$bang())
                .select("class_id", "user_id", "day", "bucket", "rating", "difficulty", "rated_at")
                .unionByName(validRatings.join(small(classes), seq("class_id"), "left_semi"));
        Dataset<Row> avg = SqlFiles.run(spark, "trending_ratings.sql",
                Map.of("trending", ranked, "valid_ratings", ratings));
        Dataset<Row> rows = ResultRows.trending(ranked, avg, RideInputs.classesOf(t, classes));
        counts.written("trending_classes", writer.replaceLists("trending_classes", snapshots, small(rows)));
    }

    /**
     * The lists (keyed by {@code listKeys}) whose top 10 the processed days can change:
     * those with a worse stored entry, and those that a new or changed candidate may
     * enter (the list has fewer than 10 rows, or the candidate is not below its 10th
     * value; a tie counts as entering). Any other list would merge back into exactly its
     * stored rows, so it is neither shuffled nor rewritten: on a long history most new
     * rides enter no all-time list, and the lookback days' rides are already in theirs.
     *
     * @param storedCandidates the stored rows, in the columns of {@code fresh}
     * @param holder           where a list holds one entry per holder (a leaderboard: each
     *                         rider's best ride), the holder's column: a candidate not above
     *                         its holder's stored entry cannot change the list; else null
     */
    private static Dataset<Row> changedLists(Dataset<Row> storedCandidates, Dataset<Row> fresh, Dataset<Row> worse,
                                             String value, String holder, String... listKeys) {
        String[] columns = fresh.columns();
        // Compared on every column (a null never matches: such a candidate counts as new).
        Dataset<Row> unchanged = storedCandidates.select(columns(columns)).join(small(fresh), seq(columns), "left_semi");
        Dataset<Row> news = fresh.join(small(unchanged), seq(columns), "left_anti");
        if (holder != null) {
            String[] entryKey = java.util.stream.Stream.concat(java.util.Arrays.stream(listKeys), java.util.stream.Stream.of(holder))
                    .toArray(String[]::new);
            // One stored entry per holder and list, so the join cannot repeat a candidate.
            Column[] heldColumns = java.util.stream.Stream.concat(java.util.Arrays.stream(columns(entryKey)),
                    java.util.stream.Stream.of(col(value).as("held_value"))).toArray(Column[]::new);
            Dataset<Row> held = storedCandidates.select(heldColumns);
            news = news.join(small(held), seq(entryKey), "left_outer")
                    .where(col("held_value").isNull().or(col(value).geq(col("held_value"))))
                    .drop("held_value");
        }
        Dataset<Row> tenth = storedCandidates.groupBy(columns(listKeys))
                .agg(org.apache.spark.sql.functions.count(lit(1)).as("stored_rows"),
                        org.apache.spark.sql.functions.min(value).as("tenth_value"));
        return news.join(small(tenth), seq(listKeys), "left_outer")
                .where(col("stored_rows").isNull().or(col("stored_rows").lt(TOP)).or(col(value).geq(col("tenth_value"))))
                .select(columns(listKeys))
                .union(worse.select(columns(listKeys)))
                .distinct();
    }

    private static Column[] columns(String... names) {
        return java.util.Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    /**
     * Marks a side of a join as small: it holds at most the processed days' rides,
     * ratings or the lists and classes they touch, so it is broadcast rather than
     * shuffled together with the stored rows it meets (the stores' sizes are unknown
     * to the planner, which would otherwise sort-merge both sides).
     */
    private static Dataset<Row> small(Dataset<Row> rows) {
        return org.apache.spark.sql.functions.broadcast(rows);
    }

    /**
     * The rows of {@code rows} that {@code present} lacks, matched on every column
     * (key columns, never null), the small side broadcast. EXCEPT would do the same
     * but is rewritten after hints are resolved, so it would sort-merge both sides.
     */
    private static Dataset<Row> missingFrom(Dataset<Row> rows, Dataset<Row> present) {
        return rows.join(small(present), seq(rows.columns()), "left_anti");
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** A snapshot needs a refresh when a processed day lies inside its window. */
    private static Dataset<Row> keepAffected(Dataset<Row> snapshots, TreeSet<LocalDate> days) {
        Column any = lit(false);
        for (LocalDate d : days) {
            Column day = lit(Date.valueOf(d));
            any = any.or(day.leq(col("as_of"))
                    .and(org.apache.spark.sql.functions.datediff(col("as_of"), day).lt(col("window_days"))));
        }
        return snapshots.where(any);
    }
}
