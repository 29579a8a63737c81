package com.rides.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code workouts}. {@code day} is the UTC date of {@code startedAt};
 * {@code bucket} is {@link Buckets#ofWorkout}. {@code userId} is null only in a
 * {@link Fault#MISSING_USER} row.
 */
public record Workout(LocalDate day, int bucket, UUID workoutId, UUID userId, UUID classId, Instant startedAt,
                      String device) {
}
