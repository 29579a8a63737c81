package com.rides.tables;

import com.rides.merge.DayContributions;
import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * class_stats: each affected class's all-time figures (sql/results/class_stats.sql) from
 * its per-day contributions, class_day_totals and class_ratings: the stored ones of other
 * days merged with the run's ({@link DayContributions}); the ratings that count are
 * chosen by sql/results/counting_ratings.sql.
 */
final class ClassStats implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        out.replace("class_stats", affected(run), rows(run));
    }

    /**
     * The classes whose figures the run can change: those of its rides and ratings, and
     * those with stored totals on its days (a class whose rides of a day all left).
     */
    static Dataset<Row> affected(RunScope run) {
        return run.shared("affected classes", () -> run.rides().select("class_id")
                .union(run.ratings().select("class_id"))
                .union(ClassDayTotals.storedOfTheDays(run).select("class_id"))
                .where(col("class_id").isNotNull()).distinct());
    }

    /** The affected classes' new rows. */
    static Dataset<Row> rows(RunScope run) {
        return run.shared("class_stats", () -> {
            Dataset<Row> classes = affected(run);
            Dataset<Row> classDays = DayContributions.merged(run,
                    run.stored("class_day_totals", classes, "class_id"), "day",
                    ClassDayTotals.fresh(run).select("class_id", "day", "workouts", "total_output_kj"));
            Dataset<Row> ratings = DayContributions.merged(run, ClassRatings.stored(run), "day",
                    ClassRatings.fresh(run));
            Dataset<Row> counting = run.sql("counting_ratings.sql",
                    Map.of("valid_ratings", ratings.withColumn("known_on", lit(null).cast("date"))));
            return run.sql("class_stats.sql", Map.of("classes", classes, "class_days", classDays,
                    "counting", counting, "class_info", run.classesOf(classes)));
        });
    }
}
