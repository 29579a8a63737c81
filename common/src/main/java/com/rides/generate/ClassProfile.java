package com.rides.generate;


/**
 * A class as the generator knows it: the {@code classes} row plus how riders
 * receive it. Ratings are class-dependent: a well-liked class has a higher mean.
 *
 * @param meanRating    centre of the class's 1..5 ratings before rounding
 * @param difficulty    centre of the class's 1..10 difficulty ratings
 * @param popularity    relative weight with which riders pick the class
 */
public record ClassProfile(int index, RideClass row, Discipline discipline, double meanRating, double difficulty,
                           double popularity) {

    int durationS() {
        return row.durationS();
    }

    /** A rating 1..5, skewed high as app ratings are. */
    int drawRating(Rng rng) {
        return (int) Draw.clamp(Math.round(Draw.normal(rng, meanRating, 0.9)), 1, 5);
    }

    /** A re-rating: the rider changed their mind by one star. */
    static int changedRating(int previous, Rng rng) {
        if (previous <= 1) {
            return 2;
        }
        if (previous >= 5) {
            return 4;
        }
        return previous + (rng.nextBoolean() ? 1 : -1);
    }

    int drawDifficulty(Rng rng) {
        return (int) Draw.clamp(Math.round(Draw.normal(rng, difficulty, 1.2)), 1, 10);
    }
}
