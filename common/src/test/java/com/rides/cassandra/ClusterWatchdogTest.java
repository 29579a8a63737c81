package com.rides.cassandra;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watchdog's clock: silence is measured from the last answer, and it gives up once. */
class ClusterWatchdogTest {

    static final long S = 1_000_000_000L;

    static final ClusterWatchdog.Outcome OK = ClusterWatchdog.Outcome.SERVED;
    static final ClusterWatchdog.Outcome NONE = ClusterWatchdog.Outcome.NO_NODE;
    static final ClusterWatchdog.Outcome NO_QUORUM = ClusterWatchdog.Outcome.tooFewReplicas(
            "LOCAL_QUORUM in data centre 'app'"
            + " (Not enough replicas available for query at consistency LOCAL_QUORUM (2 required but only 1 alive))");

    final Deque<ClusterWatchdog.Outcome> answers = new ArrayDeque<>();
    final List<String> told = new ArrayList<>();
    final ClusterWatchdog dog = new ClusterWatchdog(answers::removeFirst, Duration.ofSeconds(30), "h1:9042,h2:9042",
            told::add, 0);

    @Test
    void givesUpOnlyAfterTheWholeTimeoutWithoutAnAnswer() {
        answers.addAll(List.of(OK, NONE, NONE, NONE));
        assertFalse(dog.check(10 * S));   // answered at 10 s
        assertFalse(dog.check(20 * S));   // silent for 10 s
        assertFalse(dog.check(39 * S));   // silent for 29 s
        assertTrue(dog.check(40 * S));    // silent for 30 s
        assertEquals(List.of("Cassandra stopped answering mid-run: no node of h1:9042,h2:9042 answered for 30 s,"
                + " so the run was stopped (a rerun once the cluster is back repairs whatever it left half-written)"),
                told);
    }

    @Test
    void anAnswerInBetweenStartsTheSilenceAgain() {
        answers.addAll(List.of(NONE, NONE, OK, NONE, NONE));
        assertFalse(dog.check(20 * S));
        assertFalse(dog.check(29 * S));
        assertFalse(dog.check(31 * S));   // answered
        assertFalse(dog.check(50 * S));   // silent for 19 s, although 50 s since the start
        assertTrue(dog.check(61 * S));
        assertEquals(1, told.size());
    }

    @Test
    void tellsOnceAndStopsProbing() {
        answers.addAll(List.of(NONE));
        assertTrue(dog.check(30 * S));
        assertTrue(dog.check(31 * S));    // no answer left in the queue: a probe here would throw
        assertEquals(1, told.size());
    }

    @Test
    void aDataCentreWithoutItsQuorumIsNamedWithTheDriversReason() {
        answers.addAll(List.of(OK, NONE, NO_QUORUM, NO_QUORUM));
        assertFalse(dog.check(1 * S));
        assertFalse(dog.check(10 * S));
        assertFalse(dog.check(20 * S));
        assertTrue(dog.check(31 * S));
        assertEquals(List.of("Cassandra cannot serve the run any more: nodes answer, but not enough replicas for"
                + " LOCAL_QUORUM in data centre 'app' (Not enough replicas available for query at consistency"
                + " LOCAL_QUORUM (2 required but only 1 alive)) for 30 s, so the run was stopped (a rerun once the"
                + " cluster is back repairs whatever it left half-written)"), told);
    }

    @Test
    void aDataCentreWithoutItsQuorumIsNamedEvenWhenTheLastProbesReachNoNode() {
        // The survivor said "too few replicas", then was too busy to answer the last probes in time.
        answers.addAll(List.of(OK, NO_QUORUM, NONE, NONE));
        assertFalse(dog.check(1 * S));
        assertFalse(dog.check(10 * S));
        assertFalse(dog.check(20 * S));
        assertTrue(dog.check(31 * S));
        assertEquals(List.of("Cassandra cannot serve the run any more: nodes answer, but not enough replicas for"
                + " LOCAL_QUORUM in data centre 'app' (Not enough replicas available for query at consistency"
                + " LOCAL_QUORUM (2 required but only 1 alive)) for 30 s (its last probes reached no node at all),"
                + " so the run was stopped (a rerun once the cluster is back repairs whatever it left half-written)"),
                told);
    }

    @Test
    void anAnswerForgetsTheReplicasThatWereShortBeforeIt() {
        answers.addAll(List.of(NO_QUORUM, OK, NONE, NONE));
        assertFalse(dog.check(1 * S));
        assertFalse(dog.check(2 * S));    // answered: the short replicas are over
        assertFalse(dog.check(20 * S));
        assertTrue(dog.check(32 * S));
        assertEquals(List.of("Cassandra stopped answering mid-run: no node of h1:9042,h2:9042 answered for 30 s,"
                + " so the run was stopped (a rerun once the cluster is back repairs whatever it left half-written)"),
                told);
    }
}
