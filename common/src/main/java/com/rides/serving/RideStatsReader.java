package com.rides.serving;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The app's screens, one prepared single-partition query each (the CQL is in
 * docs/tables.md, "How the app reads the results"). Reads at LOCAL_ONE: a screen may lag a replica by
 * moments, and must never wait on another data centre.
 */
public final class RideStatsReader {

    public record Workout(UUID workoutId, UUID userId, UUID classId, Instant startedAt, LocalDate day,
                          int durationS, double totalOutputKj, double avgOutputW, Double normalizedPowerW,
                          Double best1200sW, Double avgHeartRateBpm, double distanceKm, double caloriesKcal,
                          Double intensityFactor, Double tss) {
    }

    public record HistoryEntry(Instant startedAt, UUID workoutId, String classTitle, String instructor, int durationS,
                               double totalOutputKj, double avgOutputW, Double best1200sW, double distanceKm) {
    }

    public record PeriodTotals(LocalDate periodStart, int workouts, long totalDurationS, double totalOutputKj,
                               double distanceKm, double caloriesKcal, double bestTotalOutputKj) {
    }

    public record PersonalRecord(int rank, UUID workoutId, double value, Instant startedAt, String classTitle) {
    }

    public record LeaderboardEntry(int rank, UUID userId, String username, UUID workoutId, double totalOutputKj,
                                   Instant startedAt) {
    }

    public record ClassPage(UUID classId, String title, String instructor, long workouts, Double avgTotalOutputKj,
                            long ratingCount, Double avgRating, Map<Integer, Long> ratingHistogram,
                            Double avgDifficulty) {
    }

    public record RankedClass(int rank, UUID classId, String title, String instructor, double value, long workouts,
                              Double avgRating, long ratingCount) {
    }

    public record TrendingClass(int rank, UUID classId, String title, String instructor, long workouts,
                                Double avgRating) {
    }

    private final CqlSession session;
    private final ConsistencyLevel level;
    /** user_streaks: a rider's totals and streaks. */
    public record Streaks(long rides, double totalOutputKj, LocalDate firstRideDay, LocalDate lastRideDay,
                          int currentDailyStreak, int longestDailyStreak, int currentWeeklyStreak,
                          int longestWeeklyStreak) {
    }

    /** user_milestones: one milestone reached ('rides_N' or 'output_kj_N'). */
    public record Milestone(String milestone, UUID workoutId, Instant reachedAt, LocalDate day) {

        /** The kind, 'rides' or 'output_kj'. */
        public String kind() {
            return milestone.substring(0, milestone.lastIndexOf('_'));
        }

        /** The N. */
        public int threshold() {
            return Integer.parseInt(milestone.substring(milestone.lastIndexOf('_') + 1));
        }
    }

    /** trending_now: one class of a "popular right now" snapshot. */
    public record PopularClass(Instant asOf, int rank, UUID classId, String title, String instructor, long workouts) {
    }

    private final PreparedStatement workout, history, periods, records, leaderboard, classPage, topClasses, trending,
            streaks, milestones, periodLeaderboard, popularNow;

    public RideStatsReader(CqlSession session, RidesConfig config) {
        this(session, config, DefaultConsistencyLevel.LOCAL_ONE);
    }

    public RideStatsReader(CqlSession session, RidesConfig config, ConsistencyLevel level) {
        this.session = session;
        this.level = level;
        String ks = config.statsKeyspace();
        workout = session.prepare("SELECT * FROM " + ks + ".workout_summary WHERE workout_id = ?");
        history = session.prepare("SELECT * FROM " + ks + ".user_workout_history WHERE user_id = ? LIMIT ?");
        periods = session.prepare("SELECT * FROM " + ks + ".user_period_stats WHERE user_id = ? AND period = ? LIMIT ?");
        records = session.prepare("SELECT * FROM " + ks + ".user_top_workouts WHERE user_id = ? AND metric = ?");
        leaderboard = session.prepare("SELECT * FROM " + ks + ".class_leaderboard WHERE class_id = ?");
        classPage = session.prepare("SELECT * FROM " + ks + ".class_stats WHERE class_id = ?");
        topClasses = session.prepare("SELECT * FROM " + ks + ".top_classes WHERE metric = ?");
        trending = session.prepare("SELECT * FROM " + ks + ".trending_classes WHERE window_days = ? AND as_of = ?");
        streaks = session.prepare("SELECT * FROM " + ks + ".user_streaks WHERE user_id = ?");
        milestones = session.prepare("SELECT * FROM " + ks + ".user_milestones WHERE user_id = ?");
        periodLeaderboard = session.prepare("SELECT * FROM " + ks + ".class_period_leaderboard"
                + " WHERE class_id = ? AND period = ? AND period_start = ?");
        // Newest snapshot first (as_of DESC, rank ASC): its rows are the first ones, at most 10.
        popularNow = session.prepare("SELECT * FROM " + ks + ".trending_now WHERE window_hours = ? AND as_of <= ?"
                + " LIMIT " + com.rides.merge.RunScope.LIST_SIZE);
    }

    /** The ride page. */
    public Optional<Workout> workout(UUID workoutId) {
        return one(workout.bind(workoutId), r -> new Workout(r.getUuid("workout_id"), r.getUuid("user_id"),
                r.getUuid("class_id"), r.getInstant("started_at"), r.getLocalDate("day"), r.getInt("duration_s"),
                r.getDouble("total_output_kj"), r.getDouble("avg_output_w"), dbl(r, "normalized_power_w"),
                dbl(r, "best_1200s_w"), dbl(r, "avg_heart_rate_bpm"), r.getDouble("distance_km"),
                r.getDouble("calories_kcal"), dbl(r, "intensity_factor"), dbl(r, "tss")));
    }

    /** The history page: a rider's rides, newest first. */
    public List<HistoryEntry> history(UUID userId, int limit) {
        return all(history.bind(userId, limit), r -> new HistoryEntry(r.getInstant("started_at"),
                r.getUuid("workout_id"), r.getString("class_title"), r.getString("instructor"), r.getInt("duration_s"),
                r.getDouble("total_output_kj"), r.getDouble("avg_output_w"), dbl(r, "best_1200s_w"),
                r.getDouble("distance_km")));
    }

    /** The period chart: 'day', 'week' or 'month' totals, newest first. */
    public List<PeriodTotals> periodTotals(UUID userId, String period, int limit) {
        return all(periods.bind(userId, period, limit), r -> new PeriodTotals(r.getLocalDate("period_start"),
                r.getInt("workouts"), r.getLong("total_duration_s"), r.getDouble("total_output_kj"),
                r.getDouble("distance_km"), r.getDouble("calories_kcal"), r.getDouble("best_total_output_kj")));
    }

    /** Personal records: 'total_output' or 'best_1200s', rank 1 first. */
    public List<PersonalRecord> personalRecords(UUID userId, String metric) {
        return all(records.bind(userId, metric), r -> new PersonalRecord(r.getInt("rank"), r.getUuid("workout_id"),
                r.getDouble("value"), r.getInstant("started_at"), r.getString("class_title")));
    }

    public List<LeaderboardEntry> classLeaderboard(UUID classId) {
        return all(leaderboard.bind(classId), r -> new LeaderboardEntry(r.getInt("rank"), r.getUuid("user_id"),
                r.getString("username"), r.getUuid("workout_id"), r.getDouble("total_output_kj"),
                r.getInstant("started_at")));
    }

    public Optional<ClassPage> classPage(UUID classId) {
        return one(classPage.bind(classId), r -> new ClassPage(r.getUuid("class_id"), r.getString("title"),
                r.getString("instructor"), r.getLong("workouts"), dbl(r, "avg_total_output_kj"),
                r.getLong("rating_count"), dbl(r, "avg_rating"),
                r.getMap("rating_histogram", Integer.class, Long.class), dbl(r, "avg_difficulty")));
    }

    /** 'most_taken' or 'top_rated'. */
    public List<RankedClass> topClasses(String metric) {
        return all(topClasses.bind(metric), r -> new RankedClass(r.getInt("rank"), r.getUuid("class_id"),
                r.getString("title"), r.getString("instructor"), r.getDouble("value"), r.getLong("workouts"),
                dbl(r, "avg_rating"), r.getLong("rating_count")));
    }

    public List<TrendingClass> trending(int windowDays, LocalDate asOf) {
        return all(trending.bind(windowDays, asOf), r -> new TrendingClass(r.getInt("rank"), r.getUuid("class_id"),
                r.getString("title"), r.getString("instructor"), r.getLong("workouts"), dbl(r, "avg_rating")));
    }

    /** The rider's streaks, if they have a kept ride. */
    public Optional<Streaks> streaks(UUID userId) {
        return one(streaks.bind(userId), r -> new Streaks(r.getLong("rides"), r.getDouble("total_output_kj"),
                r.getLocalDate("first_ride_day"), r.getLocalDate("last_ride_day"), r.getInt("current_daily_streak"),
                r.getInt("longest_daily_streak"), r.getInt("current_weekly_streak"),
                r.getInt("longest_weekly_streak")));
    }

    /** The milestones reached: the rides ones, then the output ones, each by N (not by text: rides_100 after rides_25). */
    public List<Milestone> milestones(UUID userId) {
        return all(milestones.bind(userId), r -> new Milestone(r.getString("milestone"), r.getUuid("workout_id"),
                r.getInstant("reached_at"), r.getLocalDate("day"))).stream()
                .sorted(Comparator.comparing((Milestone m) -> !m.kind().equals("rides"))
                        .thenComparingInt(Milestone::threshold))
                .toList();
    }

    /** A class's board of one period: 'week' (ISO, from {@link #weekStart}) or 'month' (from {@link #monthStart}). */
    public List<LeaderboardEntry> periodLeaderboard(UUID classId, String period, LocalDate periodStart) {
        return all(periodLeaderboard.bind(classId, period, periodStart), r -> new LeaderboardEntry(r.getInt("rank"),
                r.getUuid("user_id"), r.getString("username"), r.getUuid("workout_id"), r.getDouble("total_output_kj"),
                r.getInstant("started_at")));
    }

    /** The Monday of the ISO week holding the day: period_start of its week board. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    /** The first of the month holding the day: period_start of its month board. */
    public static LocalDate monthStart(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    /** "Popular right now": the newest snapshot of the window at or before the instant (empty if none). */
    public List<PopularClass> popularNow(int windowHours, Instant at) {
        List<PopularClass> rows = all(popularNow.bind(windowHours, at), r -> new PopularClass(r.getInstant("as_of"),
                r.getInt("rank"), r.getUuid("class_id"), r.getString("title"), r.getString("instructor"),
                r.getLong("workouts")));
        // A snapshot of fewer than 10 classes is followed by rows of the one before it.
        return rows.isEmpty() ? rows : rows.stream().filter(p -> p.asOf().equals(rows.get(0).asOf())).toList();
    }

    private <T> Optional<T> one(BoundStatement s, Function<Row, T> map) {
        Row r = session.execute(s.setConsistencyLevel(level)).one();
        return r == null ? Optional.empty() : Optional.of(map.apply(r));
    }

    private <T> List<T> all(BoundStatement s, Function<Row, T> map) {
        return session.execute(s.setConsistencyLevel(level)).all().stream().map(map).toList();
    }

    private static Double dbl(Row r, String column) {
        return r.isNull(column) ? null : r.getDouble(column);
    }
}
