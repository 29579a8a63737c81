package com.rides.tables;

import com.rides.merge.RankedList;
import com.rides.merge.RunScope;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

/**
 * user_top_workouts: a rider's all-time top rides per metric (sql/results/user_top_workouts.sql),
 * merged as every {@link RankedList}; a list is recomputed from the rider's
 * user_workout_history when one of its entries lost value.
 */
final class UserTopWorkouts extends RankedList {

    static final String TOTAL_OUTPUT = "total_output";
    static final String BEST_1200S = "best_1200s";

    UserTopWorkouts() {
        super("user_top_workouts", "value", null, "user_id", "metric");
    }

    @Override
    public Dataset<Row> lists(RunScope run) {
        // The metric comes from explode, not a literal: a constant key column is folded into a
        // filter, and a join on part of the partition key is a scan, not the direct join.
        return run.rides().where(col("user_id").isNotNull()).select("user_id").distinct()
                .select(col("user_id"), explode(array(lit(TOTAL_OUTPUT), lit(BEST_1200S))).as("metric"));
    }

    /** Both metrics of each ride (rows of the ride pass or of user_workout_history); a null best_1200s_w takes no part. */
    @Override
    public Dataset<Row> candidates(Dataset<Row> rides) {
        Dataset<Row> output = rides.select(col("user_id"), lit(TOTAL_OUTPUT).as("metric"), col("workout_id"),
                col("total_output_kj").as("value"), col("started_at"), col("class_id"), col("class_title"));
        Dataset<Row> best = rides.where(col("best_1200s_w").isNotNull())
                .select(col("user_id"), lit(BEST_1200S).as("metric"), col("workout_id"),
                        col("best_1200s_w").as("value"), col("started_at"), col("class_id"), col("class_title"));
        return output.unionByName(best).where(col("user_id").isNotNull());
    }

    @Override
    public Dataset<Row> asCandidates(Dataset<Row> stored) {
        return stored.select("user_id", "metric", "workout_id", "value", "started_at", "class_id", "class_title");
    }

    @Override
    public Dataset<Row> source(RunScope run, Dataset<Row> lists) {
        return candidates(run.stored("user_workout_history", lists.select("user_id").distinct(), "user_id"));
    }

    @Override
    public Dataset<Row> rank(RunScope run, Dataset<Row> candidates) {
        return run.sql("user_top_workouts.sql", Map.of("top_candidates", candidates));
    }
}
