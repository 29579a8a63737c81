package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.RidesException;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.serving.RideStatsReader;
import com.rides.serving.RideStatsReader.RankedClass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * `show --date D`: prints what the app's screens would show, read the way the app
 * reads them (one partition each): a rider's last rides and records, a class
 * leaderboard, the top classes and the day's trending classes.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the result tables as the app's screens show them.")
public class ShowJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--date", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "the day whose trending classes to show")
    LocalDate date;

    @Option(names = "--user", description = "rider to show (default: the leader of the most taken class)")
    UUID user;

    @Option(names = "--class", description = "class to show (default: the most taken class)")
    UUID classId;

    @Option(names = "--window", description = "trending window in days (default 7)")
    int window = 7;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        try (CqlSession session = CassandraSessions.open(config)) {
            out().print(render(new RideStatsReader(session, config), date, user, classId, window));
        }
        return 0;
    }

    static String render(RideStatsReader read, LocalDate date, UUID user, UUID classId, int window) {
        List<RankedClass> mostTaken = read.topClasses("most_taken");
        if (mostTaken.isEmpty()) {
            throw new RidesException("no results yet: run nightly, backfill or rebuild first");
        }
        UUID cls = classId != null ? classId : mostTaken.get(0).classId();
        List<RideStatsReader.LeaderboardEntry> board = read.classLeaderboard(cls);
        UUID rider = user != null ? user : board.isEmpty() ? null : board.get(0).userId();
        StringBuilder out = new StringBuilder();
        if (rider != null) {
            ConsoleTable history = new ConsoleTable("Last five rides of rider " + rider,
                    "started (UTC)", "class", "instructor", "min", "output kJ", "avg W", "best 20min W", "km");
            for (var h : read.history(rider, 5)) {
                history.row(h.startedAt(), h.classTitle(), h.instructor(), h.durationS() / 60, h.totalOutputKj(),
                        h.avgOutputW(), h.best1200sW(), String.format("%.2f", h.distanceKm()));
            }
            out.append(history.render());
            ConsoleTable records = new ConsoleTable("All-time top 10 rides of rider " + rider + " by total output",
                    "rank", "output kJ", "started (UTC)", "class");
            for (var r : read.personalRecords(rider, "total_output")) {
                records.row(r.rank(), r.value(), r.startedAt(), r.classTitle());
            }
            out.append(records.render());
            out.append(streaks(read, rider));
        }
        String title = read.classPage(cls).map(p -> p.title() + " with " + p.instructor()).orElse(cls.toString());
        ConsoleTable leaders = new ConsoleTable("Leaderboard of " + title, "rank", "rider", "output kJ",
                "started (UTC)");
        board.forEach(e -> leaders.row(e.rank(), e.username(), e.totalOutputKj(), e.startedAt()));
        out.append(leaders.render());
        // The week's and the month's boards of the day shown: what the class page shows next to all time.
        for (String period : List.of("week", "month")) {
            LocalDate start = period.equals("week") ? RideStatsReader.weekStart(date) : RideStatsReader.monthStart(date);
            ConsoleTable periodBoard = new ConsoleTable("This " + period + "'s leaderboard of " + title + " ("
                    + period + " from " + start + ")", "rank", "rider", "output kJ", "started (UTC)");
            read.periodLeaderboard(cls, period, start)
                    .forEach(e -> periodBoard.row(e.rank(), e.username(), e.totalOutputKj(), e.startedAt()));
            out.append(periodBoard.render());
        }
        for (String metric : List.of("most_taken", "top_rated")) {
            // most_taken's value is its rides, shown once; top_rated's is the Bayesian score it ranks by,
            // which pulls a class with few ratings towards the mean: named, so it is not read as a rating.
            boolean rated = metric.equals("top_rated");
            ConsoleTable top = rated
                    ? new ConsoleTable("Top classes: top_rated, by Bayesian score (20 * mean of all ratings + sum of "
                    + "the class's ratings) / (20 + its ratings)", "rank", "class", "instructor", "score", "rides",
                    "avg rating", "ratings")
                    : new ConsoleTable("Top classes: most_taken, by rides (all time)", "rank", "class", "instructor",
                    "rides", "avg rating", "ratings");
            for (RankedClass c : rated ? read.topClasses(metric) : mostTaken) {
                String rating = c.avgRating() == null ? null : String.format(Locale.ROOT, "%.2f", c.avgRating());
                if (rated) {
                    top.row(c.rank(), c.title(), c.instructor(), String.format(Locale.ROOT, "%.3f", c.value()),
                            c.workouts(), rating, c.ratingCount());
                } else {
                    top.row(c.rank(), c.title(), c.instructor(), c.workouts(), rating, c.ratingCount());
                }
            }
            out.append(top.render());
        }
        ConsoleTable trending = new ConsoleTable("Trending classes on " + date + " (last " + window + " days)",
                "rank", "class", "instructor", "rides", "avg rating");
        for (var t : read.trending(window, date)) {
            trending.row(t.rank(), t.title(), t.instructor(), t.workouts(),
                    t.avgRating() == null ? null : String.format("%.2f", t.avgRating()));
        }
        out.append(trending.render());
        // "Right now" for a past day is its last hour: the snapshot at the end of the day.
        Instant endOfDay = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<RideStatsReader.PopularClass> popular = read.popularNow(POPULAR_WINDOW_HOURS, endOfDay);
        ConsoleTable now = new ConsoleTable("Popular right now" + (popular.isEmpty() ? ""
                : " (rides started in the " + POPULAR_WINDOW_HOURS + " hours before " + popular.get(0).asOf() + ")"),
                "rank", "class", "instructor", "rides");
        popular.forEach(p -> now.row(p.rank(), p.title(), p.instructor(), p.workouts()));
        out.append(now.render());
        return out.toString();
    }

    /** The app's default "popular right now" window (trending_now's default). */
    static final int POPULAR_WINDOW_HOURS = 24;

    /** The rider's streak bar and milestones. */
    static String streaks(RideStatsReader read, UUID rider) {
        StringBuilder out = new StringBuilder();
        read.streaks(rider).ifPresent(s -> {
            ConsoleTable t = new ConsoleTable("Streaks of rider " + rider + " (the current ones end on the last ride day)",
                    "rides", "output kJ", "first ride", "last ride", "daily now", "daily best", "weekly now",
                    "weekly best");
            t.row(s.rides(), String.format(Locale.ROOT, "%.1f", s.totalOutputKj()), s.firstRideDay(), s.lastRideDay(),
                    bar(s.currentDailyStreak(), s.longestDailyStreak()), s.longestDailyStreak(),
                    bar(s.currentWeeklyStreak(), s.longestWeeklyStreak()), s.longestWeeklyStreak());
            out.append(t.render());
        });
        ConsoleTable m = new ConsoleTable("Milestones of rider " + rider, "milestone", "reached (UTC)", "day", "ride");
        read.milestones(rider).forEach(x -> m.row(x.milestone(), x.reachedAt(), x.day(), x.workoutId()));
        out.append(m.render());
        return out.toString();
    }

    /** A streak as a bar against the rider's best: "###---- 3". */
    static String bar(int current, int longest) {
        int width = Math.min(longest, 20);
        int filled = longest == 0 ? 0 : (int) Math.round((double) current * width / longest);
        return "#".repeat(filled) + "-".repeat(width - filled) + " " + current;
    }
}
