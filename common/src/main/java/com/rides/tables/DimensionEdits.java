package com.rides.tables;

import com.rides.merge.Materialized;
import com.rides.merge.RunScope;
import com.rides.merge.SqlFiles;
import com.rides.merge.Writes;
import com.rides.metrics.TrainingLoad;
import com.rides.raw.CassandraTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

/**
 * Carries edits of the riders and classes (a rename, a retitle, a new instructor, a new
 * FTP) into every stored row that copies them, so that after one nightly for any day the
 * results are what a rebuild would write. Nightly reads {@code riders} and {@code classes}
 * whole (they grow with the user base and the catalogue, not with history) and compares
 * them with riders_seen and classes_seen, what the last run recorded; only the rows of the
 * edited riders and classes are read, by key, and rewritten with the current values.
 *
 * <p>Order in a run: {@link #patches} are written before any table's step, so every
 * merge reads stored rows that already carry the current values; {@link #seen} is written
 * after them all, so a run that dies half-way finds the same edits again.
 *
 * <p>A rider first seen now (a sign-up) is patched too when the run has seen riders
 * before: rides kept before their rider existed carry no name and no FTP figures. When
 * nothing was ever recorded (the first run, or the first after upgrading to a version
 * that keeps riders_seen), there is nothing to compare with: the run records what it sees.
 * A class first seen now has no results to patch (its rides were quarantined as
 * unknown_class).
 */
public final class DimensionEdits {

    /** Tables that copy a class's title and instructor into rows of many classes, read whole to patch. */
    private static final List<String> CLASS_LISTS = List.of("top_classes", "trending_classes", "trending_now");

    private static final UserDefinedFunction INTENSITY = udf(
            (UDF2<Double, Integer, Double>) TrainingLoad::intensityFactor, DataTypes.DoubleType);
    private static final UserDefinedFunction TSS = udf(
            (UDF4<Integer, Double, Double, Integer, Double>) (d, np, f, ftp) -> d == null ? null
                    : TrainingLoad.tss(d, np, f, ftp), DataTypes.DoubleType);

    private final Materialized.Leaf riders;
    private final Materialized.Leaf classes;
    private final Materialized.Leaf changedRiders;
    private final Materialized.Leaf changedClasses;
    private final boolean patchRiders;
    private final boolean patchClasses;

    private DimensionEdits(Materialized.Leaf riders, Materialized.Leaf classes, Materialized.Leaf changedRiders,
                           Materialized.Leaf changedClasses, boolean patchRiders, boolean patchClasses) {
        this.riders = riders;
        this.classes = classes;
        this.changedRiders = changedRiders;
        this.changedClasses = changedClasses;
        this.patchRiders = patchRiders;
        this.patchClasses = patchClasses;
    }

    /**
     * The riders and classes as they are now. Read before the run reads its rides (which
     * read their riders and classes by key): an edit made while the run runs is then
     * either in the rides and in what is recorded, or found again by the next run.
     */
    public record Current(Materialized.Leaf riders, Materialized.Leaf classes) {

        /**
         * What changed since the last run: the current rows compared with riders_seen and
         * classes_seen. Needs only the snapshot, so a nightly runs it while it reads the rides.
         */
        public DimensionEdits edits(CassandraTables tables, Materialized sets) {
            SparkSession spark = tables.spark();
            Dataset<Row> seenRiders = tables.stats("riders_seen");
            Dataset<Row> seenClasses = tables.stats("classes_seen");
            Materialized.Leaf changedRiders = sets.of("find edited riders",
                    changed(riders.in(spark), seenRiders, "user_id", "username", "ftp_w"));
            Materialized.Leaf changedClasses = sets.of("find edited classes",
                    changed(classes.in(spark), seenClasses, "class_id", "title", "instructor"));
            boolean everSeen = !(seenRiders.isEmpty() && seenClasses.isEmpty());
            // The sets' sizes are known from computing them: on most nights nothing changed,
            // and the run asks Spark nothing more (an isEmpty is a job or three of its own).
            boolean patchClasses = everSeen && !changedClasses.isEmpty()
                    && !changedClasses.in(spark).where(col("was_seen")).isEmpty();
            return new DimensionEdits(riders, classes, changedRiders, changedClasses,
                    everSeen && !changedRiders.isEmpty(), patchClasses);
        }

        /** A rebuild compares nothing: every row is written with current values, and all are recorded. */
        public DimensionEdits all() {
            return new DimensionEdits(riders, classes, riders, classes, false, false);
        }
    }

    /** Reads the riders and classes as they are now (a Spark job each). */
    public static Current current(CassandraTables tables, Materialized sets) {
        return new Current(
                sets.of("read riders", tables.raw("riders").select("user_id", "username", "ftp_w")),
                sets.of("read classes", tables.raw("classes").select("class_id", "title", "instructor")));
    }

    /** Whether the run has stored rows to patch. */
    public boolean any() {
        return patchRiders || patchClasses;
    }

    /** The rewrites of every stored row that copies an edited value. */
    public Writes patches(RunScope run) {
        Writes out = new Writes();
        if (!any()) {
            return out;
        }
        SparkSession spark = run.spark();
        Dataset<Row> editedRiders = patchRiders ? changedRiders.in(spark).select("user_id") : none(run, "user_id");
        Dataset<Row> editedClasses = patchClasses ? changedClasses.in(spark).where(col("was_seen")).select("class_id")
                : none(run, "class_id");
        // The riders whose histories copy an edited class's title.
        Dataset<Row> ridersOfClasses = run.stored("class_rides", editedClasses, "class_id")
                .select("user_id").distinct();
        Dataset<Row> history = run.computedOnce("read edited riders' histories", run.stored("user_workout_history",
                editedRiders.union(ridersOfClasses).distinct(), "user_id"));

        Dataset<Row> ftp = riders.in(spark).select(col("user_id"), col("ftp_w").as("current_ftp_w"));
        Dataset<Row> titles = classes.in(spark).select(col("class_id"), col("title").as("current_title"),
                col("instructor").as("current_instructor"));
        Dataset<Row> historyNow = history.join(titles, seq("class_id"), "left_outer")
                .join(ftp, seq("user_id"), "left_outer")
                .withColumn("new_class_title", coalesceCol("current_title", "class_title"))
                .withColumn("new_instructor", coalesceCol("current_instructor", "instructor"))
                .withColumn("new_intensity_factor", INTENSITY.apply(col("normalized_power_w"), col("current_ftp_w")))
                .withColumn("new_tss", TSS.apply(col("duration_s"), col("normalized_power_w"),
                        col("new_intensity_factor"), col("current_ftp_w")));
        rewrite(out, "user_workout_history", changedOnly(historyNow, List.of("user_id", "started_at", "workout_id"),
                        Map.of("class_title", "new_class_title", "instructor", "new_instructor",
                                "intensity_factor", "new_intensity_factor", "tss", "new_tss")));

        // An edited rider's rides: their summaries carry the FTP figures, and their
        // classes' boards the name.
        Dataset<Row> riderRides = history.join(run.small(editedRiders), seq("user_id"), "left_semi");
        Dataset<Row> summaries = run.computedOnce("read edited riders' summaries",
                run.stored("workout_summary", riderRides.select("workout_id"), "workout_id"));
        Dataset<Row> summariesNow = summaries.join(ftp, seq("user_id"), "left_outer")
                .withColumn("new_intensity_factor", INTENSITY.apply(col("normalized_power_w"), col("current_ftp_w")))
                .withColumn("new_tss", TSS.apply(col("duration_s"), col("normalized_power_w"),
                        col("new_intensity_factor"), col("current_ftp_w")));
        rewrite(out, "workout_summary", changedOnly(summariesNow, List.of("workout_id"),
                Map.of("intensity_factor", "new_intensity_factor", "tss", "new_tss")));

        Dataset<Row> names = riders.in(spark).select(col("user_id"), col("username").as("new_username"));
        Dataset<Row> boards = run.stored("class_leaderboard", riderRides.select("class_id").distinct(), "class_id");
        rewrite(out, "class_leaderboard", changedOnly(
                boards.join(names, seq("user_id"), "left_outer"), List.of("class_id", "rank"),
                Map.of("username", "new_username")));
        // The weeks and months of the edited riders' rides, by the same rule as the boards' own.
        Dataset<Row> periods = SqlFiles.run(run.spark(), "class_period_rides.sql", Map.of("rides", summaries), Map.of())
                .select("class_id", "period", "period_start").distinct();
        Dataset<Row> periodBoards = run.stored("class_period_leaderboard", periods, "class_id", "period",
                "period_start");
        rewrite(out, "class_period_leaderboard", changedOnly(
                periodBoards.join(names, seq("user_id"), "left_outer"),
                List.of("class_id", "period", "period_start", "rank"), Map.of("username", "new_username")));

        // The lists and rows that copy an edited class's title.
        Dataset<Row> topLists = ridersOfClasses.select(col("user_id"),
                explode(array(lit(UserTopWorkouts.TOTAL_OUTPUT), lit(UserTopWorkouts.BEST_1200S))).as("metric"));
        Dataset<Row> tops = run.stored("user_top_workouts", topLists, "user_id", "metric");
        rewrite(out, "user_top_workouts", changedOnly(
                tops.join(titles, seq("class_id"), "left_outer")
                        .withColumn("new_class_title", coalesceCol("current_title", "class_title")),
                List.of("user_id", "metric", "rank"), Map.of("class_title", "new_class_title")));
        Map<String, String> classColumns = Map.of("title", "new_title", "instructor", "new_instructor");
        rewrite(out, "class_stats", changedOnly(
                retitled(run.stored("class_stats", editedClasses, "class_id"), titles), List.of("class_id"),
                classColumns));
        for (String table : CLASS_LISTS) {
            Dataset<Row> rows = run.storedWhole(table).join(run.small(editedClasses), seq("class_id"), "left_semi");
            List<String> kept = new ArrayList<>(List.of(rows.columns()));
            kept.removeAll(classColumns.keySet());
            rewrite(out, table, changedOnly(retitled(rows, titles), kept, classColumns));
        }
        return out;
    }

    /**
     * The riders and classes to record as seen: on a nightly those that changed or are new
     * (the others are recorded already), on a rebuild all of them.
     */
    public Writes seen(RunScope run) {
        Writes out = new Writes();
        Dataset<Row> riderRows = changedRiders.in(run.spark()).select("user_id", "username", "ftp_w");
        Dataset<Row> classRows = changedClasses.in(run.spark()).select("class_id", "title", "instructor");
        out.replace("riders_seen", riderRows.select("user_id"), riderRows);
        out.replace("classes_seen", classRows.select("class_id"), classRows);
        return out;
    }

    /** Rows of {@code now} that are new or differ from {@code seen} in a value, with was_seen. */
    private static Dataset<Row> changed(Dataset<Row> now, Dataset<Row> seen, String key, String... values) {
        Dataset<Row> before = seen.select(col(key), lit(true).as("was_seen"), col(values[0]).as("seen_0"),
                col(values[1]).as("seen_1"));
        return now.join(before, seq(key), "left_outer")
                .where(col("was_seen").isNull()
                        .or(col(values[0]).eqNullSafe(col("seen_0")).unary_$bang())
                        .or(col(values[1]).eqNullSafe(col("seen_1")).unary_$bang()))
                .select(col(key), col(values[0]), col(values[1]), col("was_seen").isNotNull().as("was_seen"));
    }

    private static Dataset<Row> retitled(Dataset<Row> rows, Dataset<Row> titles) {
        return rows.join(titles, seq("class_id"), "left_outer")
                .withColumn("new_title", coalesceCol("current_title", "title"))
                .withColumn("new_instructor", coalesceCol("current_instructor", "instructor"));
    }

    /**
     * The {@code kept} columns (at least the key) and the new values of the rows where a
     * new value differs from the stored one: the only rows worth writing.
     */
    private static Dataset<Row> changedOnly(Dataset<Row> rows, List<String> kept, Map<String, String> newByColumn) {
        Column differs = lit(false);
        List<Column> out = new ArrayList<>();
        kept.forEach(k -> out.add(col(k)));
        for (Map.Entry<String, String> e : newByColumn.entrySet()) {
            differs = differs.or(col(e.getKey()).eqNullSafe(col(e.getValue())).unary_$bang());
            out.add(col(e.getValue()).as(e.getKey()));
        }
        return rows.where(differs).select(out.toArray(Column[]::new));
    }

    private static Column coalesceCol(String first, String second) {
        return org.apache.spark.sql.functions.coalesce(col(first), col(second));
    }


    /** Writes the rows over their stored ones; the keys come from the table's schema (ResultWriter). */
    private static void rewrite(Writes out, String table, Dataset<Row> rows) {
        out.replace(table, rows, rows);
    }

    /** No rows, in one string column. */
    private static Dataset<Row> none(RunScope run, String column) {
        return run.values(column).limit(0);
    }
}
