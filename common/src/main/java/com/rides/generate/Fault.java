package com.rides.generate;

/**
 * The kinds of bad input the generator plants, after section 2 of the contract,
 * each in about {@link GeneratorSpec#faultRate()} of the rows of its {@link Scope}.
 * {@link #quarantineReason()} is the reason the jobs must record for a row with
 * this fault (null for faults that make a row or a field dropped, not quarantined).
 *
 * <p>Workout faults exclude each other, and so do rating faults, so every faulty
 * workout or rating has exactly one reason and expected quarantine counts per
 * reason are the counts of the {@link FaultLog}. Sample faults are independent per
 * field and row.
 */
public enum Fault {
    /** workouts.user_id is null. */
    MISSING_USER(Scope.WORKOUT, "missing_user"),
    /** workouts.class_id is a random id not in classes (the samples still follow the class ridden). */
    UNKNOWN_CLASS(Scope.WORKOUT, "unknown_class"),
    /** The ride has no sample row at all. */
    NO_SAMPLES(Scope.WORKOUT, "no_samples"),
    /** Every output_w of the ride is null or out of range (the other fields are normal). */
    NO_VALID_POWER(Scope.WORKOUT, "no_valid_power"),
    /**
     * workouts.user_id is a random id not in riders: not invalid (the contract keeps
     * such a workout, with null FTP-based figures) but an edge the jobs must handle.
     */
    UNKNOWN_RIDER(Scope.WORKOUT, null),

    /** Seconds missing inside a ride (a dropped connection); counted per missing row. Never the last second. */
    SAMPLE_GAP(Scope.SAMPLE, null),
    /** An extra sample row with offset_s < 0 or > 86399, which the jobs drop. */
    BAD_OFFSET(Scope.SAMPLE, null),
    OUTPUT_NULL(Scope.SAMPLE, null),
    /** output_w < 0 or > 3000. */
    OUTPUT_OUT_OF_RANGE(Scope.SAMPLE, null),
    CADENCE_NULL(Scope.SAMPLE, null),
    /** cadence_rpm > 250 or < 0. */
    CADENCE_OUT_OF_RANGE(Scope.SAMPLE, null),
    RESISTANCE_NULL(Scope.SAMPLE, null),
    /** resistance_pct > 100 or < 0. */
    RESISTANCE_OUT_OF_RANGE(Scope.SAMPLE, null),
    HEART_RATE_NULL(Scope.SAMPLE, null),
    /** heart_rate_bpm < 30 or > 240. */
    HEART_RATE_OUT_OF_RANGE(Scope.SAMPLE, null),
    SPEED_NULL(Scope.SAMPLE, null),
    /** speed_kph NaN, < 0 or > 120. */
    SPEED_OUT_OF_RANGE(Scope.SAMPLE, null),

    /** ratings.class_id is a random id not in classes. */
    RATING_UNKNOWN_CLASS(Scope.RATING, "unknown_class"),
    /** rating is 0, 6 or -1. */
    INVALID_RATING(Scope.RATING, "invalid_rating"),
    /** difficulty is 0 or 11. */
    INVALID_DIFFICULTY(Scope.RATING, "invalid_difficulty");

    /** Which rows a fault is a share of. */
    public enum Scope { WORKOUT, SAMPLE, RATING }

    private final Scope scope;
    private final String quarantineReason;

    Fault(Scope scope, String quarantineReason) {
        this.scope = scope;
        this.quarantineReason = quarantineReason;
    }

    public Scope scope() {
        return scope;
    }

    /** The contract's quarantine reason for a row with this fault, or null if it is not quarantined. */
    public String quarantineReason() {
        return quarantineReason;
    }
}
