package com.rides.status;

import com.rides.checks.CheckLevel;
import com.rides.checks.Verdict;
import com.rides.runs.LeaseHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Freshness and health for monitoring: the last processed day and its lag, the jobs'
 * last runs, the run lease, and the failed data checks of the last days. Healthy when
 * {@link #problems()} is empty.
 *
 * @param yesterday   the newest day a night could have processed (UTC)
 * @param checksFrom  the first day whose failed checks count (the window ends with the last processed day)
 */
public record StatusReport(Instant asOf, LocalDate yesterday, Optional<LocalDate> lastProcessedDay, int maxLagDays,
                           List<JobHistory> jobs, Optional<LeaseHolder> lease, LocalDate checksFrom,
                           List<Verdict> failedChecks) {

    public StatusReport {
        jobs = List.copyOf(jobs);
        failedChecks = List.copyOf(failedChecks);
    }

    /** Days between yesterday and the last processed day: 0 when yesterday is done; empty with no history. */
    public Optional<Long> lagDays() {
        return lastProcessedDay.map(d -> Math.max(0, ChronoUnit.DAYS.between(d, yesterday)));
    }

    /** The newest run among all jobs that is not running now, or empty. */
    public Optional<RunSummary> lastEndedRun() {
        return jobs.stream().map(JobHistory::latest).filter(Objects::nonNull)
                .filter(r -> !"running".equals(r.status()))
                .max(Comparator.comparing(RunSummary::startedAt));
    }

    public List<Verdict> failedChecks(CheckLevel level) {
        return failedChecks.stream().filter(v -> v.level() == level).toList();
    }

    /** What is wrong, one line each; empty when healthy. A held lease is not a problem: a run is working. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (lastProcessedDay.isEmpty()) {
            out.add("no day has been processed (processed_days is empty)");
        } else if (lagDays().get() > maxLagDays) {
            out.add("stale: the last processed day is " + lastProcessedDay.get() + ", " + lagDays().get()
                    + " days behind " + yesterday + " (--max-lag " + maxLagDays + ")");
        }
        lastEndedRun().filter(RunSummary::failedOrAbandoned).ifPresent(r -> out.add("the last run "
                + r.status() + ": " + r.job() + " run " + r.runId() + " started " + r.startedAt()
                .truncatedTo(ChronoUnit.SECONDS) + (r.message() == null ? "" : ": " + r.message())));
        List<Verdict> errors = failedChecks(CheckLevel.ERROR);
        if (!errors.isEmpty()) {
            out.add(errors.size() + " error-level data check" + (errors.size() == 1 ? "" : "s") + " failed since "
                    + checksFrom + ", first " + errors.get(0).describe());
        }
        return out;
    }

    public boolean healthy() {
        return problems().isEmpty();
    }
}
