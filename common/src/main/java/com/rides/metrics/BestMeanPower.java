package com.rides.metrics;

/**
 * The highest mean power over any {@code windowS} consecutive seconds (the
 * contract's best_60s_w, best_300s_w, best_1200s_w); null for a ride shorter than
 * the window. Compares exact long sums, dividing once at the end.
 */
final class BestMeanPower {

    private final int windowS;
    /** Best window sum so far; -1 until the ride is one window long (power is never negative). */
    private long bestSum = -1;

    BestMeanPower(int windowS) {
        this.windowS = windowS;
    }

    int windowS() {
        return windowS;
    }

    void reset() {
        bestSum = -1;
    }

    /** Called after each appended second. */
    void onSecond(CumulativePower power) {
        if (power.seconds() >= windowS) {
            long sum = power.sumOfLast(windowS);
            if (sum > bestSum) {
                bestSum = sum;
            }
        }
    }

    Double watts() {
        return bestSum < 0 ? null : bestSum / (double) windowS;
    }
}
