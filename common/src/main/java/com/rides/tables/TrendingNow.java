package com.rides.tables;

import com.rides.merge.DayContributions;
import com.rides.merge.RunScope;
import com.rides.merge.SqlFiles;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import com.rides.raw.Dimensions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;

/**
 * trending_now: for each snapshot (window_hours, as_of), an hour-aligned instant, the
 * classes with the most rides started in the window (sql/results/trending_now.sql) from
 * the per-day contributions of class_hour_totals, with their current title and
 * instructor.
 *
 * <p>A nightly run writes the snapshots of its days (as_of in (D 00:00, D+1 00:00]) and
 * refreshes those of the days already processed whose window overlaps one of its days,
 * as trending_classes does, so nights run in any order converge on what a rebuild
 * writes; a rebuild writes every hour from the first workout's to the hour after its last
 * day. `hourly` ({@link #at}) writes one instant's snapshots straight from the raw
 * workouts rows of the days its windows overlap, before any nightly has seen them; the
 * night's run later writes the same snapshot again, from the same rows.
 */
public final class TrendingNow implements TableDefinition {

    private static final StructType AS_OF_RANGES = new StructType()
            .add("window_hours", DataTypes.IntegerType, false)
            .add("first_as_of", DataTypes.TimestampType, false)
            .add("last_as_of", DataTypes.TimestampType, false);

    @Override
    public void write(RunScope run, Writes out) {
        List<Integer> windows = run.config().trendingNowWindows();
        List<Row> ranges = run.rebuild() ? everyHour(run, windows) : ofTheNight(run, windows);
        Dataset<Row> snapshots = snapshots(run.spark(), ranges);
        Dataset<Row> hourClasses = DayContributions.merged(run,
                run.stored("class_hour_totals",
                        DayPartitions.daysOnly(run.spark(), run.rebuild() ? List.of() : windowDays(ranges)), "day"),
                "day", ClassHourTotals.fresh(run));
        Dataset<Row> ranked = run.computedOnce("prepare trending now", ranked(run.spark(), snapshots, hourClasses));
        out.replaceLists("trending_now", snapshots, titled(run.tables(), ranked));
    }

    /**
     * hourly: the writes of the snapshots at {@code asOf}, one per configured window.
     *
     * @param workouts the raw workouts rows of {@link #daysOverlapped} (every bucket)
     * @param once     computes a set once for the caller's run (it is read twice)
     */
    public static Writes at(CassandraTables t, Instant asOf, Dataset<Row> workouts, UnaryOperator<Dataset<Row>> once) {
        List<Row> ranges = new ArrayList<>();
        for (int w : t.config().trendingNowWindows()) {
            ranges.add(RowFactory.create(w, Timestamp.from(asOf), Timestamp.from(asOf)));
        }
        Dataset<Row> snapshots = snapshots(t.spark(), ranges);
        Dataset<Row> known = Dimensions.classesOf(t, workouts).select("class_id", "class_known");
        Dataset<Row> countable = workouts.select("day", "user_id", "class_id", "started_at")
                .join(known, seq("class_id"), "left_outer")
                .withColumn("class_known", coalesce(col("class_known"), lit(false)));
        Dataset<Row> hourClasses = sql(t.spark(), "class_hour_totals.sql", Map.of("workouts", countable));
        Dataset<Row> ranked = once.apply(ranked(t.spark(), snapshots, hourClasses));
        return new Writes().replaceLists("trending_now", snapshots, titled(t, ranked));
    }

    /** The days whose workouts partitions the snapshots at {@code asOf} count rides of. */
    public static TreeSet<LocalDate> daysOverlapped(Instant asOf, List<Integer> windows) {
        int longest = windows.stream().mapToInt(Integer::intValue).max().orElse(0);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate d = day(asOf.minus(longest, ChronoUnit.HOURS)); !d.isAfter(day(asOf.minus(1, ChronoUnit.HOURS)));
             d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** Whether an instant can be a snapshot's as_of: a whole UTC hour. */
    public static boolean isWholeHour(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS).equals(at);
    }

    private static Dataset<Row> ranked(SparkSession spark, Dataset<Row> snapshots, Dataset<Row> hourClasses) {
        return sql(spark, "trending_now.sql", Map.of("snapshots", snapshots, "hour_classes", hourClasses));
    }

    /** The ranked rows with the classes' title and instructor as they are now (by key: at most 10 per snapshot). */
    private static Dataset<Row> titled(CassandraTables t, Dataset<Row> ranked) {
        return ranked.join(Dimensions.classesOf(t, ranked), seq("class_id"), "left_outer")
                .select(col("window_hours"), col("as_of"), col("rank"), col("class_id"),
                        col("class_title").as("title"), col("instructor"), col("workouts"));
    }

    private static Dataset<Row> sql(SparkSession spark, String file, Map<String, Dataset<Row>> views) {
        return SqlFiles.run(spark, file, views, Map.of("list_size", RunScope.LIST_SIZE));
    }

    /** (window_hours, as_of) of every hour of each range. */
    private static Dataset<Row> snapshots(SparkSession spark, List<Row> ranges) {
        return spark.createDataFrame(ranges, AS_OF_RANGES).select(col("window_hours"),
                explode(sequence(col("first_as_of"), col("last_as_of"), expr("INTERVAL 1 HOUR"))).as("as_of"));
    }

    /**
     * A rebuild: every hour from the first workout's hour to the end of its last day. The
     * first snapshots may well be empty; an empty snapshot has no rows, as on a nightly.
     */
    private static List<Row> everyHour(RunScope run, List<Integer> windows) {
        List<Row> ranges = new ArrayList<>();
        Row first = run.rides().agg(min("started_at")).first();
        if (run.days().isEmpty() || first.isNullAt(0)) {
            return ranges;
        }
        Instant from = first.getTimestamp(0).toInstant().truncatedTo(ChronoUnit.HOURS);
        Instant to = start(run.days().last().plusDays(1));
        if (from.isAfter(to)) {
            return ranges;
        }
        for (int w : windows) {
            ranges.add(RowFactory.create(w, Timestamp.from(from), Timestamp.from(to)));
        }
        return ranges;
    }

    /**
     * A nightly: each hour of the run's days, and each hour of the processed days after
     * them whose window overlaps one of the run's days (its rides are counted there; a
     * snapshot of a day not yet processed is written when that day is, or by hourly).
     */
    private static List<Row> ofTheNight(RunScope run, List<Integer> windows) {
        TreeSet<LocalDate> days = run.days();
        List<Row> ranges = new ArrayList<>();
        if (days.isEmpty()) {
            return ranges;
        }
        int longest = windows.stream().mapToInt(Integer::intValue).max().orElse(0);
        TreeSet<LocalDate> owners = new TreeSet<>(days);
        owners.addAll(processedNights(run, days.first(), days.last().plusDays((longest + 23) / 24)));
        for (int w : windows) {
            for (LocalDate owner : owners) {
                for (int h = 1; h <= 24; h++) {
                    Instant asOf = start(owner).plus(h, ChronoUnit.HOURS);
                    if (overlapsAny(asOf, w, days)) {
                        ranges.add(RowFactory.create(w, Timestamp.from(asOf), Timestamp.from(asOf)));
                    }
                }
            }
        }
        return ranges;
    }

    private static boolean overlapsAny(Instant asOf, int windowHours, TreeSet<LocalDate> days) {
        Instant from = asOf.minus(windowHours, ChronoUnit.HOURS);
        return days.stream().anyMatch(d -> asOf.isAfter(start(d)) && from.isBefore(start(d.plusDays(1))));
    }

    private static List<LocalDate> processedNights(RunScope run, LocalDate from, LocalDate to) {
        return run.tables().stats("processed_days")
                .where(col("job").equalTo("nightly").and(col("day").between(Date.valueOf(from), Date.valueOf(to))))
                .select("day").collectAsList().stream().map(r -> r.getDate(0).toLocalDate()).toList();
    }

    /** The days the ranges' windows overlap: the class_hour_totals partitions a nightly reads. */
    private static List<LocalDate> windowDays(List<Row> ranges) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Row r : ranges) {
            Instant first = r.getTimestamp(1).toInstant().minus(r.getInt(0), ChronoUnit.HOURS);
            Instant last = r.getTimestamp(2).toInstant().minus(1, ChronoUnit.HOURS);
            for (LocalDate d = day(first); !d.isAfter(day(last)); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return List.copyOf(days);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
