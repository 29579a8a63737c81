package com.rides.pipeline;

import com.rides.raw.CassandraTables;
import com.rides.raw.Dimensions;
import com.rides.ratings.RatingPass;
import com.rides.workouts.WorkoutPass;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

import static com.rides.raw.CassandraTables.seq;

/**
 * Raw workouts and ratings → validated per-ride and per-rating rows. The class and
 * rider dimensions are fetched by key for just the ids in hand, and meet the rides one
 * row per ride, after the sample pass (never a sample row).
 */
final class RideInputs {

    private RideInputs() {
    }

    /** One row per workout (RideColumns), from workouts rows and their samples read by key. */
    static Dataset<Row> rides(CassandraTables t, Dataset<Row> workouts, LongAccumulator sampleRowsIn) {
        Dataset<Row> tallies = WorkoutPass.tallies(
                workouts.select("workout_id").join(t.raw("samples"), seq("workout_id"), "left_outer"), sampleRowsIn);
        Dataset<Row> enriched = workouts
                .select("workout_id", "day", "bucket", "user_id", "class_id", "started_at")
                .join(Dimensions.classesOf(t, workouts), seq("class_id"), "left_outer")
                .join(Dimensions.ridersOf(t, workouts), seq("user_id"), "left_outer");
        return WorkoutPass.rides(enriched.join(tallies, seq("workout_id")));
    }

    /** Validated ratings (RatingPass.SCHEMA). */
    static Dataset<Row> ratings(CassandraTables t, Dataset<Row> rawRatings) {
        Dataset<Row> classes = Dimensions.classesOf(t, rawRatings).select("class_id", "class_known");
        return RatingPass.validate(rawRatings.join(classes, seq("class_id"), "left_outer"));
    }
}
