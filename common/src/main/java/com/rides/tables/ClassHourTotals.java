package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * class_hour_totals (working state): each class's rides started in each hour of each day
 * (sql/results/class_hour_totals.sql), the per-day contributions trending_now adds up
 * over its windows. Kept by day, as day_class_totals is for trending_classes: a snapshot
 * reads the few days its window overlaps by key, and the run's days' rows replace the
 * stored ones of those days, so a rerun or an out-of-order night replaces, never adds.
 */
final class ClassHourTotals implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        out.replace("class_hour_totals", run.stored("class_hour_totals", run.dayKeys(), "day"), fresh(run));
    }

    /** The run's contributions: day, hour, class_id, workouts. */
    static Dataset<Row> fresh(RunScope run) {
        return run.shared("class_hour_totals",
                () -> run.sql("class_hour_totals.sql", Map.of("workouts", countable(run.rides()))));
    }

    /**
     * The run's every ride, kept or quarantined, as the raw workouts rows the SQL counts.
     * Whether the class is in classes is read off the quarantine reason: unknown_class is
     * recorded for every ride with a rider and an unknown class (missing_user alone comes
     * first), and a ride without a rider does not count whatever its class.
     */
    static Dataset<Row> countable(Dataset<Row> rides) {
        return rides.select(col("day"), col("user_id"), col("class_id"), col("started_at"),
                coalesce(col("reason").notEqual(lit("unknown_class")), lit(true)).as("class_known"));
    }
}
