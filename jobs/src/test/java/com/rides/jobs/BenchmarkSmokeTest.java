package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.bench.Benchmark;
import com.rides.config.RidesConfig;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/bench still works: its main runs once at a tiny size (10 riders, 3 and 5
 * days, one repeat) against the test node, in keyspaces of its own, and its report
 * has every figure as a number. Nothing is asserted about time (issue 5).
 */
@ExtendWith(CassandraExtension.class)
class BenchmarkSmokeTest {

    /**
     * Figures fitted through two runs: at a tiny size noise can make a fixed cost
     * negative or a break-even size never ("n/a"), so these are checked for form only.
     */
    static final List<String> FITTED = List.of("nightly fixed cost (D alone vs D with lookback)",
            "floor fixed cost (D alone vs D with lookback)", "nightly / floor per extra sample",
            "samples read from which nightly / floor ≤ 1.5x", "rides a day from which nightly / floor ≤ 1.5x");

    /** Every figure of the report's key table, with whether it has a target of issue 5. */
    static final Map<String, Boolean> FIGURES = new LinkedHashMap<>();

    static {
        for (String targeted : List.of("rides per day (long history, mean)", "nightly / floor",
                "nightly long / nightly short history", "naive / nightly (long history)",
                "cold nightly process / cold floor process",
                "nightly shuffle written / bytes read (long history)")) {
            FIGURES.put(targeted, true);
        }
        for (String plain : List.of("rides per day (long history, least)", "floor read rate", "nightly rate (long history)", "rebuild rate (long history)",
                "naive job rate (long history)", "nightly bytes read from Cassandra (long history)",
                "nightly shuffle bytes written (long history)", "peak heap, nightly (long history)",
                "peak heap, rebuild (long history)", "peak heap, naive job", "peak heap, whole benchmark JVM",
                "heap limit (-Xmx)", "generator write rate", "connector write rate",
                "generator / connector write rate", "serving p50, idle (all screens)",
                "serving p99, idle (all screens)", "serving p50, during nightly (all screens)",
                "serving p99, during nightly (all screens)", "serving p99 during nightly / idle",
                "single-partition query, warm sql shell", "single-partition query, fresh adhoc process",
                "fresh adhoc process / warm sql shell", "cold nightly process", "cold floor process")) {
            FIGURES.put(plain, false);
        }
        FITTED.forEach(f -> FIGURES.put(f, false));
        FIGURES.put("nightly fixed cost (D alone vs D with lookback)", true); // issue 12: at most 2.5 s
    }


    static final List<String> TIMED = List.of("floor: key-join read of D and lookback, long history",
            "nightly D, short history", "nightly D, long history", "rebuild, long history",
            "naive SQL (full scan), long history", "connector write of day D's samples",
            "floor: key-join read of D alone, long history", "nightly D with lookback 0, long history",
            "sql shell, warm: sql/adhoc/rider_weekly_trend.sql", "adhoc, a fresh process: sql/adhoc/rider_weekly_trend.sql",
            "floor: key-join read of D and lookback, a cold process", "nightly D, a cold process (scripts/rides nightly)");

    static final List<String> SCREENS = List.of("workout", "history", "periodTotals", "personalRecords",
            "classLeaderboard", "classPage", "topClasses", "trending");

    @Test
    void aTinyRunReportsEveryFigureAsANumber(RidesConfig config, CqlSession session, @TempDir Path dir)
            throws Exception {
        String prefix = config.rawKeyspace().replaceFirst("_raw$", "");
        Path report = dir.resolve("BENCHMARKS.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Benchmark.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "--hosts", String.join(",", config.hosts()), "--keyspace-prefix", prefix,
                "--users", "10", "--classes", "5", "--short-days", "3", "--long-days", "5",
                "--repeats", "1", "--serving-rounds", "20", "--out", report.toString());
        assertEquals(0, code, () -> "bench exited " + code + ": " + err + "\n" + out);

        String md = Files.readString(report);
        assertTrue(md.startsWith("# Benchmarks\n"), md);
        assertTrue(md.contains("Generated by `scripts/bench --hosts "), "the header names the command");
        assertTrue(out.toString().contains(md.strip()), "the report is printed too");
        for (String machine : List.of("| cores (nproc) | ", "| memory | ", "| Java | ", "| date (UTC) | ")) {
            assertTrue(md.contains(machine), "machine description lacks " + machine);
        }

        Map<String, String[]> figures = rows(md, "## Key figures");
        for (Map.Entry<String, Boolean> f : FIGURES.entrySet()) {
            String[] row = figures.get(f.getKey());
            assertTrue(row != null, "no figure '" + f.getKey() + "' in\n" + md);
            if (FITTED.contains(f.getKey())) {
                assertTrue(row[1].equals("n/a") || row[1].matches("-?[0-9][0-9,]*(\\.[0-9]+)?"),
                        f.getKey() + ": '" + row[1] + "' is neither a number nor n/a");
            } else {
                assertNumber(f.getKey(), row[1]);
            }
            String result = row[4];
            if (f.getValue()) {
                assertTrue(result.equals("met") || result.equals("**missed**"),
                        f.getKey() + " must say met or missed, says " + result);
            } else {
                assertEquals("—", result, f.getKey());
            }
        }
        assertEquals(FIGURES.size(), figures.size(), "unexpected figures: " + figures.keySet());

        Map<String, String[]> timed = rows(md, "## Timed runs");
        for (String t : TIMED) {
            String[] row = timed.get(t);
            assertTrue(row != null, "no timed run '" + t + "'");
            assertNumber(t + " median", row[1]);
            assertNumber(t + " runs", row[2]);
        }
        // Nightly read exactly what the floor read, and the same with either history: the same rides.
        assertEquals(timed.get(TIMED.get(0))[3], timed.get(TIMED.get(2))[3], "floor and nightly samples read");
        assertEquals(timed.get(TIMED.get(1))[3], timed.get(TIMED.get(2))[3], "short and long history nightly");

        // The cold nightly's phases, in a night's order, each a number of seconds; the same samples as the floor's.
        assertEquals(timed.get(TIMED.get(0))[3], timed.get(TIMED.get(TIMED.size() - 2))[3], "cold floor, floor");
        assertEquals(timed.get(TIMED.get(2))[3], timed.get(TIMED.get(TIMED.size() - 1))[3], "cold nightly, nightly");
        Map<String, String[]> phases = rows(md, "## Where a cold nightly's seconds go");
        assertEquals(List.of("JVM start, to the launcher's options read", "connected to Cassandra", "schema checked",
                "run lease taken", "run recorded in job_runs", "Spark session started", "riders and classes read", "rides and samples read",
                "ratings read, edits found", "rows counted", "the steps: state read by key, figures, every table written (side by side)",
                "days marked processed", "data checks run", "run recorded as ended",
                "Spark and the JVM shut down, process exit"), new ArrayList<>(phases.keySet()));
        phases.forEach((phase, row) -> assertNumber(phase, row[1]));

        Map<String, String[]> serving = rows(md, "## Serving latency");
        assertEquals(SCREENS.size(), serving.size(), "one row per screen");
        List<String> methods = new ArrayList<>();
        for (String[] row : serving.values()) {
            methods.add(row[1].replace("`", ""));
            for (int i = 3; i <= 7; i++) {
                assertNumber(row[0] + " column " + i, row[i]);
            }
        }
        assertEquals(SCREENS, methods);

        for (String history : List.of("short", "long")) {
            for (String kind : List.of("raw", "stats")) {
                String ks = prefix + "_" + history + "_" + kind;
                assertNull(session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?",
                        ks).one(), ks + " is dropped without --keep");
            }
        }
    }

    /** The table under {@code heading}: its cells by the first cell, header and rule rows left out. */
    private static Map<String, String[]> rows(String md, String heading) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        int start = md.indexOf("\n" + heading);
        assertTrue(start >= 0, "no section " + heading);
        String[] lines = md.substring(start + 1).split("\n");
        int seen = 0;
        for (int i = 1; i < lines.length && !lines[i].startsWith("## "); i++) {
            if (!lines[i].startsWith("|")) {
                continue;
            }
            if (seen++ < 2) {
                continue; // header and |---| rule
            }
            String[] cells = lines[i].substring(1).split("\\|");
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            rows.put(cells[0], cells);
        }
        return rows;
    }

    private static void assertNumber(String what, String cell) {
        for (String part : cell.split(",\\s*")) {
            String plain = part.replace(",", "");
            double v;
            try {
                v = Double.parseDouble(plain);
            } catch (NumberFormatException e) {
                throw new AssertionError(what + ": '" + cell + "' is not a number");
            }
            assertTrue(Double.isFinite(v) && v >= 0, what + ": " + cell);
        }
    }
}
