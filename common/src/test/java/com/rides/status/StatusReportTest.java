package com.rides.status;

import com.rides.checks.CheckLevel;
import com.rides.checks.Range;
import com.rides.checks.Verdict;
import com.rides.runs.LeaseHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What makes status unhealthy, and the Prometheus file it writes, line by line. */
class StatusReportTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");
    static final LocalDate YESTERDAY = LocalDate.parse("2026-11-30");

    static RunSummary run(String job, String status, Instant start, Map<String, Long> counts) {
        return new RunSummary(job, UUID.nameUUIDFromBytes((job + start).getBytes()), start,
                "running".equals(status) ? null : start.plusSeconds(42), YESTERDAY, status, counts,
                "failed".equals(status) ? "cannot reach Cassandra" : "ok");
    }

    static StatusReport report(LocalDate last, List<JobHistory> jobs, Optional<LeaseHolder> lease, List<Verdict> failed) {
        return new StatusReport(NOW, YESTERDAY, Optional.ofNullable(last), 1, jobs, lease, last == null ? YESTERDAY
                : last.minusDays(6), failed);
    }

    static JobHistory succeeded(String job, Instant start) {
        RunSummary r = run(job, "succeeded", start, Map.of("workouts_read", 120L, "workouts_used", 118L,
                "workouts_quarantined", 2L, "samples_read", 40_000L, "samples_used", 39_000L,
                "samples_quarantined", 900L, "samples_dropped", 100L, "ratings_read", 50L, "ratings_used", 50L,
                "ratings_quarantined", 0L));
        return new JobHistory(job, r, r);
    }

    @Test
    void freshWhenYesterdayIsProcessedAndTheLastRunSucceeded() {
        StatusReport s = report(YESTERDAY, List.of(succeeded("catch-up", NOW.minusSeconds(3600))), Optional.empty(), List.of());
        assertTrue(s.healthy(), s.problems().toString());
        assertEquals(0L, s.lagDays().get());
        // One day behind is within the default --max-lag: the night's run may not have happened yet.
        assertTrue(report(YESTERDAY.minusDays(1), List.of(), Optional.empty(), List.of()).healthy());
    }

    @Test
    void staleWhenMoreDaysBehindThanMaxLag() {
        StatusReport s = report(YESTERDAY.minusDays(2), List.of(), Optional.empty(), List.of());
        assertFalse(s.healthy());
        assertTrue(s.problems().get(0).startsWith("stale: the last processed day is 2026-11-28, 2 days behind"),
                s.problems().toString());
        assertFalse(report(null, List.of(), Optional.empty(), List.of()).healthy());
    }

    @Test
    void failedWhenTheLastEndedRunFailedOrDied() {
        JobHistory older = succeeded("nightly", NOW.minusSeconds(7200));
        RunSummary failed = run("catch-up", "failed", NOW.minusSeconds(3600), Map.of());
        StatusReport s = report(YESTERDAY, List.of(new JobHistory("catch-up", failed, null), older), Optional.empty(), List.of());
        assertFalse(s.healthy());
        assertTrue(s.problems().get(0).startsWith("the last run failed: catch-up run"), s.problems().toString());
        RunSummary dead = run("catch-up", "abandoned", NOW.minusSeconds(3600), Map.of());
        assertFalse(report(YESTERDAY, List.of(new JobHistory("catch-up", dead, null)), Optional.empty(), List.of()).healthy());
        // A later success puts it right.
        assertTrue(report(YESTERDAY, List.of(new JobHistory("catch-up", failed, null),
                succeeded("nightly", NOW.minusSeconds(60))), Optional.empty(), List.of()).healthy());
    }

    @Test
    void lockedIsHealthyARunIsWorking() {
        LeaseHolder holder = new LeaseHolder(UUID.randomUUID(), "catch-up", "host-1", 4711, NOW.minusSeconds(30),
                NOW.minusSeconds(5), Duration.ofSeconds(90));
        RunSummary running = run("catch-up", "running", NOW.minusSeconds(30), Map.of());
        StatusReport s = report(YESTERDAY, List.of(new JobHistory("catch-up", running, null),
                succeeded("nightly", NOW.minusSeconds(7200))), Optional.of(holder), List.of());
        assertTrue(s.healthy(), s.problems().toString());
    }

    @Test
    void anErrorLevelCheckFailureIsAProblemAWarningIsNot() {
        Verdict warning = new Verdict(YESTERDAY, "ratings_per_ride", CheckLevel.WARNING, 2.0, 0.6, 4,
                new Range(0.3, 1.2), Verdict.Outcome.FAIL, "2.00, outside 0.30 … 1.20");
        Verdict error = new Verdict(YESTERDAY, "rides", CheckLevel.ERROR, 41.0, 108.0, 4,
                new Range(70.2, 216.0), Verdict.Outcome.FAIL, "41, expected 70.2 … 216");
        assertTrue(report(YESTERDAY, List.of(), Optional.empty(), List.of(warning)).healthy());
        StatusReport s = report(YESTERDAY, List.of(), Optional.empty(), List.of(warning, error));
        assertEquals(List.of("1 error-level data check failed since 2026-11-24, first 2026-11-30 rides (error): 41,"
                + " expected 70.2 … 216"), s.problems());
    }

    @Test
    void thePrometheusFileParsesLineByLineAndReplacesTheOldOneAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rides.prom");
        Files.writeString(file, "old content\n");
        LeaseHolder holder = new LeaseHolder(UUID.randomUUID(), "catch-up", "host \"a\"\\b", 4711, NOW.minusSeconds(30),
                NOW.minusSeconds(5), Duration.ofSeconds(90));
        Verdict error = new Verdict(YESTERDAY, "rides", CheckLevel.ERROR, 41.0, 108.0, 4,
                new Range(70.2, 216.0), Verdict.Outcome.FAIL, "41, outside");
        StatusReport s = report(YESTERDAY.minusDays(3), List.of(succeeded("catch-up", NOW.minusSeconds(3600)),
                new JobHistory("rebuild", null, null)), Optional.of(holder), List.of(error));
        PrometheusFile.write(s, file);

        assertEquals(List.of(file), Files.list(dir).toList(), "the temporary file is gone");
        Map<String, PrometheusTextFormat.Sample> samples = PrometheusTextFormat.parse(Files.readString(file));
        assertEquals(0.0, samples.get("rides_status_healthy").value());
        assertEquals(2.0, samples.get("rides_status_problems").value());
        assertEquals(3.0, samples.get("rides_processed_lag_days").value());
        assertEquals((double) LocalDate.parse("2026-11-27").toEpochDay() * 86400,
                samples.get("rides_last_processed_day_timestamp_seconds").value());
        assertEquals(1.0, samples.get("rides_lease_held").value());
        assertEquals(1.0, samples.get("rides_checks_failed{level=\"error\"}").value());
        assertEquals(0.0, samples.get("rides_checks_failed{level=\"warning\"}").value());
        assertEquals((double) NOW.minusSeconds(3600 - 42).getEpochSecond(),
                samples.get("rides_last_success_timestamp_seconds{job=\"catch-up\"}").value());
        assertEquals(42.0, samples.get("rides_last_success_duration_seconds{job=\"catch-up\"}").value());
        assertEquals(118.0, samples.get("rides_last_success_rows{job=\"catch-up\",kind=\"workouts\",state=\"used\"}").value());
        assertEquals(100.0, samples.get("rides_last_success_rows{job=\"catch-up\",kind=\"samples\",state=\"dropped\"}").value());
        assertEquals(1.0, samples.get("rides_last_run_succeeded{job=\"catch-up\"}").value());
        assertFalse(samples.keySet().stream().anyMatch(k -> k.contains("rebuild")), "no run of rebuild, no sample");
    }

    @Test
    void theFormatCheckRejectsWhatTheCollectorWouldRefuse() {
        for (String bad : List.of("rides_x 1 1700000000000\n", "rides_x{job=\"a} 1\n", "1rides 2\n", "rides_x 1",
                "# TYPE rides_x gauge\n# TYPE rides_x gauge\nrides_x 1\n", "rides_x 1\nrides_y 1\nrides_x{a=\"b\"} 2\n",
                "rides_x one\n")) {
            try {
                PrometheusTextFormat.parse(bad);
            } catch (AssertionError expected) {
                continue;
            }
            throw new AssertionError("accepted: " + bad);
        }
    }
}
