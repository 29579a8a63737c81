package com.rides.tables;

/** workout_summary: How did this ride go? Every metric of a ride. (sql/results/workout_summary.sql) */
final class WorkoutSummary extends RideRows {

    WorkoutSummary() {
        super("workout_summary");
    }
}
