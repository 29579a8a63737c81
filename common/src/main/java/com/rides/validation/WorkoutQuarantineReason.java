package com.rides.validation;

import java.util.function.Predicate;

/**
 * Why a workout is quarantined, declared in the contract's priority order: when
 * several apply, the first constant wins ({@link WorkoutValidator} relies on the
 * declaration order, so reordering here changes behaviour).
 */
public enum WorkoutQuarantineReason {
    MISSING_USER("missing_user", "`user_id` is null", w -> !w.userIdPresent()),
    UNKNOWN_CLASS("unknown_class", "`class_id` is not in `classes`", w -> !w.classKnown()),
    NO_SAMPLES("no_samples", "no kept sample (none, or every `offset_s` outside "
            + OffsetRule.rangeText() + ")", w -> w.keptSamples() == 0),
    NO_VALID_POWER("no_valid_power", "no kept sample has a valid `output_w`", w -> w.validPowerSamples() == 0);

    private final String code;
    private final String description;
    private final Predicate<WorkoutFacts> applies;

    WorkoutQuarantineReason(String code, String description, Predicate<WorkoutFacts> applies) {
        this.code = code;
        this.description = description;
        this.applies = applies;
    }

    /** The contract's reason text, stored in {@code quarantine.reason}. */
    public String code() {
        return code;
    }

    /** When the reason applies, in words (Markdown). */
    public String description() {
        return description;
    }

    boolean appliesTo(WorkoutFacts facts) {
        return applies.test(facts);
    }
}
