package com.rides.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.RidesException;
import com.rides.config.RidesConfig;
import com.rides.serving.RideStatsReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Latency of each screen's read (one {@link RideStatsReader} method each) on the
 * benchmark's long-history results: rounds of one call per screen, with riders,
 * classes and rides drawn at random from the data, timed call by call.
 */
final class ServingLatency {

    /** A screen of the app and the reader call that draws it. */
    record Screen(String name, String method) {
    }

    static final List<Screen> SCREENS = List.of(
            new Screen("ride page", "workout"),
            new Screen("history page", "history"),
            new Screen("period chart", "periodTotals"),
            new Screen("personal records", "personalRecords"),
            new Screen("class leaderboard", "classLeaderboard"),
            new Screen("class page", "classPage"),
            new Screen("top classes", "topClasses"),
            new Screen("trending", "trending"));

    private final RideStatsReader reader;
    private final List<UUID> workouts = new ArrayList<>();
    private final List<UUID> users = new ArrayList<>();
    private final List<UUID> classes = new ArrayList<>();
    private final LocalDate asOf;
    private final Random random = new Random(1);

    ServingLatency(CqlSession session, RidesConfig config, LocalDate asOf) {
        this.reader = new RideStatsReader(session, config);
        this.asOf = asOf;
        for (Row r : session.execute("SELECT workout_id, user_id, class_id FROM " + config.statsKeyspace()
                + ".workout_summary LIMIT 2000")) {
            workouts.add(r.getUuid("workout_id"));
            users.add(r.getUuid("user_id"));
            classes.add(r.getUuid("class_id"));
        }
        if (workouts.isEmpty()) {
            throw new RidesException("no rows in " + config.statsKeyspace() + ".workout_summary to read");
        }
    }

    /** Milliseconds per call, per screen method, in call order. */
    static Map<String, List<Double>> empty() {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        SCREENS.forEach(s -> m.put(s.method(), new ArrayList<>()));
        return m;
    }

    /** Runs {@code rounds} rounds, not recorded (connection pools, prepared statements, JIT). */
    void warmUp(int rounds) {
        Map<String, List<Double>> sink = empty();
        for (int i = 0; i < rounds; i++) {
            round(sink);
        }
    }

    /** At least {@code minRounds} rounds, and on while {@code more} says so (at most {@code maxRounds}). */
    Map<String, List<Double>> measure(int minRounds, int maxRounds, BooleanSupplier more) {
        Map<String, List<Double>> ms = empty();
        for (int i = 0; i < maxRounds && (i < minRounds || more.getAsBoolean()); i++) {
            round(ms);
        }
        return ms;
    }

    /** Rounds only while {@code busy} holds: every call recorded overlaps the busy period. */
    Map<String, List<Double>> measureWhile(BooleanSupplier busy, Map<String, List<Double>> into) {
        while (busy.getAsBoolean()) {
            round(into);
        }
        return into;
    }

    private void round(Map<String, List<Double>> ms) {
        int i = random.nextInt(workouts.size());
        UUID workout = workouts.get(i);
        UUID user = users.get(random.nextInt(users.size()));
        UUID clazz = classes.get(random.nextInt(classes.size()));
        time(ms, "workout", () -> reader.workout(workout));
        time(ms, "history", () -> reader.history(user, 20));
        time(ms, "periodTotals", () -> reader.periodTotals(user, "week", 12));
        time(ms, "personalRecords", () -> reader.personalRecords(user, "total_output"));
        time(ms, "classLeaderboard", () -> reader.classLeaderboard(clazz));
        time(ms, "classPage", () -> reader.classPage(clazz));
        time(ms, "topClasses", () -> reader.topClasses("most_taken"));
        time(ms, "trending", () -> reader.trending(7, asOf));
    }

    private static void time(Map<String, List<Double>> ms, String method, Runnable call) {
        long start = System.nanoTime();
        call.run();
        ms.get(method).add((System.nanoTime() - start) / 1e6);
    }
}
