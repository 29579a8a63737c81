package com.rides.pipeline;

import com.rides.raw.CassandraTables;
import com.rides.ratings.RatingPass;
import com.rides.workouts.WorkoutPass;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

import static com.rides.raw.CassandraTables.byKeys;
import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Raw workouts and ratings → validated per-ride and per-rating rows. The class and
 * rider dimensions are fetched by key for just the ids in hand and broadcast, so
 * the day's rows never shuffle to meet them.
 */
final class RideInputs {

    private RideInputs() {
    }

    /** One row per workout (RideColumns), from workouts rows and their samples read by key. */
    static Dataset<Row> rides(CassandraTables t, Dataset<Row> workouts, LongAccumulator sampleRowsIn) {
        Dataset<Row> classes = classesOf(t, workouts.select("class_id"));
        Dataset<Row> riders = byKeys(workouts.select("user_id").where(col("user_id").isNotNull()).distinct(),
                t.raw("riders"), "user_id")
                .select(col("user_id"), col("username"), col("ftp_w"));
        Dataset<Row> enriched = workouts
                .select("workout_id", "day", "bucket", "user_id", "class_id", "started_at")
                .join(broadcast(classes), seq("class_id"), "left_outer")
                .join(broadcast(riders), seq("user_id"), "left_outer");
        Dataset<Row> withSamples = enriched.join(t.raw("samples"), seq("workout_id"), "left_outer");
        return WorkoutPass.rides(withSamples, sampleRowsIn);
    }

    /** Validated ratings (RatingPass.SCHEMA). */
    static Dataset<Row> ratings(CassandraTables t, Dataset<Row> rawRatings) {
        Dataset<Row> classes = classesOf(t, rawRatings.select("class_id")).select("class_id", "class_known");
        return RatingPass.validate(rawRatings.join(broadcast(classes), seq("class_id"), "left_outer"));
    }

    /** class_id, class_title, instructor, class_known (true) for the known ones among the ids. */
    static Dataset<Row> classesOf(CassandraTables t, Dataset<Row> classIds) {
        return byKeys(classIds.where(col("class_id").isNotNull()).distinct(), t.raw("classes"), "class_id")
                .select(col("class_id"), col("title").as("class_title"), col("instructor"),
                        lit(true).as("class_known"));
    }
}
