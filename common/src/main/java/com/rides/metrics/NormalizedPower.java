package com.rides.metrics;

/**
 * Normalized power: the fourth-power mean of the 30-second rolling mean,
 * r[t] = mean(p[t-29 … t]) for t = 29 … duration-1, NP = (mean r[t]^4)^(1/4);
 * null for a ride shorter than 30 s. The fourth power weights hard efforts the way
 * their physiological cost grows, which is why NP, not average power, feeds IF and TSS.
 */
final class NormalizedPower {

    static final int WINDOW_S = 30;

    private double sumOfFourthPowers;
    private long windows;

    void reset() {
        sumOfFourthPowers = 0;
        windows = 0;
    }

    /** Called after each appended second. */
    void onSecond(CumulativePower power) {
        if (power.seconds() >= WINDOW_S) {
            double r = power.sumOfLast(WINDOW_S) / (double) WINDOW_S;
            double r2 = r * r;
            sumOfFourthPowers += r2 * r2;
            windows++;
        }
    }

    Double watts() {
        return windows == 0 ? null : Math.pow(sumOfFourthPowers / windows, 0.25);
    }
}
