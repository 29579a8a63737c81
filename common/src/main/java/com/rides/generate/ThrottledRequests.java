package com.rides.generate;

import com.rides.RidesException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends asynchronous requests with at most {@code maxInFlight} outstanding: the
 * submitting thread blocks on a permit, so the send rate settles at what the
 * server answers, without guessing a rate. A request that fails with a transient
 * error is sent again (holding its permit, after a short wait) up to
 * {@code maxAttempts} times; a request that still fails, or fails with an error
 * that cannot pass, fails the run: no new request is accepted, and
 * {@link #awaitAll()} reports it once the requests in flight have ended.
 *
 * @param <K> what requests are counted by (the table)
 */
final class ThrottledRequests<K> {

    private final int maxInFlight;
    private final int maxAttempts;
    private final Duration backoff;
    private final Predicate<Throwable> retryable;
    private final Function<K, String> describe;
    private final Semaphore permits;
    private final Map<K, LongAdder> written = new ConcurrentHashMap<>();
    private final LongAdder retries = new LongAdder();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    /**
     * @param retryable which errors are worth another attempt
     * @param describe  names a key in failure messages ("rides.samples")
     */
    ThrottledRequests(int maxInFlight, int maxAttempts, Duration backoff, Predicate<Throwable> retryable,
                      Function<K, String> describe) {
        this.maxInFlight = maxInFlight;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.retryable = retryable;
        this.describe = describe;
        this.permits = new Semaphore(maxInFlight);
    }

    /**
     * Sends {@code request} (which {@code rows} rows it writes to {@code key}) once a
     * permit is free. {@code request} is called again for a retry, so it must send
     * the same thing each time.
     *
     * @throws RidesException if an earlier request has failed for good
     */
    void submit(K key, long rows, Supplier<? extends CompletionStage<?>> request) {
        throwIfFailed();
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidesException("interrupted while writing " + describe.apply(key));
        }
        attempt(key, rows, request, 1);
    }

    /** Waits until no request is in flight, then fails if any request failed. */
    void awaitAll() {
        try {
            permits.acquire(maxInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidesException("interrupted while waiting for the last writes");
        }
        permits.release(maxInFlight);
        throwIfFailed();
    }

    /**
     * Waits until no request is in flight, without failing: for a caller that is
     * already failing and must not return while writes still run.
     */
    void awaitQuietly() {
        try {
            permits.acquire(maxInFlight);
            permits.release(maxInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failure of the run, if a request failed for good; else null. */
    RidesException failure() {
        String failure = firstFailure.get();
        if (failure == null) {
            return null;
        }
        long n = failures.get();
        return new RidesException(failure + (n > 1 ? " (" + (n - 1) + " more writes failed)" : ""));
    }

    long written(K key) {
        LongAdder n = written.get(key);
        return n == null ? 0 : n.sum();
    }

    long totalWritten() {
        return written.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long retries() {
        return retries.sum();
    }

    private void attempt(K key, long rows, Supplier<? extends CompletionStage<?>> request, int attemptNo) {
        CompletionStage<?> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) { // e.g. the session was closed
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ignored, error) -> {
            if (error == null) {
                written.computeIfAbsent(key, k -> new LongAdder()).add(rows);
                permits.release();
                return;
            }
            Throwable cause = unwrap(error);
            if (attemptNo < maxAttempts && retryable.test(cause) && firstFailure.get() == null) {
                retries.increment();
                // Runs the retry off the driver's I/O thread, after the wait; keeps the permit.
                CompletableFuture.delayedExecutor(backoff.toMillis() * attemptNo, TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(key, rows, request, attemptNo + 1));
            } else {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, "writing " + describe.apply(key) + " failed after " + attemptNo
                        + (attemptNo == 1 ? " attempt: " : " attempts: ") + oneLine(cause));
                permits.release();
            }
        });
    }

    private void throwIfFailed() {
        RidesException failure = failure();
        if (failure != null) {
            throw failure;
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
