package com.rides.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Plans a rider's workouts day by day. Each (rider, day) has its own seed, so a
 * day's rides do not depend on the days before it or on other riders.
 */
final class HistoryPlanner {

    static final int MAX_RIDES_PER_DAY = 2;
    static final double EARLY_STOP_SHARE = 0.05;
    /** Least break between the end of one ride and the start of the next on the same day. */
    private static final int MIN_BREAK_S = 600;

    private final GeneratorSpec spec;
    private final ClassCatalog catalog;

    HistoryPlanner(GeneratorSpec spec, ClassCatalog catalog) {
        this.spec = spec;
        this.catalog = catalog;
    }

    RiderHistory plan(RiderProfile rider) {
        List<PlannedRide> rides = new ArrayList<>();
        RatingPlanner ratings = new RatingPlanner(spec, rider);
        for (int d = 0; d < spec.days(); d++) {
            LocalDate day = spec.firstDay().plusDays(d);
            Rng rng = Seeds.rng(spec.seed(), Seeds.RIDER_DAY, rider.index(), d);
            double mean = rider.ridesPerDay() * RideTimes.weekdayFactor(day.getDayOfWeek());
            int count = Math.min(MAX_RIDES_PER_DAY, Draw.poisson(rng, mean));
            int[] starts = new int[count];
            for (int k = 0; k < count; k++) {
                starts[k] = RideTimes.startSecondOfDay(rng);
            }
            Arrays.sort(starts);
            int previousEnd = Integer.MIN_VALUE / 2;
            for (int k = 0; k < count; k++) {
                int start = starts[k];
                if (start < previousEnd + MIN_BREAK_S) {
                    start = previousEnd + MIN_BREAK_S + rng.nextInt(3600);
                }
                if (start >= 86_400) {
                    break; // no time left that day: a workout's day is the date it starts
                }
                PlannedRide ride = plan(rider, day, d, k, start, rng);
                rides.add(ride);
                previousEnd = start + ride.riddenSeconds();
                ratings.consider(ride, d, k);
            }
        }
        return new RiderHistory(rider, rides, ratings.ratings());
    }

    private PlannedRide plan(RiderProfile rider, LocalDate day, int d, int k, int startSecond, Rng rng) {
        Instant startedAt = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(startSecond);
        ClassProfile rideClass = catalog.pick(rng, startedAt);
        boolean stoppedEarly = Draw.chance(rng, EARLY_STOP_SHARE);
        int ridden = stoppedEarly
                ? (int) Math.round(rideClass.durationS() * Draw.uniform(rng, 0.30, 0.95))
                : rideClass.durationS();
        double effort = Draw.clamp(Draw.normal(rng, 1.0, 0.06), 0.8, 1.2);
        UUID workoutId = Seeds.uuid(rng);
        long sampleSeed = rng.nextLong();

        // Faults come from their own stream: the clean content of a ride is the same at any fault rate.
        Rng faultRng = Seeds.rng(spec.seed(), Seeds.RIDE_FAULT, rider.index(), d, k);
        Fault fault = RowFaults.forWorkout(faultRng, spec.faultRate());
        UUID userId = rider.row().userId();
        UUID classId = rideClass.row().classId();
        if (fault == Fault.MISSING_USER) {
            userId = null;
        } else if (fault == Fault.UNKNOWN_RIDER) {
            userId = Seeds.uuid(faultRng);
        } else if (fault == Fault.UNKNOWN_CLASS) {
            classId = Seeds.uuid(faultRng);
        }
        Workout row = new Workout(day, Buckets.ofWorkout(workoutId, spec.buckets()), workoutId, userId, classId,
                startedAt, rider.device());
        return new PlannedRide(row, rider, rideClass, ridden, stoppedEarly, effort, sampleSeed, fault);
    }
}
