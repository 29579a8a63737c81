package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

/**
 * class_ratings (working state): every valid rating of a class (sql/results/class_ratings.sql),
 * the per-day contributions its rating figures are made of. The run's days' ratings replace
 * the stored ones of those days.
 */
final class ClassRatings implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        out.replace("class_ratings", stored(run).where(run.covers("day")), fresh(run));
    }

    /** The run's valid ratings: class_id, user_id, day, bucket, rating, difficulty, rated_at. */
    static Dataset<Row> fresh(RunScope run) {
        return run.shared("class_ratings", () -> run.sql("class_ratings.sql", Map.of("ratings", run.ratings())));
    }

    /** The stored ratings of the classes the run affects, every day's (read by class). */
    static Dataset<Row> stored(RunScope run) {
        return run.stored("class_ratings", ClassStats.affected(run), "class_id");
    }
}
