package com.rides.checks;

import java.time.LocalDate;

/**
 * What a check said about one day: a row of data_checks.
 *
 * @param value        the day's figure, or null when it has none
 * @param baseline     the median of the same weekday over the last four weeks, or null
 * @param baselineDays how many of those four days had the figure
 * @param expected     the expected range, or null when the check was skipped
 * @param outcome      pass, fail or skipped
 * @param detail       one line: the value against the range, or why it was skipped
 */
public record Verdict(LocalDate day, String check, CheckLevel level, Double value, Double baseline, int baselineDays,
                      Range expected, Outcome outcome, String detail) {

    public enum Outcome {
        PASS, FAIL, SKIPPED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /** e.g. "2026-11-14 rides (error): 41 rides, expected 70 … 216 (baseline 108, 4 weeks)" */
    public String describe() {
        return day + " " + check + " (" + level.code() + "): " + detail;
    }
}
