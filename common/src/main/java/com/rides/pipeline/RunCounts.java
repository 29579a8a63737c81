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
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * What a run read, used, quarantined, dropped and wrote; recorded in job_runs and
 * printed. {@link #reconcile()} fails the run when read ≠ used + quarantined + dropped
 * for workouts, samples or ratings.
 */
public final class RunCounts {

    private static final String WORKOUT = "workout";
    private static final String RATING = "rating";
    private static final String WITHOUT_SAMPLE_ROWS = "without_sample_rows";

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
     * One aggregation (one Spark job) over the per-ride and per-rating rows, by day and
     * quarantine reason: the run's counts are the sums of its days' counts (see {@link #ofDay}).
     */
    void tally(Dataset<Row> rides, Dataset<Row> ratings, LongAccumulator sampleRows) {
        List<String> sums = new ArrayList<>(List.of("n", "samples_read", "samples_kept", "samples_dropped",
                WITHOUT_SAMPLE_ROWS));
        sums.addAll(InvalidFieldCounts.COLUMNS);
        List<Column> rideColumns = new ArrayList<>(List.of(lit(WORKOUT).as("source"), col("day"), col("reason"),
                lit(1L).as("n"), col("samples_read"), col("samples_kept"), col("samples_dropped"),
                when(col("samples_read").equalTo(0), 1L).otherwise(0L).as(WITHOUT_SAMPLE_ROWS)));
        List<Column> ratingColumns = new ArrayList<>(List.of(lit(RATING).as("source"), col("day"), col("reason"),
                lit(1L).as("n")));
        InvalidFieldCounts.COLUMNS.forEach(name -> rideColumns.add(col(name)));
        // A rating has no samples: zero in every sum but its count.
        sums.subList(1, sums.size()).forEach(name -> ratingColumns.add(lit(0L).as(name)));
        List<Column> totals = sums.stream().map(name -> sum(name).cast("long").as(name)).toList();
        Dataset<Row> tallies = rides.select(rideColumns.toArray(new Column[0]))
                .unionByName(ratings.select(ratingColumns.toArray(new Column[0])))
                .groupBy("source", "day", "reason")
                .agg(totals.get(0), totals.subList(1, totals.size()).toArray(new Column[0]));
        // A run without rides still reports every count.
        for (String name : List.of("workouts_read", "workouts_used", "workouts_quarantined", "samples_read",
                "samples_used", "samples_quarantined", "samples_dropped", "ratings_read", "ratings_used",
                "ratings_quarantined")) {
            counts.put(name, 0L);
        }
        InvalidFieldCounts.COLUMNS.forEach(name -> counts.put(name, 0L));
        long withoutSampleRows = 0;
        for (Row r : tallies.collectAsList()) {
            LocalDate day = r.getDate(r.fieldIndex("day")).toLocalDate();
            String reason = r.isNullAt(r.fieldIndex("reason")) ? null : r.getString(r.fieldIndex("reason"));
            long n = r.getLong(r.fieldIndex("n"));
            if (r.getString(r.fieldIndex("source")).equals(RATING)) {
                add(day, "ratings_read", n);
                add(day, reason == null ? "ratings_used" : "ratings_quarantined", n);
                if (reason != null) {
                    add(day, "ratings_quarantined_" + reason, n);
                }
                continue;
            }
            long kept = value(r, "samples_kept");
            add(day, "workouts_read", n);
            add(day, "workouts_used", reason == null ? n : 0);
            add(day, "workouts_quarantined", reason == null ? 0 : n);
            add(day, "samples_read", value(r, "samples_read"));
            add(day, "samples_used", reason == null ? kept : 0);
            add(day, "samples_quarantined", reason == null ? 0 : kept);
            add(day, "samples_dropped", value(r, "samples_dropped"));
            InvalidFieldCounts.COLUMNS.forEach(name -> add(day, name, value(r, name)));
            if (reason != null) {
                add(day, "workouts_quarantined_" + reason, n);
            }
            withoutSampleRows += value(r, WITHOUT_SAMPLE_ROWS);
        }
        // Rows that entered the sample pass, counted apart from the per-ride tallies:
        // every sample row, plus one null row per workout that had none.
        sampleRowsSeen = sampleRows.value() - withoutSampleRows;
        reconcile();
    }

    private static long value(Row r, String name) {
        int i = r.fieldIndex(name);
        return r.isNullAt(i) ? 0L : r.getLong(i);
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
