package com.rides.tables;

/** workout_summary: every metric of a ride, by its id (sql/results/workout_summary.sql). */
final class WorkoutSummary extends RideRows {

    WorkoutSummary() {
        super("workout_summary");
    }
}
