package com.rides.tables;

import com.rides.merge.DayContributions;
import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import com.rides.raw.DayPartitions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;

/**
 * trending_classes: for each snapshot (window_days, as_of) the classes with the most rides
 * in the window (sql/results/trending_classes.sql) from the per-day contributions of
 * day_class_totals, with their average counting rating as known on as_of
 * (sql/results/counting_ratings.sql, sql/results/trending_rows.sql). A run rewrites the
 * snapshots whose window holds one of its days: its days themselves and the days already
 * processed within a window after them.
 */
final class TrendingClasses implements TableDefinition {

    private static final StructType SNAPSHOT = new StructType()
            .add("window_days", DataTypes.IntegerType, false)
            .add("as_of", DataTypes.DateType, false);

    @Override
    public void write(RunScope run, Writes out) {
        List<Integer> windows = run.config().trendingWindows();
        int longest = windows.stream().mapToInt(Integer::intValue).max().orElse(7);
        TreeSet<LocalDate> asOf = asOf(run, longest);
        Dataset<Row> snapshots = snapshots(run, windows, asOf);
        List<LocalDate> windowDays = new ArrayList<>();
        if (!asOf.isEmpty()) {
            for (LocalDate d = asOf.first().minusDays(longest - 1); !d.isAfter(asOf.last()); d = d.plusDays(1)) {
                windowDays.add(d);
            }
        }
        Dataset<Row> dayClasses = DayContributions.merged(run,
                run.stored("day_class_totals", DayPartitions.daysOnly(run.spark(), windowDays), "day"), "day",
                ClassDayTotals.fresh(run).select("day", "class_id", "workouts"));
        Dataset<Row> ranked = run.computedOnce("prepare trending classes",
                run.sql("trending_classes.sql", Map.of("snapshots", snapshots, "day_classes", dayClasses)));
        Dataset<Row> classes = ranked.select("class_id").distinct();
        Dataset<Row> ratings = DayContributions.merged(run, run.stored("class_ratings", classes, "class_id"), "day",
                ClassRatings.fresh(run).join(run.small(classes), seq("class_id"), "left_semi"));
        // Each rating judged on every as_of its class trends on.
        Dataset<Row> judged = ranked.select(col("as_of").as("known_on"), col("class_id")).distinct()
                .join(ratings, seq("class_id"));
        Dataset<Row> counting = run.sql("counting_ratings.sql", Map.of("valid_ratings", judged));
        out.replaceLists("trending_classes", snapshots, run.sql("trending_rows.sql",
                Map.of("trending", ranked, "counting", counting, "class_info", run.classesOf(classes))));
    }

    /** The days whose snapshots the run rewrites (a rebuild: every day it covers). */
    private static TreeSet<LocalDate> asOf(RunScope run, int longest) {
        TreeSet<LocalDate> asOf = run.days();
        if (run.rebuild() || asOf.isEmpty()) {
            return asOf;
        }
        LocalDate lastAffected = asOf.last().plusDays(longest - 1);
        run.tables().stats("processed_days").where(col("job").equalTo("nightly")
                        .and(col("day").between(Date.valueOf(asOf.first()), Date.valueOf(lastAffected))))
                .select("day").collectAsList()
                .forEach(r -> asOf.add(r.getDate(0).toLocalDate()));
        return asOf;
    }

    /** Every (window, as_of) that holds one of the run's days. */
    private static Dataset<Row> snapshots(RunScope run, List<Integer> windows, TreeSet<LocalDate> asOf) {
        List<Row> rows = new ArrayList<>();
        for (int w : windows) {
            for (LocalDate d : asOf) {
                rows.add(RowFactory.create(w, Date.valueOf(d)));
            }
        }
        Dataset<Row> all = run.spark().createDataFrame(rows, SNAPSHOT);
        if (run.rebuild()) {
            return all;
        }
        Column any = lit(false);
        for (LocalDate d : run.days()) {
            Column day = lit(Date.valueOf(d));
            any = any.or(day.leq(col("as_of")).and(datediff(col("as_of"), day).lt(col("window_days"))));
        }
        return all.where(any);
    }
}
