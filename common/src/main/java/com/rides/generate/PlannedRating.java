package com.rides.generate;

/**
 * A rating row and how it came about.
 *
 * @param reRate true when the rider rated the class again on a later day (with another value)
 * @param fault  the rating's fault, or null for a clean rating
 */
public record PlannedRating(Rating row, boolean reRate, Fault fault) {
}
