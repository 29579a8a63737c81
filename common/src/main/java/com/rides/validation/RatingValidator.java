package com.rides.validation;

/** Picks a rating's quarantine reason: the first of {@link RatingQuarantineReason} that applies. */
public final class RatingValidator {

    private static final RatingQuarantineReason[] BY_PRIORITY = RatingQuarantineReason.values();

    private RatingValidator() {
    }

    /**
     * @param rating     must be non-null and in 1 … 5
     * @param difficulty may be null; when present must be in 1 … 10
     * @return the reason to record, or null when the rating counts
     */
    public static RatingQuarantineReason reason(boolean classKnown, Integer rating, Integer difficulty) {
        return reason(new RatingFacts(classKnown, rating, difficulty));
    }

    /** The reason to record, or null when the rating counts. */
    public static RatingQuarantineReason reason(RatingFacts facts) {
        for (RatingQuarantineReason r : BY_PRIORITY) {
            if (r.appliesTo(facts)) {
                return r;
            }
        }
        return null;
    }
}
