package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;

import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * user_streaks: a rider's totals and daily and weekly streaks over every kept ride
 * (sql/results/user_streaks.sql), recomputed whole for each rider the run touches: a late
 * ride can join two streaks, and a quarantined one split a streak, anywhere in history.
 */
final class UserStreaks implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        // Every rider of the run's rides: one left with no kept ride loses the row.
        out.replace("user_streaks", run.rides().where(col("user_id").isNotNull()).select("user_id"),
                run.sql("user_streaks.sql", Map.of("rider_rides", RiderRides.ofTouchedRiders(run))));
    }
}
