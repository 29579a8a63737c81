package com.rides.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One row of job_runs as status shows it.
 *
 * @param status succeeded, failed, running, or abandoned: a 'running' row whose heartbeat
 *               stopped (the process died), before the next run of its job marks it failed
 */
public record RunSummary(String job, UUID runId, Instant startedAt, Instant finishedAt, LocalDate day, String status,
                         Map<String, Long> counts, String message) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    /** Failed, or died without saying so. */
    public boolean failedOrAbandoned() {
        return "failed".equals(status) || "abandoned".equals(status);
    }

    /** How long the run took, or has run so far (until {@code now}). */
    public Duration duration(Instant now) {
        return Duration.between(startedAt, finishedAt != null ? finishedAt : now);
    }

    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }
}
