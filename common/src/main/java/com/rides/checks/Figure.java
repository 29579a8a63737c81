package com.rides.checks;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A figure of one processed day, computed from the counts the night already made (its
 * job_runs counts, split by day) and from the classes ridden that day.
 *
 * @param description what it is, for the docs table
 * @param of          the value for a day's inputs; null when the day has none (no rides for a per-ride figure)
 */
public record Figure(String description, Unit unit, Function<DayInputs, Double> of) {

    /** How values print. */
    public enum Unit {
        COUNT, RATIO, SHARE;

        String format(double v) {
            return switch (this) {
                case COUNT -> v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
                case RATIO -> String.format(Locale.ROOT, "%.2f", v);
                case SHARE -> String.format(Locale.ROOT, "%.2f %%", 100 * v);
            };
        }

        String formatDelta(double v) {
            return this == SHARE ? String.format(Locale.ROOT, "%.0f points", 100 * v) : format(v);
        }
    }

    /**
     * What a day's figures are made of.
     *
     * @param counts        the day's share of the run's counts (RunCounts.ofDay): workouts_read, …
     * @param classesRidden classes with at least one kept ride that day (day_class_totals)
     */
    public record DayInputs(Map<String, Long> counts, long classesRidden) {
        long count(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }

    public Double valueOf(DayInputs day) {
        return of.apply(day);
    }

    static Figure count(String description, String key) {
        return new Figure(description, Unit.COUNT, d -> (double) d.count(key));
    }

    static Figure ratio(String description, Unit unit, Function<DayInputs, Double> numerator,
                        Function<DayInputs, Double> denominator) {
        return new Figure(description, unit, d -> {
            double den = denominator.apply(d);
            return den > 0 ? numerator.apply(d) / den : null;
        });
    }
}
