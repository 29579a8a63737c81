package com.rides.pipeline;

import com.rides.RidesException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pipeline steps on their own driver threads (Spark schedules
 * jobs from several threads at once) and waits for all of them. Every step runs to
 * its end even when another fails, so a failed run stops at a clean point; the
 * first failure is rethrown.
 */
final class Steps {

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rides-step");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> running = new ArrayList<>();

    void run(Runnable step) {
        running.add(pool.submit(step));
    }

    /** Starts a step that computes a value; {@link #await} first, then {@link #valueOf} it. */
    <T> Future<T> start(Callable<T> step) {
        Future<T> f = pool.submit(step);
        running.add(f);
        return f;
    }

    /**
     * Runs {@code work} on this thread while the started steps run; when it fails, waits
     * for them to end first (so the run stops at a clean point) and rethrows its failure.
     */
    <T> T whileRunning(Callable<T> work) {
        try {
            return work.call();
        } catch (Exception | Error e) {
            try {
                await();
            } catch (RuntimeException | Error later) {
                e.addSuppressed(later);
            }
            throw RidesException.rethrown(e);
        }
    }

    /** The value of a step that {@link #await} saw succeed. */
    static <T> T valueOf(Future<T> done) {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw RidesException.rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidesException("interrupted while waiting for a pipeline step", e);
        }
    }

    void await() {
        Throwable first = null;
        try {
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RidesException("interrupted while waiting for pipeline steps", e);
                }
            }
        } finally {
            pool.shutdown();
        }
        if (first != null) {
            throw RidesException.rethrown(first);
        }
    }
}
