package com.rides.generate;

/**
 * A progress report of a running write.
 *
 * @param rowsWritten     rows Cassandra has acknowledged so far (all tables)
 * @param rowsPerSecond   average since the start
 * @param recentRowsPerSecond over the last reporting interval: shows a cluster slowing down
 */
public record WriteProgress(long rowsWritten, double elapsedSeconds, double rowsPerSecond,
                            double recentRowsPerSecond) {

    @Override
    public String toString() {
        return String.format("%,d rows in %.0f s (%,.0f rows/s, now %,.0f rows/s)",
                rowsWritten, elapsedSeconds, rowsPerSecond, recentRowsPerSecond);
    }
}
