package com.rides.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.rides.generate.Draw.chance;
import static com.rides.generate.Draw.clamp;
import static com.rides.generate.Draw.logNormal;
import static com.rides.generate.Draw.normal;
import static com.rides.generate.Draw.oneOf;
import static com.rides.generate.Draw.uniformInt;

/** Draws the riders: each one from its own seed, so rider i is the same whatever the population size. */
final class RiderPopulation {

    /** Share of riders who never took an FTP test. */
    static final double NO_FTP_SHARE = 0.04;
    /** Share of riders without a max heart rate set. */
    static final double NO_MAX_HR_SHARE = 0.08;

    private static final String[] WORDS = {
        "spin", "pedal", "watt", "climb", "cadence", "sweat", "ride", "hill", "sprint", "zone", "cycle", "power",
        "tempo", "saddle", "gear", "torque"};
    private static final String[] SUFFIXES = {
        "Queen", "King", "Junkie", "Addict", "Hunter", "Machine", "Crusher", "Fan", "Life", "Mama", "Dad", "Nerd",
        "Beast", "Bunny", "Monster", "Pro"};
    private static final String[] FIRST_NAMES = {
        "jess", "mike", "sarah", "dave", "emma", "chris", "anna", "tom", "lisa", "matt", "kate", "josh", "amy",
        "ryan", "nina", "alex", "sam", "maria", "luis", "priya", "kenji", "olga", "femi", "zoe"};
    private static final String[] DEVICES = {"bike", "bike+", "app"};
    private static final double[] DEVICE_SHARES = {0.60, 0.34, 0.06};

    private RiderPopulation() {
    }

    static List<RiderProfile> draw(GeneratorSpec spec) {
        List<RiderProfile> riders = new ArrayList<>(spec.users());
        for (int i = 0; i < spec.users(); i++) {
            riders.add(draw(spec, i));
        }
        return List.copyOf(riders);
    }

    static RiderProfile draw(GeneratorSpec spec, int index) {
        Rng rng = Seeds.rng(spec.seed(), Seeds.RIDER, index);
        var userId = Seeds.uuid(rng);
        String username = username(rng);
        // FTP of a broad indoor-cycling population: right-skewed around 200 W.
        double ability = clamp(logNormal(rng, 200, 0.25), 80, 450);
        // The stored FTP comes from an older test: off by a few per cent.
        int storedFtp = (int) Math.round(clamp(ability * normal(rng, 1.0, 0.05), 80, 450));
        int age = (int) Math.round(clamp(normal(rng, 40, 11), 18, 70));
        int maxHr = (int) Math.round(clamp(208 - 0.7 * age + normal(rng, 0, 6), 150, 210));
        int restingHr = (int) Math.round(clamp(normal(rng, 62, 7), 45, 85));
        // Activity is very uneven: a few riders ride daily, many a couple of times a week.
        double ridesPerDay = clamp(logNormal(rng, 0.22, 0.9), 0.01, 1.6);
        String device = DEVICES[Draw.weighted(rng, DEVICE_SHARES)];
        LocalDate firstDay = spec.firstDay();
        Instant createdAt = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant()
                .minusSeconds(uniformInt(rng, 1, 900) * 86_400L)
                .plusSeconds(rng.nextInt(86_400));
        Integer ftpW = chance(rng, NO_FTP_SHARE) ? null : storedFtp;
        Integer maxHrW = chance(rng, NO_MAX_HR_SHARE) ? null : maxHr;
        Rider row = new Rider(userId, username, ftpW, maxHrW, createdAt);
        return new RiderProfile(index, row, ability, maxHr, restingHr, ridesPerDay, device);
    }

    private static String username(Rng rng) {
        return switch (rng.nextInt(3)) {
            case 0 -> oneOf(rng, WORDS) + oneOf(rng, SUFFIXES) + (chance(rng, 0.6) ? uniformInt(rng, 1, 99) : "");
            case 1 -> oneOf(rng, FIRST_NAMES) + "_" + oneOf(rng, WORDS) + "s";
            default -> oneOf(rng, FIRST_NAMES) + (char) ('a' + rng.nextInt(26)) + uniformInt(rng, 60, 99);
        };
    }
}
