package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

/**
 * class_day_totals and day_class_totals (working state, the same rows under two keys):
 * each class's rides and output on each day (sql/results/class_day_totals.sql), the
 * per-day contributions class_stats and trending_classes add up. The run's days' rows
 * replace the stored ones of those days.
 */
final class ClassDayTotals implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        Dataset<Row> covered = storedOfTheDays(run);
        out.replace("class_day_totals", covered, fresh(run));
        out.replace("day_class_totals", covered, fresh(run));
    }

    /** The run's contributions: class_id, day, workouts, total_output_kj. */
    static Dataset<Row> fresh(RunScope run) {
        return run.shared("class_day_totals", () -> run.sql("class_day_totals.sql", Map.of("rides", run.kept())));
    }

    /** The stored rows of the run's days (read by day), whatever their class. */
    static Dataset<Row> storedOfTheDays(RunScope run) {
        return run.stored("day_class_totals", run.dayKeys(), "day");
    }
}
