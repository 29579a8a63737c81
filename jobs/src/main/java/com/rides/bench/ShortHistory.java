package com.rides.bench;

import com.rides.cassandra.SchemaScope;
import com.rides.config.RidesConfig;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.rides.raw.CassandraTables.byKeys;

/**
 * The short history: the last days of the long one, copied row for row into the
 * short raw keyspace (with every rider and class). Both histories then hold the very
 * same rides on the days nightly processes, so nightly(long) / nightly(short) shows
 * the cost of history alone, not a difference in the day's data.
 */
final class ShortHistory {

    private static final String UNTHROTTLED_MB_PER_SEC = "100000";

    /** Rows copied per table. */
    record Copied(long workouts, long samples, long ratings, long riders, long classes, double seconds) {
        long total() {
            return workouts + samples + ratings + riders + classes;
        }
    }

    private ShortHistory() {
    }

    static Copied copy(CassandraTables from, RidesConfig to, LocalDate last, int days) {
        long start = System.nanoTime();
        List<LocalDate> range = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            range.add(last.minusDays(i));
        }
        Dataset<Row> dayParts = DayPartitions.of(from.spark(), range, from.config().buckets());
        Dataset<Row> workouts = byKeys(dayParts, from.raw("workouts"), "day", "bucket").cache();
        Dataset<Row> samples = byKeys(workouts.select("workout_id"), from.raw("samples"), "workout_id");
        Dataset<Row> ratings = byKeys(dayParts, from.raw("ratings"), "day", "bucket");
        try {
            long w = write(workouts, to, "workouts");
            long s = write(samples, to, "samples");
            long r = write(ratings, to, "ratings");
            long u = write(from.raw("riders"), to, "riders");
            long c = write(from.raw("classes"), to, "classes");
            return new Copied(w, s, r, u, c, (System.nanoTime() - start) / 1e9);
        } finally {
            workouts.unpersist();
        }
    }

    private static long write(Dataset<Row> rows, RidesConfig to, String table) {
        // Written through the long history's session: its connector must know this keyspace too.
        SchemaScope.include(to.rawKeyspace());
        Dataset<Row> cached = rows.cache();
        try {
            long n = cached.count();
            cached.write().format(CassandraTables.FORMAT)
                    .option("keyspace", to.rawKeyspace())
                    .option("table", table)
                    // absent stays absent: no tombstones for the generator's missing fields
                    .option("spark.cassandra.output.ignoreNulls", "true")
                    .option("spark.cassandra.output.throughputMBPerSec", UNTHROTTLED_MB_PER_SEC)
                    .mode("append")
                    .save();
            return n;
        } finally {
            cached.unpersist();
        }
    }

}
