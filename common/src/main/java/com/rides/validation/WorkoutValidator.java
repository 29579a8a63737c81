package com.rides.validation;

/** Picks a workout's quarantine reason: the first of {@link WorkoutQuarantineReason} that applies. */
public final class WorkoutValidator {

    private static final WorkoutQuarantineReason[] BY_PRIORITY = WorkoutQuarantineReason.values();

    private WorkoutValidator() {
    }

    /**
     * @param keptSamples       sample rows with offset_s in 0 … 86399
     * @param validPowerSamples kept rows whose output_w is valid
     * @return the reason to record, or null when the workout is kept
     */
    public static WorkoutQuarantineReason reason(boolean userIdPresent, boolean classKnown, long keptSamples,
                                                 long validPowerSamples) {
        return reason(new WorkoutFacts(userIdPresent, classKnown, keptSamples, validPowerSamples));
    }

    /** The reason to record, or null when the workout is kept. */
    public static WorkoutQuarantineReason reason(WorkoutFacts facts) {
        for (WorkoutQuarantineReason r : BY_PRIORITY) {
            if (r.appliesTo(facts)) {
                return r;
            }
        }
        return null;
    }
}
