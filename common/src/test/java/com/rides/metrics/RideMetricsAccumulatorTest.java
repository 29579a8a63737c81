package com.rides.metrics;

import com.rides.validation.FieldViolation;
import com.rides.validation.SampleField;
import com.rides.validation.ViolationCounts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed rides: the arithmetic is in the comments. */
class RideMetricsAccumulatorTest {

    private static final double EPS = 1e-9;
    /** kcal per kJ as the contract defines it: 1 / (4.184 × 0.24) = 1 / 1.00416. */
    private static final double KCAL_PER_KJ = 1 / (4.184 * 0.24);

    private final RideMetricsAccumulator acc = new RideMetricsAccumulator();

    /** Seconds [from, to) at a steady effort: 80 rpm, 40 %, 120 bpm, 36 km/h. */
    private void steady(int from, int to, int watts) {
        for (int t = from; t < to; t++) {
            acc.add(t, 80, 40, watts, 120, 36f, 0);
        }
    }

    private static void close(double expected, Double actual) {
        assertTrue(actual != null && Math.abs(expected - actual) <= EPS * Math.max(1, Math.abs(expected)),
                "expected " + expected + " but was " + actual);
    }

    @Test
    void constantPowerRideHasEveryPowerFigureEqual() {
        steady(0, 1200, 200);
        RideMetrics m = acc.finish(250);
        assertEquals(1200, m.durationS());
        close(240.0, m.totalOutputKj());                    // 1200 s × 200 W = 240 000 J
        close(200.0, m.avgOutputW());
        assertEquals(200, m.maxOutputW());
        close(200.0, m.normalizedPowerW());                  // every r[t] = 200
        close(200.0, m.best60sW());
        close(200.0, m.best300sW());
        close(200.0, m.best1200sW());                        // exactly 1200 s: the mean of all
        close(80.0, m.avgCadenceRpm());
        close(40.0, m.avgResistancePct());
        close(120.0, m.avgHeartRateBpm());
        assertEquals(120, m.maxHeartRateBpm());
        close(12.0, m.distanceKm());                         // 1200 × 36 / 3600
        close(240.0 / 1.00416, m.caloriesKcal());            // 4.184 × 0.24 = 1.00416
        close(0.8, m.intensityFactor());                     // 200 / 250
        close(1200 * 200 * 0.8 / (250 * 3600.0) * 100, m.tss()); // 192 000 / 900 000 × 100 = 21.333…
        close(21.0 + 1.0 / 3, m.tss());
        assertEquals(1200, m.keptSamples());
        assertEquals(0, m.droppedSamples());
        assertEquals(1200, m.validPowerSamples());
        assertEquals(ViolationCounts.NONE, m.violations());
    }

    @Test
    void missingSecondsAreZeroPowerAndNothingExtendsPastTheLastSample() {
        acc.add(0, 90, 50, 100, 130, 36f, 0);
        acc.add(1, 90, 50, 100, 130, 36f, 0);
        acc.add(2, 90, 50, 100, 130, 36f, 0);
        acc.add(5, 90, 50, 100, 130, 36f, 0);   // offsets 3 and 4 missing
        RideMetrics m = acc.finish(200);
        // p = [100, 100, 100, 0, 0, 100]
        assertEquals(6, m.durationS());                      // max offset 5 + 1
        close(0.4, m.totalOutputKj());                       // 400 J
        close(400.0 / 6, m.avgOutputW());                    // 66.67: gaps divide too
        assertEquals(100, m.maxOutputW());
        assertNull(m.normalizedPowerW());                    // 6 < 30
        assertNull(m.intensityFactor());
        assertNull(m.tss());
        close(90.0, m.avgCadenceRpm());                      // missing seconds are not 0 rpm
        close(130.0, m.avgHeartRateBpm());
        close(4 * 36 / 3600.0, m.distanceKm());              // 0.04 km: only the 4 rows ride
        assertEquals(4, m.keptSamples());
    }

    @Test
    void leadingGapIsZeroPower() {
        acc.add(10, 80, 40, 100, 120, 36f, 0);
        RideMetrics m = acc.finish(null);
        // p = [0 × 10, 100]
        assertEquals(11, m.durationS());
        close(0.1, m.totalOutputKj());
        close(100.0 / 11, m.avgOutputW());                   // 9.0909…
        assertEquals(100, m.maxOutputW());
        assertEquals(1, m.keptSamples());
    }

    @Test
    void leadingGapCountsInTheWindows() {
        steady(30, 60, 300);
        RideMetrics m = acc.finish(null);
        // p = [0 × 30, 300 × 30]: duration 60, Σp = 9000 J.
        assertEquals(60, m.durationS());
        close(150.0, m.avgOutputW());
        close(150.0, m.best60sW());                          // exactly 60 s: the mean of all
        // r[29] = 0; r[29+k] = 300·k/30 = 10k for k = 1 … 30: 31 windows.
        // Σ r^4 = 10^4 · Σ k^4 = 10^4 · 30·31·61·(3·900+3·30−1)/30 = 10^4 · 31·61·2789 = 10^4 · 5 273 999.
        close(Math.pow(1e4 * 5_273_999 / 31, 0.25), m.normalizedPowerW()); // ≈ 203.1 > avg 150
    }

    @Test
    void invalidFieldsAreMissingNotZeroAndNotClamped() {
        // t0: output too high, the rest valid
        acc.add(0, 90, 50, 3001, 100, 30f, 0);
        // t1: output valid; cadence, resistance, heart rate too high; speed NaN
        acc.add(1, 251, 101, 200, 241, Float.NaN, 0);
        // t2: every value at a bound: valid (cadence 0 is valid but not pedalling)
        acc.add(2, 0, 0, 100, 30, 120f, 0);
        // t3: every field null
        acc.add(3, (Integer) null, null, null, null, null);
        // t4: every value below its range
        acc.add(4, -1, -1, -5, 29, -0.5f, 0);
        RideMetrics m = acc.finish(null);
        // p = [0, 200, 100, 0, 0]: 3001 is not clamped to 3000 and -5 not to 0 — both are missing.
        assertEquals(5, m.durationS());
        close(0.3, m.totalOutputKj());
        close(60.0, m.avgOutputW());                          // 300 / 5
        assertEquals(200, m.maxOutputW());
        assertEquals(2, m.validPowerSamples());
        close(90.0, m.avgCadenceRpm());                       // only t0's 90: 251 invalid, 0 not > 0
        close(25.0, m.avgResistancePct());                    // (50 + 0) / 2
        close(65.0, m.avgHeartRateBpm());                     // (100 + 30) / 2
        assertEquals(100, m.maxHeartRateBpm());               // 241 is invalid, not a max
        close(150 / 3600.0, m.distanceKm());                  // (30 + 120) / 3600
        ViolationCounts v = m.violations();
        for (SampleField f : SampleField.values()) {
            assertEquals(1, v.get(f, FieldViolation.NULL), f + " null at t3");
        }
        assertEquals(2, v.get(SampleField.OUTPUT_W, FieldViolation.OUT_OF_RANGE));       // t0, t4
        assertEquals(2, v.get(SampleField.CADENCE_RPM, FieldViolation.OUT_OF_RANGE));    // t1, t4
        assertEquals(2, v.get(SampleField.RESISTANCE_PCT, FieldViolation.OUT_OF_RANGE)); // t1, t4
        assertEquals(2, v.get(SampleField.HEART_RATE_BPM, FieldViolation.OUT_OF_RANGE)); // t1, t4
        assertEquals(2, v.get(SampleField.SPEED_KPH, FieldViolation.OUT_OF_RANGE));      // NaN, -0.5
    }

    @Test
    void durationTwentyNineHasNoNormalizedPower() {
        steady(0, 29, 100);
        RideMetrics m = acc.finish(200);
        assertEquals(29, m.durationS());
        assertNull(m.normalizedPowerW());
        assertNull(m.best60sW());
        assertNull(m.intensityFactor());                      // FTP set, but no NP
        assertNull(m.tss());
    }

    @Test
    void durationThirtyHasOneWindowAndNpIsItsMean() {
        for (int t = 0; t < 30; t++) {
            acc.add(t, 80, 40, 10 * t, 120, 36f, 0);          // p[t] = 10t: 0, 10, …, 290
        }
        RideMetrics m = acc.finish(290);
        // One window: r[29] = 10 · (0 + … + 29) / 30 = 10 · 435 / 30 = 145; NP = (145^4)^(1/4).
        close(145.0, m.normalizedPowerW());
        close(145.0, m.avgOutputW());
        assertEquals(290, m.maxOutputW());
        assertNull(m.best60sW());
        close(0.5, m.intensityFactor());                      // 145 / 290
        close(30 * 145 * 0.5 / (290 * 3600.0) * 100, m.tss()); // 2175 / 1 044 000 × 100 = 0.208333…
        close(0.625 / 3, m.tss());
    }

    @Test
    void thirtyOneSecondsGiveTwoWindows() {
        steady(0, 30, 100);
        acc.add(30, 80, 40, 400, 120, 36f, 0);
        RideMetrics m = acc.finish(null);
        // r[29] = 100; r[30] = (29·100 + 400) / 30 = 110; NP = ((100^4 + 110^4) / 2)^(1/4)
        //       = ((100 000 000 + 146 410 000) / 2)^(1/4) = 123 205 000^(1/4) ≈ 105.36
        close(Math.pow(123_205_000.0, 0.25), m.normalizedPowerW());
    }

    @Test
    void bestWindowsNeedAFullWindow() {
        steady(0, 59, 100);
        assertNull(acc.finish(null).best60sW());             // 59 < 60
        acc.reset();
        steady(0, 299, 100);
        RideMetrics m = acc.finish(null);
        close(100.0, m.best60sW());
        assertNull(m.best300sW());                            // 299 < 300
        acc.reset();
        steady(0, 300, 100);
        close(100.0, acc.finish(null).best300sW());
        acc.reset();
        steady(0, 1199, 100);
        assertNull(acc.finish(null).best1200sW());            // 1199 < 1200
    }

    @Test
    void bestSixtySecondsFindsTheHardestMinute() {
        // p = [0 × 50, 500 × 30, 0 × 10, 500 × 30, 0 × 50]: 170 s.
        steady(50, 80, 500);
        steady(90, 120, 500);
        acc.add(169, 80, 40, 0, 120, 36f, 0);
        RideMetrics m = acc.finish(null);
        assertEquals(170, m.durationS());
        // Both efforts span 70 s, so any 60 s holds at most 50 s of 500 W: 25 000 / 60.
        close(25_000.0 / 60, m.best60sW());
        close(30_000.0 / 170, m.avgOutputW());
    }

    @Test
    void windowsStayExactAfterTheRingWrapsAround() {
        steady(0, 1800, 100);
        steady(1800, 3000, 300);                              // the hardest 1200 s are the last
        RideMetrics m = acc.finish(null);
        close(300.0, m.best1200sW());
        close(300.0, m.best300sW());
        close(300.0, m.best60sW());
        close((1800 * 100 + 1200 * 300) / 3000.0, m.avgOutputW()); // 540 000 / 3000 = 180
        close(540.0, m.totalOutputKj());
        close(540.0 * KCAL_PER_KJ, m.caloriesKcal());
    }

    @Test
    void allZeroCadenceAndMissingHeartRateAreNull() {
        for (int t = 0; t < 60; t++) {
            acc.add(t, 0, 40, 150, 0, 36f, SampleField.HEART_RATE_BPM.bit());
        }
        RideMetrics m = acc.finish(null);
        assertNull(m.avgCadenceRpm());
        assertNull(m.avgHeartRateBpm());
        assertNull(m.maxHeartRateBpm());
        close(40.0, m.avgResistancePct());
        assertEquals(60, m.violations().get(SampleField.HEART_RATE_BPM, FieldViolation.NULL));
        assertEquals(0, m.violations().invalid(SampleField.CADENCE_RPM), "0 rpm is valid, only not averaged");
    }

    @Test
    void noUsableFtpMeansNoIntensityFactorOrTss() {
        steady(0, 60, 200);
        for (Integer ftp : new Integer[] {null, 0, -100}) {
            RideMetrics m = acc.finish(ftp);
            close(200.0, m.normalizedPowerW());
            assertNull(m.intensityFactor(), "ftp " + ftp);
            assertNull(m.tss(), "ftp " + ftp);
        }
        close(1.0, acc.finish(200).intensityFactor());
        close(60 * 200 * 1.0 / (200 * 3600.0) * 100, acc.finish(200).tss()); // 1.6667
    }

    @Test
    void rowsOutsideTheDayAreDroppedAndCounted() {
        acc.add(-1, 999, 999, 999, 999, Float.NaN, 0);      // dropped: its fields are not judged
        steady(0, 60, 100);
        acc.add(86_400, 80, 40, 3000, 120, 36f, 0);          // dropped: does not extend the ride
        RideMetrics m = acc.finish(null);
        assertEquals(2, m.droppedSamples());
        assertEquals(60, m.keptSamples());
        assertEquals(60, m.durationS());
        assertEquals(100, m.maxOutputW());
        assertEquals(ViolationCounts.NONE, m.violations());
    }

    @Test
    void lastSecondOfTheDayIsKept() {
        acc.add(86_399, 80, 40, 100, 120, 36f, 0);
        RideMetrics m = acc.finish(null);
        assertEquals(86_400, m.durationS());                 // 86 399 seconds of 0 W, then 100 W
        close(100.0 / 86_400, m.avgOutputW());
        close(100.0 / 60, m.best60sW());
        assertEquals(1, m.keptSamples());
    }

    @Test
    void outOfOrderOrDuplicateOffsetsAreABrokenAssumption() {
        acc.add(5, 80, 40, 100, 120, 36f, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> acc.add(3, 80, 40, 100, 120, 36f, 0));
        assertTrue(e.getMessage().contains("offset_s 3 came after 5"), e.getMessage());

        acc.reset();
        acc.add(5, 80, 40, 100, 120, 36f, 0);
        e = assertThrows(IllegalStateException.class, () -> acc.add(5, 80, 40, 100, 120, 36f, 0));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());

        acc.reset();
        acc.add(86_400, 80, 40, 100, 120, 36f, 0);          // dropped rows are in the order too
        assertThrows(IllegalStateException.class, () -> acc.add(0, 80, 40, 100, 120, 36f, 0));
    }

    @Test
    void emptyRideIsZeroesAndNulls() {
        RideMetrics m = acc.finish(200);
        assertEquals(0, m.keptSamples());
        assertEquals(0, m.validPowerSamples());
        assertEquals(0, m.durationS());
        assertEquals(0.0, m.totalOutputKj());
        assertEquals(0.0, m.avgOutputW());
        assertEquals(0, m.maxOutputW());
        assertEquals(0.0, m.distanceKm());
        assertEquals(0.0, m.caloriesKcal());
        assertNull(m.normalizedPowerW());
        assertNull(m.best60sW());
        assertNull(m.best300sW());
        assertNull(m.best1200sW());
        assertNull(m.avgCadenceRpm());
        assertNull(m.avgResistancePct());
        assertNull(m.avgHeartRateBpm());
        assertNull(m.maxHeartRateBpm());
        assertNull(m.intensityFactor());
        assertNull(m.tss());

        acc.add(-3, 80, 40, 100, 120, 36f, 0);
        m = acc.finish(200);
        assertEquals(0, m.keptSamples());
        assertEquals(1, m.droppedSamples());
        assertEquals(0, m.durationS());
    }

    @Test
    void noValidPowerStillHasADuration() {
        for (int t = 0; t < 60; t++) {
            acc.add(t, 80, 40, 4000, 120, 36f, 0);
        }
        RideMetrics m = acc.finish(200);
        assertEquals(60, m.keptSamples());
        assertEquals(0, m.validPowerSamples());
        assertEquals(60, m.durationS());
        assertEquals(0, m.maxOutputW());
        close(0.0, m.normalizedPowerW());
        assertEquals(60, m.violations().get(SampleField.OUTPUT_W, FieldViolation.OUT_OF_RANGE));
    }

    @Test
    void resetMakesTheInstanceReusable() {
        steady(0, 400, 180);
        acc.add(401, 251, 40, 3001, 20, Float.NaN, 0);
        RideMetrics first = acc.finish(220);

        acc.reset();
        acc.add(-1, 80, 40, 100, 120, 36f, 0);
        steady(10, 2000, 250);
        RideMetrics other = acc.finish(null);

        acc.reset();
        steady(0, 400, 180);
        acc.add(401, 251, 40, 3001, 20, Float.NaN, 0);
        assertEquals(first, acc.finish(220));
        assertEquals(first, acc.finish(220), "finish does not change the state");
        RideMetricsAccumulator fresh = new RideMetricsAccumulator();
        fresh.add(-1, 80, 40, 100, 120, 36f, 0);
        for (int t = 10; t < 2000; t++) {
            fresh.add(t, 80, 40, 250, 120, 36f, 0);
        }
        assertEquals(other, fresh.finish(null));
    }

    @Test
    void boxedAndPrimitiveOverloadsAgree() {
        RideMetricsAccumulator boxed = new RideMetricsAccumulator();
        int mask = SampleField.CADENCE_RPM.bit() | SampleField.SPEED_KPH.bit();
        for (int t = 0; t < 90; t++) {
            int watts = t % 7 == 0 ? 3500 : 100 + t;
            acc.add(t, 0, 40 + t % 3, watts, 120 + t % 11, 0f, mask);
            boxed.add(t, null, 40 + t % 3, watts, 120 + t % 11, null);
        }
        assertEquals(boxed.finish(150), acc.finish(150));
    }
}
