package com.rides.generate;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RideDataWriter} loads Cassandra.
 *
 * @param maxInFlight      requests sent but not yet answered; the only brake on the
 *                         write rate, so the rate is what the cluster accepts
 * @param samplesPerBatch  sample rows of one ride per UNLOGGED batch (one partition,
 *                         so one mutation on one replica set); 1 sends single rows
 * @param maxAttempts      tries per request before the run fails (retries only for
 *                         errors that may pass: timeouts, overload, lost connections)
 * @param retryBackoff     wait before the first retry, growing linearly with the attempt
 * @param progressInterval how often the progress callback is called
 */
public record WriterOptions(int maxInFlight, int samplesPerBatch, int maxAttempts, Duration retryBackoff,
                            Duration progressInterval) {

    public static final int DEFAULT_MAX_IN_FLIGHT = 128;
    public static final int DEFAULT_SAMPLES_PER_BATCH = 100;

    public WriterOptions {
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (samplesPerBatch < 1 || samplesPerBatch > 1000) {
            throw new IllegalArgumentException("samplesPerBatch must be within 1..1000, got " + samplesPerBatch);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    public static WriterOptions defaults() {
        return new WriterOptions(DEFAULT_MAX_IN_FLIGHT, DEFAULT_SAMPLES_PER_BATCH, 3, Duration.ofMillis(200),
                Duration.ofSeconds(5));
    }

    public WriterOptions withMaxInFlight(int n) {
        return new WriterOptions(n, samplesPerBatch, maxAttempts, retryBackoff, progressInterval);
    }

    public WriterOptions withProgressInterval(Duration interval) {
        return new WriterOptions(maxInFlight, samplesPerBatch, maxAttempts, retryBackoff, interval);
    }
}
