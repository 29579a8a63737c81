package com.rides.pipeline;

import com.rides.workouts.RideColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * The shape of each result and state table's rows, made from per-ride and
 * per-rating rows. Nightly and rebuild both build their rows here.
 */
final class ResultRows {

    static final String TOTAL_OUTPUT = "total_output";
    static final String BEST_1200S = "best_1200s";

    private ResultRows() {
    }

    static Dataset<Row> kept(Dataset<Row> rides) {
        return rides.where(col("reason").isNull());
    }

    static Dataset<Row> quarantined(Dataset<Row> rides) {
        return rides.where(col("reason").isNotNull());
    }

    static Dataset<Row> workoutSummary(Dataset<Row> kept) {
        return kept.select(cols(List.of("workout_id", "user_id", "class_id", "started_at", "day"), RideColumns.METRICS));
    }

    static Dataset<Row> userWorkoutHistory(Dataset<Row> kept) {
        return kept.select(cols(List.of("user_id", "started_at", "workout_id", "class_id", "class_title", "instructor"),
                RideColumns.METRICS));
    }

    static Dataset<Row> quarantine(Dataset<Row> rides, Dataset<Row> ratings, UUID runId) {
        Dataset<Row> workouts = quarantined(rides).select(col("day"), lit("workout").as("kind"),
                col("workout_id").as("id"), col("reason"), col("detail"), lit(runId.toString()).as("job_run_id"));
        Dataset<Row> rated = ratings.where(col("reason").isNotNull()).select(col("day"), lit("rating").as("kind"),
                col("quarantine_id").as("id"), col("reason"), col("detail"), lit(runId.toString()).as("job_run_id"));
        return workouts.unionByName(rated);
    }

    static Dataset<Row> classRides(Dataset<Row> kept) {
        return kept.where(col("user_id").isNotNull())
                .select("class_id", "user_id", "workout_id", "total_output_kj", "started_at");
    }

    /** Both metrics of user_top_workouts for each ride: (user_id, metric, workout_id, value, ...). */
    static Dataset<Row> topCandidates(Dataset<Row> rides) {
        Dataset<Row> output = rides.select(col("user_id"), lit(TOTAL_OUTPUT).as("metric"), col("workout_id"),
                col("total_output_kj").as("value"), col("started_at"), col("class_id"), col("class_title"));
        Dataset<Row> best = rides.where(col("best_1200s_w").isNotNull())
                .select(col("user_id"), lit(BEST_1200S).as("metric"), col("workout_id"),
                        col("best_1200s_w").as("value"), col("started_at"), col("class_id"), col("class_title"));
        return output.unionByName(best).where(col("user_id").isNotNull());
    }

    static Dataset<Row> leaderboardCandidates(Dataset<Row> rides) {
        return rides.select("class_id", "user_id", "workout_id", "total_output_kj", "started_at");
    }

    static Dataset<Row> classRatings(Dataset<Row> validRatings) {
        return validRatings.select("class_id", "user_id", "day", "bucket", "rating", "difficulty", "rated_at");
    }

    /** Adds username from the riders of the board (looked up by key). */
    static Dataset<Row> withUsernames(Dataset<Row> board, Dataset<Row> riders) {
        return board.join(riders.select("user_id", "username"), seq("user_id"), "left_outer")
                .select("class_id", "rank", "user_id", "username", "workout_id", "total_output_kj", "started_at");
    }

    /**
     * class_stats rows for the given classes from their workout and rating figures;
     * a class with neither has no row.
     */
    static Dataset<Row> classStats(Dataset<Row> classIds, Dataset<Row> workoutStats, Dataset<Row> ratingStats,
                                   Dataset<Row> classInfo) {
        return classIds.join(workoutStats, seq("class_id"), "left_outer")
                .join(ratingStats, seq("class_id"), "left_outer")
                .join(classInfo.select(col("class_id"), col("class_title").as("title"), col("instructor")),
                        seq("class_id"), "left_outer")
                .where(col("workouts").isNotNull().or(col("rating_count").isNotNull()))
                .select(col("class_id"), col("title"), col("instructor"),
                        coalesce(col("workouts"), lit(0L)).as("workouts"), col("avg_total_output_kj"),
                        coalesce(col("rating_count"), lit(0L)).as("rating_count"), col("avg_rating"),
                        col("rating_histogram"), col("avg_difficulty"));
    }

    /** class_stats rows → the inputs of top_classes.sql (the rating sum comes exactly from the histogram). */
    static Dataset<Row> classFigures(Dataset<Row> classStats) {
        return classStats.select(col("class_id"), col("title"), col("instructor"), col("workouts"),
                col("avg_rating"), col("rating_count"),
                expr("coalesce(aggregate(map_entries(rating_histogram), 0L, "
                        + "(acc, e) -> acc + CAST(e.key AS BIGINT) * e.value), 0L)").as("rating_sum"));
    }

    static Dataset<Row> trending(Dataset<Row> ranked, Dataset<Row> avgRatings, Dataset<Row> classInfo) {
        return ranked.join(avgRatings, seq("window_days", "as_of", "class_id"), "left_outer")
                .join(classInfo.select(col("class_id"), col("class_title").as("title"), col("instructor")),
                        seq("class_id"), "left_outer")
                .select("window_days", "as_of", "rank", "class_id", "title", "instructor", "workouts", "avg_rating");
    }

    static Dataset<Row> snapshots(SparkSession spark, List<Integer> windows, List<java.time.LocalDate> days) {
        List<Row> rows = new ArrayList<>();
        for (int w : windows) {
            for (java.time.LocalDate d : days) {
                rows.add(org.apache.spark.sql.RowFactory.create(w, java.sql.Date.valueOf(d)));
            }
        }
        return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add("window_days", org.apache.spark.sql.types.DataTypes.IntegerType, false)
                .add("as_of", org.apache.spark.sql.types.DataTypes.DateType, false));
    }

    static Map<String, Dataset<Row>> view(String name, Dataset<Row> df) {
        return Map.of(name, df);
    }

    private static Column[] cols(List<String> first, List<String> rest) {
        List<Column> out = new ArrayList<>();
        first.forEach(c -> out.add(col(c)));
        rest.forEach(c -> out.add(col(c)));
        return out.toArray(new Column[0]);
    }
}
