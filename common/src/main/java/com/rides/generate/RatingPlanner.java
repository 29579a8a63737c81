package com.rides.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which of a rider's workouts they rate, when and how. Ratings are given
 * shortly after the ride (minutes, sometimes the next day); now and then a rider
 * rates the class again on a later day, differently. Ratings that would fall after
 * the period are not generated.
 */
final class RatingPlanner {

    static final double RATED_SHARE = 0.40;
    static final double DIFFICULTY_SHARE = 0.70;
    static final double RE_RATE_SHARE = 0.05;
    static final int MAX_RE_RATE_DELAY_DAYS = 14;

    private final GeneratorSpec spec;
    private final RiderProfile rider;
    private final List<PlannedRating> ratings = new ArrayList<>();
    /** (day, class) pairs this rider already has a rating for: the rest of the row's key is fixed. */
    private final Set<DayAndClass> taken = new HashSet<>();

    private record DayAndClass(LocalDate day, UUID classId) {
    }

    RatingPlanner(GeneratorSpec spec, RiderProfile rider) {
        this.spec = spec;
        this.rider = rider;
    }

    List<PlannedRating> ratings() {
        return ratings;
    }

    /** Ride {@code k} of day index {@code d}: rated or not, and perhaps re-rated later. */
    void consider(PlannedRide ride, int d, int k) {
        // A workout without a (known) rider id or with a made-up class has no rating
        // to go with it: the rating's key needs a user, and the rating fault
        // RATING_UNKNOWN_CLASS covers unknown classes on its own.
        if (ride.hasFault(Fault.MISSING_USER) || ride.hasFault(Fault.UNKNOWN_CLASS)) {
            return;
        }
        Rng rng = Seeds.rng(spec.seed(), Seeds.RATING, rider.index(), d, k);
        if (!Draw.chance(rng, RATED_SHARE)) {
            return;
        }
        ClassProfile rideClass = ride.rideClass();
        Instant rideEnd = ride.workout().startedAt().plusSeconds(ride.riddenSeconds());
        long delayS = Draw.chance(rng, 0.65) ? Draw.uniformInt(rng, 60, 1800) : Draw.uniformInt(rng, 3600, 20 * 3600);
        Instant ratedAt = rideEnd.plusSeconds(delayS);
        int value = rideClass.drawRating(rng);
        Integer difficulty = Draw.chance(rng, DIFFICULTY_SHARE) ? rideClass.drawDifficulty(rng) : null;
        boolean rated = add(ride, ratedAt, value, difficulty, false,
                Seeds.rng(spec.seed(), Seeds.RATING_FAULT, rider.index(), d, k, 0));

        // A re-rate always revises a rating that exists.
        if (Draw.chance(rng, RE_RATE_SHARE) && rated) {
            LocalDate laterDay = dayOf(ratedAt).plusDays(Draw.uniformInt(rng, 1, MAX_RE_RATE_DELAY_DAYS));
            Instant reRatedAt = laterDay.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(rng.nextInt(86_400));
            int newValue = ClassProfile.changedRating(value, rng);
            Integer newDifficulty = Draw.chance(rng, DIFFICULTY_SHARE) ? rideClass.drawDifficulty(rng) : null;
            add(ride, reRatedAt, newValue, newDifficulty, true,
                    Seeds.rng(spec.seed(), Seeds.RATING_FAULT, rider.index(), d, k, 1));
        }
    }

    /** Adds the rating unless it falls after the period or its key is taken; true if added. */
    private boolean add(PlannedRide ride, Instant ratedAt, int value, Integer difficulty, boolean reRate,
                     Rng faultRng) {
        LocalDate day = dayOf(ratedAt);
        if (day.isAfter(spec.endDate())) {
            return false;
        }
        UUID userId = ride.workout().userId();
        UUID classId = ride.workout().classId();
        Fault fault = RowFaults.forRating(faultRng, spec.faultRate());
        if (fault == Fault.RATING_UNKNOWN_CLASS) {
            classId = Seeds.uuid(faultRng);
        } else if (fault == Fault.INVALID_RATING) {
            value = RowFaults.invalidRating(faultRng);
        } else if (fault == Fault.INVALID_DIFFICULTY) {
            difficulty = RowFaults.invalidDifficulty(faultRng);
        }
        // Two ratings of one class on one day share a key and the table would keep only
        // one of them; generating only the first keeps the model equal to the table.
        if (!taken.add(new DayAndClass(day, classId))) {
            return false;
        }
        Rating row = new Rating(day, Buckets.ofRating(userId, classId, spec.buckets()), userId, classId,
                ride.workout().workoutId(), value, difficulty, ratedAt);
        ratings.add(new PlannedRating(row, reRate, fault));
        return true;
    }

    private static LocalDate dayOf(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
