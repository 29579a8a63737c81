package com.rides.metrics;

import com.rides.validation.OffsetRule;
import com.rides.validation.SampleField;
import com.rides.validation.ViolationTally;

/**
 * Folds one ride's sample rows, streamed once in increasing offset_s order (a
 * Cassandra partition read in clustering order), into its {@link RideMetrics}.
 * Every figure is a running sum or a sliding window, so memory is constant and
 * each row costs O(1) (a gap of g seconds costs O(g): each missing second is a 0 W
 * second of every window).
 *
 * <p>One instance serves every ride of a Spark partition: {@link #reset()} between
 * rides; the primitive {@link #add(int, int, int, int, int, float, int)} allocates
 * nothing.
 *
 * <p>Not thread-safe; one per task.
 */
public final class RideMetricsAccumulator {

    private static final int OUTPUT = SampleField.OUTPUT_W.bit();
    private static final int CADENCE = SampleField.CADENCE_RPM.bit();
    private static final int RESISTANCE = SampleField.RESISTANCE_PCT.bit();
    private static final int HEART_RATE = SampleField.HEART_RATE_BPM.bit();
    private static final int SPEED = SampleField.SPEED_KPH.bit();

    private final PowerCurve power = new PowerCurve();
    private final IntStats cadence = new IntStats();
    private final IntStats resistance = new IntStats();
    private final IntStats heartRate = new IntStats();
    private final ViolationTally violations = new ViolationTally();
    private double speedSumKph;
    private long kept;
    private long dropped;
    private long validPower;
    /** The last offset fed, kept or dropped: the order check covers every row. */
    private long lastOffset;

    public RideMetricsAccumulator() {
        reset();
    }

    /** Forgets the ride so far, ready for the next. */
    public void reset() {
        power.reset();
        cadence.reset();
        resistance.reset();
        heartRate.reset();
        violations.reset();
        speedSumKph = 0;
        kept = 0;
        dropped = 0;
        validPower = 0;
        lastOffset = Long.MIN_VALUE;
    }

    /**
     * Feeds one sample row, with nulls passed as a mask so the caller need not box.
     *
     * @param nullMask the {@link SampleField#bit()} of every null column OR-ed
     *                 together (0 when none is null); a masked field's value is ignored
     * @throws IllegalStateException when offsetS is not greater than the previous row's
     */
    public void add(int offsetS, int cadenceRpm, int resistancePct, int outputW, int heartRateBpm, float speedKph,
                    int nullMask) {
        if (offsetS <= lastOffset) {
            throw new IllegalStateException("sample rows of a ride must arrive in strictly increasing offset_s order,"
                    + " but offset_s " + offsetS + " came after " + lastOffset
                    + (offsetS == lastOffset ? " (a duplicate)" : ""));
        }
        lastOffset = offsetS;
        if (!OffsetRule.kept(offsetS)) {
            dropped++;
            return;
        }
        kept++;
        // Seconds with no row since the last kept one are 0 W seconds of the series.
        power.appendZeros(offsetS - power.seconds());
        if (violations.check(SampleField.OUTPUT_W, (nullMask & OUTPUT) != 0, outputW)) {
            validPower++;
            power.append(outputW);
        } else {
            power.append(0);
        }
        if (violations.check(SampleField.CADENCE_RPM, (nullMask & CADENCE) != 0, cadenceRpm) && cadenceRpm > 0) {
            cadence.add(cadenceRpm); // 0 rpm is coasting: it would drag the pedalling cadence down
        }
        if (violations.check(SampleField.RESISTANCE_PCT, (nullMask & RESISTANCE) != 0, resistancePct)) {
            resistance.add(resistancePct);
        }
        if (violations.check(SampleField.HEART_RATE_BPM, (nullMask & HEART_RATE) != 0, heartRateBpm)) {
            heartRate.add(heartRateBpm);
        }
        if (violations.check(SampleField.SPEED_KPH, (nullMask & SPEED) != 0, speedKph)) {
            speedSumKph += speedKph; // one second at v km/h covers v/3600 km
        }
    }

    /** Feeds one sample row with nullable columns; see {@link #add(int, int, int, int, int, float, int)}. */
    public void add(int offsetS, Integer cadenceRpm, Integer resistancePct, Integer outputW, Integer heartRateBpm,
                    Float speedKph) {
        int nullMask = (cadenceRpm == null ? CADENCE : 0) | (resistancePct == null ? RESISTANCE : 0)
                | (outputW == null ? OUTPUT : 0) | (heartRateBpm == null ? HEART_RATE : 0)
                | (speedKph == null ? SPEED : 0);
        add(offsetS, cadenceRpm == null ? 0 : cadenceRpm, resistancePct == null ? 0 : resistancePct,
                outputW == null ? 0 : outputW, heartRateBpm == null ? 0 : heartRateBpm,
                speedKph == null ? 0f : speedKph, nullMask);
    }

    /**
     * The ride's metrics from the rows fed since the last {@link #reset()}. Does not
     * change the state, so calling it twice gives the same answer.
     *
     * @param ftpW the rider's FTP; null for an unknown rider or none set
     */
    public RideMetrics finish(Integer ftpW) {
        int durationS = power.seconds();
        long joules = power.totalJoules();
        double totalKj = joules / 1000.0;
        Double np = power.normalizedPower();
        Double intensity = TrainingLoad.intensityFactor(np, ftpW);
        return new RideMetrics(
                durationS,
                totalKj,
                durationS == 0 ? 0.0 : joules / (double) durationS,
                power.max(),
                np,
                power.best60s(),
                power.best300s(),
                power.best1200s(),
                cadence.mean(),
                resistance.mean(),
                heartRate.mean(),
                heartRate.max(),
                speedSumKph / 3600.0,
                Energy.caloriesKcal(totalKj),
                intensity,
                TrainingLoad.tss(durationS, np, intensity, ftpW),
                kept,
                dropped,
                validPower,
                violations.snapshot());
    }
}
