package com.rides.generate;

import java.util.UUID;

/**
 * Every random value of the data set comes from a generator seeded by the spec's
 * seed and the coordinates of the entity it describes (rider 17, day 3, ride 1 …),
 * never from a generator shared across entities. So the output does not depend on
 * the order in which entities are produced, nor on how work is split over threads.
 */
final class Seeds {

    /** Streams: one per kind of entity, so e.g. rider 3 and class 3 draw unrelated values. */
    static final long RIDER = 1;
    static final long CLASS = 2;
    static final long RIDER_DAY = 3;
    static final long RIDE_FAULT = 4;
    static final long RATING = 5;
    static final long RATING_FAULT = 6;
    static final long SAMPLE_FAULT = 7;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {
    }

    static Rng rng(long seed, long stream, long... coordinates) {
        return new Rng(derive(seed, stream, coordinates));
    }

    static long derive(long seed, long stream, long... coordinates) {
        long h = mix(seed + GOLDEN_GAMMA);
        h = mix(h ^ mix(stream * GOLDEN_GAMMA));
        for (long c : coordinates) {
            h = mix((h + GOLDEN_GAMMA) ^ mix(c + GOLDEN_GAMMA));
        }
        return h;
    }

    /** A random (version 4) UUID drawn from {@code rng}: distinct ids without a central counter. */
    static UUID uuid(Rng rng) {
        long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** SplitMix64's finaliser: a bijective mix in which every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
