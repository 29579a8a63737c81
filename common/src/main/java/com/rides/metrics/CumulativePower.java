package com.rides.metrics;

/**
 * The running sum of a power series, remembered for the last {@code longestWindow}
 * seconds in a ring, so the sum over any window up to that length is one
 * subtraction: O(1) per second and O(longestWindow) memory, whatever the ride's
 * length. Sums are exact: a day of 3000 W is 2.6e8, far inside a long.
 */
final class CumulativePower {

    /** ring[k % ring.length] = p[0] + … + p[k-1], for the last ring.length values of k. */
    private final long[] ring;
    private int seconds;
    private long total;

    CumulativePower(int longestWindow) {
        ring = new long[longestWindow + 1];
    }

    void reset() {
        seconds = 0;
        total = 0;
        ring[0] = 0;
    }

    /** Appends the next second's power. */
    void append(int watts) {
        total += watts;
        seconds++;
        ring[seconds % ring.length] = total;
    }

    /** Seconds appended so far. */
    int seconds() {
        return seconds;
    }

    /** Σ p over all seconds appended. */
    long total() {
        return total;
    }

    /** Σ p over the last {@code n} seconds; needs n ≤ seconds() and n ≤ longestWindow. */
    long sumOfLast(int n) {
        return total - ring[(seconds - n) % ring.length];
    }
}
