package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.rides.config.RidesConfig;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices a cluster that can no longer serve a run, so that the run fails instead of
 * waiting for ever or hammering what is left of the cluster.
 *
 * <p>Two ways a run loses its cluster. Every node gone: then the driver's schema
 * refresh can fail its agreement check and is never retried, and the connector blocks,
 * uninterruptibly and without a timeout, on the next refresh it asks for (measured
 * here with driver 4.18 and connector 3.5.1: a nightly whose node was stopped mid-run
 * hung for good). Or too few replicas left in the local data centre for the run's
 * consistency level (two of three nodes of a data centre at LOCAL_QUORUM, the
 * company's old incident): every write then fails, and the connector retries each
 * one up to its retry count, keeping the survivor busy with a run that cannot finish.
 * So the run probes from its own session every few seconds, at the consistency of its
 * writes; once no probe has succeeded for the configured time, the run is given up and
 * the callback told why in one line.
 */
public final class ClusterWatchdog implements AutoCloseable {

    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    private static final String ANY_NODE_CQL = "SELECT release_version FROM system.local";

    private final Supplier<Outcome> probe;
    private final long giveUpAfterNanos;
    private final String hosts;
    private final Consumer<String> onLost;
    private long lastAnswer;
    /** The last probe since the last answer that reached a node but not enough replicas. */
    private Outcome replicasShort;
    private boolean tripped;
    private ScheduledExecutorService timer;

    /** What one probe found: served, no node answered, or nodes answer but not enough replicas. */
    record Outcome(boolean served, boolean anyNode, String why) {
        static final Outcome SERVED = new Outcome(true, true, null);
        static final Outcome NO_NODE = new Outcome(false, false, null);

        static Outcome tooFewReplicas(String why) {
            return new Outcome(false, true, why);
        }
    }

    ClusterWatchdog(Supplier<Outcome> probe, Duration giveUpAfter, String hosts, Consumer<String> onLost, long now) {
        this.probe = probe;
        this.giveUpAfterNanos = giveUpAfter.toNanos();
        this.hosts = hosts;
        this.onLost = onLost;
        this.lastAnswer = now;
    }

    /**
     * Starts probing through {@code session}.
     *
     * @param onLost told, once, a one-line reason when the cluster has not served the
     *               run for {@link RidesConfig#unreachableTimeoutSeconds()}
     */
    public static ClusterWatchdog start(CqlSession session, RidesConfig config, Consumer<String> onLost) {
        Duration timeout = PROBE_EVERY.multipliedBy(2);
        SimpleStatement anyNode = SimpleStatement.newInstance(ANY_NODE_CQL).setTimeout(timeout);
        // A partition of the jobs' own keyspace, read at the level the run writes at: it
        // needs as many live replicas in the local data centre as every write of the run.
        SimpleStatement replicas = SimpleStatement.newInstance("SELECT run_id FROM " + config.qualifiedStats("job_runs")
                        + " WHERE job = 'watchdog' LIMIT 1")
                .setConsistencyLevel(readableAs(config.writeConsistency()))
                .setIdempotent(true)
                .setTimeout(timeout);
        ClusterWatchdog dog = new ClusterWatchdog(() -> probe(session, anyNode, replicas, config),
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
        Outcome outcome = probe.get();
        if (outcome.served()) {
            lastAnswer = now;
            replicasShort = null;
            return false;
        }
        if (outcome.anyNode()) {
            replicasShort = outcome;
        }
        long silentFor = now - lastAnswer;
        if (silentFor >= giveUpAfterNanos) {
            tripped = true;
            long seconds = TimeUnit.NANOSECONDS.toSeconds(silentFor);
            String repair = " (a rerun once the cluster is back repairs whatever it left half-written)";
            // The most telling of the window's failures, not the last: a survivor too busy to
            // answer the last probes in time (seen on a loaded 2-core machine while its failure
            // detector still counted the killed nodes as up) did say there were too few
            // replicas, and "no node answered" would then be untrue.
            onLost.accept(replicasShort != null
                    ? "Cassandra cannot serve the run any more: nodes answer, but not enough replicas for "
                    + replicasShort.why() + " for " + seconds + " s" + (outcome.anyNode() ? ""
                    : " (its last probes reached no node at all)") + ", so the run was stopped" + repair
                    : "Cassandra stopped answering mid-run: no node of " + hosts + " answered for " + seconds
                    + " s, so the run was stopped" + repair);
        }
        return tripped;
    }

    private static Outcome probe(CqlSession session, SimpleStatement anyNode, SimpleStatement replicas,
                                 RidesConfig config) {
        try {
            session.execute(replicas);
            return Outcome.SERVED;
        } catch (RuntimeException quorumFailed) {
            try {
                session.execute(anyNode);
            } catch (RuntimeException noNode) {
                return Outcome.NO_NODE;
            }
            return Outcome.tooFewReplicas(config.writeConsistency() + " in data centre '" + config.localDcOrDefault()
                    + "' (" + firstLine(rootMessage(quorumFailed)) + ")");
        }
    }

    /** The write level as a read: ANY and EACH_QUORUM have no read of their own. */
    static DefaultConsistencyLevel readableAs(String writeLevel) {
        return switch (writeLevel) {
            case "ANY" -> DefaultConsistencyLevel.ONE;
            case "EACH_QUORUM" -> DefaultConsistencyLevel.QUORUM;
            default -> DefaultConsistencyLevel.valueOf(writeLevel);
        };
    }

    /** The coordinator's own words: the driver wraps them in a list of every node it tried. */
    static String rootMessage(RuntimeException e) {
        if (e instanceof com.datastax.oss.driver.api.core.AllNodesFailedException all) {
            for (java.util.List<Throwable> errors : all.getAllErrors().values()) {
                if (!errors.isEmpty()) {
                    return errors.get(errors.size() - 1).getMessage();
                }
            }
        }
        return e.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
