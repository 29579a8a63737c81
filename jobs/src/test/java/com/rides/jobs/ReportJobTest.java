package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * `report` on the shared analyst data set (AnalystData, ten days to 2026-11-20): the
 * page's figures equal what the driver reads from the tables here, independently of
 * the report's reader; the page fetches nothing; headless Chromium draws every chart
 * without a script error; a day without a run and a bad date are handled.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportJobTest {

    static final LocalDate DAY = AnalystData.LAST_DAY;
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    RidesConfig data;
    CqlSession session;
    String stats;
    Path dir;
    String html;
    Chromium rendered;

    @BeforeAll
    void report(RidesConfig classConfig) throws IOException {
        data = AnalystData.on(classConfig);
        session = CassandraSessions.open(data);
        stats = data.statsKeyspace();
        dir = Files.createTempDirectory("rides-report-test");
        Path page = dir.resolve("report.html");
        Cli.Result r = Cli.ok(data, "report", "--date", DAY.toString(), "--out", page.toString());
        assertTrue(r.out().contains("wrote " + page), r.out());
        html = Files.readString(page);
    }

    @AfterAll
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void runFiguresAreThoseOfTheRunThatProcessedTheDay() {
        Row processed = session.execute("SELECT run_id FROM " + stats + ".processed_days WHERE job = 'nightly' AND day = ?",
                DAY).one();
        assertNotNull(processed, "the analyst data set has processed " + DAY);
        UUID runId = processed.getUuid("run_id");
        Row run = session.execute("SELECT * FROM " + stats + ".job_runs WHERE job = 'nightly'").all().stream()
                .filter(x -> runId.equals(x.getUuid("run_id"))).findFirst().orElseThrow();
        Map<String, Long> counts = run.getMap("counts", String.class, Long.class);
        assertEquals("succeeded", run.getString("status"));
        assertEquals("succeeded", keyed("status"));
        assertEquals(runId.toString(), keyed("run_id"));
        for (String kind : List.of("workouts", "samples", "ratings")) {
            for (String flow : List.of("read", "used", "quarantined")) {
                String key = kind + "_" + flow;
                assertTrue(counts.containsKey(key), key);
                assertEquals(count(counts.get(key)), keyed(key), key);
            }
        }
        assertTrue(counts.get("samples_read") > 0 && counts.get("workouts_read") > 0);
        assertEquals(count(counts.get("samples_dropped")), keyed("samples_dropped"));
        int invalid = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("invalid_") || key.startsWith("workouts_quarantined_")
                    || key.startsWith("ratings_quarantined_")) {
                assertEquals(count(e.getValue()), keyed(key), key);
                invalid += key.startsWith("invalid_") ? 1 : 0;
            }
        }
        assertEquals(10, invalid, "five sample fields, null and out of range each");
        // The backfill processed all ten days in one run: the page says which days its counts cover.
        assertEquals(AnalystData.FIRST_DAY + " … " + DAY + " (10 days)", keyed("coverage"));
        assertFalse(html.contains("id=\"no-run\""));
    }

    @Test
    void theDaysDataChecksAreListed() {
        List<String> checks = new ArrayList<>();
        long failed = 0;
        for (Row r : session.execute("SELECT check, verdict FROM " + stats + ".data_checks WHERE day = ?", DAY)) {
            checks.add(r.getString("check"));
            failed += "fail".equals(r.getString("verdict")) ? 1 : 0;
        }
        assertEquals(com.rides.checks.DataChecks.ALL.size(), checks.size(), "the backfill checked the day");
        assertEquals(count(failed), keyed("checks_failed"));
        for (String check : checks) {
            assertTrue(html.contains("<tr data-check=\"" + check + "\">"), check);
        }
    }

    @Test
    void quarantineRowsOfTheDayAreGroupedByKindAndReason() {
        Map<String, Long> groups = new TreeMap<>();
        for (Row r : session.execute("SELECT kind, reason FROM " + stats + ".quarantine WHERE day = ?", DAY)) {
            groups.merge(r.getString("kind") + "/" + r.getString("reason"), 1L, Long::sum);
        }
        long total = groups.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(count(total), keyed("quarantine_rows"));
        Matcher m = Pattern.compile("<tr data-quarantine=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        Map<String, Long> shown = new TreeMap<>();
        while (m.find()) {
            List<String> cells = cells(m.group(2));
            shown.put(unescape(m.group(1)), Long.parseLong(cells.get(2).replace(",", "")));
        }
        assertEquals(groups, shown);
        if (groups.isEmpty()) {
            assertTrue(html.contains("No quarantined workout or rating on " + DAY));
        }
    }

    @Test
    void rankingsAndLeaderboardAreTheTablesRows() {
        List<Row> trending = session.execute("SELECT * FROM " + stats + ".trending_classes WHERE window_days = 7"
                + " AND as_of = ?", DAY).all();
        assertFalse(trending.isEmpty());
        for (Row t : trending) {
            List<String> cells = row("data-trending-rank", t.getInt("rank"));
            assertEquals(List.of(String.valueOf(t.getInt("rank")), t.getString("title"), t.getString("instructor"),
                    count(t.getLong("workouts")), t.isNull("avg_rating") ? "–" : fixed(t.getDouble("avg_rating"), 2)),
                    cells);
        }
        for (Row c : session.execute("SELECT * FROM " + stats + ".top_classes WHERE metric = 'most_taken'")) {
            List<String> cells = row("data-most-taken-rank", c.getInt("rank"));
            assertEquals(c.getString("title"), cells.get(1));
            assertEquals(count(c.getLong("workouts")), cells.get(3));
        }
        List<Row> topRated = session.execute("SELECT * FROM " + stats + ".top_classes WHERE metric = 'top_rated'").all();
        assertFalse(topRated.isEmpty());
        for (Row c : topRated) {
            List<String> cells = row("data-top-rated-rank", c.getInt("rank"));
            assertEquals(List.of(c.getString("title"), fixed(c.getDouble("value"), 3), count(c.getLong("rating_count"))),
                    List.of(cells.get(1), cells.get(3), cells.get(5)));
        }
        UUID first = trending.get(0).getUuid("class_id");
        assertTrue(html.contains("Leaderboard: " + trending.get(0).getString("title")));
        List<Row> board = session.execute("SELECT * FROM " + stats + ".class_leaderboard WHERE class_id = ?", first).all();
        assertFalse(board.isEmpty());
        for (Row e : board) {
            List<String> cells = row("data-leaderboard-rank", e.getInt("rank"));
            // A rider missing from `riders` has no username: the page shows a dash.
            String username = e.isNull("username") ? "–" : e.getString("username");
            assertEquals(List.of(username, fixed(e.getDouble("total_output_kj"), 1)),
                    cells.subList(1, 3));
        }
    }

    @Test
    void popularRightNowAndThisWeeksBoardAreTheTablesRows() {
        List<Row> popular = session.execute("SELECT * FROM " + stats + ".trending_now WHERE window_hours = 24"
                + " AND as_of = ?", DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).all();
        assertFalse(popular.isEmpty(), "the day's last snapshot");
        for (Row p : popular) {
            assertEquals(List.of(String.valueOf(p.getInt("rank")), p.getString("title"), p.getString("instructor"),
                    count(p.getLong("workouts"))), row("data-popular-rank", p.getInt("rank")));
        }
        UUID first = session.execute("SELECT class_id FROM " + stats + ".trending_classes WHERE window_days = 7"
                + " AND as_of = ?", DAY).one().getUuid("class_id");
        List<Row> week = session.execute("SELECT * FROM " + stats + ".class_period_leaderboard WHERE class_id = ?"
                + " AND period = 'week' AND period_start = ?", first, com.rides.serving.RideStatsReader.weekStart(DAY))
                .all();
        assertFalse(week.isEmpty(), "the leaderboard's class was ridden in the week");
        for (Row e : week) {
            String username = e.isNull("username") ? "–" : e.getString("username");
            assertEquals(List.of(String.valueOf(e.getInt("rank")), username, fixed(e.getDouble("total_output_kj"), 1)),
                    row("data-week-rank", e.getInt("rank")).subList(0, 3));
        }
        assertEquals(week.size(), Pattern.compile("<tr data-week-rank=").matcher(html).results().count());
    }

    @Test
    void chartDataAgreeWithTheTables() throws IOException {
        JsonNode charts = chartData();
        // Trend: rides per day of the #1 trending class; its last 7 days add up to its trending figure.
        Row top = session.execute("SELECT * FROM " + stats + ".trending_classes WHERE window_days = 7 AND as_of = ?"
                + " AND rank = 1", DAY).one();
        JsonNode series = charts.at("/trend/series/0");
        assertEquals(top.getString("title"), series.get("label").asText());
        assertEquals(30, series.get("data").size());
        assertEquals(DAY.toString().substring(5), charts.at("/trend/labels/29").asText());
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (Row r : session.execute("SELECT day, workouts FROM " + stats + ".class_day_totals WHERE class_id = ?",
                top.getUuid("class_id"))) {
            perDay.put(r.getLocalDate("day"), r.getLong("workouts"));
        }
        long lastWeek = 0;
        for (int i = 0; i < 30; i++) {
            LocalDate d = DAY.minusDays(29 - i);
            assertEquals(perDay.getOrDefault(d, 0L), series.get("data").get(i).asLong(), d.toString());
            lastWeek += i >= 23 ? series.get("data").get(i).asLong() : 0;
        }
        assertEquals(top.getLong("workouts"), lastWeek);

        // Ratings: the histogram of the #1 top-rated class.
        Row rated = session.execute("SELECT class_id FROM " + stats + ".top_classes WHERE metric = 'top_rated' AND rank = 1")
                .one();
        Map<Integer, Long> histogram = session.execute("SELECT rating_histogram FROM " + stats
                + ".class_stats WHERE class_id = ?", rated.getUuid("class_id")).one()
                .getMap("rating_histogram", Integer.class, Long.class);
        for (int star = 1; star <= 5; star++) {
            assertEquals(histogram.getOrDefault(star, 0L).longValue(), charts.at("/ratings/stars/" + (star - 1) + "/0").asLong());
        }

        // Rider: the busiest rider's rides up to D, and the power curve of their personal bests.
        Matcher m = Pattern.compile("<span class=\"id\">([0-9a-f-]{36})</span> — ").matcher(html);
        assertTrue(m.find(), "the sample rider's id is on the page");
        UUID rider = UUID.fromString(m.group(1));
        Instant end = DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Row> rides = session.execute("SELECT * FROM " + stats + ".user_workout_history WHERE user_id = ?"
                + " AND started_at < ?", rider, end).all();
        assertEquals(count(rides.size()), keyed("rider_rides"));
        int shown = Math.min(30, rides.size());
        assertEquals(shown, charts.at("/rider/outputKj").size());
        assertEquals(Math.round(rides.get(0).getDouble("total_output_kj") * 10) / 10.0,
                charts.at("/rider/outputKj/" + (shown - 1)).asDouble(), 1e-9, "the latest ride is charted last");
        double best1200 = rides.stream().filter(r -> !r.isNull("best_1200s_w"))
                .mapToDouble(r -> r.getDouble("best_1200s_w")).max().orElseThrow();
        double best60 = rides.stream().filter(r -> !r.isNull("best_60s_w"))
                .mapToDouble(r -> r.getDouble("best_60s_w")).max().orElseThrow();
        assertEquals(Math.round(best60), charts.at("/power/best/1").asDouble(), 1e-9);
        assertEquals(Math.round(best1200), charts.at("/power/best/3").asDouble(), 1e-9);
        // D is the data set's last day, so the all-time record is the best up to D.
        Row record = session.execute("SELECT value FROM " + stats + ".user_top_workouts WHERE user_id = ?"
                + " AND metric = 'best_1200s' AND rank = 1", rider).one();
        assertEquals(best1200, record.getDouble("value"), 1e-6);
        // No rider on a leaderboard of a most-taken class has more rides up to D.
        for (Row c : session.execute("SELECT class_id FROM " + stats + ".top_classes WHERE metric = 'most_taken'")) {
            for (Row e : session.execute("SELECT user_id FROM " + stats + ".class_leaderboard WHERE class_id = ?",
                    c.getUuid("class_id"))) {
                int theirs = session.execute("SELECT count(*) FROM " + stats + ".user_workout_history WHERE user_id = ?"
                        + " AND started_at < ?", e.getUuid("user_id"), end).one().getLong(0) > rides.size() ? 1 : 0;
                assertEquals(0, theirs, "rider " + e.getUuid("user_id") + " has more rides");
            }
        }
    }

    @Test
    void thePageFetchesNothing() {
        assertFalse(Pattern.compile("(?i)<(script|link|img|iframe|embed|object|source|audio|video)\\b[^>]*\\b(src|href|data)\\s*=")
                .matcher(html).find(), "an element that loads a resource");
        assertFalse(Pattern.compile("(?i)url\\(\\s*['\"]?\\s*(https?:)?//").matcher(html).find(), "a CSS url()");
        assertFalse(Pattern.compile("(?i)@import").matcher(html).find());
        assertFalse(Pattern.compile("(?i)(fetch|XMLHttpRequest|importScripts)\\s*\\(\\s*['\"]https?://").matcher(html).find());
        assertFalse(html.contains("sourceMappingURL"), "a source map would be fetched by developer tools");
        assertTrue(html.contains("Chart.js"), "the chart library is inlined");
        assertTrue(html.length() > 150_000, "Chart.js alone is about 200 KB: " + html.length());
    }

    @Test
    void chromiumDrawsEveryChartWithoutScriptErrors() throws Exception {
        Chromium c = chromium(dir.resolve("report.html"));
        assertTrue(c.dom().contains("data-charts-expected=\"4\""), "four charts on the demo-like data");
        assertTrue(c.dom().contains("data-charts-ready=\"4\""), "the page's script finished all four charts");
        for (String chart : List.of("trend", "ratings", "rider", "power")) {
            Matcher m = Pattern.compile("<canvas[^>]*data-chart=\"" + chart + "\"[^>]*>").matcher(c.dom());
            assertTrue(m.find(), chart);
            assertTrue(m.group().contains("data-drawn=\"true\""), chart + " drawn");
            // Chart.js sizes the canvas it draws on.
            assertTrue(Pattern.compile("height=\"[1-9][0-9]*\"").matcher(m.group()).find(), m.group());
        }
        c.assertNoConsoleErrors();
    }

    @Test
    void aDayWithoutARunSaysSoAndStillRenders() throws Exception {
        LocalDate later = DAY.plusDays(5);
        Path page = dir.resolve("no-run.html");
        Cli.Result r = Cli.ok(data, "report", "--date", later.toString(), "--out", page.toString());
        assertTrue(r.out().contains("no nightly run for " + later), r.out());
        String noRun = Files.readString(page);
        assertTrue(noRun.contains("<strong>No nightly run for " + later + ".</strong>"));
        assertTrue(noRun.contains("No trending snapshot (window 7) for " + later));
        assertTrue(noRun.contains("data-most-taken-rank=\"1\""), "all-time rankings are still shown");
        assertTrue(noRun.contains("the #1 most taken class (no trending snapshot for the day)"));
        Chromium c = chromium(page);
        Matcher m = Pattern.compile("data-charts-expected=\"(\\d+)\"").matcher(c.dom());
        assertTrue(m.find());
        assertEquals("3", m.group(1), "no trend chart, the other three");
        assertTrue(c.dom().contains("data-charts-ready=\"3\""));
        c.assertNoConsoleErrors();
    }

    @Test
    void aBadDateIsAOneLineUsageError() {
        Cli.Result r = Cli.run(data, "report", "--date", "2026-02-30", "--out", dir.resolve("x.html").toString());
        assertEquals(Rides.EXIT_USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("rides: ") && r.err().contains("bad date '2026-02-30'"), r.err());
        assertFalse(Files.exists(dir.resolve("x.html")));
    }

    // ---- helpers ----

    record Chromium(String dom, String stderr) {
        void assertNoConsoleErrors() {
            List<String> console = stderr.lines().filter(l -> l.contains("Uncaught") || l.contains(":CONSOLE")).toList();
            assertTrue(console.isEmpty(), "console output from the page: " + console);
        }
    }

    /** Loads a page in headless Chromium (Debian's package) and returns the DOM after its scripts ran. */
    static Chromium chromium(Path page) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("headless Chromium is needed to check the report page and is not at " + CHROMIUM
                    + ": run scripts/install-analyst-tools (or apt-get install chromium)");
        }
        Path out = Files.createTempFile("chromium-dom", ".html");
        Path err = Files.createTempFile("chromium-err", ".txt");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium failed: " + stderr);
        assertTrue(dom.contains("</html>"), "chromium dumped no page: " + stderr);
        return new Chromium(dom, stderr);
    }

    private JsonNode chartData() throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        return new ObjectMapper().readTree(m.group(1));
    }

    /** The text of the element carrying data-key="key". */
    private String keyed(String key) {
        Matcher m = Pattern.compile("data-key=\"" + Pattern.quote(key) + "\">([^<]*)<").matcher(html);
        assertTrue(m.find(), "no data-key=\"" + key + "\" on the page");
        return unescape(m.group(1).strip());
    }

    /** The cells' text of the table row carrying attribute="rank". */
    private List<String> row(String attribute, int rank) {
        Matcher m = Pattern.compile("<tr " + attribute + "=\"" + rank + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no row " + attribute + "=" + rank);
        return cells(m.group(1));
    }

    private static List<String> cells(String rowHtml) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(rowHtml);
        while (m.find()) {
            out.add(unescape(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x60;", "`").replace("&#x3D;", "=").replace("&amp;", "&");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String fixed(double x, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", x);
    }
}
