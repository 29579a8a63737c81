package com.rides.validation;

/** What the quarantine rules of a workout look at, gathered by the job's one pass. */
public record WorkoutFacts(boolean userIdPresent, boolean classKnown, long keptSamples, long validPowerSamples) {
}
