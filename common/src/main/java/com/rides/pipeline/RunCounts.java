package com.rides.pipeline;

import com.rides.RidesException;
import com.rides.workouts.InvalidFieldCounts;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * What a run read, used, quarantined, dropped and wrote; recorded in job_runs and
 * printed. {@link #reconcile()} fails the run when read ≠ used + quarantined + dropped
 * for workouts, samples or ratings.
 */
public final class RunCounts {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    /** The same counts of input rows, day by day (a workout's or rating's own day). */
    private final Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
    private long sampleRowsSeen = -1;

    public synchronized Map<String, Long> asMap() {
        return Map.copyOf(counts);
    }

    public synchronized long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** Sets one count; the tally does this for every count, tests for the ones they need. */
    synchronized void record(String key, long value) {
        counts.put(key, value);
    }

    synchronized void written(String table, long rows) {
        counts.merge("written_" + table, rows, Long::sum);
    }

    /**
     * One aggregation over the per-ride and per-rating rows (they are cached), by day:
     * the run's counts are the sums of its days' counts (see {@link #ofDay}).
     */
    void tally(Dataset<Row> rides, Dataset<Row> ratings, LongAccumulator sampleRows) {
        List<Column> aggs = new ArrayList<>();
        Column kept = col("reason").isNull();
        aggs.add(count(lit(1)).as("workouts_read"));
        aggs.add(sum(when(kept, 1L).otherwise(0L)).as("workouts_used"));
        aggs.add(sum(when(kept, 0L).otherwise(1L)).as("workouts_quarantined"));
        aggs.add(sum("samples_read").as("samples_read"));
        aggs.add(sum(when(kept, col("samples_kept")).otherwise(0L)).as("samples_used"));
        aggs.add(sum(when(kept, 0L).otherwise(col("samples_kept"))).as("samples_quarantined"));
        aggs.add(sum("samples_dropped").as("samples_dropped"));
        for (String f : InvalidFieldCounts.COLUMNS) {
            aggs.add(sum(f).as(f));
        }
        aggs.add(sum(when(col("samples_read").equalTo(0), 1L).otherwise(0L)).as("workouts_without_sample_rows"));
        Dataset<Row> perDay = rides.groupBy("day").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        for (String name : perDay.schema().fieldNames()) {
            if (!name.equals("day")) {
                counts.put(name, 0L); // a run without rides still reports every count
            }
        }
        for (Row r : perDay.collectAsList()) {
            LocalDate day = r.getDate(r.fieldIndex("day")).toLocalDate();
            for (String name : r.schema().fieldNames()) {
                if (!name.equals("day")) {
                    add(day, name, r.isNullAt(r.fieldIndex(name)) ? 0L : r.getLong(r.fieldIndex(name)));
                }
            }
        }
        long withoutSampleRows = counts.remove("workouts_without_sample_rows");
        byDay.values().forEach(d -> d.remove("workouts_without_sample_rows"));
        for (Row q : rides.where(col("reason").isNotNull()).groupBy("day", "reason").count().collectAsList()) {
            add(q.getDate(0).toLocalDate(), "workouts_quarantined_" + q.getString(1), q.getLong(2));
        }
        counts.put("ratings_read", 0L);
        counts.put("ratings_used", 0L);
        counts.put("ratings_quarantined", 0L);
        for (Row q : ratings.groupBy("day", "reason").count().collectAsList()) {
            LocalDate day = q.getDate(0).toLocalDate();
            add(day, "ratings_read", q.getLong(2));
            if (q.isNullAt(1)) {
                add(day, "ratings_used", q.getLong(2));
            } else {
                add(day, "ratings_quarantined", q.getLong(2));
                add(day, "ratings_quarantined_" + q.getString(1), q.getLong(2));
            }
        }
        // Rows that entered the sample pass, counted apart from the per-ride tallies:
        // every sample row, plus one null row per workout that had none.
        sampleRowsSeen = sampleRows.value() - withoutSampleRows;
        reconcile();
    }

    /** Adds to a day's count and to the run's. */
    private synchronized void add(LocalDate day, String key, long n) {
        counts.merge(key, n, Long::sum);
        byDay.computeIfAbsent(day, d -> new LinkedHashMap<>()).merge(key, n, Long::sum);
    }

    /** The days that had input rows (workouts or ratings), in order. */
    public synchronized Set<LocalDate> days() {
        return Set.copyOf(byDay.keySet());
    }

    /**
     * One day's share of the read, used, quarantined, dropped and invalid counts (not of
     * the written ones, which are per table): empty for a day without input rows.
     */
    public synchronized Map<String, Long> ofDay(LocalDate day) {
        return Map.copyOf(byDay.getOrDefault(day, Map.of()));
    }

    /** Throws when a row is unaccounted for. */
    public void reconcile() {
        check("workouts", get("workouts_read"), get("workouts_used"), get("workouts_quarantined"), 0);
        check("samples", get("samples_read"), get("samples_used"), get("samples_quarantined"), get("samples_dropped"));
        check("ratings", get("ratings_read"), get("ratings_used"), get("ratings_quarantined"), 0);
        if (sampleRowsSeen >= 0 && sampleRowsSeen != get("samples_read")) {
            throw new RidesException("counts do not reconcile: the sample pass saw " + sampleRowsSeen
                    + " sample rows but the rides account for " + get("samples_read"));
        }
    }

    private static void check(String what, long read, long used, long quarantined, long dropped) {
        if (read != used + quarantined + dropped) {
            throw new RidesException("counts do not reconcile for " + what + ": read " + read + " != used " + used
                    + " + quarantined " + quarantined + " + dropped " + dropped);
        }
    }

    public synchronized void merge(RunCounts other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        other.byDay.forEach((day, c) -> c.forEach((k, v) ->
                byDay.computeIfAbsent(day, d -> new LinkedHashMap<>()).merge(k, v, Long::sum)));
    }

    @Override
    public String toString() {
        // Thousands separated, as generate prints its rows: 4,091,526 samples, not 4091526.
        return String.format(java.util.Locale.ROOT, "workouts %,d read = %,d used + %,d quarantined; samples %,d read = "
                        + "%,d used + %,d quarantined + %,d dropped; ratings %,d read = %,d used + %,d quarantined",
                get("workouts_read"), get("workouts_used"), get("workouts_quarantined"), get("samples_read"),
                get("samples_used"), get("samples_quarantined"), get("samples_dropped"), get("ratings_read"),
                get("ratings_used"), get("ratings_quarantined"));
    }
}
