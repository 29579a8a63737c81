package com.rides.tables;

/**
 * class_rides (working state): every kept ride of a class, what a leaderboard is
 * recomputed from (sql/results/class_rides.sql).
 */
final class ClassRides extends RideRows {

    ClassRides() {
        super("class_rides");
    }
}
