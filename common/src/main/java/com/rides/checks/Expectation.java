package com.rides.checks;

import java.util.Locale;

/**
 * How a day's figure is judged, after Deequ's anomaly detection strategies: against
 * a fixed bound ({@code SimpleThresholdStrategy}), or against the baseline, the median
 * of the same weekday over the last four weeks, by a relative rate of change
 * ({@code RelativeRateOfChangeStrategy}) or an absolute one ({@code AbsoluteChangeStrategy}).
 */
public sealed interface Expectation {

    /** Whether the range depends on the baseline. */
    boolean needsBaseline();

    /** The expected range for a baseline (ignored by fixed bounds). */
    Range range(double baseline);

    /** For the docs table. */
    String describe(Figure.Unit unit);

    /**
     * At least {@code atLeast}. A day below it fails only when a same weekday of the last
     * four weeks met it, so the days before a history begins are not flagged.
     */
    record Floor(double atLeast) implements Expectation {
        @Override
        public boolean needsBaseline() {
            return false;
        }

        @Override
        public Range range(double baseline) {
            return new Range(atLeast, null);
        }

        @Override
        public String describe(Figure.Unit unit) {
            return "at least " + unit.format(atLeast) + " (a day below it fails once a same weekday of the last"
                    + " four weeks met it: the days before a history begins do not)";
        }
    }

    /**
     * Within {@code baseline × (1 − maxDecrease)} … {@code baseline × (1 + maxIncrease)}.
     */
    record RelativeChange(double maxDecrease, double maxIncrease) implements Expectation {
        @Override
        public boolean needsBaseline() {
            return true;
        }

        @Override
        public Range range(double baseline) {
            return new Range(baseline * (1 - maxDecrease), baseline * (1 + maxIncrease));
        }

        @Override
        public String describe(Figure.Unit unit) {
            return String.format(Locale.ROOT, "−%.0f %% … +%.0f %% of the baseline", 100 * maxDecrease, 100 * maxIncrease);
        }
    }

    /** At most {@code baseline + maxIncrease}: for shares, where only a rise is news. */
    record AbsoluteIncrease(double maxIncrease) implements Expectation {
        @Override
        public boolean needsBaseline() {
            return true;
        }

        @Override
        public Range range(double baseline) {
            return new Range(null, baseline + maxIncrease);
        }

        @Override
        public String describe(Figure.Unit unit) {
            return "at most the baseline + " + unit.formatDelta(maxIncrease);
        }
    }
}
