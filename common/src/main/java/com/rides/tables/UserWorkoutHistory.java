package com.rides.tables;

/** user_workout_history: a rider's rides, newest first, with their class and metrics (sql/results/user_workout_history.sql). */
final class UserWorkoutHistory extends RideRows {

    UserWorkoutHistory() {
        super("user_workout_history");
    }
}
