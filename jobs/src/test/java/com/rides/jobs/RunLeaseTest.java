package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.runs.LeaseHeldException;
import com.rides.runs.LeaseHolder;
import com.rides.runs.RunLease;
import com.rides.schema.Replication;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run at a time: two runs started together, exactly one runs and the other exits 75
 * at once naming the holder; a held lease keeps every writing job out and status shows
 * it (healthy: a run is working); a holder SIGKILLed keeps the lease until its TTL, not
 * after, and the next run then proceeds and marks the dead run abandoned.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLeaseTest {

    /** The data ends yesterday, so status can call the keyspace fresh. */
    final LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    RidesConfig config;
    CqlSession session;

    @BeforeAll
    void data(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        SchemaJob.run(session, config, Replication.simple(1));
        RawRows raw = new RawRows(session, config).rider(RawRows.id("a1"), "alice", 200).clazz(RawRows.id("c1"), "Climb", "Ivy");
        for (int i = 0; i < 3; i++) {
            UUID ride = RawRows.id("e" + i);
            raw.workout(ride, RawRows.id("a1"), RawRows.id("c1"), yesterday.minusDays(i) + "T07:00:00Z", i)
                    .steady(ride, 0, 120, 150 + 10 * i);
        }
    }

    @Test
    @Order(1)
    void twoRunsStartedTogetherOneRunsTheOtherExits75AtOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Cli.Result>> runs = new ArrayList<>();
        List<Integer> order = new ArrayList<>(List.of(0, 0));
        for (int i = 0; i < 2; i++) {
            int me = i;
            runs.add(pool.submit(() -> {
                together.await();
                Cli.Result r = Cli.run(config, "nightly", "--date", yesterday.toString(), "--heartbeat", "2");
                order.set(me, finished.incrementAndGet());
                return r;
            }));
        }
        Cli.Result a = runs.get(0).get(5, TimeUnit.MINUTES);
        Cli.Result b = runs.get(1).get(5, TimeUnit.MINUTES);
        pool.shutdown();
        Cli.Result winner = a.code() == 0 ? a : b;
        Cli.Result loser = a.code() == 0 ? b : a;
        assertEquals(0, winner.code(), winner.err());
        assertEquals(Rides.EXIT_TRY_LATER, loser.code(), a.err() + b.err());
        assertEquals(1, order.get(a.code() == 0 ? 1 : 0), "the refused run ended first, while the other still ran");
        assertEquals(1, loser.err().strip().lines().count(), loser.err());

        List<Row> nightly = session.execute("SELECT run_id, started_at, status FROM " + config.qualifiedStats("job_runs")
                + " WHERE job = 'nightly'").all();
        assertEquals(1, nightly.size(), "exactly one run ran; the refused one left no row");
        Row ran = nightly.get(0);
        assertEquals("succeeded", ran.getString("status"));
        String line = loser.err().strip();
        assertTrue(line.startsWith("rides: another run holds the run lease: nightly run " + ran.getUuid("run_id")
                + " on host " + LeaseHolder.thisProcess(UUID.randomUUID(), "x", Instant.now(), Duration.ZERO).host()
                + " (pid " + ProcessHandle.current().pid() + "), started "
                + ran.getInstant("started_at").truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), line);
        assertTrue(line.contains("try again later"), line);
        assertTrue(RunLease.current(session, config).isEmpty(), "the winner gave the lease back");
    }

    /**
     * The driver sends a statement again when its node dies before answering; an insert of
     * the lease that had applied then answers "not applied" with the run's own row.
     */
    @Test
    @Order(0)
    void aTakeSentTwiceByTheDriverStillHoldsTheLeaseAndKeepsOthersOut() {
        LeaseHolder me = LeaseHolder.thisProcess(UUID.randomUUID(), "nightly", Instant.now(), Duration.ofMinutes(2));
        try (RunLease first = RunLease.take(session, config, me);
             RunLease again = RunLease.take(session, config, me)) {
            assertTrue(first.isHeld() && again.isHeld());
            LeaseHolder other = LeaseHolder.thisProcess(UUID.randomUUID(), "nightly", Instant.now(), Duration.ofMinutes(2));
            LeaseHeldException refused = assertThrows(
                    LeaseHeldException.class, () -> RunLease.take(session, config, other));
            assertTrue(refused.getMessage().contains(me.runId().toString()), refused.getMessage());
        }
        assertTrue(RunLease.current(session, config).isEmpty(), "the lease was given back");
    }

    @Test
    @Order(2)
    void aHeldLeaseKeepsEveryWritingJobOutAndStatusShowsIt() {
        LeaseHolder me = LeaseHolder.thisProcess(UUID.randomUUID(), "backfill", Instant.now(), Duration.ofMinutes(2));
        try (RunLease held = RunLease.take(session, config, me)) {
            for (String[] args : new String[][]{{"nightly", "--date", yesterday.toString()}, {"catch-up"},
                    {"backfill", "--from", yesterday.toString(), "--to", yesterday.toString()},
                    {"rebuild", "--through", yesterday.toString()}}) {
                Cli.Result r = Cli.run(config, args);
                assertEquals(Rides.EXIT_TRY_LATER, r.code(), args[0] + ": " + r.err());
                assertTrue(r.err().contains("backfill run " + me.runId()), r.err());
            }
            Cli.Result status = Cli.run(config, "status");
            assertEquals(0, status.code(), "locked is healthy, a run is working:\n" + status.out());
            assertTrue(status.out().contains("lease: held by backfill run " + me.runId()), status.out());
            Cli.Result json = Cli.run(config, "status", "--json");
            assertTrue(json.out().contains("\"run_id\" : \"" + me.runId() + "\""), json.out());
            assertTrue(held.renew(), "the holder renews its own lease");
        }
        assertTrue(RunLease.current(session, config).isEmpty());
        Cli.Result after = Cli.ok(config, "catch-up");
        assertTrue(after.out().contains("catch-up: nothing to do: the last processed day is " + yesterday), after.out());
    }

    @Test
    @Order(3)
    void aKilledHolderKeepsTheLeaseUntilItsTtlAndTheNextRunThenProceeds(@TempDir Path tmp) throws Exception {
        // Its output to a file: an unread pipe would fill up and stall it.
        Path log = tmp.resolve("holder.log");
        Process holder = Launcher.rides(config, "nightly", "--date", yesterday.toString(), "--heartbeat", "10")
                .redirectOutput(log.toFile()).start();
        holder.getOutputStream().close();
        LeaseHolder seen = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (seen == null && holder.isAlive() && System.nanoTime() < deadline) {
            seen = RunLease.current(session, config).filter(h -> h.pid() == holder.pid()).orElse(null);
            Thread.sleep(50);
        }
        assertNotNull(seen, "the launcher never held the lease: " + Files.readString(log));
        // Killed once its job_runs row says running, as a run dies mid-work.
        while (session.execute("SELECT status FROM " + config.qualifiedStats("job_runs") + " WHERE job = 'nightly'"
                + " AND started_at = ? AND run_id = ?", seen.startedAt(), seen.runId()).one() == null) {
            assertTrue(holder.isAlive() && System.nanoTime() < deadline, "the launcher never recorded its run");
            Thread.sleep(50);
        }
        assertTrue(holder.isAlive(), "the holder ended before it was killed: " + Files.readString(log));
        assertTrue(RunLease.current(session, config).isPresent(), "the holder gave the lease up: " + Files.readString(log));
        holder.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
        assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
        assertEquals(Duration.ofSeconds(30), seen.ttl(), "three heartbeats of 10 s");

        Cli.Result refused = Cli.run(config, "nightly", "--date", yesterday.toString(), "--heartbeat", "10");
        Instant refusedAt = Instant.now();
        LeaseHolder held = seen;
        assertEquals(Rides.EXIT_TRY_LATER, refused.code(), () -> "refused " + refusedAt + ", the holder's lease "
                + held + ", its log:\n" + read(log));
        assertTrue(refused.err().contains("nightly run " + seen.runId() + " on host " + seen.host() + " (pid "
                + holder.pid() + ")"), refused.err());
        LeaseHolder still = RunLease.current(session, config).orElseThrow();
        assertTrue(still.renewedAt().plus(still.ttl()).isAfter(refusedAt.minusSeconds(1)),
                "refused while the dead holder's lease was within its TTL");

        while (RunLease.current(session, config).isPresent()) {
            assertTrue(Instant.now().isBefore(still.renewedAt().plus(still.ttl()).plusSeconds(30)),
                    "the lease outlived its TTL");
            Thread.sleep(200);
        }
        assertTrue(!Instant.now().isBefore(still.renewedAt().plus(still.ttl()).minusSeconds(1)),
                "the lease went before its TTL");

        Cli.Result dead = Cli.run(config, "status", "--heartbeat", "10");
        assertEquals(1, dead.code(), dead.out());
        assertTrue(dead.out().contains("the last run abandoned: nightly run " + seen.runId()), dead.out());

        Cli.Result next = Cli.run(config, "nightly", "--date", yesterday.toString(), "--heartbeat", "10");
        assertEquals(0, next.code(), next.err());
        Row killed = session.execute("SELECT status, message FROM " + config.qualifiedStats("job_runs")
                + " WHERE job = 'nightly' AND started_at = ? AND run_id = ?", seen.startedAt(), seen.runId()).one();
        assertEquals("failed", killed.getString("status"));
        assertTrue(killed.getString("message").startsWith("abandoned: no heartbeat since"), killed.getString("message"));
        assertNull(RunLease.current(session, config).orElse(null));
        assertEquals(0, Cli.run(config, "status", "--heartbeat", "10").code(), "fresh and the last run succeeded");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
