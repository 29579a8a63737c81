package com.rides.runs;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.results.JobRunLog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one-run-at-a-time lease of the runs that write result tables (nightly,
 * backfill, catch-up, rebuild; not hourly, which writes only whole trending_now
 * snapshots that no run merges with): a row of run_lease taken with a lightweight
 * transaction, {@code INSERT ... IF NOT EXISTS USING TTL}, renewed with the holder's
 * heartbeat and deleted at the end. A holder that dies without a word keeps it for
 * at most its TTL, three heartbeats: as long as job_runs takes to call that run
 * abandoned.
 *
 * <p>Every statement is a Paxos round at the configured serial consistency: SERIAL
 * (the default) agrees across all data centres, so schedulers in two DCs cannot both
 * hold the lease; LOCAL_SERIAL agrees within the local DC only (see docs/scheduling.md).
 */
public final class RunLease implements AutoCloseable {

    /** The lease's one scope: every run that writes the result tables. */
    public static final String RESULT_TABLES = "result_tables";

    private static final String COLUMNS = "run_id, job, host, pid, started_at, renewed_at, ttl_s";

    private final CqlSession session;
    private final ConsistencyLevel serial;
    private final LeaseHolder holder;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement delete;
    private volatile boolean held;

    private RunLease(CqlSession session, RidesConfig config, LeaseHolder holder) {
        this.session = session;
        this.serial = serial(config);
        this.holder = holder;
        String table = config.qualifiedStats("run_lease");
        this.insert = session.prepare("INSERT INTO " + table + " (scope, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " IF NOT EXISTS USING TTL ?");
        // Every column is written again: the row lives as long as its newest cells.
        this.update = session.prepare("UPDATE " + table + " USING TTL ? SET run_id = ?, job = ?, host = ?, pid = ?,"
                + " started_at = ?, renewed_at = ?, ttl_s = ? WHERE scope = ? IF run_id = ?");
        this.delete = session.prepare("DELETE FROM " + table + " WHERE scope = ? IF run_id = ?");
    }

    /** How long a renewal keeps the lease: the heartbeats after which job_runs calls a silent run dead. */
    public static Duration ttl(RidesConfig config) {
        return Duration.ofSeconds((long) config.runHeartbeatSeconds() * JobRunLog.STALE_BEATS);
    }

    /**
     * Takes the lease for {@code me}.
     *
     * @throws LeaseHeldException naming the holder, when another run has it
     */
    public static RunLease take(CqlSession session, RidesConfig config, LeaseHolder me) {
        RunLease lease = new RunLease(session, config, me);
        Row answer = lease.tryInsert(Instant.now());
        if (answer != null) {
            throw new LeaseHeldException(holderOf(answer));
        }
        lease.held = true;
        return lease;
    }

    public LeaseHolder holder() {
        return holder;
    }

    public boolean isHeld() {
        return held;
    }

    /**
     * Renews the lease for another TTL. If it expired meanwhile (the holder was stalled
     * for longer than the TTL) and nobody took it, it is taken again.
     *
     * @return false when another run holds it now: this run must stop writing
     */
    public synchronized boolean renew() {
        if (!held) {
            return false;
        }
        Instant now = Instant.now();
        boolean renewed = session.execute(serial(update.bind((int) holder.ttl().toSeconds(), holder.runId(),
                holder.job(), holder.host(), holder.pid(), holder.startedAt(), now, (int) holder.ttl().toSeconds(),
                RESULT_TABLES, holder.runId()))).wasApplied();
        if (!renewed && tryInsert(now) != null) {
            held = false;
        }
        return held;
    }

    /** Who holds the lease now, if anyone (another run may take it once this answer is given). */
    public static Optional<LeaseHolder> current(CqlSession session, RidesConfig config) {
        Row r = session.execute(session.prepare("SELECT " + COLUMNS + " FROM " + config.qualifiedStats("run_lease")
                        + " WHERE scope = ?").bind(RESULT_TABLES).setConsistencyLevel(serial(config))).one();
        return r == null || r.isNull("run_id") ? Optional.empty() : Optional.of(holderOf(r));
    }

    /** Gives the lease up if this run still holds it (idempotent; a failure leaves it to its TTL). */
    @Override
    public synchronized void close() {
        if (!held) {
            return;
        }
        held = false;
        try {
            session.execute(serial(delete.bind(RESULT_TABLES, holder.runId())));
        } catch (RuntimeException e) {
            // Cassandra is what failed: the lease expires with its TTL.
        }
    }

    /**
     * @return null when taken, else the answer naming the holder. A lease row that names
     *     this run counts as taken: the driver retries a statement whose connection broke
     *     (our sessions treat statements as idempotent), and an insert that applied before its
     *     node died answers "not applied, held by you" the second time.
     */
    private Row tryInsert(Instant now) {
        Row answer = session.execute(serial(insert.bind(RESULT_TABLES, holder.runId(), holder.job(), holder.host(),
                holder.pid(), holder.startedAt(), now, (int) holder.ttl().toSeconds(),
                (int) holder.ttl().toSeconds()))).one();
        if (answer == null || answer.getBoolean("[applied]")) {
            return null;
        }
        return holder.runId().equals(answer.getUuid("run_id")) ? null : answer;
    }

    private BoundStatement serial(BoundStatement statement) {
        return statement.setSerialConsistencyLevel(serial);
    }

    private static ConsistencyLevel serial(RidesConfig config) {
        return DefaultConsistencyLevel.valueOf(config.leaseSerialConsistency());
    }

    private static LeaseHolder holderOf(Row r) {
        Instant started = r.getInstant("started_at");
        return new LeaseHolder(r.getUuid("run_id"), r.getString("job"), r.getString("host"),
                r.isNull("pid") ? -1 : r.getLong("pid"),
                started == null ? Instant.EPOCH : started.truncatedTo(ChronoUnit.MILLIS), r.getInstant("renewed_at"),
                Duration.ofSeconds(r.isNull("ttl_s") ? 0 : r.getInt("ttl_s")));
    }
}
