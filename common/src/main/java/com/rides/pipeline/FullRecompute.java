package com.rides.pipeline;

import com.rides.raw.CassandraTables;
import com.rides.results.ResultWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.rides.raw.CassandraTables.byKeys;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

/**
 * `rebuild`: every result and state table from all raw data up to a day, from
 * scratch, with the same SQL definitions nightly uses but fed with everything. It
 * is the reference the incremental path is tested against. New rows are upserted,
 * then rows that exist but are no longer part of the result are deleted, so the
 * tables are never emptied while it runs.
 */
public final class FullRecompute {

    private final CassandraTables t;
    private final SparkSession spark;
    private final ResultWriter writer;

    public FullRecompute(CassandraTables tables) {
        this(tables, table -> { });
    }

    /** @param afterEachWrite see {@link ResultWriter} */
    public FullRecompute(CassandraTables tables, java.util.function.Consumer<String> afterEachWrite) {
        this.t = tables;
        this.spark = tables.spark();
        this.writer = new ResultWriter(tables, afterEachWrite);
    }

    public RunCounts run(LocalDate through, UUID runId) {
        RunCounts counts = new RunCounts();
        Date last = Date.valueOf(through);
        LongAccumulator sampleRows = spark.sparkContext().longAccumulator("sample rows read");
        // Materialized once with the lineage cut, as in NightlyPipeline.
        Dataset<Row> rides = RideInputs.rides(t, t.raw("workouts").where(col("day").leq(last)), sampleRows)
                .localCheckpoint(true);
        Dataset<Row> ratings = RideInputs.ratings(t, t.raw("ratings").where(col("day").leq(last)))
                .localCheckpoint(true);
        try {
            counts.tally(rides, ratings, sampleRows);
            writeAll(through, rides, ratings, runId, counts);
        } finally {
            rides.unpersist();
            ratings.unpersist();
        }
        return counts;
    }

    private void writeAll(LocalDate through, Dataset<Row> rides, Dataset<Row> ratings, UUID runId, RunCounts counts) {

        Dataset<Row> kept = ResultRows.kept(rides).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> validRatings = ResultRows.classRatings(ratings.where(col("reason").isNull())).persist();
        List<LocalDate> days = daysFromFirstWorkout(rides, through);

        Steps steps = new Steps();
        steps.run(() -> {
            replace("workout_summary", ResultRows.workoutSummary(kept), counts, "workout_id");
            replace("user_workout_history", ResultRows.userWorkoutHistory(kept), counts,
                    "user_id", "started_at", "workout_id");
            replace("class_rides", ResultRows.classRides(kept), counts, "class_id", "user_id", "workout_id");
            replace("quarantine", ResultRows.quarantine(rides, ratings, runId), counts, "day", "kind", "id");
        });
        steps.run(() -> {
            Dataset<Row> userDays = SqlFiles.run(spark, "user_day_stats.sql", ResultRows.view("rides", kept)).persist();
            Dataset<Row> periods = SqlFiles.run(spark, "user_period_rollup.sql", ResultRows.view("user_days", userDays));
            replace("user_period_stats", userDays.unionByName(periods), counts, "user_id", "period", "period_start");
        });
        steps.run(() -> replace("user_top_workouts", SqlFiles.run(spark, "user_top_workouts.sql",
                ResultRows.view("top_candidates", ResultRows.topCandidates(kept))), counts, "user_id", "metric", "rank"));
        steps.run(() -> {
            Dataset<Row> board = SqlFiles.run(spark, "class_leaderboard.sql",
                    ResultRows.view("leaderboard_candidates", ResultRows.leaderboardCandidates(kept))).persist();
            Dataset<Row> riders = byKeys(board.select("user_id").distinct(), t.raw("riders"), "user_id");
            replace("class_leaderboard", ResultRows.withUsernames(board, riders), counts, "class_id", "rank");
        });
        steps.run(() -> {
            Dataset<Row> totals = SqlFiles.run(spark, "class_day_totals.sql", ResultRows.view("rides", kept)).persist();
            replace("class_day_totals", totals, counts, "class_id", "day");
            replace("day_class_totals", totals, counts, "day", "class_id");
            replace("class_ratings", validRatings, counts, "class_id", "user_id", "day", "bucket");

            Dataset<Row> workoutStats = SqlFiles.run(spark, "class_workout_stats.sql",
                    ResultRows.view("class_days", totals));
            Dataset<Row> counting = SqlFiles.run(spark, "counting_ratings.sql",
                    ResultRows.view("valid_ratings", validRatings));
            Dataset<Row> ratingStats = SqlFiles.run(spark, "class_rating_stats.sql", ResultRows.view("counting", counting));
            Dataset<Row> classIds = totals.select("class_id").union(validRatings.select("class_id")).distinct();
            Dataset<Row> classStats = ResultRows.classStats(classIds, workoutStats, ratingStats,
                    RideInputs.classesOf(t, classIds)).persist();
            replace("class_stats", classStats, counts, "class_id");
            replace("top_classes", SqlFiles.run(spark, "top_classes.sql",
                    ResultRows.view("class_figures", ResultRows.classFigures(classStats))), counts, "metric", "rank");

            Dataset<Row> snapshots = ResultRows.snapshots(spark, t.config().trendingWindows(), days);
            Dataset<Row> ranked = SqlFiles.run(spark, "trending_classes.sql",
                    Map.of("snapshots", snapshots, "day_classes", totals.select("day", "class_id", "workouts")))
                    .persist();
            Dataset<Row> avg = SqlFiles.run(spark, "trending_ratings.sql",
                    Map.of("trending", ranked, "valid_ratings", validRatings));
            replace("trending_classes", ResultRows.trending(ranked, avg,
                    RideInputs.classesOf(t, ranked.select("class_id").distinct())), counts,
                    "window_days", "as_of", "rank");
        });
        steps.await();

        replace("processed_days", com.rides.raw.DayPartitions.daysOnly(spark, days).select(lit("nightly").as("job"),
                col("day"), lit(runId.toString()).as("run_id"),
                org.apache.spark.sql.functions.current_timestamp().as("finished_at")), counts, "job", "day");
        kept.unpersist();
        validRatings.unpersist();
    }

    /** Upserts the new rows, then deletes the rows whose keys are no longer in the result. */
    private void replace(String table, Dataset<Row> rows, RunCounts counts, String... primaryKey) {
        Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
        counts.written(table, writer.upsert(table, cached));
        Dataset<Row> keys = cached.selectExpr(primaryKey);
        writer.delete(table, t.stats(table).selectExpr(primaryKey).except(keys));
        cached.unpersist();
    }

    private static List<LocalDate> daysFromFirstWorkout(Dataset<Row> rides, LocalDate through) {
        Row first = rides.agg(min("day")).first();
        List<LocalDate> days = new ArrayList<>();
        if (first.isNullAt(0)) {
            return days;
        }
        for (LocalDate d = first.getDate(0).toLocalDate(); !d.isAfter(through); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
