package com.rides.bench;

/**
 * A job's cost as a straight line through two measured points: seconds = fixed +
 * perSample * samples. Measuring nightly and the floor on one day and on three tells
 * a cost that does not depend on the day's size (planning and scheduling its Spark
 * jobs, writing small tables) from one that grows with it (reading and folding samples).
 */
record CostLine(double fixedSeconds, double secondsPerSample) {

    static CostLine through(long samplesA, double secondsA, long samplesB, double secondsB) {
        if (samplesA == samplesB) {
            throw new IllegalArgumentException("two different sample counts are needed, got " + samplesA + " twice");
        }
        double slope = (secondsB - secondsA) / (samplesB - samplesA);
        return new CostLine(secondsA - slope * samplesA, slope);
    }

    double secondsAt(double samples) {
        return fixedSeconds + secondsPerSample * samples;
    }

    /**
     * The size from which this line stays within {@code ratio} times {@code floor}:
     * 0 when it always does, infinity when it grows faster than the ratio allows
     * (then large days are the worst, whatever the fixed costs).
     */
    double samplesForRatio(CostLine floor, double ratio) {
        double spareSlope = ratio * floor.secondsPerSample - secondsPerSample;
        if (spareSlope <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, (fixedSeconds - ratio * floor.fixedSeconds) / spareSlope);
    }
}
