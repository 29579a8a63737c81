package com.rides.workouts;

import com.rides.metrics.RideMetrics;
import com.rides.validation.ViolationCounts;

import java.util.List;

/** The per-field, per-rule counts of invalid sample values, as per-ride columns. */
public final class InvalidFieldCounts {

    /** e.g. invalid_output_w_out_of_range, invalid_speed_kph_null */
    public static final List<String> COLUMNS = ViolationCounts.KEYS;

    private InvalidFieldCounts() {
    }

    static long[] of(RideMetrics m) {
        return m.violations().toArray();
    }
}
