package com.rides.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: a population of riders and a class catalogue, and the rides
 * of the {@code days} days ending on {@code endDate} (inclusive). The seed fixes
 * every value; the same spec always yields the same rows.
 *
 * @param buckets   the contract's bucket count B of the workouts and ratings partitions
 * @param faultRate the share of the relevant rows that get each kind of {@link Fault}
 *                  (per kind, not in total); 0 gives clean data
 * @param maxClassMinutes the longest class of the catalogue: longer lengths drawn are cut
 *                  to it (small data sets with many rides, for tests); 90 leaves the catalogue as drawn
 */
public record GeneratorSpec(int users, int classes, int days, LocalDate endDate, long seed,
                            int buckets, double faultRate, int maxClassMinutes) {

    public static final int DEFAULT_BUCKETS = 16;
    public static final double DEFAULT_FAULT_RATE = 0.01;
    /**
     * Workout faults are mutually exclusive (one row, one quarantine reason), so the
     * rates of the workout kinds must fit into one: 5 kinds x 0.2 = 1.
     */
    public static final double MAX_FAULT_RATE = 0.2;
    /** The catalogue's longest length: no cut. */
    public static final int LONGEST_CLASS_MINUTES = 90;
    /** A class needs room for its warm-up and cool-down (a minute each at least). */
    public static final int SHORTEST_CLASS_MINUTES = 5;

    public GeneratorSpec {
        Objects.requireNonNull(endDate, "endDate");
        require(users >= 1, "users must be at least 1, got " + users);
        require(classes >= 1, "classes must be at least 1, got " + classes);
        require(days >= 1, "days must be at least 1, got " + days);
        require(buckets >= 1, "buckets must be at least 1, got " + buckets);
        require(faultRate >= 0 && faultRate <= MAX_FAULT_RATE,
                "fault rate must be within 0.." + MAX_FAULT_RATE + ", got " + faultRate);
        require(maxClassMinutes >= SHORTEST_CLASS_MINUTES, "classes must be allowed at least "
                + SHORTEST_CLASS_MINUTES + " minutes, got " + maxClassMinutes);
    }

    /** The catalogue as drawn, no class cut short. */
    public GeneratorSpec(int users, int classes, int days, LocalDate endDate, long seed, int buckets, double faultRate) {
        this(users, classes, days, endDate, seed, buckets, faultRate, LONGEST_CLASS_MINUTES);
    }

    /** The contract's defaults: 16 buckets, 1 % faults of each kind. */
    public GeneratorSpec(int users, int classes, int days, LocalDate endDate, long seed) {
        this(users, classes, days, endDate, seed, DEFAULT_BUCKETS, DEFAULT_FAULT_RATE);
    }

    public LocalDate firstDay() {
        return endDate.minusDays(days - 1L);
    }

    public GeneratorSpec withFaultRate(double rate) {
        return new GeneratorSpec(users, classes, days, endDate, seed, buckets, rate, maxClassMinutes);
    }

    public GeneratorSpec withSeed(long newSeed) {
        return new GeneratorSpec(users, classes, days, endDate, newSeed, buckets, faultRate, maxClassMinutes);
    }

    /** The same rides, cut to classes of at most {@code minutes} (the random draws do not change). */
    public GeneratorSpec withMaxClassMinutes(int minutes) {
        return new GeneratorSpec(users, classes, days, endDate, seed, buckets, faultRate, minutes);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("generator spec: " + message);
        }
    }
}
