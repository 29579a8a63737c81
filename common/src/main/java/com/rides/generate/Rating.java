package com.rides.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code ratings}, keyed (day, bucket, user_id, class_id). {@code day} is
 * the UTC date of {@code ratedAt}; {@code bucket} is {@link Buckets#ofRating};
 * {@code difficulty} is null when the rider skipped it.
 */
public record Rating(LocalDate day, int bucket, UUID userId, UUID classId, UUID workoutId, int rating,
                     Integer difficulty, Instant ratedAt) {
}
