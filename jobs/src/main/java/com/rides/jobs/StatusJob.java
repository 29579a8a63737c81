package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.checks.Verdict;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.runs.LeaseHolder;
import com.rides.schema.SchemaCheck;
import com.rides.status.JobHistory;
import com.rides.status.PrometheusFile;
import com.rides.status.RunSummary;
import com.rides.status.StatusJson;
import com.rides.status.StatusReader;
import com.rides.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `status [--json] [--max-lag DAYS] [--prometheus FILE]`: freshness and health for
 * monitoring. Exit 0 when healthy, 1 otherwise. Reads a few partitions with the
 * driver; starts no Spark and takes no lease.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Freshness and health for monitoring: exit 0 when healthy, 1 otherwise.")
public class StatusJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--max-lag", paramLabel = "DAYS",
            description = "days the last processed day may lag behind yesterday (UTC) and still be healthy (default 1)")
    int maxLag = 1;

    @Option(names = "--check-days", paramLabel = "DAYS",
            description = "days, up to the last processed one, whose failed error-level checks make status unhealthy (default 7)")
    int checkDays = 7;

    @Option(names = "--prometheus", paramLabel = "FILE",
            description = "also write the report as a Prometheus text file (node_exporter textfile collector), atomically")
    Path prometheus;

    @Override
    public Integer call() {
        if (maxLag < 0) {
            throw new ConfigException("--max-lag must not be negative, got " + maxLag);
        }
        if (checkDays < 1) {
            throw new ConfigException("--check-days must be positive, got " + checkDays);
        }
        RidesConfig config = cluster.toConfig(System.getenv());
        StatusReport report;
        try (CqlSession session = CassandraSessions.open(config)) {
            SchemaCheck.requireAll(session, config);
            report = new StatusReader(session, config).read(Instant.now(), maxLag, checkDays);
        }
        if (prometheus != null) {
            PrometheusFile.write(report, prometheus);
        }
        if (json) {
            out().println(StatusJson.of(report));
        } else {
            print(report, out());
        }
        return report.healthy() ? 0 : Rides.EXIT_FAILED;
    }

    static void print(StatusReport s, PrintWriter out) {
        List<String> problems = s.problems();
        out.println(problems.isEmpty() ? "status: healthy" : "status: unhealthy: " + String.join("; ", problems));
        out.println("  last processed day: " + s.lastProcessedDay().map(d -> d + " (lag " + s.lagDays().get()
                + " days behind " + s.yesterday() + ", --max-lag " + s.maxLagDays() + ")").orElse("none"));
        out.println("  lease: " + s.lease().map(h -> "held by " + describe(h, s.asOf())).orElse("free"));
        out.println("  last runs:");
        for (JobHistory h : s.jobs()) {
            RunSummary r = h.latest();
            if (r == null) {
                continue;
            }
            out.printf("    %-9s %-10s started %s, %s%s%n", h.job(), r.status(), r.startedAt().truncatedTo(ChronoUnit.SECONDS),
                    seconds(r.duration(s.asOf())) + ("running".equals(r.status()) ? " so far" : ""),
                    r.message() == null ? "" : ": " + abbreviate(r.message()));
        }
        List<Verdict> failed = s.failedChecks();
        out.println("  failed checks " + s.checksFrom() + ".." + s.lastProcessedDay().orElse(s.yesterday()) + ": "
                + (failed.isEmpty() ? "none" : failed.size()));
        for (Verdict v : failed) {
            out.println("    " + v.describe());
        }
    }

    private static String describe(LeaseHolder h, Instant now) {
        return h.describe() + (h.renewedAt() == null ? ""
                : " (" + Duration.between(h.renewedAt(), now).toSeconds() + " s ago, TTL " + h.ttl().toSeconds() + " s)");
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
