package com.rides.report;

import com.rides.serving.RideStatsReader.LeaderboardEntry;
import com.rides.serving.RideStatsReader.RankedClass;
import com.rides.serving.RideStatsReader.TrendingClass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;

/**
 * Everything the daily report shows, as read from the result tables by
 * {@link ReportReader}: plain values, no rendering. A part that has no data is null
 * (the run, the leaderboard, the rider) or an empty list; the page says so.
 *
 * @param day          the report's day D
 * @param windowDays   the trending window (7 unless asked otherwise)
 * @param coveringRun  the run whose results stand for D (processed_days names it), or null
 * @param laterAttempts nightly runs for D that started after it and did not succeed (or all attempts for D
 *                     when no run covers it)
 * @param quarantine   day D's quarantine rows grouped by kind and reason
 * @param trending     trending_classes (window, as_of D)
 * @param mostTaken    top_classes 'most_taken'
 * @param topRated     top_classes 'top_rated'
 * @param leaderboard  the leaderboard of the #1 trending class (or of the #1 most taken when D has no snapshot)
 * @param trendDays    the 30 days up to D, oldest first: the x axis of {@code trendSeries}
 * @param trendSeries  rides per day of the top trending classes, from class_day_totals
 * @param ratings      the rating histograms (class_stats) of the top-rated classes
 * @param rider        the sample rider, or null when there is none
 * @param checks       day D's data check verdicts (data_checks), failed ones first; empty when D was never checked
 * @param popularNow   "popular right now" at the end of D (trending_now, 24 hours, the newest snapshot up to D+1 00:00)
 * @param weekBoard    this week's board (class_period_leaderboard, the ISO week holding D) of the leaderboard's class
 */
public record DailyReport(LocalDate day, int windowDays, RunCoverage coveringRun, List<JobRun> laterAttempts,
                          List<QuarantineGroup> quarantine, List<TrendingClass> trending, List<RankedClass> mostTaken,
                          List<RankedClass> topRated, Leaderboard leaderboard, List<LocalDate> trendDays,
                          List<ClassSeries> trendSeries, List<RatingHistogram> ratings, RiderSection rider,
                          List<com.rides.checks.Verdict> checks,
                          List<com.rides.serving.RideStatsReader.PopularClass> popularNow,
                          List<com.rides.serving.RideStatsReader.LeaderboardEntry> weekBoard) {

    /** One row of job_runs. */
    public record JobRun(String job, UUID runId, Instant startedAt, Instant finishedAt, LocalDate day, String status,
                         Map<String, Long> counts, String message, String version) {

        public long count(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }

    /** The run that last processed D, and the days (near D) it is still the last run of. */
    public record RunCoverage(JobRun run, LocalDate firstDay, LocalDate lastDay, int days) {
    }

    /** Day D's quarantine rows of one kind and reason; a few ids with their detail as examples. */
    public record QuarantineGroup(String kind, String reason, long rows, List<QuarantineRow> examples) {
    }

    public record QuarantineRow(String id, String detail) {
    }

    public record Leaderboard(UUID classId, String title, String instructor, String chosenAs,
                              List<LeaderboardEntry> entries) {
    }

    /** Rides per day of one class, aligned with {@link DailyReport#trendDays()}. */
    public record ClassSeries(UUID classId, String title, List<Long> workoutsPerDay) {
    }

    /** Riders per star (index 0 = 1 star … 4 = 5 stars) of one class's counting ratings. */
    public record RatingHistogram(UUID classId, String title, long[] riders, Double avgRating, long ratingCount) {
    }

    /** One ride of the sample rider (user_workout_history). */
    public record Ride(Instant startedAt, UUID workoutId, String classTitle, int durationS, double totalOutputKj,
                       double avgOutputW, Integer maxOutputW, Double best60sW, Double best300sW, Double best1200sW) {
    }

    /**
     * The sample rider and their rides up to D, newest first.
     *
     * @param ridesUpToDay     rides on or before D (user_period_stats, period 'day')
     * @param chosenBecause    why this rider is shown
     * @param allTimeBest1200s rank 1 of user_top_workouts 'best_1200s' (all time, may be after D), or null
     */
    public record RiderSection(UUID userId, String username, Integer ftpW, long ridesUpToDay, String chosenBecause,
                               List<Ride> rides, Double allTimeBest1200s) {

        /** The power curve of the rider's personal bests up to D: 1 s, 1 min, 5 min, 20 min (null where none). */
        public Double[] personalBests() {
            return new Double[]{
                    best(r -> r.maxOutputW() == null ? null : r.maxOutputW().doubleValue()),
                    best(Ride::best60sW), best(Ride::best300sW), best(Ride::best1200sW)};
        }

        /** The same points for the rider's latest ride up to D. */
        public Double[] latestRide() {
            if (rides.isEmpty()) {
                return new Double[4];
            }
            Ride r = rides.get(0);
            return new Double[]{r.maxOutputW() == null ? null : r.maxOutputW().doubleValue(),
                    r.best60sW(), r.best300sW(), r.best1200sW()};
        }

        private Double best(Function<Ride, Double> metric) {
            OptionalDouble max = rides.stream().map(metric).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).max();
            return max.isPresent() ? max.getAsDouble() : null;
        }
    }
}
