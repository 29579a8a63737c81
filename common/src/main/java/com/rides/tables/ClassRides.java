package com.rides.tables;

/** class_rides: Every kept ride of a class (working state): what a leaderboard is recomputed from. (sql/results/class_rides.sql) */
final class ClassRides extends RideRows {

    ClassRides() {
        super("class_rides");
    }
}
