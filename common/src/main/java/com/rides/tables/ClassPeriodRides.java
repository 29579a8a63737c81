package com.rides.tables;

/**
 * class_period_rides (working state): every kept ride of a class under its week and its
 * month (sql/results/class_period_rides.sql), what a period leaderboard is recomputed
 * from when one of its entries lost value.
 */
final class ClassPeriodRides extends RideRows {

    ClassPeriodRides() {
        super("class_period_rides");
    }
}
