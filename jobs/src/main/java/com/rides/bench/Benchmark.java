package com.rides.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.RidesException;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.generate.RawTable;
import com.rides.generate.WriteResult;
import com.rides.generate.WriterOptions;
import com.rides.jobs.ClusterOptions;
import com.rides.jobs.Dates;
import com.rides.jobs.GenerateJob;
import com.rides.jobs.JvmCommand;
import com.rides.jobs.NightlyJob;
import com.rides.jobs.RebuildJob;
import com.rides.jobs.Rides;
import com.rides.jobs.SchemaJob;
import com.rides.pipeline.RunCounts;
import com.rides.raw.CassandraTables;
import com.rides.schema.Replication;
import com.rides.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * scripts/bench: generates a short and a long history at the same daily volume,
 * then measures side by side in one JVM, each measure several times (median):
 * the floor (the key-join read nightly cannot avoid), nightly on both histories,
 * rebuild and the naive full-scan SQL on the long one, the generator's write rate
 * against a plain connector write, and the serving reads idle and under a nightly.
 * Writes BENCHMARKS.md (see docs/benchmarks.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure nightly against the raw read floor, history length, rebuild and a naive SQL job; "
                + "writes BENCHMARKS.md.")
public final class Benchmark implements Callable<Integer> {

    /** Issue 12's targets: nightly within 1.5x of the floor at 300 rides a day, 1.2x from 3,000 a day. */
    static final double TARGET_NIGHTLY_OVER_FLOOR = 1.5;
    static final double TARGET_NIGHTLY_OVER_FLOOR_LARGE = 1.2;
    static final int LARGE_RIDES_PER_DAY = 3000;
    static final double TARGET_NIGHTLY_FIXED_SECONDS = 2.5;
    static final double TARGET_LONG_OVER_SHORT = 1.2;
    static final double TARGET_SHUFFLE_PERCENT = 5;
    static final double TARGET_NAIVE_OVER_NIGHTLY = 10;
    static final int MAX_BUSY_NIGHTLIES = 5;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--users", description = "riders (default: the fewest giving --rides-per-day rides a day on average)")
    Integer users;

    @Option(names = "--rides-per-day", description = "rides a day on average when --users is not given (default 300)")
    int ridesPerDay = 300;

    @Option(names = "--classes", description = "classes in the catalogue (default 100)")
    int classes = 100;

    @Option(names = "--short-days", description = "days of the short history (default 10)")
    int shortDays = 10;

    @Option(names = "--long-days", description = "days of the long history (default 60)")
    int longDays = 60;

    @Option(names = "--end-date", converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "last day of both histories, the day nightly processes (default 2026-11-20)")
    LocalDate endDate = LocalDate.parse("2026-11-20");

    @Option(names = "--seed", description = "generator seed (default 42)")
    long seed = 42;

    @Option(names = "--fault-rate", description = "generator fault rate (default 0.01)")
    double faultRate = GeneratorSpec.DEFAULT_FAULT_RATE;

    @Option(names = "--repeats", description = "runs of each measure; the median is reported (default 3)")
    int repeats = 3;

    @Option(names = "--heavy-repeats", description = "runs of rebuild and the naive job (default: --repeats)")
    Integer heavyRepeats;

    @Option(names = "--lookback", description = "nightly's lookback (default 2)")
    int lookback = NightlyJob.DEFAULT_LOOKBACK;

    @Option(names = "--serving-rounds", description = "idle rounds of serving reads, one call per screen (default 300)")
    int servingRounds = 300;

    @Option(names = "--out", description = "the report (default BENCHMARKS.md at the top of the project)")
    Path out;

    @Option(names = "--section", paramLabel = "NAME", description = "write the report as the section NAME of the "
            + "report file, keeping the rest (a second size: --rides-per-day 3000 --section large); default: the "
            + "whole file, keeping only the sections")
    String section;

    @Option(names = "--keep", description = "keep the benchmark's keyspaces afterwards (default: drop them)")
    boolean keep;

    @Option(names = "--keyspace-prefix", description = "the benchmark's keyspaces are PREFIX_short_raw, ... (default bench)")
    String keyspacePrefix = "bench";

    @Option(names = "--verbose", description = "print stack traces on failure")
    boolean verbose;

    private String commandLine = "scripts/bench";
    private PrintWriter log;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        Rides.endProcess(code);
    }

    /** Runs the benchmark with these arguments; returns the exit code (0, 1 failed, 2 bad usage). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Benchmark bench = new Benchmark();
        bench.commandLine = "scripts/bench" + (args.length == 0 ? "" : " " + String.join(" ", args));
        bench.log = out;
        CommandLine cli = new CommandLine(bench);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("bench: " + firstLine(ex.getMessage()) + " (see --help)");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (bench.verbose) {
                ex.printStackTrace(err);
            }
            err.println("bench: " + describe(ex));
            err.flush();
            return isUsage(ex) ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException, ExecutionException {
        BenchSettings s = new BenchSettings(users, ridesPerDay, classes, shortDays, longDays, endDate, seed, faultRate,
                repeats, heavyRepeats == null ? repeats : heavyRepeats, lookback, servingRounds,
                out != null ? out : Path.of(System.getProperty("rides.root", ".")).resolve("BENCHMARKS.md"), keep,
                keyspacePrefix, section);
        RidesConfig base = cluster.toConfig(System.getenv());
        String markdown = run(s, base);
        Path target = s.out().toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        String existing = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
        Files.writeString(target, document(existing, markdown, s), StandardCharsets.UTF_8);
        log.println();
        log.println(markdown);
        log.println("bench: written to " + target);
        return 0;
    }

    /**
     * The report file after this run: without a section, this run's report followed by the
     * sections of other runs (scripts/bench-cluster's, another size's), which stay; with
     * one, the file as it was with only that section replaced by this run's report.
     */
    static String document(String existing, String markdown, BenchSettings s) {
        if (s.section() == null) {
            String kept = ReportSections.all(existing);
            return kept.isEmpty() ? markdown : markdown.stripTrailing() + "\n\n" + kept;
        }
        String title = s.users() != null ? "With " + s.users() + " riders"
                : String.format(Locale.ROOT, "At %,d rides a day", s.ridesPerDay());
        return ReportSections.replace(existing, s.section(), ReportSections.demoted(markdown, title));
    }

    /** The nightly / floor target at a night's size: the fixed cost weighs less as nights grow. */
    static double nightlyOverFloorTarget(double ridesPerDay) {
        return ridesPerDay >= LARGE_RIDES_PER_DAY ? TARGET_NIGHTLY_OVER_FLOOR_LARGE : TARGET_NIGHTLY_OVER_FLOOR;
    }

    private String run(BenchSettings s, RidesConfig base) throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        RidesConfig shortCfg = s.shortHistory(base);
        RidesConfig longCfg = s.longHistory(base);
        BenchmarkReport report = new BenchmarkReport(commandLine);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int i = s.lookback(); i >= 0; i--) {
            days.add(s.endDate().minusDays(i));
        }
        TreeSet<LocalDate> oneDay = new TreeSet<>(List.of(s.endDate()));

        try (HeapSampler heap = new HeapSampler(); CqlSession session = CassandraSessions.open(base)) {
            describeMachine(report, session, base);

            // ---- data
            GeneratorSpec longTemplate = new GeneratorSpec(1, s.classes(), s.longDays(), s.endDate(), s.seed(),
                    base.buckets(), s.faultRate());
            int riders = s.users() != null ? s.users() : DailyVolume.usersFor(longTemplate, s.ridesPerDay());
            GeneratorSpec longSpec = DailyVolume.withUsers(longTemplate, riders);
            DailyVolume longVolume = DailyVolume.of(longSpec);
            DailyVolume shortVolume = longVolume.lastDays(s.shortDays());
            step(started, "%d riders: %.0f rides a day on average, at least %d (%s)", riders, longVolume.mean(),
                    longVolume.min(), s.users() != null ? "--users" : "sized for --rides-per-day " + s.ridesPerDay());

            for (RidesConfig c : List.of(shortCfg, longCfg)) {
                dropKeyspaces(session, c);
                SchemaJob.run(session, c, Replication.simple(1));
            }
            step(started, "schema: keyspaces %s, %s, %s, %s created afresh", shortCfg.rawKeyspace(),
                    shortCfg.statsKeyspace(), longCfg.rawKeyspace(), longCfg.statsKeyspace());
            step(started, "generating the long history: %d days into %s (about %,d samples)", s.longDays(),
                    longCfg.rawKeyspace(), longVolume.plannedSeconds());
            WriteResult genLong = GenerateJob.run(longCfg, longSpec, WriterOptions.DEFAULT_MAX_IN_FLIGHT, log);
            step(started, "generated: %s", genLong);

            // ---- Spark, in this JVM; every job below gets this same session
            SparkSession spark = SparkSessions.create(longCfg, "rides bench");
            ShuffleListener listener = ShuffleListener.attach(spark.sparkContext());
            CassandraTables longTables = new CassandraTables(spark, longCfg);
            try {
                step(started, "short history: the last %d days of the long one, copied into %s", s.shortDays(),
                        shortCfg.rawKeyspace());
                ShortHistory.Copied copied = ShortHistory.copy(longTables, shortCfg, s.endDate(), s.shortDays());
                step(started, "copied: %s", copied);
                dataRow(report, "short", s.shortDays(), riders, shortVolume, copied.workouts(), copied.samples(),
                        String.format(Locale.ROOT, "copied from the long one: %,d rows in %.0f s", copied.total(),
                                copied.seconds()));
                dataRow(report, "long", s.longDays(), riders, longVolume, genLong.rows(RawTable.WORKOUTS),
                        genLong.rows(RawTable.SAMPLES), String.format(Locale.ROOT, "generated: %,d rows in %.0f s",
                                genLong.totalRows(), genLong.elapsedSeconds()));

                if (s.shortDays() > s.lookback() + 1) {
                    step(started, "rebuild of the short history (untimed: its results, and JVM/Spark warm-up)");
                    RebuildJob.run(shortCfg, s.endDate());
                } // else nightly's own days are the whole short history: its first run builds every result

                Runs rebuild = new Runs("rebuild, long history");
                RunCounts rebuildCounts = null;
                List<Double> rebuildHeap = new ArrayList<>();
                for (int i = 0; i < s.heavyRepeats(); i++) {
                    heap.reset();
                    rebuildCounts = rebuild.time(() -> RebuildJob.run(longCfg, s.endDate()));
                    rebuildHeap.add((double) heap.peakSinceReset());
                    step(started, "rebuild %d/%d: %.1f s", i + 1, s.heavyRepeats(), last(rebuild));
                }

                FloorRead.Result floorResult = FloorRead.run(longTables, days); // untimed: warms the node's caches
                Runs floor = new Runs("floor: key-join read of D and lookback, long history");
                Runs nightlyShort = new Runs("nightly D, short history");
                Runs nightlyLong = new Runs("nightly D, long history");
                // The same two on day D alone (lookback 0): two sizes give each a fixed and a per-sample cost.
                Runs floorOneDay = new Runs("floor: key-join read of D alone, long history");
                Runs nightlyOneDay = new Runs("nightly D with lookback 0, long history");
                FloorRead.Result floorOneDayResult = null;
                RunCounts oneDayCounts = null;
                RunCounts shortCounts = null, longCounts = null;
                List<Double> shuffleShares = new ArrayList<>(), shortShuffleShares = new ArrayList<>();
                List<Double> nightlyHeap = new ArrayList<>();
                ShuffleListener.Totals longTotals = null, floorTotals = null;
                Map<String, Long> longShuffleByWork = Map.of();
                for (int i = 0; i < s.repeats(); i++) {
                    // Side by side, round after round, so that the machine's noise hits all three alike.
                    listener.reset();
                    floorResult = floor.time(() -> FloorRead.run(longTables, days));
                    floorTotals = listener.totals();
                    listener.reset();
                    shortCounts = nightlyShort.time(() -> NightlyJob.run(shortCfg, s.endDate(), s.lookback()));
                    shortShuffleShares.add(listener.totals().shuffleShare());
                    listener.reset();
                    heap.reset();
                    longCounts = nightlyLong.time(() -> NightlyJob.run(longCfg, s.endDate(), s.lookback()));
                    nightlyHeap.add((double) heap.peakSinceReset());
                    longTotals = listener.totals();
                    longShuffleByWork = listener.shuffleByWork();
                    shuffleShares.add(longTotals.shuffleShare());
                    floorOneDayResult = floorOneDay.time(() -> FloorRead.run(longTables, oneDay));
                    oneDayCounts = nightlyOneDay.time(() -> NightlyJob.run(longCfg, s.endDate(), 0));
                    step(started, "round %d/%d: floor %.1f s, nightly short %.1f s, nightly long %.1f s; "
                                    + "D alone: floor %.1f s, nightly %.1f s", i + 1, s.repeats(), last(floor),
                            last(nightlyShort), last(nightlyLong), last(floorOneDay), last(nightlyOneDay));
                }

                Runs naive = new Runs("naive SQL (full scan), long history");
                NaiveJob.Result naiveResult = null;
                List<Double> naiveHeap = new ArrayList<>();
                for (int i = 0; i < s.heavyRepeats(); i++) {
                    heap.reset();
                    naiveResult = naive.time(() -> NaiveJob.run(longTables, s.endDate()));
                    naiveHeap.add((double) heap.peakSinceReset());
                    step(started, "naive %d/%d: %.1f s (%s)", i + 1, s.heavyRepeats(), last(naive), naiveResult);
                }

                Runs connectorWrite = new Runs("connector write of day D's samples");
                long written;
                try (ConnectorWrite writer = new ConnectorWrite(longTables, session, s.endDate())) {
                    written = writer.rows();
                    for (int i = 0; i < s.repeats(); i++) {
                        writer.prepare();
                        connectorWrite.time(writer::write);
                    }
                }
                step(started, "connector write: %,d rows, median %.1f s", written, connectorWrite.median());

                step(started, "serving reads: idle, then while nightly runs");
                ServingLatency serving = new ServingLatency(session, longCfg, s.endDate());
                serving.warmUp(Math.min(50, s.servingRounds()));
                Map<String, List<Double>> idle = serving.measure(s.servingRounds(), s.servingRounds(), () -> false);
                Map<String, List<Double>> busy = ServingLatency.empty();
                int busyNightlies = 0;
                ExecutorService background = Executors.newSingleThreadExecutor();
                try {
                    while (busy.get("workout").size() < s.servingRounds() && busyNightlies < MAX_BUSY_NIGHTLIES) {
                        Future<RunCounts> run = background.submit(
                                () -> NightlyJob.run(longCfg, s.endDate(), s.lookback()));
                        busyNightlies++;
                        serving.measureWhile(() -> !run.isDone(), busy);
                        run.get();
                    }
                } finally {
                    background.shutdownNow();
                }
                step(started, "serving: %d idle rounds, %d busy rounds during %d nightly run(s)",
                        idle.get("workout").size(), busy.get("workout").size(), busyNightlies);

                step(started, "the analysts' loop: %s through a warm sql session and a fresh adhoc process",
                        AnalystLoop.QUERY);
                AnalystLoop.Result loop = AnalystLoop.measure(spark, session, longCfg, s.repeats());
                step(started, "analysts' loop: warm %.2f s, fresh adhoc %.1f s (medians)", loop.warm().median(),
                        loop.fresh().median());

                step(started, "cold processes: nightly D and the floor read of its samples, each a JVM of its own");
                ColdProcesses.Result cold = ColdProcesses.measure(longCfg, s.endDate(), s.lookback(), s.repeats());
                step(started, "cold processes: nightly %.1f s, floor %.1f s (medians)", cold.nightly().median(),
                        cold.floor().median());

                // ---- figures
                long floorSamples = floorResult.samples();
                long longSamples = longCounts.get("samples_read");
                long shortSamples = shortCounts.get("samples_read");
                long allSamples = genLong.rows(RawTable.SAMPLES);
                report.timing(floor, floorSamples, "samples of the " + days.size() + " processed days, by key, counted");
                report.timing(nightlyShort, shortSamples, "`NightlyJob.run(config, D, " + s.lookback() + ")`, "
                        + s.shortDays() + " days of history");
                report.timing(nightlyLong, longSamples, "the same, " + s.longDays() + " days of history");
                report.timing(floorOneDay, floorOneDayResult.samples(), "samples of D alone, by key, counted");
                report.timing(nightlyOneDay, oneDayCounts.get("samples_read"),
                        "`NightlyJob.run(config, D, 0)`, " + s.longDays() + " days of history");
                report.timing(rebuild, rebuildCounts.get("samples_read"), "`RebuildJob.run(config, D)`, every table");
                report.timing(naive, allSamples, "`sql/bench/naive_nightly.sql` over full scans");
                report.timing(connectorWrite, -1, String.format(Locale.ROOT, "%,d rows into `%s`", written,
                        ConnectorWrite.TABLE));
                report.timing(loop.warm(), -1, String.format(Locale.ROOT, "one rider's weeks (%d rows, one "
                        + "partition), the shell's path in this JVM's warm session", loop.rows()));
                report.timing(loop.fresh(), -1, "the same query, `adhoc` in a JVM of its own: start, Spark, views, query");
                report.timing(cold.floor(), floorSamples, "the hidden `floor-read` command in a JVM of its own:"
                        + " start, Spark, the floor read");
                report.timing(cold.nightly(), longSamples, "`nightly --date D --lookback " + s.lookback()
                        + "` in a JVM of its own (-Xmx2g, as scripts/rides), long history");
                cold.phaseMedians().forEach(report::coldPhase);

                report.figure("rides per day (long history, mean)", longVolume.mean(), "rides",
                        "≥ " + s.ridesPerDay(), longVolume.mean() >= s.ridesPerDay());
                report.figure("rides per day (long history, least)", longVolume.min(), "rides", null, null);
                report.figure("floor read rate", floorSamples / floor.median(), "samples/s", null, null);
                report.figure("nightly rate (long history)", longSamples / nightlyLong.median(), "samples/s", null,
                        null);
                report.figure("rebuild rate (long history)", rebuildCounts.get("samples_read") / rebuild.median(),
                        "samples/s", null, null);
                report.figure("naive job rate (long history)", allSamples / naive.median(), "samples/s", null, null);
                double overFloor = nightlyLong.median() / floor.median();
                double target = nightlyOverFloorTarget(longVolume.mean());
                report.figure("nightly / floor", overFloor, "x", "≤ " + target + "x", overFloor <= target);
                CostLine nightlyLine = CostLine.through(oneDayCounts.get("samples_read"), nightlyOneDay.median(),
                        longSamples, nightlyLong.median());
                CostLine floorLine = CostLine.through(floorOneDayResult.samples(), floorOneDay.median(), floorSamples,
                        floor.median());
                report.figure("nightly fixed cost (D alone vs D with lookback)", nightlyLine.fixedSeconds(), "s",
                        "≤ " + TARGET_NIGHTLY_FIXED_SECONDS + " s",
                        nightlyLine.fixedSeconds() <= TARGET_NIGHTLY_FIXED_SECONDS);
                report.figure("floor fixed cost (D alone vs D with lookback)", floorLine.fixedSeconds(), "s", null,
                        null);
                report.figure("nightly / floor per extra sample", nightlyLine.secondsPerSample()
                        / floorLine.secondsPerSample(), "x", null, null);
                double breakEven = nightlyLine.samplesForRatio(floorLine, target);
                double samplesPerRide = (double) longSamples / Math.max(1, longCounts.get("workouts_read"));
                report.figure("samples read from which nightly / floor ≤ " + target + "x",
                        breakEven, "samples", null, null);
                report.figure("rides a day from which nightly / floor ≤ " + target + "x",
                        breakEven / samplesPerRide / (s.lookback() + 1), "rides", null, null);
                report.note(String.format(Locale.ROOT, "Fixed and per-sample costs: a straight line through each "
                                + "job's medians on D alone (%,d samples) and on D with its lookback (%,d samples), "
                                + "so noise in either run moves them. The size from which nightly / floor ≤ %.1fx "
                                + "solves fixed + per-sample x for nightly against the floor (it reads n/a, never, "
                                + "where nightly's per-sample cost is above %.1f times the floor's); as rides a day it "
                                + "takes %,.0f samples a ride and %d days read a night.",
                        floorOneDayResult.samples(), floorSamples, target,
                        target, samplesPerRide, s.lookback() + 1));
                double longOverShort = nightlyLong.median() / nightlyShort.median();
                report.figure("nightly long / nightly short history", longOverShort, "x",
                        "≤ " + TARGET_LONG_OVER_SHORT + "x", longOverShort <= TARGET_LONG_OVER_SHORT);
                double naiveOverNightly = naive.median() / nightlyLong.median();
                report.figure("naive / nightly (long history)", naiveOverNightly, "x",
                        "≥ " + (int) TARGET_NAIVE_OVER_NIGHTLY + "x", naiveOverNightly >= TARGET_NAIVE_OVER_NIGHTLY);
                double shufflePercent = 100 * Median.of(shuffleShares);
                report.figure("nightly shuffle written / bytes read (long history)", shufflePercent, "%",
                        "< " + (int) TARGET_SHUFFLE_PERCENT + " %", shufflePercent < TARGET_SHUFFLE_PERCENT);
                report.figure("nightly bytes read from Cassandra (long history)", longTotals.inputBytes() / 1e6, "MB",
                        null, null);
                report.figure("nightly shuffle bytes written (long history)",
                        longTotals.shuffleBytesWritten() / 1e6, "MB", null, null);
                report.figure("peak heap, nightly (long history)", Median.of(nightlyHeap) / 1e6, "MB", null, null);
                report.figure("peak heap, rebuild (long history)", Median.of(rebuildHeap) / 1e6, "MB", null, null);
                report.figure("peak heap, naive job", Median.of(naiveHeap) / 1e6, "MB", null, null);
                report.figure("peak heap, whole benchmark JVM", heap.overallPeak() / 1e6, "MB", null, null);
                report.figure("heap limit (-Xmx)", heap.maxHeap() / 1e6, "MB", null, null);
                double generatorRate = genLong.rowsPerSecond();
                double connectorRate = written / connectorWrite.median();
                report.figure("generator write rate", generatorRate, "rows/s", null, null);
                report.figure("connector write rate", connectorRate, "rows/s", null, null);
                report.figure("generator / connector write rate", generatorRate / connectorRate, "x", null, null);
                List<Double> allIdle = pooled(idle), allBusy = pooled(busy);
                double p99Idle = Median.percentile(allIdle, 99), p99Busy = Median.percentile(allBusy, 99);
                report.figure("serving p50, idle (all screens)", Median.percentile(allIdle, 50), "ms", null, null);
                report.figure("serving p99, idle (all screens)", p99Idle, "ms", null, null);
                report.figure("serving p50, during nightly (all screens)", Median.percentile(allBusy, 50), "ms",
                        null, null);
                report.figure("serving p99, during nightly (all screens)", p99Busy, "ms", null, null);
                report.figure("serving p99 during nightly / idle", p99Busy / p99Idle, "x", null, null);
                report.figure("single-partition query, warm sql shell", loop.warm().median(), "s", null, null);
                report.figure("single-partition query, fresh adhoc process", loop.fresh().median(), "s", null, null);
                report.figure("fresh adhoc process / warm sql shell", loop.fresh().median() / loop.warm().median(), "x",
                        null, null);
                double coldOverFloor = cold.nightly().median() / cold.floor().median();
                report.figure("cold nightly process / cold floor process", coldOverFloor, "x",
                        "≤ " + TARGET_NIGHTLY_OVER_FLOOR + "x", coldOverFloor <= TARGET_NIGHTLY_OVER_FLOOR);
                report.figure("cold nightly process", cold.nightly().median(), "s", null, null);
                report.figure("cold floor process", cold.floor().median(), "s", null, null);

                report.write("generator (`RideDataWriter`, async driver, long history)", genLong.totalRows(),
                        genLong.elapsedSeconds(), "unlogged single-partition batches, "
                                + WriterOptions.DEFAULT_MAX_IN_FLIGHT + " requests in flight; all raw tables");
                report.write("Spark connector DataFrame write", written, connectorWrite.median(),
                        "day D's samples, cached in memory first, unthrottled, into `" + ConnectorWrite.TABLE
                                + "` (median of " + connectorWrite.count() + ")");
                for (ServingLatency.Screen screen : ServingLatency.SCREENS) {
                    report.serving(screen.name(), screen.method(), idle.get(screen.method()),
                            busy.get(screen.method()));
                }
                notes(report, s, floorResult, floorTotals, floor.median(), nightlyLong.median(), longCounts, longTotals,
                        shortShuffleShares, longShuffleByWork, naiveResult, rebuildCounts, busyNightlies);
                report.machine("benchmark wall time", String.format(Locale.ROOT, "%.0f s",
                        (System.nanoTime() - started) / 1e9));
            } finally {
                spark.sparkContext().removeSparkListener(listener);
                if (!s.keep()) {
                    dropKeyspaces(session, shortCfg);
                    dropKeyspaces(session, longCfg);
                }
            }
        }
        return report.markdown();
    }

    private void notes(BenchmarkReport report, BenchSettings s, FloorRead.Result floor,
                       ShuffleListener.Totals floorTotals, double floorSeconds, double nightlySeconds, RunCounts nightly,
                       ShuffleListener.Totals totals, List<Double> shortShares, Map<String, Long> shuffleByWork,
                       NaiveJob.Result naive, RunCounts rebuild, int busyNightlies) {
        report.note(String.format(Locale.ROOT, "Nightly processes %s and its %d lookback days: %,d rides, %,d samples "
                        + "(the floor read the same %,d samples). Floor plan uses the connector's direct join: %s.",
                s.endDate(), s.lookback(), nightly.get("workouts_read"), nightly.get("samples_read"),
                floor.samples(), floor.directJoin() ? "yes" : "NO (the comparison is not like for like)"));
        report.note("Nightly's time is the whole job as `scripts/rides nightly` runs it minus JVM start: connecting, "
                + "checking the schema, job_runs rows, reading, computing and writing every result table. The floor "
                + "is the read alone, in the same warm JVM and Spark session.");
        report.note(String.format(Locale.ROOT, "Shuffle share = Spark task metrics: shuffle bytes written / input "
                        + "bytes read (every connector read: workouts, samples, dimensions, the jobs' own state). "
                        + "Nightly, long history: %,d of %,d bytes in %d tasks; short history: %.2f %%.",
                totals.shuffleBytesWritten(), totals.inputBytes(), totals.tasks(), 100 * Median.of(shortShares)));
        report.note("Nightly's shuffle by step (long history, last round; no step shuffles raw samples, which are "
                + "folded per ride before any exchange): " + shuffleByWork.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f MB", e.getKey(), e.getValue() / 1e6))
                .collect(java.util.stream.Collectors.joining(", ")) + ".");
        report.note(String.format(Locale.ROOT, "Where the time goes (last round): the floor ran %d Spark job(s), "
                        + "%d tasks, %.1f s of task time in %.1f s (median) of wall time; nightly (long history) ran "
                        + "%d jobs, %d tasks, %.1f s of task time in %.1f s. Wall time beyond task time / cores is "
                        + "driver-side: planning each job, connecting, job_runs, waiting between dependent steps.",
                floorTotals.jobs(), floorTotals.tasks(), floorTotals.taskSeconds(), floorSeconds, totals.jobs(),
                totals.tasks(), totals.taskSeconds(), nightlySeconds));
        report.note(String.format(Locale.ROOT, "The naive job computed %,d rides (rebuild used %,d), %,d top-10 rows, "
                        + "%,d leaderboard rows and %,d rider-days; it leaves out normalized power's gap handling, "
                        + "IF/TSS, ratings, class stats and trending, and writes nothing (Spark's no-op sink), so it "
                        + "does less than nightly, never more.", naive.rides(), rebuild.get("workouts_used"),
                naive.topRides(), naive.leaderboardRows(), naive.riderDays()));
        report.note("Peak heap: the most heap in use (just before a collection, or sampled every 20 ms) in this JVM, "
                + "which runs Spark in local mode: driver and executors together.");
        report.note(String.format(Locale.ROOT, "Serving: `RideStatsReader` at LOCAL_ONE from this JVM, rides, riders "
                + "and classes drawn from `workout_summary`; the busy calls all overlap one of %d nightly run(s).",
                busyNightlies));
        report.note("Targets are for 2 cores at the default size (300 rides a day, 10 and 60 days); at a small size "
                + "the fixed costs (connecting, planning, writing small tables) dominate every ratio.");
    }

    private void describeMachine(BenchmarkReport report, CqlSession session, RidesConfig config) {
        report.machine("date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.machine("cores (nproc)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        report.machine("memory", memory());
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        report.machine("load average at start", String.format(Locale.ROOT, "%.2f", load));
        report.machine("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.machine("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.machine("JVM heap limit", String.format(Locale.ROOT, "%.0f MB",
                Runtime.getRuntime().maxMemory() / 1e6));
        if (!JvmCommand.extraFlags().isEmpty()) {
            report.machine("extra JVM flags of the processes it starts (" + JvmCommand.EXTRA_FLAGS + ")",
                    String.join(" ", JvmCommand.extraFlags()));
        }
        report.machine("Spark", org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", master "
                + config.sparkMaster());
        String cassandra = String.valueOf(session.execute("SELECT release_version FROM system.local").one()
                .getString(0));
        report.machine("Cassandra", cassandra + " at " + String.join(",", config.hosts()));
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "unknown";
    }

    private static void dataRow(BenchmarkReport report, String history, int days, int riders, DailyVolume volume,
                                long workouts, long samples, String how) {
        report.data(history, String.valueOf(days), String.format(Locale.ROOT, "%,d", riders),
                String.format(Locale.ROOT, "%,d", workouts),
                String.format(Locale.ROOT, "%.0f / %d", volume.mean(), volume.min()),
                String.format(Locale.ROOT, "%,d", samples), how);
    }

    private static void dropKeyspaces(CqlSession session, RidesConfig c) {
        session.execute("DROP KEYSPACE IF EXISTS " + c.rawKeyspace());
        session.execute("DROP KEYSPACE IF EXISTS " + c.statsKeyspace());
    }

    private static List<Double> pooled(Map<String, List<Double>> perMethod) {
        List<Double> all = new ArrayList<>();
        perMethod.values().forEach(all::addAll);
        return all;
    }

    private static double last(Runs runs) {
        List<Double> s = runs.seconds();
        return s.get(s.size() - 1);
    }

    private void step(long started, String format, Object... args) {
        log.printf(Locale.ROOT, "[bench %5.0f s] %s%n", (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, args));
        log.flush();
    }

    private static boolean isUsage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConfigException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RidesException) {
                return firstLine(t.getMessage());
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "failed: " + root.getClass().getSimpleName() + ": " + firstLine(String.valueOf(root.getMessage()))
                + " (rerun with --verbose for details)";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
