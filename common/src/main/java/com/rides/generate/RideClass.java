package com.rides.generate;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code classes}. */
public record RideClass(UUID classId, String title, String instructor, String discipline, int durationS,
                        Instant airedAt) {
}
