package com.rides.results;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.rides.config.RidesConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * One row in job_runs per run of a job: written as 'running' when it starts and
 * overwritten with 'succeeded' or 'failed', its counts and a one-line message at the
 * end. A run that is killed stays 'running', which is the truth.
 */
public final class JobRunLog {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final String job;
    private final UUID runId;
    private final Instant startedAt;
    private final LocalDate day;
    private final String version;

    public JobRunLog(CqlSession session, RidesConfig config, String job, LocalDate day, String version) {
        this.session = session;
        this.job = job;
        this.runId = UUID.randomUUID();
        this.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.day = day;
        this.version = version;
        this.insert = session.prepare("INSERT INTO " + config.qualifiedStats("job_runs")
                + " (job, started_at, run_id, day, status, finished_at, counts, message, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    public UUID runId() {
        return runId;
    }

    public void running() {
        write("running", null, Map.of(), null);
    }

    public void succeeded(Map<String, Long> counts, String message) {
        write("succeeded", Instant.now(), counts, message);
    }

    /** Best effort: when Cassandra itself is what failed, the console line is all there is. */
    public void failed(Map<String, Long> counts, String message) {
        try {
            write("failed", Instant.now(), counts, message);
        } catch (RuntimeException ignored) {
            // the caller reports the original failure; a second one would hide it
        }
    }

    private void write(String status, Instant finishedAt, Map<String, Long> counts, String message) {
        session.execute(insert.bind(job, startedAt, runId, day, status, finishedAt, counts, message, version));
    }
}
