package com.rides.generate;

import java.util.List;
import java.util.function.BiConsumer;

import static com.rides.generate.Draw.oneOf;
import static com.rides.generate.Draw.uniform;
import static com.rides.generate.Draw.uniformInt;
import static com.rides.generate.Segment.steady;

/**
 * A cycling class type: its name in {@code classes.discipline}, the lengths it is
 * offered in, how hard riders find it, and the shape of its main set (between the
 * warm-up and the cool-down, which every class shares). Power is a share of the
 * rider's FTP, as instructors cue it.
 */
public enum Discipline {
    CLIMB("climb", "Climb", 7.0, new int[] {20, 30, 45, 60, 75, 90}, (rng, set) -> {
        // Long seated and standing climbs: high resistance, low cadence, short recoveries.
        set.add(steady(uniformInt(rng, 180, 480), uniform(rng, 0.80, 0.95), uniform(rng, 60, 72)));
        set.add(steady(uniformInt(rng, 60, 150), 0.60, 85));
    }),
    HIIT("hiit", "HIIT", 8.0, new int[] {10, 15, 20, 30, 45}, (rng, set) -> {
        set.add(steady(oneOf(rng, new Integer[] {30, 45, 60}), uniform(rng, 1.10, 1.30), uniform(rng, 100, 112)));
        set.add(steady(uniformInt(rng, 60, 90), 0.50, 80));
    }),
    TABATA("tabata", "Tabata", 8.5, new int[] {15, 20, 30, 45}, (rng, set) -> {
        // Eight rounds of 20 s all-out and 10 s easy, then a rest between sets.
        for (int round = 0; round < 8; round++) {
            set.add(steady(20, 1.30, 110));
            set.add(steady(10, 0.45, 75));
        }
        set.add(steady(uniformInt(rng, 60, 120), 0.55, 80));
    }),
    INTERVALS("intervals", "Intervals", 7.0, new int[] {20, 30, 45, 60}, (rng, set) -> {
        set.add(steady(uniformInt(rng, 120, 300), uniform(rng, 1.00, 1.10), uniform(rng, 92, 100)));
        set.add(steady(uniformInt(rng, 60, 180), 0.55, 85));
    }),
    ENDURANCE("endurance", "Endurance", 5.5, new int[] {30, 45, 60, 75, 90}, (rng, set) -> {
        set.add(steady(uniformInt(rng, 300, 600), uniform(rng, 0.68, 0.80), uniform(rng, 85, 92)));
        set.add(steady(uniformInt(rng, 30, 60), 0.95, 98));
    }),
    POWER_ZONE("power_zone", "Power Zone", 6.5, new int[] {30, 45, 60, 75, 90}, (rng, set) -> {
        double zone = oneOf(rng, new Double[] {0.65, 0.83, 0.83, 0.98, 0.98, 1.12});
        set.add(steady(uniformInt(rng, 120, 480), zone, 88 + 10 * (zone - 0.8)));
        set.add(steady(uniformInt(rng, 60, 120), 0.55, 82));
    }),
    POWER_ZONE_ENDURANCE("power_zone_endurance", "Power Zone Endurance", 5.0, new int[] {30, 45, 60, 75, 90},
            (rng, set) -> set.add(steady(uniformInt(rng, 300, 900),
                    oneOf(rng, new Double[] {0.65, 0.72, 0.83}), uniform(rng, 84, 92)))),
    RECOVERY("recovery", "Recovery", 2.0, new int[] {5, 10, 15, 20, 30},
            (rng, set) -> set.add(steady(uniformInt(rng, 120, 300), uniform(rng, 0.45, 0.55), uniform(rng, 75, 85)))),
    LOW_IMPACT("low_impact", "Low Impact", 3.0, new int[] {10, 15, 20, 30, 45},
            (rng, set) -> set.add(steady(uniformInt(rng, 120, 300), uniform(rng, 0.55, 0.65), uniform(rng, 78, 88)))),
    BEGINNER("beginner", "Beginner", 3.5, new int[] {10, 15, 20, 30}, (rng, set) -> {
        double pct = oneOf(rng, new Double[] {0.55, 0.65, 0.75, 0.85});
        set.add(steady(uniformInt(rng, 120, 240), pct, 80 + 10 * (pct - 0.55)));
    });

    private final String cqlName;
    private final String displayName;
    private final double baseDifficulty;
    private final int[] lengthsMinutes;
    private final BiConsumer<Rng, List<Segment>> mainSetBlock;

    Discipline(String cqlName, String displayName, double baseDifficulty, int[] lengthsMinutes,
               BiConsumer<Rng, List<Segment>> mainSetBlock) {
        this.cqlName = cqlName;
        this.displayName = displayName;
        this.baseDifficulty = baseDifficulty;
        this.lengthsMinutes = lengthsMinutes;
        this.mainSetBlock = mainSetBlock;
    }

    /** The value of {@code classes.discipline}. */
    public String cqlName() {
        return cqlName;
    }

    /** As it reads in a class title: "Power Zone Endurance". */
    public String displayName() {
        return displayName;
    }

    /** Typical difficulty (1..10) riders report for a 30-minute class. */
    double baseDifficulty() {
        return baseDifficulty;
    }

    int[] lengthsMinutes() {
        return lengthsMinutes.clone();
    }

    /** Appends one repetition of the main set's pattern (e.g. one climb and its recovery). */
    void addMainSetBlock(Rng rng, List<Segment> plan) {
        mainSetBlock.accept(rng, plan);
    }
}
