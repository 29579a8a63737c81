package com.rides.validation;

import java.util.function.Predicate;

/**
 * Why a rating is quarantined, declared in the contract's priority order: when
 * several apply, the first constant wins ({@link RatingValidator} relies on the
 * declaration order).
 */
public enum RatingQuarantineReason {
    UNKNOWN_CLASS("unknown_class", "`class_id` is not in `classes`", r -> !r.classKnown()),
    INVALID_RATING("invalid_rating", "`rating` is null or not in " + RatingField.RATING.rangeText(),
            r -> !RatingField.RATING.valid(r.rating())),
    INVALID_DIFFICULTY("invalid_difficulty", "`difficulty` is present and not in "
            + RatingField.DIFFICULTY.min() + " … " + RatingField.DIFFICULTY.max(),
            r -> !RatingField.DIFFICULTY.valid(r.difficulty()));

    private final String code;
    private final String description;
    private final Predicate<RatingFacts> applies;

    RatingQuarantineReason(String code, String description, Predicate<RatingFacts> applies) {
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

    boolean appliesTo(RatingFacts facts) {
        return applies.test(facts);
    }
}
