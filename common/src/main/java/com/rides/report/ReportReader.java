package com.rides.report;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.checks.CheckLevel;
import com.rides.checks.CheckStore;
import com.rides.checks.Verdict;
import com.rides.config.RidesConfig;
import com.rides.report.DailyReport.ClassSeries;
import com.rides.report.DailyReport.JobRun;
import com.rides.report.DailyReport.Leaderboard;
import com.rides.report.DailyReport.QuarantineGroup;
import com.rides.report.DailyReport.QuarantineRow;
import com.rides.report.DailyReport.RatingHistogram;
import com.rides.report.DailyReport.Ride;
import com.rides.report.DailyReport.RiderSection;
import com.rides.report.DailyReport.RunCoverage;
import com.rides.serving.RideStatsReader;
import com.rides.serving.RideStatsReader.LeaderboardEntry;
import com.rides.serving.RideStatsReader.RankedClass;
import com.rides.serving.RideStatsReader.TrendingClass;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads what the daily report shows with the Java driver, one partition per query (no
 * Spark: once the driver is connected, the reads take a fraction of a second). The
 * app's screens come through {@link RideStatsReader}; the run log, quarantine, working
 * state and a rider's full history through the prepared statements here. Nothing is
 * scanned: the sample rider is chosen among the riders on the most-taken classes'
 * leaderboards.
 */
public final class ReportReader {

    /** The "popular right now" window the report shows: trending_now's default. */
    static final int POPULAR_WINDOW_HOURS = 24;

    /** How many trending classes the trend chart follows. */
    static final int TREND_CLASSES = 5;
    /** The trend chart's span: the 30 days up to D. */
    static final int TREND_DAYS = 30;
    /** Days on each side of D searched for the other days a run processed. */
    static final int COVERAGE_SPAN_DAYS = 90;
    /** Attempts for D are looked for among this many latest nightly runs when none covers D. */
    static final int RECENT_RUNS = 500;
    static final int EXAMPLES_PER_GROUP = 3;

    private final CqlSession session;
    private final RideStatsReader screens;
    private final CheckStore checkStore;
    private final ConsistencyLevel level = DefaultConsistencyLevel.LOCAL_ONE;
    private final PreparedStatement processedDay, processedDays, runsUntil, runsAfter, recentRuns, quarantine,
            classDays, riderDays, history, rider;

    public ReportReader(CqlSession session, RidesConfig config) {
        this.session = session;
        this.screens = new RideStatsReader(session, config);
        this.checkStore = new CheckStore(session, config);
        processedDay = session.prepare("SELECT run_id, finished_at FROM " + config.qualifiedStats("processed_days")
                + " WHERE job = 'nightly' AND day = ?");
        processedDays = session.prepare("SELECT day, run_id FROM " + config.qualifiedStats("processed_days")
                + " WHERE job = 'nightly' AND day >= ? AND day <= ?");
        String runs = "SELECT job, started_at, run_id, day, status, finished_at, counts, message, version FROM "
                + config.qualifiedStats("job_runs") + " WHERE job = ?";
        runsUntil = session.prepare(runs + " AND started_at <= ?");
        runsAfter = session.prepare(runs + " AND started_at > ?");
        recentRuns = session.prepare(runs + " LIMIT ?");
        quarantine = session.prepare("SELECT kind, id, reason, detail FROM " + config.qualifiedStats("quarantine")
                + " WHERE day = ?");
        classDays = session.prepare("SELECT day, workouts FROM " + config.qualifiedStats("class_day_totals")
                + " WHERE class_id = ? AND day >= ? AND day <= ?");
        riderDays = session.prepare("SELECT workouts FROM " + config.qualifiedStats("user_period_stats")
                + " WHERE user_id = ? AND period = 'day' AND period_start <= ?");
        history = session.prepare("SELECT started_at, workout_id, class_title, duration_s, total_output_kj,"
                + " avg_output_w, max_output_w, best_60s_w, best_300s_w, best_1200s_w FROM "
                + config.qualifiedStats("user_workout_history") + " WHERE user_id = ? AND started_at < ?");
        rider = session.prepare("SELECT username, ftp_w FROM " + config.qualifiedRaw("riders") + " WHERE user_id = ?");
    }

    /** Everything the report of day D shows; {@code riderOverride} picks the sample rider (null: the busiest). */
    public DailyReport read(LocalDate day, int windowDays, UUID riderOverride) {
        RunCoverage covering = coveringRun(day);
        List<JobRun> attempts = otherAttempts(day, covering);
        List<TrendingClass> trending = screens.trending(windowDays, day);
        List<RankedClass> mostTaken = screens.topClasses("most_taken");
        List<RankedClass> topRated = screens.topClasses("top_rated");
        List<LocalDate> trendDays = new ArrayList<>();
        for (int i = TREND_DAYS - 1; i >= 0; i--) {
            trendDays.add(day.minusDays(i));
        }
        List<ClassSeries> series = trending.stream().limit(TREND_CLASSES)
                .map(t -> series(t.classId(), t.title(), trendDays)).toList();
        List<RatingHistogram> ratings = topRated.stream().map(this::histogram).flatMap(Optional::stream).toList();
        Map<UUID, List<LeaderboardEntry>> boards = new HashMap<>();
        Leaderboard leaderboard = leaderboard(trending, mostTaken, boards);
        RiderSection riderSection = riderSection(day, riderOverride, mostTaken, boards);
        // The week's board of the class the leaderboard section shows: the product page's
        // "this week" tab next to the all-time one, for the same class.
        List<LeaderboardEntry> weekBoard = leaderboard == null ? List.of()
                : screens.periodLeaderboard(leaderboard.classId(), "week", RideStatsReader.weekStart(day));
        List<RideStatsReader.PopularClass> popular = screens.popularNow(POPULAR_WINDOW_HOURS,
                day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        return new DailyReport(day, windowDays, covering, attempts, quarantine(day), trending, mostTaken, topRated,
                leaderboard, trendDays, series, ratings, riderSection, checks(day), popular, weekBoard);
    }

    /** Day D's verdicts, the failed ones first (errors before warnings), then in the table's order. */
    List<Verdict> checks(LocalDate day) {
        List<Verdict> all = new ArrayList<>(checkStore.verdicts(day));
        all.sort(Comparator.comparingInt((Verdict v) -> v.failed() ? (v.level() == CheckLevel.ERROR ? 0 : 1) : 2));
        return all;
    }

    /** The run processed_days names for D, found in the nightly log (or the rebuild log). */
    RunCoverage coveringRun(LocalDate day) {
        Row pd = session.execute(bind(processedDay.bind(day))).one();
        if (pd == null || pd.isNull("run_id")) {
            return null;
        }
        UUID runId = pd.getUuid("run_id");
        // The run started before it marked the day processed (a minute's grace for clock skew
        // between the Spark driver and the executors).
        Instant until = pd.isNull("finished_at") ? Instant.parse("9999-12-31T00:00:00Z")
                : pd.getInstant("finished_at").plusSeconds(60);
        for (String job : List.of("rebuild", "nightly")) {
            // Newest first, paged: the covering run is normally among the first rows; rebuilds are rare.
            for (Row r : session.execute(bind(runsUntil.bind(job, until)))) {
                if (runId.equals(r.getUuid("run_id"))) {
                    return coverage(jobRun(r), day);
                }
            }
        }
        return null;
    }

    private RunCoverage coverage(JobRun run, LocalDate day) {
        List<LocalDate> days = new ArrayList<>();
        for (Row r : session.execute(bind(processedDays.bind(day.minusDays(COVERAGE_SPAN_DAYS),
                day.plusDays(COVERAGE_SPAN_DAYS))))) {
            if (run.runId().equals(r.getUuid("run_id"))) {
                days.add(r.getLocalDate("day"));
            }
        }
        if (days.isEmpty()) {
            days.add(day); // processed again between the two reads
        }
        days.sort(Comparator.naturalOrder());
        return new RunCoverage(run, days.get(0), days.get(days.size() - 1), days.size());
    }

    /**
     * Nightly runs for D that did not (yet) succeed: those started after the covering run,
     * or, when no run covers D, the latest attempts whose day is D.
     */
    List<JobRun> otherAttempts(LocalDate day, RunCoverage covering) {
        List<JobRun> out = new ArrayList<>();
        Iterable<Row> rows = covering != null
                ? session.execute(bind(runsAfter.bind("nightly", covering.run().startedAt())))
                : session.execute(bind(recentRuns.bind("nightly", RECENT_RUNS)));
        for (Row r : rows) {
            JobRun run = jobRun(r);
            if (day.equals(run.day()) && !"succeeded".equals(run.status())) {
                out.add(run);
            }
        }
        return out;
    }

    List<QuarantineGroup> quarantine(LocalDate day) {
        Map<List<String>, List<QuarantineRow>> groups = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Row r : session.execute(bind(quarantine.bind(day)))) {
            String reason = r.getString("reason");
            groups.computeIfAbsent(List.of(r.getString("kind"), reason == null ? "" : reason), k -> new ArrayList<>())
                    .add(new QuarantineRow(r.getString("id"), r.getString("detail")));
        }
        List<QuarantineGroup> out = new ArrayList<>();
        groups.forEach((k, rows) -> out.add(new QuarantineGroup(k.get(0), k.get(1), rows.size(),
                rows.stream().limit(EXAMPLES_PER_GROUP).toList())));
        return out;
    }

    private ClassSeries series(UUID classId, String title, List<LocalDate> days) {
        Map<LocalDate, Long> perDay = new HashMap<>();
        for (Row r : session.execute(bind(classDays.bind(classId, days.get(0), days.get(days.size() - 1))))) {
            perDay.put(r.getLocalDate("day"), r.getLong("workouts"));
        }
        return new ClassSeries(classId, title, days.stream().map(d -> perDay.getOrDefault(d, 0L)).toList());
    }

    private Optional<RatingHistogram> histogram(RankedClass c) {
        return screens.classPage(c.classId()).map(p -> {
            long[] riders = new long[5];
            p.ratingHistogram().forEach((stars, n) -> {
                if (stars != null && stars >= 1 && stars <= 5 && n != null) {
                    riders[stars - 1] = n;
                }
            });
            return new RatingHistogram(c.classId(), p.title(), riders, p.avgRating(), p.ratingCount());
        });
    }

    private Leaderboard leaderboard(List<TrendingClass> trending, List<RankedClass> mostTaken,
                                    Map<UUID, List<LeaderboardEntry>> boards) {
        if (!trending.isEmpty()) {
            TrendingClass t = trending.get(0);
            return new Leaderboard(t.classId(), t.title(), t.instructor(), "the #1 trending class",
                    board(t.classId(), boards));
        }
        if (!mostTaken.isEmpty()) {
            RankedClass c = mostTaken.get(0);
            return new Leaderboard(c.classId(), c.title(), c.instructor(),
                    "the #1 most taken class (no trending snapshot for the day)", board(c.classId(), boards));
        }
        return null;
    }

    private List<LeaderboardEntry> board(UUID classId, Map<UUID, List<LeaderboardEntry>> boards) {
        return boards.computeIfAbsent(classId, screens::classLeaderboard);
    }

    /**
     * The rider asked for, else the rider with the most rides up to D among those on the
     * leaderboards of the most-taken classes (ties: the smaller user_id text).
     */
    RiderSection riderSection(LocalDate day, UUID override, List<RankedClass> mostTaken,
                              Map<UUID, List<LeaderboardEntry>> boards) {
        UUID chosen = override;
        long rides = 0;
        String because;
        Map<UUID, String> usernames = new HashMap<>();
        if (override != null) {
            rides = ridesUpTo(override, day);
            because = "chosen with --rider";
        } else {
            Set<UUID> candidates = new LinkedHashSet<>();
            for (RankedClass c : mostTaken) {
                for (LeaderboardEntry e : board(c.classId(), boards)) {
                    candidates.add(e.userId());
                    usernames.put(e.userId(), e.username());
                }
            }
            for (UUID u : candidates) {
                long n = ridesUpTo(u, day);
                if (n > 0 && (chosen == null || n > rides
                        || (n == rides && u.toString().compareTo(chosen.toString()) < 0))) {
                    chosen = u;
                    rides = n;
                }
            }
            if (chosen == null) {
                return null;
            }
            because = "the most rides up to " + day + " among the " + candidates.size()
                    + " riders on the leaderboards of the most taken classes";
        }
        Row r = session.execute(bind(rider.bind(chosen))).one();
        String username = r != null && !r.isNull("username") ? r.getString("username") : usernames.get(chosen);
        Integer ftp = r != null && !r.isNull("ftp_w") ? r.getInt("ftp_w") : null;
        Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Ride> history = new ArrayList<>();
        for (Row h : session.execute(bind(this.history.bind(chosen, endOfDay)))) {
            history.add(new Ride(h.getInstant("started_at"), h.getUuid("workout_id"), h.getString("class_title"),
                    h.getInt("duration_s"), h.getDouble("total_output_kj"), h.getDouble("avg_output_w"),
                    h.isNull("max_output_w") ? null : h.getInt("max_output_w"), dbl(h, "best_60s_w"),
                    dbl(h, "best_300s_w"), dbl(h, "best_1200s_w")));
        }
        Double allTime = screens.personalRecords(chosen, "best_1200s").stream().findFirst()
                .map(RideStatsReader.PersonalRecord::value).orElse(null);
        return new RiderSection(chosen, username, ftp, rides, because, history, allTime);
    }

    private long ridesUpTo(UUID user, LocalDate day) {
        long n = 0;
        for (Row r : session.execute(bind(riderDays.bind(user, day)))) {
            n += r.getInt("workouts");
        }
        return n;
    }

    private BoundStatement bind(BoundStatement s) {
        return s.setConsistencyLevel(level);
    }

    private static JobRun jobRun(Row r) {
        Map<String, Long> counts = r.isNull("counts") ? Map.of()
                : new LinkedHashMap<>(r.getMap("counts", String.class, Long.class));
        return new JobRun(r.getString("job"), r.getUuid("run_id"), r.getInstant("started_at"),
                r.getInstant("finished_at"), r.getLocalDate("day"), r.getString("status"), counts,
                r.getString("message"), r.getString("version"));
    }

    private static Double dbl(Row r, String column) {
        return r.isNull(column) ? null : r.getDouble(column);
    }
}
