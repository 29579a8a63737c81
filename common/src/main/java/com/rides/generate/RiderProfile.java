package com.rides.generate;

/**
 * A rider as the generator knows them: the {@code riders} row plus the truth behind
 * it that shapes their rides. The stored FTP is a test result that drifts from true
 * ability (and is missing for some riders), so rides are simulated from
 * {@code abilityW}, not from the row.
 *
 * @param index       position in the population, the coordinate of the rider's seeds
 * @param abilityW    power the rider can hold for an hour today (true FTP)
 * @param ridesPerDay the rider's mean number of rides on an average day
 * @param device      what the rider rides on, the value of {@code workouts.device}
 */
public record RiderProfile(int index, Rider row, double abilityW, int maxHeartRateBpm, int restingHeartRateBpm,
                           double ridesPerDay, String device) {
}
