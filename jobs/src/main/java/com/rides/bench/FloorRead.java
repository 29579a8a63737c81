package com.rides.bench;

import com.rides.RidesException;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.cassandra.execution.CassandraDirectJoinExec;
import org.apache.spark.sql.execution.SparkPlan;
import scala.collection.JavaConverters;

import java.time.LocalDate;
import java.util.Collection;

import static com.rides.raw.CassandraTables.byKeys;
import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.count;

/**
 * The floor under nightly: the samples of exactly the days nightly processes, read
 * the way nightly reads them (the workouts partitions (day, bucket) by key, then
 * each ride's samples partition through the connector's direct join; the same
 * reads as com.rides.pipeline.RideInputs), and nothing done with them but counting
 * every column (so every column is fetched, as nightly fetches them).
 */
public final class FloorRead {

    /** What one floor read saw: the rows joined (every sample, and one per workout without any), and the samples. */
    public record Result(long rows, long samples, boolean directJoin) {
    }

    private FloorRead() {
    }

    /** Whether the plan reads {@code table} through the connector's direct join (one query per key). */
    static boolean joinsByKey(SparkPlan plan, String table) {
        if (plan instanceof CassandraDirectJoinExec join && join.table().equals(table)) {
            return true;
        }
        for (SparkPlan child : JavaConverters.seqAsJavaList(plan.children())) {
            if (joinsByKey(child, table)) {
                return true;
            }
        }
        return false;
    }

    public static Result run(CassandraTables t, Collection<LocalDate> days) {
        Dataset<Row> dayParts = DayPartitions.of(t.spark(), days, t.config().buckets());
        Dataset<Row> workouts = byKeys(dayParts, t.raw("workouts"), "day", "bucket").select("workout_id");
        Dataset<Row> joined = workouts.join(t.raw("samples"), seq("workout_id"), "left_outer");
        Dataset<Row> counted = joined.agg(
                count("*").as("rows"),
                count("offset_s").as("samples"),
                count("cadence_rpm"), count("resistance_pct"), count("output_w"),
                count("heart_rate_bpm"), count("speed_kph"));
        boolean directJoin = joinsByKey(counted.queryExecution().executedPlan(), "samples");
        Row r = counted.first();
        long rows = r.getLong(0);
        long samples = r.getLong(1);
        if (samples == 0 && rows > 0) {
            throw new RidesException("floor read found workouts but no samples: is the data set generated?");
        }
        return new Result(rows, samples, directJoin);
    }
}
