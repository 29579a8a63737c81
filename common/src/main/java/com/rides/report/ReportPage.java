package com.rides.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rides.RidesException;
import com.rides.report.DailyReport.ClassSeries;
import com.rides.report.DailyReport.JobRun;
import com.rides.report.DailyReport.QuarantineGroup;
import com.rides.report.DailyReport.RatingHistogram;
import com.rides.report.DailyReport.Ride;
import com.rides.report.DailyReport.RiderSection;
import com.rides.report.DailyReport.RunCoverage;
import com.rides.serving.RideStatsReader.RankedClass;
import com.rides.validation.FieldViolation;
import com.rides.validation.SampleField;
import com.rides.validation.ViolationCounts;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders a {@link DailyReport} as one self-contained HTML page: the Mustache
 * template {@code report/report.html.mustache}, its chart script {@code report/report.js}
 * and Chart.js's minified build, read from its webjar on the classpath, all inlined.
 * The page fetches nothing: the chart data travel as one JSON block in the page.
 */
public final class ReportPage {

    static final String TEMPLATE = "report/report.html.mustache";
    static final String APP_SCRIPT = "report/report.js";
    static final String CHARTJS_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=.*$");
    private static final int RIDER_CHART_RIDES = 30;
    private static final int RIDER_TABLE_RIDES = 5;
    private static final String NONE = "–";

    private ReportPage() {
    }

    /** The page, with its title line naming the stats keyspace it was read from. */
    public static String render(DailyReport report, String statsKeyspace, Instant generatedAt) {
        Map<String, Object> view = view(report, statsKeyspace, generatedAt);
        Template template = Mustache.compiler().escapeHTML(true).nullValue(NONE).compile(resource(TEMPLATE));
        return template.execute(view);
    }

    static Map<String, Object> view(DailyReport r, String statsKeyspace, Instant generatedAt) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("day", r.day().toString());
        v.put("windowDays", r.windowDays());
        v.put("keyspace", statsKeyspace);
        v.put("generatedAt", TIME.format(generatedAt));
        v.put("run", r.coveringRun() == null ? List.of() : List.of(runView(r.coveringRun())));
        v.put("attempts", r.laterAttempts().stream().map(ReportPage::attemptView).toList());
        v.put("quarantine", r.quarantine().stream().map(ReportPage::quarantineView).toList());
        v.put("quarantineRows", count(r.quarantine().stream().mapToLong(QuarantineGroup::rows).sum()));
        v.put("checks", r.checks().stream().map(c -> row("check", c.check(), "level", c.level().code(),
                "verdict", c.outcome().code(), "detail", c.detail())).toList());
        v.put("checksFailed", count(r.checks().stream().filter(com.rides.checks.Verdict::failed).count()));
        v.put("trending", r.trending().stream().map(t -> row(
                "rank", t.rank(), "title", t.title(), "instructor", t.instructor(),
                "workouts", count(t.workouts()), "avgRating", fixed(t.avgRating(), 2))).toList());
        v.put("mostTaken", r.mostTaken().stream().map(c -> classView(c, count((long) c.value()))).toList());
        v.put("topRated", r.topRated().stream().map(c -> classView(c, fixed(c.value(), 3))).toList());
        v.put("leaderboard", r.leaderboard() == null ? List.of() : List.of(row(
                "title", r.leaderboard().title(), "instructor", r.leaderboard().instructor(),
                "chosenAs", r.leaderboard().chosenAs(), "classId", r.leaderboard().classId(),
                "entries", r.leaderboard().entries().stream().map(e -> row(
                        "rank", e.rank(), "username", e.username(), "userId", e.userId(),
                        "outputKj", fixed(e.totalOutputKj(), 1), "startedAt", TIME.format(e.startedAt()))).toList())));
        v.put("rider", r.rider() == null ? List.of() : List.of(riderView(r.rider(), r)));
        v.put("popularNow", r.popularNow().stream().map(p -> row("rank", p.rank(), "title", p.title(),
                "instructor", p.instructor(), "workouts", count(p.workouts()))).toList());
        v.put("popularAsOf", r.popularNow().isEmpty() ? "" : TIME.format(r.popularNow().get(0).asOf()));
        v.put("weekBoard", r.weekBoard().stream().map(e -> row("rank", e.rank(), "username", e.username(),
                "outputKj", fixed(e.totalOutputKj(), 1), "startedAt", TIME.format(e.startedAt()))).toList());
        v.put("weekStart", com.rides.serving.RideStatsReader.weekStart(r.day()).toString());

        Map<String, Object> charts = new LinkedHashMap<>();
        boolean trend = !r.trendSeries().isEmpty();
        boolean ratings = r.ratings().stream().anyMatch(h -> h.ratingCount() > 0);
        boolean rider = r.rider() != null && !r.rider().rides().isEmpty();
        if (trend) {
            charts.put("trend", trendData(r));
        }
        if (ratings) {
            charts.put("ratings", ratingData(r.ratings()));
        }
        if (rider) {
            charts.put("rider", riderData(r.rider()));
            charts.put("power", powerData(r.rider()));
        }
        v.put("hasTrendChart", trend);
        v.put("hasRatingChart", ratings);
        v.put("hasRiderCharts", rider);
        v.put("chartsExpected", charts.size());
        v.put("chartData", json(charts));
        v.put("chartJsVersion", chartJsVersion());
        v.put("chartJs", script(chartJs()));
        v.put("appJs", script(resource(APP_SCRIPT)));
        return v;
    }

    private static Map<String, Object> runView(RunCoverage c) {
        JobRun run = c.run();
        Map<String, Object> v = row("job", run.job(), "runId", run.runId(), "status", run.status(),
                "statusClass", statusClass(run.status()), "startedAt", time(run.startedAt()),
                "finishedAt", time(run.finishedAt()), "version", orNone(run.version()),
                "message", orNone(run.message()), "runDay", String.valueOf(run.day()),
                "coverage", c.days() == 1 ? c.firstDay().toString()
                        : c.firstDay() + " … " + c.lastDay() + " (" + c.days() + " days)");
        v.put("multiDay", c.days() > 1);
        List<Map<String, Object>> flows = new ArrayList<>();
        for (String kind : List.of("workouts", "samples", "ratings")) {
            long read = run.count(kind + "_read");
            long used = run.count(kind + "_used");
            long quarantined = run.count(kind + "_quarantined");
            long dropped = run.count(kind + "_dropped");
            Map<String, Object> f = row("kind", kind, "read", count(read), "used", count(used),
                    "quarantined", count(quarantined), "dropped", kind.equals("samples") ? count(dropped) : NONE,
                    "balanced", read == used + quarantined + dropped ? "yes" : "NO");
            flows.add(f);
        }
        v.put("flows", flows);
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (Map.Entry<String, Long> e : new TreeMap<>(run.counts()).entrySet()) {
            for (String kind : List.of("workouts", "ratings")) {
                String prefix = kind + "_quarantined_";
                if (e.getKey().startsWith(prefix)) {
                    reasons.add(row("key", e.getKey(), "kind", kind, "reason", e.getKey().substring(prefix.length()),
                            "rows", count(e.getValue())));
                }
            }
        }
        v.put("reasons", reasons);
        List<Map<String, Object>> invalid = new ArrayList<>();
        for (SampleField f : SampleField.values()) {
            String nullKey = ViolationCounts.key(f, FieldViolation.NULL);
            String rangeKey = ViolationCounts.key(f, FieldViolation.OUT_OF_RANGE);
            invalid.add(row("field", f.column(), "range", f.min() + " … " + f.max(),
                    "nullKey", nullKey, "nulls", count(run.count(nullKey)),
                    "rangeKey", rangeKey, "outOfRange", count(run.count(rangeKey))));
        }
        v.put("invalid", invalid);
        v.put("written", new TreeMap<>(run.counts()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("written_"))
                .map(e -> row("key", e.getKey(), "table", e.getKey().substring("written_".length()),
                        "rows", count(e.getValue()))).toList());
        return v;
    }

    private static Map<String, Object> attemptView(JobRun run) {
        return row("job", run.job(), "runId", run.runId(), "status", run.status(),
                "statusClass", statusClass(run.status()), "startedAt", time(run.startedAt()),
                "message", orNone(run.message()));
    }

    private static Map<String, Object> quarantineView(QuarantineGroup g) {
        return row("kind", g.kind(), "reason", g.reason(), "rows", count(g.rows()),
                "examples", g.examples().stream().map(e -> row("id", e.id(), "detail", orNone(e.detail()))).toList());
    }

    private static Map<String, Object> classView(RankedClass c, String value) {
        return row("rank", c.rank(), "title", c.title(), "instructor", c.instructor(), "value", value,
                "workouts", count(c.workouts()), "avgRating", fixed(c.avgRating(), 2),
                "ratingCount", count(c.ratingCount()));
    }

    private static Map<String, Object> riderView(RiderSection s, DailyReport r) {
        Double[] best = s.personalBests();
        String[] names = {"1 s", "1 min", "5 min", "20 min"};
        List<Map<String, Object>> bests = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            bests.add(row("duration", names[i], "watts", fixed(best[i], 0)));
        }
        return row("userId", s.userId(), "username", orNone(s.username()),
                "ftp", s.ftpW() == null ? NONE : s.ftpW() + " W",
                "ridesUpToDay", count(s.ridesUpToDay()), "chosenBecause", s.chosenBecause(),
                "hasRides", !s.rides().isEmpty(),
                "totalKj", fixed(s.rides().stream().mapToDouble(Ride::totalOutputKj).sum(), 1),
                "bests", bests, "allTimeBest1200s", fixed(s.allTimeBest1200s(), 0),
                "recent", s.rides().stream().limit(RIDER_TABLE_RIDES).map(x -> row(
                        "startedAt", TIME.format(x.startedAt()), "classTitle", orNone(x.classTitle()),
                        "minutes", x.durationS() / 60, "outputKj", fixed(x.totalOutputKj(), 1),
                        "avgW", fixed(x.avgOutputW(), 0), "best1200s", fixed(x.best1200sW(), 0))).toList());
    }

    private static Map<String, Object> trendData(DailyReport r) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (ClassSeries s : r.trendSeries()) {
            series.add(row("label", s.title(), "data", s.workoutsPerDay()));
        }
        return row("labels", r.trendDays().stream().map(MONTH_DAY::format).toList(), "series", series);
    }

    private static Map<String, Object> ratingData(List<RatingHistogram> histograms) {
        List<List<Long>> byStars = new ArrayList<>();
        for (int star = 0; star < 5; star++) {
            int s = star;
            byStars.add(histograms.stream().map(h -> h.riders()[s]).toList());
        }
        return row("labels", histograms.stream().map(RatingHistogram::title).toList(), "stars", byStars);
    }

    private static Map<String, Object> riderData(RiderSection s) {
        List<Ride> chronological = new ArrayList<>(s.rides().subList(0, Math.min(RIDER_CHART_RIDES, s.rides().size())));
        java.util.Collections.reverse(chronological);
        return row("labels", chronological.stream().map(x -> SHORT_TIME.format(x.startedAt())).toList(),
                "titles", chronological.stream().map(Ride::classTitle).toList(),
                "outputKj", chronological.stream().map(x -> round(x.totalOutputKj(), 1)).toList(),
                "avgW", chronological.stream().map(x -> round(x.avgOutputW(), 0)).toList());
    }

    private static Map<String, Object> powerData(RiderSection s) {
        return row("labels", List.of("1 s", "1 min", "5 min", "20 min"),
                "best", Arrays.stream(s.personalBests()).map(x -> x == null ? null : round(x, 0)).toList(),
                "latest", Arrays.stream(s.latestRide()).map(x -> x == null ? null : round(x, 0)).toList());
    }

    /** Chart.js's minified UMD build from its webjar, without the source-map comment (nothing to fetch). */
    static String chartJs() {
        return SOURCE_MAP.matcher(resource("META-INF/resources/webjars/chart.js/" + chartJsVersion()
                + "/dist/chart.umd.min.js")).replaceAll("");
    }

    static String chartJsVersion() {
        Properties p = new Properties();
        try (InputStream in = open(CHARTJS_PROPERTIES)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    /** Text for inside a script element: it must not close the element early. */
    static String script(String js) {
        if (js.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new RidesException("cannot inline a script that contains </script");
        }
        return js;
    }

    /** JSON for a script element of type application/json; "</" becomes "<\/", which JSON reads back as "</". */
    static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new RidesException("cannot write the chart data: " + e.getMessage(), e);
        }
    }

    static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new RidesException("missing resource on the classpath: " + name);
        }
        return in;
    }

    /** Counts as the page shows them: 333,255. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Decimals as the page shows them, "–" for none. */
    public static String fixed(Double x, int decimals) {
        return x == null ? NONE : String.format(Locale.ROOT, "%,." + decimals + "f", x);
    }

    private static double round(double x, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
    }

    private static String time(Instant t) {
        return t == null ? NONE : TIME.format(t);
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    private static String statusClass(String status) {
        return switch (String.valueOf(status)) {
            case "succeeded" -> "ok";
            case "running" -> "warn";
            default -> "bad";
        };
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
