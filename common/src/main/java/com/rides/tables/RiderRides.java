package com.rides.tables;

import com.rides.merge.RunScope;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.col;

/**
 * rider_rides (working state): every kept ride of a rider, in the columns a rider's
 * streaks and milestones need (sql/results/rider_rides.sql). Both are figures of a
 * rider's whole history, so a run reads back the stored rides of the riders it touches.
 */
final class RiderRides extends RideRows {

    RiderRides() {
        super("rider_rides");
    }

    /**
     * Every kept ride of each rider the run's rides (kept or quarantined) belong to: the
     * stored ones of other rides, read by rider, and the run's own. Computed once for the
     * tables that read it.
     */
    static Dataset<Row> ofTouchedRiders(RunScope run) {
        return run.shared("rides of the run's riders", () -> {
            Dataset<Row> riders = run.rides().where(col("user_id").isNotNull()).select("user_id").distinct();
            Dataset<Row> fresh = run.sql("rider_rides.sql", Map.of("rides", run.kept()));
            // By name: a USING join puts its key first, and the union matches by position otherwise.
            Dataset<Row> stored = run.stored("rider_rides", riders, "user_id")
                    .join(run.small(run.rides().select("workout_id")), seq("workout_id"), "left_anti")
                    .selectExpr(fresh.columns());
            return stored.unionByName(fresh);
        });
    }
}
