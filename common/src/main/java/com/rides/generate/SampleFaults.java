package com.rides.generate;


/**
 * Corrupts a ride's clean samples the way devices and networks do, each kind in
 * about {@code rate} of the rows:
 * <ul>
 *   <li>gaps: runs of 1–10 missing seconds, never the last second (so the ride's
 *       length, max(offset_s) + 1, is unchanged);</li>
 *   <li>per field: a null, or a value outside the contract's range;</li>
 *   <li>extra rows at offsets outside 0..86399, which the jobs must drop;</li>
 *   <li>for a {@link Fault#NO_VALID_POWER} ride, every output_w invalid.</li>
 * </ul>
 * Only rows that get a fault are visited (geometric skips), so the clean case costs
 * nothing and the faulty case little.
 */
final class SampleFaults {

    private static final int MAX_GAP_S = 10;
    private static final double MEAN_GAP_S = (1 + MAX_GAP_S) / 2.0;

    private SampleFaults() {
    }

    static void apply(PlannedRide ride, RideSamples samples, double rate) {
        if (ride.hasFault(Fault.NO_SAMPLES)) {
            samples.clearRows();
            return;
        }
        Rng rng = new Rng(Seeds.derive(ride.sampleSeed(), Seeds.SAMPLE_FAULT));
        if (rate > 0) {
            punchGaps(samples, rate, rng);
        }
        for (SampleField field : SampleField.values()) {
            if (field == SampleField.OUTPUT_W && ride.hasFault(Fault.NO_VALID_POWER)) {
                invalidateAll(samples, field, rng);
            } else if (rate > 0) {
                corrupt(samples, field, rate, rng);
            }
        }
        if (rate > 0) {
            addBadOffsets(samples, rate, rng);
        }
    }

    private static void punchGaps(RideSamples samples, double rate, Rng rng) {
        int n = samples.size();
        // A gap starts at a second with probability q and every gap is followed by a
        // kept second, so the missing share is q*L / (1 + q*L) for mean length L; this q
        // makes it {@code rate}.
        double q = rate / (MEAN_GAP_S * (1 - rate));
        boolean[] drop = new boolean[n];
        long missing = 0;
        long t = Draw.trialsBeforeSuccess(rng, q);
        while (t < n - 1) {
            int length = Draw.uniformInt(rng, 1, MAX_GAP_S);
            int end = (int) Math.min(t + length, n - 1L);
            for (int i = (int) t; i < end; i++) {
                drop[i] = true;
            }
            missing += end - t;
            t = end + 1 + Draw.trialsBeforeSuccess(rng, q);
        }
        if (missing > 0) {
            samples.removeRows(drop);
            samples.count(Fault.SAMPLE_GAP, missing);
        }
    }

    private static void corrupt(RideSamples samples, SampleField field, double rate, Rng rng) {
        // One draw per faulty cell: half become null, half out of range.
        for (long i = Draw.trialsBeforeSuccess(rng, 2 * rate); i < samples.size();
             i += 1 + Draw.trialsBeforeSuccess(rng, 2 * rate)) {
            int row = (int) i;
            if (rng.nextBoolean()) {
                samples.setNull(row, field);
                samples.count(field.nullFault(), 1);
            } else {
                samples.set(row, field, outOfRange(field, rng));
                samples.count(field.outOfRangeFault(), 1);
            }
        }
    }

    private static void invalidateAll(RideSamples samples, SampleField field, Rng rng) {
        for (int row = 0; row < samples.size(); row++) {
            if (rng.nextBoolean()) {
                samples.setNull(row, field);
            } else {
                samples.set(row, field, outOfRange(field, rng));
            }
        }
    }

    private static void addBadOffsets(RideSamples samples, double rate, Rng rng) {
        int n = samples.size();
        int added = 0;
        for (long i = Draw.trialsBeforeSuccess(rng, rate); i < n; i += 1 + Draw.trialsBeforeSuccess(rng, rate)) {
            // Distinct offsets on either side of the valid range, so no two rows share a key.
            int offset = rng.nextBoolean() ? -1 - added : 86_400 + added * 97;
            samples.appendCopy(rng.nextInt(n), offset);
            added++;
        }
        samples.count(Fault.BAD_OFFSET, added);
    }

    /** A value the contract rejects for {@code field}, of the kinds devices actually send. */
    static double outOfRange(SampleField field, Rng rng) {
        return switch (field) {
            case OUTPUT_W -> rng.nextBoolean() ? Draw.uniformInt(rng, 3001, 9000) : -Draw.uniformInt(rng, 1, 500);
            case CADENCE_RPM -> Draw.chance(rng, 0.7) ? Draw.uniformInt(rng, 251, 999) : -Draw.uniformInt(rng, 1, 50);
            case RESISTANCE_PCT -> Draw.chance(rng, 0.7) ? Draw.uniformInt(rng, 101, 255) : -Draw.uniformInt(rng, 1, 20);
            case HEART_RATE_BPM -> rng.nextBoolean() ? Draw.uniformInt(rng, 0, 29) : Draw.uniformInt(rng, 241, 300);
            case SPEED_KPH -> {
                double u = rng.nextDouble();
                yield u < 0.4 ? Double.NaN : u < 0.8 ? Draw.uniform(rng, 120.5, 999) : -Draw.uniform(rng, 0.1, 50);
            }
        };
    }
}
