package com.rides.checks;

import com.rides.checks.Expectation.AbsoluteIncrease;
import com.rides.checks.Expectation.Floor;
import com.rides.checks.Expectation.RelativeChange;
import com.rides.checks.Figure.DayInputs;
import com.rides.checks.Figure.Unit;
import com.rides.checks.Verdict.Outcome;
import com.rides.validation.FieldViolation;
import com.rides.validation.RatingQuarantineReason;
import com.rides.validation.SampleField;
import com.rides.validation.ViolationCounts;
import com.rides.validation.WorkoutQuarantineReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.rides.checks.CheckLevel.ERROR;
import static com.rides.checks.CheckLevel.WARNING;

/**
 * The data checks on the run history, declared as data (after Deequ's checks and
 * Great Expectations' checkpoints): after each night, every processed day's figures
 * against the same weekday over the last four weeks (its median, the baseline, and a
 * band), and absolute floors. docs/scheduling.md shows {@link #markdownTable()}; a
 * test keeps the two the same.
 *
 * <p>Bands are wide on purpose: a check that cries wolf gets silenced. Shares move by
 * absolute points (a reason that quarantines 1 % of rides on a normal day says nothing
 * at 2 %, and plenty at 7 %), counts by a relative rate. A day has fewer ratings than
 * rides, so a few odd ratings move their shares more: their band is twice as wide.
 */
public final class DataChecks {

    /** Weeks of history a baseline looks at: the same weekday, 7, 14, 21 and 28 days before. */
    public static final int WEEKS = 4;
    /** A baseline needs the figure on at least this many of those days. */
    public static final int MIN_WEEKS = 2;

    private static final Figure RIDES = Figure.count("kept rides of the day", "workouts_used");

    public static final List<DataCheck> ALL = declare();

    private DataChecks() {
    }

    private static List<DataCheck> declare() {
        List<DataCheck> c = new ArrayList<>();
        c.add(new DataCheck("rides_present", RIDES, new Floor(1), ERROR));
        c.add(new DataCheck("rides", RIDES, new RelativeChange(0.35, 1.0), ERROR));
        c.add(new DataCheck("samples_per_ride", Figure.ratio("kept samples per kept ride", Unit.RATIO,
                d -> (double) d.count("samples_used"), d -> (double) d.count("workouts_used")),
                new RelativeChange(0.3, 0.3), WARNING));
        c.add(new DataCheck("ratings_per_ride", Figure.ratio("valid ratings of the day per kept ride", Unit.RATIO,
                d -> (double) d.count("ratings_used"), d -> (double) d.count("workouts_used")),
                new RelativeChange(0.5, 1.0), WARNING));
        c.add(new DataCheck("rides_per_class", Figure.ratio("kept rides per class ridden", Unit.RATIO,
                d -> (double) d.count("workouts_used"), d -> (double) d.classesRidden()),
                new RelativeChange(0.4, 1.0), WARNING));
        for (WorkoutQuarantineReason r : WorkoutQuarantineReason.values()) {
            c.add(new DataCheck("workout_quarantine_" + r.code(), Figure.ratio("share of the day's workouts quarantined"
                            + " as `" + r.code() + "`", Unit.SHARE, d -> (double) d.count("workouts_quarantined_" + r.code()),
                    d -> (double) d.count("workouts_read")), new AbsoluteIncrease(0.05), WARNING));
        }
        for (RatingQuarantineReason r : RatingQuarantineReason.values()) {
            c.add(new DataCheck("rating_quarantine_" + r.code(), Figure.ratio("share of the day's ratings quarantined"
                            + " as `" + r.code() + "`", Unit.SHARE, d -> (double) d.count("ratings_quarantined_" + r.code()),
                    d -> (double) d.count("ratings_read")), new AbsoluteIncrease(0.10), WARNING));
        }
        for (SampleField f : SampleField.values()) {
            // Power is what every metric is computed from: missing power is wrong results.
            c.add(new DataCheck("invalid_" + f.column(), Figure.ratio("share of the day's kept sample rows whose `"
                            + f.column() + "` is null or out of range", Unit.SHARE,
                    d -> (double) (d.count(ViolationCounts.key(f, FieldViolation.NULL))
                            + d.count(ViolationCounts.key(f, FieldViolation.OUT_OF_RANGE))),
                    d -> (double) (d.count("samples_read") - d.count("samples_dropped"))),
                    new AbsoluteIncrease(0.05), f == SampleField.OUTPUT_W ? ERROR : WARNING));
        }
        return List.copyOf(c);
    }

    /** Every check's figure for a day (null where the day has none). */
    public static Map<String, Double> figures(DayInputs day) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (DataCheck c : ALL) {
            out.put(c.name(), c.figure().valueOf(day));
        }
        return out;
    }

    /** The days a baseline for {@code day} looks at, the nearest first. */
    public static List<LocalDate> baselineDays(LocalDate day) {
        List<LocalDate> out = new ArrayList<>();
        for (int w = 1; w <= WEEKS; w++) {
            out.add(day.minusWeeks(w));
        }
        return out;
    }

    /**
     * Every check's verdict on a day.
     *
     * @param figures the day's figures ({@link #figures})
     * @param history the figures of {@link #baselineDays} that have any, in that order
     */
    public static List<Verdict> evaluate(LocalDate day, Map<String, Double> figures, List<Map<String, Double>> history) {
        List<Verdict> out = new ArrayList<>();
        for (DataCheck c : ALL) {
            List<Double> past = new ArrayList<>();
            for (Map<String, Double> h : history) {
                Double v = h.get(c.name());
                if (v != null) {
                    past.add(v);
                }
            }
            out.add(evaluate(day, c, figures.get(c.name()), past));
        }
        return out;
    }

    static Verdict evaluate(LocalDate day, DataCheck c, Double value, List<Double> past) {
        Unit unit = c.figure().unit();
        Double baseline = past.isEmpty() ? null : Median.of(past);
        if (value == null) {
            return new Verdict(day, c.name(), c.level(), null, baseline, past.size(), null, Outcome.SKIPPED,
                    "no value: the day has nothing to compute " + c.figure().description() + " from");
        }
        Expectation e = c.expectation();
        if (e instanceof Floor floor && value < floor.atLeast() && past.stream().noneMatch(v -> v >= floor.atLeast())) {
            return new Verdict(day, c.name(), c.level(), value, null, past.size(), null, Outcome.SKIPPED,
                    unit.format(value) + "; no same weekday of the last " + WEEKS + " weeks had "
                            + unit.format(floor.atLeast()) + " yet (the history begins)");
        }
        if (e.needsBaseline() && past.size() < MIN_WEEKS) {
            return new Verdict(day, c.name(), c.level(), value, baseline, past.size(), null, Outcome.SKIPPED,
                    unit.format(value) + "; too little history: " + past.size() + " of the last " + WEEKS
                            + " same weekdays, " + MIN_WEEKS + " needed");
        }
        Range range = e.range(baseline == null ? 0 : baseline);
        boolean ok = range.contains(value);
        String against = e.needsBaseline()
                ? " (baseline " + unit.format(baseline) + " over " + past.size() + " weeks)" : "";
        return new Verdict(day, c.name(), c.level(), value, e.needsBaseline() ? baseline : null, past.size(), range,
                ok ? Outcome.PASS : Outcome.FAIL,
                unit.format(value) + (ok ? ", within " : ", expected ") + range.text(unit) + against);
    }

    /** The declared checks as the Markdown table docs/scheduling.md shows. */
    public static String markdownTable() {
        StringBuilder s = new StringBuilder();
        s.append("| check | figure of the day | expected | level |\n");
        s.append("|---|---|---|---|\n");
        for (DataCheck c : ALL) {
            s.append("| `").append(c.name()).append("` | ").append(c.figure().description()).append(" | ")
                    .append(c.expectation().describe(c.figure().unit())).append(" | ").append(c.level().code())
                    .append(" |\n");
        }
        return s.toString();
    }
}
