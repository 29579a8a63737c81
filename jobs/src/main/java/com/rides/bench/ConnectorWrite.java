package com.rides.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.time.LocalDate;
import java.util.List;

import static com.rides.raw.CassandraTables.byKeys;
import static com.rides.raw.CassandraTables.seq;

/**
 * A plain connector write of generated rows, for comparison with the generator's
 * own asynchronous writer: the samples of one day, read and held in memory first,
 * then written with DataFrame .write().format("org.apache.spark.sql.cassandra")
 * into a scratch table of the samples schema (bench_samples_copy in the raw
 * keyspace), emptied before each run. The write is not throttled (the generator
 * is not either); every other connector setting is the jobs' own.
 */
final class ConnectorWrite implements AutoCloseable {

    static final String TABLE = "bench_samples_copy";
    private static final String UNTHROTTLED_MB_PER_SEC = "100000";

    private final CassandraTables t;
    private final CqlSession session;
    private final Dataset<Row> rows;
    private final long count;

    ConnectorWrite(CassandraTables t, CqlSession session, LocalDate day) {
        this.t = t;
        this.session = session;
        String ks = t.config().rawKeyspace();
        session.execute("CREATE TABLE IF NOT EXISTS " + ks + "." + TABLE + " (workout_id uuid, offset_s int, "
                + "cadence_rpm int, resistance_pct int, output_w int, heart_rate_bpm int, speed_kph float, "
                + "PRIMARY KEY ((workout_id), offset_s)) WITH CLUSTERING ORDER BY (offset_s ASC)");
        Dataset<Row> workouts = byKeys(DayPartitions.of(t.spark(), List.of(day), t.config().buckets()),
                t.raw("workouts"), "day", "bucket").select("workout_id");
        Dataset<Row> samples = t.raw("samples");
        this.rows = workouts.join(samples, seq("workout_id"))
                .select("workout_id", "offset_s", "cadence_rpm", "resistance_pct", "output_w", "heart_rate_bpm",
                        "speed_kph")
                .persist(StorageLevel.MEMORY_AND_DISK());
        this.count = rows.count();
    }

    long rows() {
        return count;
    }

    /** Empties the scratch table (not timed). */
    void prepare() {
        session.execute("TRUNCATE " + t.config().rawKeyspace() + "." + TABLE);
    }

    /** Writes the rows once; returns the rows written. */
    long write() {
        rows.write().format(CassandraTables.FORMAT)
                .option("keyspace", t.config().rawKeyspace())
                .option("table", TABLE)
                .option("spark.cassandra.output.throughputMBPerSec", UNTHROTTLED_MB_PER_SEC)
                .mode("append")
                .save();
        return count;
    }

    @Override
    public void close() {
        rows.unpersist();
    }
}
