package com.rides.generate;

import java.time.DayOfWeek;

/**
 * When people ride: more at weekends and on Mondays, and in a morning and an
 * evening peak (with a smaller lunch peak) of the day.
 */
final class RideTimes {

    /** Factor on a rider's mean rides per day, Monday to Sunday. */
    private static final double[] WEEKDAY_FACTOR = {1.15, 0.95, 1.00, 0.95, 0.80, 1.20, 1.25};

    private static final double[] PEAK_SHARES = {0.35, 0.15, 0.40, 0.10};
    private static final double[] PEAK_CENTRE_H = {6.5, 12.25, 18.5};
    private static final double[] PEAK_SPREAD_H = {1.0, 0.75, 1.5};

    private RideTimes() {
    }

    static double weekdayFactor(DayOfWeek day) {
        return WEEKDAY_FACTOR[day.getValue() - 1];
    }

    /** A start time as seconds since midnight UTC, in 0..86399. */
    static int startSecondOfDay(Rng rng) {
        int peak = Draw.weighted(rng, PEAK_SHARES);
        double hours = peak == PEAK_CENTRE_H.length
                ? Draw.uniform(rng, 0, 24) // the night owls and the other time zones
                : Draw.normal(rng, PEAK_CENTRE_H[peak], PEAK_SPREAD_H[peak]);
        return Math.floorMod((int) Math.round(hours * 3600), 86_400);
    }
}
