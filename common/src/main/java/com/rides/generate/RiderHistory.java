package com.rides.generate;

import java.util.List;

/**
 * Everything one rider did in the period: their workouts in start order and the
 * ratings they gave. Produced rider by rider, so a data set of any length is never
 * held in memory at once.
 */
public record RiderHistory(RiderProfile rider, List<PlannedRide> rides, List<PlannedRating> ratings) {

    public RiderHistory {
        rides = List.copyOf(rides);
        ratings = List.copyOf(ratings);
    }
}
