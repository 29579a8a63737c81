package com.rides.results;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One row in job_runs per run of a job: written as 'running' when it starts and
 * overwritten with 'succeeded' or 'failed', its counts and a one-line message at the
 * end.
 *
 * <p>A run that dies without a word (killed, or its Cassandra gone when it tried to
 * say it failed) would stay 'running' for ever. So a live run renews heartbeat_at
 * every {@link RidesConfig#runHeartbeatSeconds()}, and each new run of the same job
 * first marks the runs whose heartbeat is more than three beats old as failed,
 * "abandoned". The mark is a lightweight transaction on status, so a slow run that
 * finishes at that moment keeps its own outcome.
 */
public final class JobRunLog implements AutoCloseable {

    /** Missed beats after which a 'running' row is taken for dead (and after which a run lease expires). */
    public static final int STALE_BEATS = 3;
    /** How far back the sweep looks: runs older than the newest few hundred are history. */
    private static final int SWEEP_ROWS = 200;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement beat;
    private final PreparedStatement recent;
    private final PreparedStatement abandon;
    private final String job;
    private final UUID runId;
    private final Instant startedAt;
    private final LocalDate day;
    private final String version;
    private final Duration heartbeat;
    private ScheduledExecutorService beats;

    public JobRunLog(CqlSession session, RidesConfig config, String job, LocalDate day, String version) {
        this.session = session;
        this.job = job;
        this.runId = UUID.randomUUID();
        this.startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.day = day;
        this.version = version;
        this.heartbeat = Duration.ofSeconds(config.runHeartbeatSeconds());
        String table = config.qualifiedStats("job_runs");
        this.insert = session.prepare("INSERT INTO " + table
                + " (job, started_at, run_id, day, status, finished_at, counts, message, version, heartbeat_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.beat = session.prepare("UPDATE " + table + " SET heartbeat_at = ? WHERE job = ? AND started_at = ?"
                + " AND run_id = ?");
        this.recent = session.prepare("SELECT started_at, run_id, status, heartbeat_at FROM " + table
                + " WHERE job = ? LIMIT " + SWEEP_ROWS);
        this.abandon = session.prepare("UPDATE " + table + " SET status = 'failed', finished_at = ?, message = ?"
                + " WHERE job = ? AND started_at = ? AND run_id = ? IF status = 'running'");
    }

    public UUID runId() {
        return runId;
    }

    public String job() {
        return job;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Marks earlier runs of this job that stopped beating as failed; returns their ids.
     * A run started before heartbeats existed has none: its start time stands in.
     */
    public List<UUID> markAbandonedRuns() {
        Instant now = Instant.now();
        Instant staleBefore = now.minus(heartbeat.multipliedBy(STALE_BEATS));
        List<UUID> marked = new ArrayList<>();
        for (Row r : session.execute(recent.bind(job))) {
            if (!"running".equals(r.getString("status")) || r.getUuid("run_id").equals(runId)) {
                continue;
            }
            Instant last = r.getInstant("heartbeat_at") != null ? r.getInstant("heartbeat_at") : r.getInstant("started_at");
            if (last.isBefore(staleBefore)) {
                String message = "abandoned: no heartbeat since " + last.truncatedTo(ChronoUnit.SECONDS)
                        + " (the process died or lost Cassandra before it could record how it ended);"
                        + " marked by run " + runId;
                boolean applied = session.execute(abandon.bind(now, message, job, r.getInstant("started_at"),
                        r.getUuid("run_id")).setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL)).wasApplied();
                if (applied) {
                    marked.add(r.getUuid("run_id"));
                }
            }
        }
        return marked;
    }

    /** Records the run as running and starts renewing its heartbeat. */
    public void running() {
        running(() -> { });
    }

    /**
     * The same, and runs {@code alsoEachBeat} with every beat (the run lease is renewed
     * this way, so that a lease lives exactly as long as its holder's heartbeat).
     */
    public void running(Runnable alsoEachBeat) {
        write("running", null, Map.of(), null);
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = heartbeat.toMillis();
        beats.scheduleAtFixedRate(() -> {
            beat();
            alsoEachBeat.run();
        }, period, period, TimeUnit.MILLISECONDS);
    }

    public void succeeded(Map<String, Long> counts, String message) {
        close();
        write("succeeded", Instant.now(), counts, message);
    }

    /**
     * Best effort: when Cassandra itself is what failed, the console line is all there
     * is now, and the next run marks this one abandoned.
     *
     * @return whether the failure was recorded
     */
    public boolean failed(Map<String, Long> counts, String message) {
        close();
        try {
            write("failed", Instant.now(), counts, message);
            return true;
        } catch (RuntimeException ignored) {
            // the caller reports the original failure; a second one would hide it
            return false;
        }
    }

    /** Stops the heartbeat (idempotent). */
    @Override
    public void close() {
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
        }
    }

    private void beat() {
        try {
            session.execute(beat.bind(beatTime(Instant.now()), job, startedAt, runId));
        } catch (RuntimeException e) {
            // A missed beat is harmless; three in a row let the next run call this one dead.
        }
    }

    private void write(String status, Instant finishedAt, Map<String, Long> counts, String message) {
        session.execute(insert.bind(job, startedAt, runId, day, status, finishedAt, counts, message, version,
                finishedAt == null ? beatTime(startedAt) : finishedAt));
    }

    /**
     * A beat's time, down to the second. Cassandra counts a TTL from the whole second it
     * writes in, so the run lease renewed just after a beat can expire up to a second
     * before "three beats after the beat"; truncated, a run is stale no later than its
     * lease is gone, and status never calls a run alive whose lease another run may take.
     */
    private static Instant beatTime(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
