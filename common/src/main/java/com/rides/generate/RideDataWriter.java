package com.rides.generate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.ProtocolError;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import com.rides.RidesException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes a {@link SyntheticRides} data set into the raw tables (which must exist):
 * classes, riders, then rider by rider their workouts, each followed by its samples,
 * and their ratings. Requests are asynchronous with a bounded number in flight
 * ({@link WriterOptions#maxInFlight()}), so the run goes as fast as Cassandra
 * accepts writes and no faster; samples go in UNLOGGED single-partition batches.
 * Generating rows on the calling thread is many times faster than a node can take
 * them, so one thread suffices.
 *
 * <p>Writing the same spec again writes the same rows (same keys, same cells): a
 * run that failed part-way can simply be run again. A run with another spec over
 * the same keyspace leaves earlier rows whose keys the new spec does not produce.
 */
public final class RideDataWriter {

    private final CqlSession session;
    private final String keyspace;
    private final WriterOptions options;

    public RideDataWriter(CqlSession session, String keyspace, WriterOptions options) {
        this.session = Objects.requireNonNull(session, "session");
        this.keyspace = Objects.requireNonNull(keyspace, "keyspace");
        this.options = Objects.requireNonNull(options, "options");
    }

    public RideDataWriter(CqlSession session, String keyspace) {
        this(session, keyspace, WriterOptions.defaults());
    }

    public WriteResult write(SyntheticRides data) {
        return write(data, progress -> { });
    }

    /**
     * Writes every row of {@code data}; calls {@code progress} on this thread every
     * {@link WriterOptions#progressInterval()}.
     *
     * @throws RidesException naming the table and the error when a write still fails
     *                        after its retries; the rows sent until then are written,
     *                        and running the same spec again completes the data set
     */
    public WriteResult write(SyntheticRides data, Consumer<WriteProgress> progress) {
        RawInserts inserts = RawInserts.prepare(session, keyspace);
        ThrottledRequests<RawTable> requests = new ThrottledRequests<>(options.maxInFlight(), options.maxAttempts(),
                options.retryBackoff(), RideDataWriter::mayPass, table -> keyspace + "." + table.tableName());
        ProgressClock clock = new ProgressClock(options, progress, requests::totalWritten);
        FaultLog faults = new FaultLog();
        try {
            writeAll(data, inserts, requests, clock, faults);
        } catch (RuntimeException e) {
            // Do not return while writes still run; report the write failure if there is one.
            requests.awaitQuietly();
            RidesException failure = requests.failure();
            throw failure != null ? failure : e;
        }
        requests.awaitAll();
        clock.finish();
        Map<RawTable, Long> rows = new EnumMap<>(RawTable.class);
        for (RawTable t : RawTable.values()) {
            rows.put(t, requests.written(t));
        }
        return new WriteResult(rows, clock.elapsedSeconds(), requests.retries(), faults);
    }

    private void writeAll(SyntheticRides data, RawInserts inserts, ThrottledRequests<RawTable> requests,
                          ProgressClock clock, FaultLog faults) {
        for (RideClass c : data.classes()) {
            send(requests, RawTable.CLASSES, 1, inserts.rideClass(c));
        }
        for (Rider r : data.riders()) {
            send(requests, RawTable.RIDERS, 1, inserts.rider(r));
            clock.tick();
        }
        RideSamples buffer = new RideSamples();
        int batchSize = options.samplesPerBatch();
        for (RiderHistory history : data.histories()) {
            faults.addHistory(history);
            for (PlannedRide ride : history.rides()) {
                send(requests, RawTable.WORKOUTS, 1, inserts.workout(ride.workout()));
                // Statements are bound before the buffer is refilled: binding copies the values.
                RideSamples samples = data.samples(ride, buffer);
                faults.addSamples(ride, samples);
                for (int from = 0; from < samples.size(); from += batchSize) {
                    int to = Math.min(from + batchSize, samples.size());
                    send(requests, RawTable.SAMPLES, to - from,
                            inserts.samples(ride.workout().workoutId(), samples, from, to));
                    clock.tick();
                }
            }
            for (PlannedRating rating : history.ratings()) {
                send(requests, RawTable.RATINGS, 1, inserts.rating(rating.row()));
            }
            clock.tick();
        }
    }

    private void send(ThrottledRequests<RawTable> requests, RawTable table, int rows, Statement<?> statement) {
        requests.submit(table, rows, () -> session.executeAsync(statement));
    }

    /**
     * Whether another attempt may succeed: timeouts, unavailable replicas, overload,
     * lost connections may pass; a rejected statement (schema mismatch, bad value,
     * no permission) or a closed session will not.
     */
    static boolean mayPass(Throwable error) {
        return !(error instanceof QueryValidationException
                || error instanceof ProtocolError
                || error instanceof CodecNotFoundException
                || error instanceof IllegalArgumentException
                || error instanceof IllegalStateException);
    }

    /** Calls the progress callback at most once per interval, from the writing thread. */
    private static final class ProgressClock {

        private final long start = System.nanoTime();
        private final long intervalNanos;
        private final Consumer<WriteProgress> listener;
        private final LongSupplier written;
        private long lastReport = start;
        private long lastRows;
        private long end;

        ProgressClock(WriterOptions options, Consumer<WriteProgress> listener, LongSupplier written) {
            this.intervalNanos = Math.max(1, options.progressInterval().toNanos());
            this.listener = listener;
            this.written = written;
        }

        void tick() {
            long now = System.nanoTime();
            if (now - lastReport >= intervalNanos) {
                long rows = written.getAsLong();
                double elapsed = (now - start) / 1e9;
                double recent = (rows - lastRows) / ((now - lastReport) / 1e9);
                listener.accept(new WriteProgress(rows, elapsed, rows / elapsed, recent));
                lastReport = now;
                lastRows = rows;
            }
        }

        void finish() {
            end = System.nanoTime();
        }

        double elapsedSeconds() {
            return ((end == 0 ? System.nanoTime() : end) - start) / 1e9;
        }
    }
}
