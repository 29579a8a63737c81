package com.rides.generate;

/**
 * The generator's source of randomness: SplitMix64 (the algorithm inside
 * {@link java.util.Rng}), with every derived draw written out here
 * and transcendental functions from {@link StrictMath}. Unlike the JDK's bounded
 * and Gaussian draws, whose algorithms have changed between releases, and
 * {@link Math}, which may differ by an ulp between platforms, this gives the same
 * numbers on every JVM and machine, so a seed names one data set everywhere.
 * Not thread-safe: one instance per entity, seeded from its coordinates ({@link Seeds}).
 */
final class Rng {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return Seeds.mix(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Uniform in [0, bound), unbiased (Lemire's multiply-and-reject). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long product = (nextLong() >>> 32) * bound;
        long low = product & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                product = (nextLong() >>> 32) * bound;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int) (product >>> 32);
    }

    /** Standard normal, by Marsaglia's polar method (which yields two; the second is kept for the next call). */
    double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * StrictMath.log(s) / s); // sqrt is exactly rounded everywhere
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }
}
