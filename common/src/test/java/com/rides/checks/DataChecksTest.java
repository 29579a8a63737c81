package com.rides.checks;

import com.rides.checks.Figure.DayInputs;
import com.rides.checks.Verdict.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check table's figures and verdicts, worked out by hand. */
class DataChecksTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-26");

    /** A normal day: 100 kept rides of 102, 30,000 kept samples, 60 ratings, 20 classes. */
    static Map<String, Long> normalDay() {
        Map<String, Long> c = new HashMap<>();
        c.put("workouts_read", 102L);
        c.put("workouts_used", 100L);
        c.put("workouts_quarantined", 2L);
        c.put("workouts_quarantined_unknown_class", 2L);
        c.put("samples_read", 30_600L);
        c.put("samples_used", 30_000L);
        c.put("samples_quarantined", 500L);
        c.put("samples_dropped", 100L);
        c.put("invalid_output_w_null", 150L);
        c.put("invalid_output_w_out_of_range", 100L);
        c.put("ratings_read", 61L);
        c.put("ratings_used", 60L);
        c.put("ratings_quarantined", 1L);
        c.put("ratings_quarantined_invalid_rating", 1L);
        return c;
    }

    static Map<String, Double> figures(Map<String, Long> counts) {
        return DataChecks.figures(new DayInputs(counts, 20));
    }

    @Test
    void figuresComeFromTheDaysCounts() {
        Map<String, Double> f = figures(normalDay());
        assertEquals(100.0, f.get("rides"));
        assertEquals(100.0, f.get("rides_present"));
        assertEquals(300.0, f.get("samples_per_ride"));
        assertEquals(0.6, f.get("ratings_per_ride"), 1e-12);
        assertEquals(5.0, f.get("rides_per_class"));
        assertEquals(2 / 102.0, f.get("workout_quarantine_unknown_class"), 1e-12);
        assertEquals(0.0, f.get("workout_quarantine_no_samples"));
        assertEquals(1 / 61.0, f.get("rating_quarantine_invalid_rating"), 1e-12);
        // (150 + 100) invalid of 30,600 read - 100 dropped
        assertEquals(250 / 30_500.0, f.get("invalid_output_w"), 1e-12);
        assertEquals(DataChecks.ALL.size(), f.size());
    }

    @Test
    void aDayWithoutRidesHasNoPerRideFigures() {
        Map<String, Double> f = DataChecks.figures(new DayInputs(Map.of(), 0));
        assertEquals(0.0, f.get("rides"));
        assertNull(f.get("samples_per_ride"));
        assertNull(f.get("workout_quarantine_missing_user"));
        assertNull(f.get("invalid_output_w"));
    }

    @Test
    void aNormalDayAgainstFourNormalWeeksPassesEveryCheck() {
        Map<String, Double> day = figures(normalDay());
        List<Verdict> verdicts = DataChecks.evaluate(DAY, day, List.of(day, day, day, day));
        assertEquals(DataChecks.ALL.size(), verdicts.size());
        for (Verdict v : verdicts) {
            assertEquals(Outcome.PASS, v.outcome(), v.describe());
        }
    }

    @Test
    void halfTheRidesFailsTheRidesCheckAtErrorLevel() {
        Map<String, Long> half = normalDay();
        half.put("workouts_read", 51L);
        half.put("workouts_used", 50L);
        half.put("workouts_quarantined", 1L);
        half.put("workouts_quarantined_unknown_class", 1L);
        half.put("samples_used", 15_000L);
        half.put("ratings_used", 30L);
        half.put("ratings_read", 31L);
        Map<String, Double> normal = figures(normalDay());
        List<Verdict> verdicts = DataChecks.evaluate(DAY, DataChecks.figures(new DayInputs(half, 15)),
                List.of(normal, normal, normal));
        Verdict rides = byName(verdicts, "rides");
        assertEquals(Outcome.FAIL, rides.outcome());
        assertEquals(CheckLevel.ERROR, rides.level());
        assertEquals(100.0, rides.baseline());
        assertEquals(65.0, rides.expected().low(), 1e-9); // 100 × (1 − 0.35)
        assertEquals(200.0, rides.expected().high(), 1e-9);
        assertEquals("50, expected 65 … 200 (baseline 100 over 3 weeks)", rides.detail());
        assertEquals(Set.of("rides"), failedNames(verdicts));
    }

    @Test
    void aBurstOfNullPowerFailsTheOutputCheckAtErrorLevelAndNothingElse() {
        Map<String, Long> burst = normalDay();
        burst.put("invalid_output_w_null", 9_150L); // 30 % of the kept rows
        Map<String, Double> normal = figures(normalDay());
        List<Verdict> verdicts = DataChecks.evaluate(DAY, figures(burst), List.of(normal, normal));
        Verdict power = byName(verdicts, "invalid_output_w");
        assertEquals(Outcome.FAIL, power.outcome());
        assertEquals(CheckLevel.ERROR, power.level());
        assertNull(power.expected().low());
        assertEquals(250 / 30_500.0 + 0.05, power.expected().high(), 1e-12);
        assertEquals(Set.of("invalid_output_w"), failedNames(verdicts));
    }

    @Test
    void theBaselineIsTheMedianSoOneOddWeekDoesNotMoveIt() {
        DataCheck rides = check("rides");
        Verdict v = DataChecks.evaluate(DAY, rides, 100.0, List.of(100.0, 104.0, 10.0, 96.0));
        assertEquals(98.0, v.baseline()); // (96 + 100) / 2
        assertEquals(Outcome.PASS, v.outcome());
    }

    @Test
    void tooLittleHistoryIsSkippedNotFailed() {
        Verdict v = DataChecks.evaluate(DAY, check("rides"), 1.0, List.of(100.0));
        assertEquals(Outcome.SKIPPED, v.outcome());
        assertTrue(v.detail().contains("1 of the last 4 same weekdays, 2 needed"), v.detail());
        assertEquals(1, v.baselineDays());
    }

    @Test
    void theFloorAppliesOnceTheHistoryBegins() {
        DataCheck present = check("rides_present");
        assertEquals(Outcome.SKIPPED, DataChecks.evaluate(DAY, present, 0.0, List.of()).outcome());
        assertEquals(Outcome.SKIPPED, DataChecks.evaluate(DAY, present, 0.0, List.of(0.0, 0.0)).outcome());
        Verdict empty = DataChecks.evaluate(DAY, present, 0.0, List.of(0.0, 12.0));
        assertEquals(Outcome.FAIL, empty.outcome());
        assertEquals(CheckLevel.ERROR, empty.level());
        assertEquals("0, expected at least 1", empty.detail());
        assertEquals(Outcome.PASS, DataChecks.evaluate(DAY, present, 3.0, List.of()).outcome());
    }

    @Test
    void aFigureTheDayLacksIsSkipped() {
        Verdict v = DataChecks.evaluate(DAY, check("samples_per_ride"), null, List.of(300.0, 300.0));
        assertEquals(Outcome.SKIPPED, v.outcome());
        assertNull(v.value());
    }

    @Test
    void theBaselineLooksAtTheSameWeekdayOfTheLastFourWeeks() {
        assertEquals(List.of(DAY.minusDays(7), DAY.minusDays(14), DAY.minusDays(21), DAY.minusDays(28)),
                DataChecks.baselineDays(DAY));
    }

    @Test
    void theReportCountsVerdictsForJobRuns() {
        Map<String, Double> normal = figures(normalDay());
        Map<String, Long> burst = normalDay();
        burst.put("invalid_cadence_rpm_null", 9_000L);
        List<Verdict> verdicts = DataChecks.evaluate(DAY, figures(burst), List.of(normal, normal));
        CheckReport report = new CheckReport(verdicts);
        assertEquals(1L, report.counts().get("checks_failed_warning"));
        assertEquals(0L, report.counts().get("checks_failed_error"));
        assertEquals((long) DataChecks.ALL.size() - 1, report.counts().get("checks_passed"));
        assertTrue(!report.errorFailed());
        assertTrue(report.summary().startsWith("checks: 1 failed (warning: 2026-11-26 invalid_cadence_rpm)"),
                report.summary());
    }

    static Verdict byName(List<Verdict> verdicts, String name) {
        return verdicts.stream().filter(v -> v.check().equals(name)).findFirst().orElseThrow();
    }

    static Set<String> failedNames(List<Verdict> verdicts) {
        return verdicts.stream().filter(Verdict::failed).map(Verdict::check).collect(Collectors.toSet());
    }

    static DataCheck check(String name) {
        return DataChecks.ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
