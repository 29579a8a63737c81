package com.rides.generate;


/**
 * Draws the fault of a workout or rating row. One uniform number decides: the
 * kinds take consecutive slices of width {@code rate}, so each kind hits a share
 * {@code rate} of rows and no row gets two.
 */
final class RowFaults {

    private static final Fault[] WORKOUT_FAULTS = {
        Fault.MISSING_USER, Fault.UNKNOWN_CLASS, Fault.NO_SAMPLES, Fault.NO_VALID_POWER, Fault.UNKNOWN_RIDER};
    private static final Fault[] RATING_FAULTS = {
        Fault.RATING_UNKNOWN_CLASS, Fault.INVALID_RATING, Fault.INVALID_DIFFICULTY};
    private static final int[] INVALID_RATINGS = {0, 6, -1};
    private static final int[] INVALID_DIFFICULTIES = {0, 11};

    private RowFaults() {
    }

    static Fault forWorkout(Rng rng, double rate) {
        return exclusive(rng, rate, WORKOUT_FAULTS);
    }

    static Fault forRating(Rng rng, double rate) {
        return exclusive(rng, rate, RATING_FAULTS);
    }

    static int invalidRating(Rng rng) {
        return INVALID_RATINGS[rng.nextInt(INVALID_RATINGS.length)];
    }

    static int invalidDifficulty(Rng rng) {
        return INVALID_DIFFICULTIES[rng.nextInt(INVALID_DIFFICULTIES.length)];
    }

    private static Fault exclusive(Rng rng, double rate, Fault[] kinds) {
        double u = rng.nextDouble();
        if (rate <= 0) {
            return null;
        }
        int slice = (int) (u / rate);
        return slice < kinds.length ? kinds[slice] : null;
    }
}
