package com.rides.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CostLineTest {

    @Test
    void fitsTheLineThroughTwoPoints() {
        // 10 s fixed, 2 µs a sample: 1M samples take 12 s, 3M take 16 s.
        CostLine line = CostLine.through(1_000_000, 12.0, 3_000_000, 16.0);
        assertEquals(10.0, line.fixedSeconds(), 1e-9);
        assertEquals(2e-6, line.secondsPerSample(), 1e-15);
        assertEquals(14.0, line.secondsAt(2_000_000), 1e-9);
    }

    @Test
    void findsTheSizeFromWhichAJobIsWithinARatioOfTheFloor() {
        CostLine job = new CostLine(10, 2e-6);
        CostLine floor = new CostLine(1, 1.5e-6);
        // 10 + 2e-6 s <= 1.5 (1 + 1.5e-6 s)  <=>  8.5 <= 0.25e-6 s  <=>  s >= 34M
        double s = job.samplesForRatio(floor, 1.5);
        assertEquals(34e6, s, 1);
        assertEquals(1.5, job.secondsAt(s) / floor.secondsAt(s), 1e-9);
    }

    @Test
    void saysNeverWhenTheJobGrowsFasterAndAlwaysWhenItIsNoDearer() {
        CostLine floor = new CostLine(1, 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, new CostLine(5, 2e-6).samplesForRatio(floor, 1.5));
        assertEquals(0, new CostLine(1, 1e-6).samplesForRatio(floor, 1.5));
        assertEquals(Double.POSITIVE_INFINITY, new CostLine(0.5, 2e-6).samplesForRatio(floor, 1.5),
                "cheap to start but growing too fast: large days miss the ratio");
    }

    @Test
    void needsTwoDifferentSizes() {
        assertThrows(IllegalArgumentException.class, () -> CostLine.through(5, 1, 5, 2));
    }
}
