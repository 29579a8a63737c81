package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.rides.config.RidesConfig;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Notices a cluster that stopped answering in the middle of a run, so that the run
 * fails instead of waiting for ever.
 *
 * <p>Why a run needs this: once every node is gone, the driver's schema refresh can
 * fail its agreement check and is then never retried, and the connector blocks,
 * uninterruptibly and without a timeout, on the next refresh it asks for (measured
 * here with driver 4.18 and connector 3.5.1: a nightly whose node was stopped
 * mid-run hung for good). So the run probes the cluster from its own session every
 * few seconds; once no probe has succeeded for the configured time, the run is given
 * up and the callback told why.
 */
public final class ClusterWatchdog implements AutoCloseable {

    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    private static final String PROBE_CQL = "SELECT release_version FROM system.local";

    private final BooleanSupplier probe;
    private final long giveUpAfterNanos;
    private final String hosts;
    private final Consumer<String> onLost;
    private long lastAnswer;
    private boolean tripped;
    private ScheduledExecutorService timer;

    ClusterWatchdog(BooleanSupplier probe, Duration giveUpAfter, String hosts, Consumer<String> onLost, long now) {
        this.probe = probe;
        this.giveUpAfterNanos = giveUpAfter.toNanos();
        this.hosts = hosts;
        this.onLost = onLost;
        this.lastAnswer = now;
    }

    /**
     * Starts probing through {@code session}.
     *
     * @param onLost told, once, a one-line reason when the cluster has not answered for
     *               {@link RidesConfig#unreachableTimeoutSeconds()}
     */
    public static ClusterWatchdog start(CqlSession session, RidesConfig config, Consumer<String> onLost) {
        SimpleStatement probe = SimpleStatement.newInstance(PROBE_CQL).setTimeout(PROBE_EVERY.multipliedBy(2));
        ClusterWatchdog dog = new ClusterWatchdog(() -> answers(session, probe),
                Duration.ofSeconds(config.unreachableTimeoutSeconds()), String.join(",", config.hosts()), onLost,
                System.nanoTime());
        dog.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = PROBE_EVERY.toMillis();
        dog.timer.scheduleWithFixedDelay(() -> dog.check(System.nanoTime()), period, period, TimeUnit.MILLISECONDS);
        return dog;
    }

    /** One probe at {@code now} (nanoTime); returns whether the watchdog has given the cluster up. */
    synchronized boolean check(long now) {
        if (tripped) {
            return true;
        }
        if (probe.getAsBoolean()) {
            lastAnswer = now;
            return false;
        }
        long silentFor = now - lastAnswer;
        if (silentFor >= giveUpAfterNanos) {
            tripped = true;
            onLost.accept("Cassandra stopped answering mid-run: no node of " + hosts + " answered for "
                    + TimeUnit.NANOSECONDS.toSeconds(silentFor) + " s, so the run was stopped"
                    + " (a rerun once the cluster is back repairs whatever it left half-written)");
        }
        return tripped;
    }

    private static boolean answers(CqlSession session, SimpleStatement probe) {
        try {
            return session.execute(probe).one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
