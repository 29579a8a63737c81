package com.rides.generate;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code riders}. {@code ftpW} and {@code maxHeartRateBpm} are null when the rider never set them. */
public record Rider(UUID userId, String username, Integer ftpW, Integer maxHeartRateBpm, Instant createdAt) {
}
