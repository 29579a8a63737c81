package com.rides.generate;


/** The few distributions the generator draws from, over a caller-supplied generator. */
final class Draw {

    private Draw() {
    }

    static double uniform(Rng rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    static int uniformInt(Rng rng, int from, int toInclusive) {
        return from + rng.nextInt(toInclusive - from + 1);
    }

    static double normal(Rng rng, double mean, double sd) {
        return mean + sd * rng.nextGaussian();
    }

    /** Log-normal with the given median: right-skewed like real fitness figures (FTP, activity). */
    static double logNormal(Rng rng, double median, double sigma) {
        return median * StrictMath.exp(sigma * rng.nextGaussian());
    }

    static boolean chance(Rng rng, double p) {
        return rng.nextDouble() < p;
    }

    /** Knuth's method; fine for the small means used here (rides per day, pauses per ride). */
    static int poisson(Rng rng, double mean) {
        double limit = StrictMath.exp(-mean);
        double product = rng.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= rng.nextDouble();
        }
        return n;
    }

    /**
     * How many trials pass before the next success of probability {@code p}
     * (geometric), capped at {@link Integer#MAX_VALUE} so that adding it to a row
     * index cannot overflow. Lets the fault injector visit only the rows that get a
     * fault instead of drawing a number for each of millions of rows.
     */
    static long trialsBeforeSuccess(Rng rng, double p) {
        if (p <= 0) {
            return Integer.MAX_VALUE;
        }
        if (p >= 1) {
            return 0;
        }
        double u = 1.0 - rng.nextDouble(); // in (0, 1]
        double n = Math.floor(StrictMath.log(u) / StrictMath.log1p(-p));
        return (long) Math.min(n, Integer.MAX_VALUE);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    static int weighted(Rng rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <T> T oneOf(Rng rng, T[] values) {
        return values[rng.nextInt(values.length)];
    }
}
