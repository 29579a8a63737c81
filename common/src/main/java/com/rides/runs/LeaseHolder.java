package com.rides.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Who holds the run lease: the holder's run (its job_runs row), where it runs and
 * since when.
 *
 * @param renewedAt the holder's last renewal (null where unknown)
 * @param ttl       how long a renewal keeps the lease alive
 */
public record LeaseHolder(UUID runId, String job, String host, long pid, Instant startedAt, Instant renewedAt,
                          Duration ttl) {

    /** This process, about to run {@code job} as run {@code runId}. */
    public static LeaseHolder thisProcess(UUID runId, String job, Instant startedAt, Duration ttl) {
        return new LeaseHolder(runId, job, ThisProcess.host(), ThisProcess.pid(), startedAt, startedAt, ttl);
    }

    /** One line for an operator: which run, where, since when. */
    public String describe() {
        return job + " run " + runId + " on host " + host + " (pid " + pid + "), started "
                + startedAt.truncatedTo(ChronoUnit.SECONDS)
                + (renewedAt == null ? "" : ", renewed " + renewedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
