package com.rides.status;

import com.rides.RidesException;
import com.rides.checks.CheckLevel;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * status --prometheus FILE: the report as a Prometheus text file for node_exporter's
 * textfile collector (gauges only, no timestamps, which that collector refuses).
 * Written to a temporary file in the same folder, then renamed over FILE, so the
 * collector never reads half a file; the temporary name does not end in .prom, so it
 * is never collected.
 */
public final class PrometheusFile {

    /** Per-kind counts of the last successful run of each job. */
    static final List<String> KINDS = List.of("workouts", "samples", "ratings");
    static final List<String> STATES = List.of("read", "used", "quarantined", "dropped");

    private PrometheusFile() {
    }

    public static void write(StatusReport s, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                PrometheusTextFormatWriter.create().write(out, snapshots(s));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new RidesException("cannot rename " + tmp + " over " + file + " atomically", e);
            }
        } catch (IOException e) {
            throw new RidesException("cannot write the Prometheus file " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is never collected (its name does not end in .prom)
                }
            }
        }
    }

    static MetricSnapshots snapshots(StatusReport s) {
        List<MetricSnapshot> m = new ArrayList<>();
        m.add(gauge("rides_status_healthy", "1 when status finds nothing wrong (exit 0), else 0",
                Map.of(Labels.EMPTY, s.healthy() ? 1.0 : 0.0)));
        m.add(gauge("rides_status_problems", "what status found wrong, as a count (the lines of its output)",
                Map.of(Labels.EMPTY, (double) s.problems().size())));
        m.add(gauge("rides_status_generated_timestamp_seconds", "when status wrote this file",
                Map.of(Labels.EMPTY, s.asOf().toEpochMilli() / 1000.0)));
        s.lastProcessedDay().ifPresent(d -> m.add(gauge("rides_last_processed_day_timestamp_seconds",
                "start (00:00 UTC) of the newest day nightly has processed",
                Map.of(Labels.EMPTY, (double) d.atStartOfDay(ZoneOffset.UTC).toEpochSecond()))));
        s.lagDays().ifPresent(lag -> m.add(gauge("rides_processed_lag_days",
                "days between yesterday (UTC) and the last processed day; 0 when yesterday is processed",
                Map.of(Labels.EMPTY, (double) lag))));
        m.add(gauge("rides_max_lag_days", "the lag status tolerates (--max-lag)", Map.of(Labels.EMPTY, (double) s.maxLagDays())));
        m.add(gauge("rides_lease_held", "1 while a run holds the run lease", Map.of(Labels.EMPTY, s.lease().isPresent() ? 1.0 : 0.0)));

        Map<Labels, Double> lastStart = new LinkedHashMap<>();
        Map<Labels, Double> lastOk = new LinkedHashMap<>();
        Map<Labels, Double> lastFailed = new LinkedHashMap<>();
        Map<Labels, Double> successEnd = new LinkedHashMap<>();
        Map<Labels, Double> successDuration = new LinkedHashMap<>();
        Map<Labels, Double> rows = new LinkedHashMap<>();
        for (JobHistory h : s.jobs()) {
            Labels job = Labels.of("job", h.job());
            if (h.latest() != null) {
                lastStart.put(job, h.latest().startedAt().toEpochMilli() / 1000.0);
                lastFailed.put(job, h.latest().failedOrAbandoned() ? 1.0 : 0.0);
                lastOk.put(job, h.latest().succeeded() ? 1.0 : 0.0);
            }
            RunSummary ok = h.lastSuccess();
            if (ok != null) {
                successEnd.put(job, ok.finishedAt().toEpochMilli() / 1000.0);
                successDuration.put(job, ok.duration(s.asOf()).toMillis() / 1000.0);
                for (String kind : KINDS) {
                    for (String state : STATES) {
                        String key = kind + "_" + state;
                        if (ok.counts().containsKey(key)) {
                            rows.put(Labels.of("job", h.job(), "kind", kind, "state", state), (double) ok.count(key));
                        }
                    }
                }
            }
        }
        m.add(gauge("rides_last_run_start_timestamp_seconds", "start of the job's latest run", lastStart));
        m.add(gauge("rides_last_run_succeeded", "1 when the job's latest run succeeded (0 while it runs)", lastOk));
        m.add(gauge("rides_last_run_failed", "1 when the job's latest run failed or died (abandoned)", lastFailed));
        m.add(gauge("rides_last_success_timestamp_seconds", "end of the job's latest successful run", successEnd));
        m.add(gauge("rides_last_success_duration_seconds", "how long the job's latest successful run took", successDuration));
        m.add(gauge("rides_last_success_rows", "rows the job's latest successful run read, used, quarantined and"
                + " dropped, by kind (workouts, samples, ratings)", rows));
        Map<Labels, Double> checks = new LinkedHashMap<>();
        for (CheckLevel level : CheckLevel.values()) {
            checks.put(Labels.of("level", level.code()), (double) s.failedChecks(level).size());
        }
        m.add(gauge("rides_checks_failed", "data checks failed on the days from checks_from to the last processed"
                + " day, by level", checks));
        return new MetricSnapshots(m);
    }

    private static GaugeSnapshot gauge(String name, String help, Map<Labels, Double> points) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        points.forEach((labels, v) -> b.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(v).build()));
        return b.build();
    }
}
