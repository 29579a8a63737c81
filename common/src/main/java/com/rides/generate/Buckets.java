package com.rides.generate;

import java.util.UUID;

/**
 * The bucket of a raw row, {@code 0 <= bucket < B}. The contract only requires
 * that a day's rows spread over B partitions; the jobs read all B, so any stable
 * choice works. Ours, written down so tests and tools can recompute it:
 * <ul>
 *   <li>workout: {@code floorMod(workout_id.hashCode(), B)}: the id is random, so
 *       a day's workouts spread evenly;</li>
 *   <li>rating: {@code floorMod(31 * user_id.hashCode() + class_id.hashCode(), B)}:
 *       from the rest of the key, so one (day, user, class) has exactly one row,
 *       and a same-day second rating of a class replaces the first instead of
 *       living on in another bucket.</li>
 * </ul>
 * {@link UUID#hashCode()} is specified by the JDK (xor of the four 32-bit words), so
 * this is stable across JVMs.
 */
public final class Buckets {

    private Buckets() {
    }

    public static int ofWorkout(UUID workoutId, int buckets) {
        return Math.floorMod(workoutId.hashCode(), buckets);
    }

    public static int ofRating(UUID userId, UUID classId, int buckets) {
        return Math.floorMod(31 * userId.hashCode() + classId.hashCode(), buckets);
    }
}
