package com.rides.metrics;

/**
 * The ride's power series p[t], built one second at a time, with every power
 * figure of the contract kept up to date as it grows: total, max, normalized power
 * and the best 60/300/1200-second means. O(1) per second, no allocation after
 * construction; {@link #reset()} makes it ready for the next ride.
 */
final class PowerCurve {

    static final int BEST_60S = 60;
    static final int BEST_300S = 300;
    static final int BEST_1200S = 1200;

    private final CumulativePower sums = new CumulativePower(BEST_1200S);
    private final NormalizedPower normalized = new NormalizedPower();
    private final BestMeanPower best60 = new BestMeanPower(BEST_60S);
    private final BestMeanPower best300 = new BestMeanPower(BEST_300S);
    private final BestMeanPower best1200 = new BestMeanPower(BEST_1200S);
    private int max;

    void reset() {
        sums.reset();
        normalized.reset();
        best60.reset();
        best300.reset();
        best1200.reset();
        max = 0;
    }

    /** Appends the next second, p[seconds()] = watts (≥ 0: the caller passes 0 for a missing or invalid value). */
    void append(int watts) {
        sums.append(watts);
        if (watts > max) {
            max = watts;
        }
        normalized.onSecond(sums);
        best60.onSecond(sums);
        best300.onSecond(sums);
        best1200.onSecond(sums);
    }

    /** Appends {@code n} seconds of 0 W: the seconds a ride has no sample for. */
    void appendZeros(int n) {
        for (int i = 0; i < n; i++) {
            append(0);
        }
    }

    /** The series' length so far, i.e. duration_s once the last sample is in. */
    int seconds() {
        return sums.seconds();
    }

    /** Σ p[t], in joules. */
    long totalJoules() {
        return sums.total();
    }

    /** max p[t]; 0 for an empty series. */
    int max() {
        return max;
    }

    Double normalizedPower() {
        return normalized.watts();
    }

    Double best60s() {
        return best60.watts();
    }

    Double best300s() {
        return best300.watts();
    }

    Double best1200s() {
        return best1200.watts();
    }
}
