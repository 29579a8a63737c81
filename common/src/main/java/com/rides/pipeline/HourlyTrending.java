package com.rides.pipeline;

import com.rides.merge.Materialized;
import com.rides.merge.Writes;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import com.rides.results.ResultWriter;
import com.rides.spark.SparkSessions;
import com.rides.tables.TrendingNow;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.rides.raw.CassandraTables.byKeys;

/**
 * `hourly`: the trending_now snapshots at one instant, for every configured window, from
 * the raw workouts partitions (day, bucket) of the days the windows overlap, read by key;
 * never samples, never a whole table, and none of the jobs' state. It neither reads nor
 * writes what a nightly merges with, so it can run beside one (see docs/nightly.md).
 */
public final class HourlyTrending {

    /** What an hourly run did; {@link #asMap()} is its job_runs counts. */
    public record Result(Instant asOf, List<Integer> windows, long workoutsRead, long rowsWritten) {

        public Map<String, Long> asMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("workouts_read", workoutsRead);
            m.put("snapshots", (long) windows.size());
            m.put("trending_now_rows", rowsWritten);
            return m;
        }

        @Override
        public String toString() {
            return "trending_now at " + asOf + " (windows " + windows + " h): " + workoutsRead + " workouts read, "
                    + rowsWritten + " rows written";
        }
    }

    private final CassandraTables t;
    private final ResultWriter writer;

    public HourlyTrending(CassandraTables tables) {
        this(tables, table -> { });
    }

    /** @param afterEachTable see {@link ResultWriter} */
    public HourlyTrending(CassandraTables tables, Consumer<String> afterEachTable) {
        this.t = tables;
        this.writer = new ResultWriter(tables, afterEachTable);
    }

    public Result run(Instant asOf) {
        if (!TrendingNow.isWholeHour(asOf)) {
            throw new IllegalArgumentException("a trending_now snapshot is at a whole hour, got " + asOf);
        }
        SparkSession spark = SparkSessions.fork(t.spark(), Map.of());
        CassandraTables tables = new CassandraTables(spark, t.config());
        try (Materialized sets = new Materialized()) {
            // Read once: counted here, and read again for the classes' keys and the counts.
            Dataset<Row> workouts = sets.of("read workouts", workouts(tables, asOf)).in(spark);
            long read = workouts.count();
            Writes writes = TrendingNow.at(tables, asOf, workouts, rows -> sets.of("rank trending now", rows).in(spark));
            long written = writer.write(writes, false).getOrDefault("trending_now", 0L);
            return new Result(asOf, tables.config().trendingNowWindows(), read, written);
        }
    }

    /** The workouts rows of every bucket of the days the windows at {@code asOf} overlap, read by key. */
    static Dataset<Row> workouts(CassandraTables t, Instant asOf) {
        Dataset<Row> parts = DayPartitions.of(t.spark(), TrendingNow.daysOverlapped(asOf, t.config().trendingNowWindows()),
                t.config().buckets());
        return byKeys(parts, t.raw("workouts"), "day", "bucket")
                .select("day", "bucket", "workout_id", "user_id", "class_id", "started_at");
    }
}
