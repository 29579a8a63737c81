package com.rides.generate;

/**
 * A workout and what its samples are simulated from. With {@link Fault#UNKNOWN_CLASS}
 * or {@link Fault#UNKNOWN_RIDER} the row names an id that does not exist, while
 * {@code rideClass} and {@code rider} are still who and what was actually ridden.
 *
 * @param riddenSeconds seconds ridden: the class length, or less for a rider who stopped early
 * @param effort        the rider's form that day, a factor on their ability
 * @param sampleSeed    seed of this ride's samples (and, derived from it, of its sample faults)
 * @param fault         the workout's fault, or null for a clean workout
 */
public record PlannedRide(Workout workout, RiderProfile rider, ClassProfile rideClass, int riddenSeconds,
                          boolean stoppedEarly, double effort, long sampleSeed, Fault fault) {

    public boolean hasFault(Fault f) {
        return fault == f;
    }
}
