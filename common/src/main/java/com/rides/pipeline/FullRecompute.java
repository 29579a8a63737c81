package com.rides.pipeline;

import com.rides.merge.Materialized;
import com.rides.merge.RunScope;
import com.rides.raw.CassandraTables;
import com.rides.results.ResultWriter;
import com.rides.spark.SparkSessions;
import com.rides.tables.DimensionEdits;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

/**
 * `rebuild`: every result and state table from all raw data up to a day, from
 * scratch: the same table definitions nightly runs, over every day up to the last, merged
 * with empty stored state. It is the reference the incremental path is tested against.
 * Each key's new row replaces the stored one, and stored keys no longer part of the result
 * are deleted, so the tables are never emptied while it runs.
 */
public final class FullRecompute {

    private final CassandraTables t;
    private final ResultWriter writer;

    public FullRecompute(CassandraTables tables) {
        this(tables, table -> { });
    }

    /** @param afterEachTable see {@link ResultWriter} */
    public FullRecompute(CassandraTables tables, Consumer<String> afterEachTable) {
        this.t = tables;
        this.writer = new ResultWriter(tables, afterEachTable);
    }

    public RunCounts run(LocalDate through, UUID runId) {
        RunCounts counts = new RunCounts();
        SparkSession spark = SparkSessions.fork(t.spark(), Map.of());
        CassandraTables tables = new CassandraTables(spark, t.config());
        Date last = Date.valueOf(through);
        LongAccumulator sampleRows = spark.sparkContext().longAccumulator("sample rows read");
        try (Materialized sets = new Materialized()) {
            DimensionEdits edits = DimensionEdits.current(tables, sets).all();
            Materialized.Leaf rides = sets.of("read rides and samples",
                    RideInputs.rides(tables, tables.raw("workouts").where(col("day").leq(last)), sampleRows));
            Materialized.Leaf ratings = sets.of("read ratings",
                    RideInputs.ratings(tables, tables.raw("ratings").where(col("day").leq(last))));
            counts.tally(rides.in(spark), ratings.in(spark), sampleRows);
            TreeSet<LocalDate> days = daysFromFirstWorkout(rides.in(spark).agg(min("day")).first(), through);
            int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
            RunScope run = new RunScope(tables, true, days, runId, rides, ratings, partitions, sets);
            TableSteps.writeAll(run, writer, counts);
            // What the rebuild used is what the next nightly compares with.
            writer.write(edits.seen(run), true);
            writer.markProcessed(days, runId, true);
        }
        return counts;
    }

    private static TreeSet<LocalDate> daysFromFirstWorkout(Row first, LocalDate through) {
        TreeSet<LocalDate> days = new TreeSet<>();
        if (first.isNullAt(0)) {
            return days;
        }
        for (LocalDate d = first.getDate(0).toLocalDate(); !d.isAfter(through); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
