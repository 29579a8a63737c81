package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.IoErrors;
import com.rides.RidesException;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.report.DailyReport;
import com.rides.report.ReportPage;
import com.rides.report.ReportReader;
import com.rides.schema.SchemaCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * `report --date D --out FILE.html`: one self-contained HTML page with day D's run
 * figures and data quality, the trending and top classes, a leaderboard and charts.
 * Reads the result tables with the driver, one partition per query; no Spark.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML page with a day's run figures, rankings and charts.")
public class ReportJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--date", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "the day to report on")
    LocalDate date;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "the page to write")
    Path out;

    @Option(names = "--rider", paramLabel = "UUID",
            description = "the rider whose history and power curve to chart (default: the busiest leaderboard rider)")
    UUID rider;

    @Option(names = "--window", paramLabel = "DAYS", description = "trending window in days (default 7)")
    int window = 7;

    @Override
    public Integer call() {
        if (window < 1) {
            throw new ConfigException("--window must be positive, got " + window);
        }
        RidesConfig config = cluster.toConfig(System.getenv());
        long start = System.nanoTime();
        DailyReport report;
        try (CqlSession session = CassandraSessions.open(config)) {
            SchemaCheck.requireAll(session, config);
            report = new ReportReader(session, config).read(date, window, rider);
        }
        String html = ReportPage.render(report, config.statsKeyspace(), Instant.now());
        write(out, html);
        out().printf("wrote %s (%d KB) in %.1f s: %s%n", out, (html.length() + 1023) / 1024,
                (System.nanoTime() - start) / 1e9, summary(report));
        return 0;
    }

    static String summary(DailyReport r) {
        String run = r.coveringRun() == null ? "no nightly run for " + r.day()
                : "run " + r.coveringRun().run().status();
        return run + ", " + r.trending().size() + " trending classes, "
                + (r.rider() == null ? "no rider"
                : "rider " + (r.rider().username() != null ? r.rider().username() : r.rider().userId()));
    }

    private static void write(Path file, String html) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RidesException("cannot write " + file + ": " + IoErrors.reason(e, file), e);
        }
    }
}
