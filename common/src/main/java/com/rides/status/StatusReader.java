package com.rides.status;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.checks.CheckStore;
import com.rides.checks.Verdict;
import com.rides.config.RidesConfig;
import com.rides.results.JobRunLog;
import com.rides.runs.RunLease;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what status reports with the driver, a partition at a time: processed_days
 * (its newest row), the job_runs partition of each job that writes result tables, the
 * run lease, and data_checks of the last days. No Spark.
 */
public final class StatusReader {

    /** The jobs that write result tables (all but hourly under the run lease). */
    public static final List<String> JOBS = List.of("catch-up", "nightly", "backfill", "rebuild", "hourly");
    /** Rows of a job's partition searched for its last successful run. */
    private static final int RUNS_SEARCHED = 50;

    private final CqlSession session;
    private final RidesConfig config;
    private final PreparedStatement runs;

    public StatusReader(CqlSession session, RidesConfig config) {
        this.session = session;
        this.config = config;
        this.runs = session.prepare("SELECT job, started_at, run_id, day, status, finished_at, counts, message,"
                + " heartbeat_at FROM " + config.qualifiedStats("job_runs") + " WHERE job = ? LIMIT " + RUNS_SEARCHED);
    }

    /**
     * @param checkDays how many days, ending with the last processed one, whose failed checks count
     */
    public StatusReport read(Instant now, int maxLagDays, int checkDays) {
        LocalDate yesterday = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        Optional<LocalDate> last = lastProcessedDay();
        List<JobHistory> jobs = new ArrayList<>();
        for (String job : JOBS) {
            jobs.add(history(job, now));
        }
        LocalDate checksUntil = last.orElse(yesterday);
        LocalDate checksFrom = checksUntil.minusDays(checkDays - 1L);
        List<Verdict> failed = new ArrayList<>();
        CheckStore checks = new CheckStore(session, config);
        for (LocalDate d = checksUntil; !d.isBefore(checksFrom); d = d.minusDays(1)) {
            checks.verdicts(d).stream().filter(Verdict::failed).forEach(failed::add);
        }
        return new StatusReport(now, yesterday, last, maxLagDays, jobs, RunLease.current(session, config), checksFrom,
                failed);
    }

    private Optional<LocalDate> lastProcessedDay() {
        Row r = session.execute("SELECT day FROM " + config.qualifiedStats("processed_days")
                + " WHERE job = 'nightly' ORDER BY day DESC LIMIT 1").one();
        return r == null ? Optional.empty() : Optional.of(r.getLocalDate(0));
    }

    private JobHistory history(String job, Instant now) {
        // A run that beats is alive; one whose heartbeat stopped for three beats died
        // (the rule JobRunLog marks abandoned runs by).
        Instant staleBefore = now.minus(Duration.ofSeconds((long) config.runHeartbeatSeconds() * JobRunLog.STALE_BEATS));
        RunSummary latest = null;
        RunSummary lastSuccess = null;
        for (Row r : session.execute(runs.bind(job))) {
            String status = r.getString("status");
            if ("running".equals(status)) {
                Instant beat = r.getInstant("heartbeat_at") != null ? r.getInstant("heartbeat_at") : r.getInstant("started_at");
                if (beat.isBefore(staleBefore)) {
                    status = "abandoned";
                }
            }
            Map<String, Long> counts = r.getMap("counts", String.class, Long.class);
            RunSummary run = new RunSummary(job, r.getUuid("run_id"), r.getInstant("started_at"),
                    r.getInstant("finished_at"), r.getLocalDate("day"), status, counts == null ? Map.of() : counts,
                    r.getString("message"));
            if (latest == null) {
                latest = run;
            }
            if (run.succeeded()) {
                lastSuccess = run;
                break;
            }
        }
        return new JobHistory(job, latest, lastSuccess);
    }
}
