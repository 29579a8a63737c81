package com.rides.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.rides.generate.Draw.chance;
import static com.rides.generate.Draw.clamp;
import static com.rides.generate.Draw.normal;
import static com.rides.generate.Draw.oneOf;
import static com.rides.generate.Draw.uniformInt;

/**
 * The class library and how riders choose from it. Popularity follows a power law
 * (Zipf, exponent {@value #ZIPF_EXPONENT}, by catalogue position): a handful of
 * classes take a large share of the rides, as on every on-demand platform.
 */
final class ClassCatalog {

    static final double ZIPF_EXPONENT = 1.0;
    /** Share of classes that first aired inside the generated period rather than before it. */
    static final double NEW_CLASS_SHARE = 0.15;

    private static final String[] INSTRUCTORS = {
        "Ava Moreno", "Ben Okafor", "Chloe Tan", "Dario Ricci", "Elena Petrova", "Femi Adeyemi", "Grace Liu",
        "Hugo Lindqvist", "Isla Murray", "Jonas Becker", "Kira Sato", "Leo Alvarez", "Maya Cohen", "Noah Fischer",
        "Priya Nair"};
    private static final String[] THEMES = {"80s", "90s", "Pop", "Rock", "Hip Hop", "Latin", "EDM", "Country"};
    private static final Discipline[] DISCIPLINES = Discipline.values();
    /** How often each discipline appears in the library, in {@link Discipline} order. */
    private static final double[] DISCIPLINE_SHARES = {0.12, 0.12, 0.06, 0.12, 0.12, 0.12, 0.08, 0.08, 0.10, 0.08};
    /** How often each class length is produced: 20–45 minutes dominate. */
    private static final int[] LENGTHS = {5, 10, 15, 20, 30, 45, 60, 75, 90};
    private static final double[] LENGTH_SHARES = {0.3, 0.8, 0.8, 1.5, 2.0, 1.5, 0.9, 0.3, 0.3};
    /** Tries to find a popular class that had aired by the ride's start before taking the fallback. */
    private static final int PICK_TRIES = 8;

    private final List<ClassProfile> classes;
    private final double[] cumulativePopularity;

    private ClassCatalog(List<ClassProfile> classes) {
        this.classes = classes;
        this.cumulativePopularity = new double[classes.size()];
        double sum = 0;
        for (int i = 0; i < classes.size(); i++) {
            sum += classes.get(i).popularity();
            cumulativePopularity[i] = sum;
        }
    }

    static ClassCatalog draw(GeneratorSpec spec) {
        List<ClassProfile> classes = new ArrayList<>(spec.classes());
        for (int i = 0; i < spec.classes(); i++) {
            classes.add(drawClass(spec, i));
        }
        return new ClassCatalog(List.copyOf(classes));
    }

    List<ClassProfile> classes() {
        return classes;
    }

    /**
     * A class for a ride starting at {@code startedAt}, by popularity among the
     * classes that had aired by then. Class 0, the most popular, always aired before
     * the period, so a choice always exists.
     */
    ClassProfile pick(Rng rng, Instant startedAt) {
        double total = cumulativePopularity[cumulativePopularity.length - 1];
        for (int attempt = 0; attempt < PICK_TRIES; attempt++) {
            int i = Arrays.binarySearch(cumulativePopularity, rng.nextDouble() * total);
            ClassProfile c = classes.get(i >= 0 ? i : -i - 1);
            if (!c.row().airedAt().isAfter(startedAt)) {
                return c;
            }
        }
        return classes.get(0);
    }

    private static ClassProfile drawClass(GeneratorSpec spec, int index) {
        Rng rng = Seeds.rng(spec.seed(), Seeds.CLASS, index);
        Discipline discipline = DISCIPLINES[Draw.weighted(rng, DISCIPLINE_SHARES)];
        int minutes = Math.min(drawLength(discipline, rng), spec.maxClassMinutes());
        String theme = chance(rng, 0.25) ? oneOf(rng, THEMES) + " " : "";
        String title = minutes + " min " + theme + discipline.displayName() + " Ride";
        String instructor = oneOf(rng, INSTRUCTORS);
        Instant airedAt = airedAt(spec, index, rng);
        double meanRating = clamp(normal(rng, 4.15, 0.3), 3.2, 4.8);
        double difficulty = clamp(discipline.baseDifficulty() + 0.7 * (minutes - 30) / 30.0 + normal(rng, 0, 0.5),
                1, 10);
        double popularity = 1.0 / StrictMath.pow(index + 1, ZIPF_EXPONENT);
        RideClass row = new RideClass(Seeds.uuid(rng), title, instructor, discipline.cqlName(), minutes * 60, airedAt);
        return new ClassProfile(index, row, discipline, meanRating, difficulty, popularity);
    }

    private static int drawLength(Discipline discipline, Rng rng) {
        int[] offered = discipline.lengthsMinutes();
        double[] weights = new double[offered.length];
        for (int i = 0; i < offered.length; i++) {
            weights[i] = LENGTH_SHARES[Arrays.binarySearch(LENGTHS, offered[i])];
        }
        return offered[Draw.weighted(rng, weights)];
    }

    /** Studio classes air on the hour or half hour, in the afternoon and evening UTC. */
    private static Instant airedAt(GeneratorSpec spec, int index, Rng rng) {
        LocalDate day = index > 0 && chance(rng, NEW_CLASS_SHARE)
                ? spec.firstDay().plusDays(rng.nextInt(spec.days()))
                : spec.firstDay().minusDays(uniformInt(rng, 1, 365));
        int minuteOfDay = uniformInt(rng, 11, 23) * 60 + (rng.nextBoolean() ? 30 : 0);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(minuteOfDay * 60L);
    }
}
