package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.schema.Replication;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CONTRACT.md section 5 on generated data with faults: nightly for every day, in
 * order, then in another order with repeats, equals rebuild, table by table, row by
 * row; and a nightly run cut short part-way through its writes, run again, equals
 * a clean run.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalEqualsFullTest {

    static final LocalDate LAST = LocalDate.parse("2026-11-10");
    static final int DAYS = 5;

    RidesConfig config;
    CqlSession session;
    Map<String, List<String>> reference;

    @BeforeAll
    void generate(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        SchemaJob.run(session, config, Replication.simple(1));
        Cli.ok(config, "generate", "--users", "20", "--classes", "8", "--days", String.valueOf(DAYS),
                "--end-date", LAST.toString(), "--seed", "11", "--fault-rate", "0.05");
    }

    @Test
    @Order(1)
    void nightlyInOrderEqualsRebuild() {
        for (LocalDate d = LAST.minusDays(DAYS - 1); !d.isAfter(LAST); d = d.plusDays(1)) {
            NightlyJob.run(config, d, NightlyJob.DEFAULT_LOOKBACK);
        }
        reference = Snapshot.results(session, config.statsKeyspace());
        assertFalse(reference.get("workout_summary").isEmpty());
        assertFalse(reference.get("quarantine").isEmpty(), "5% faults must quarantine something");
        assertTrue(reference.get("trending_classes").size() >= DAYS);

        RebuildJob.run(config, LAST);
        assertTablesEqual(reference, Snapshot.results(session, config.statsKeyspace()));
    }

    @Test
    @Order(2)
    void nightlyInAnotherOrderWithRepeatsEqualsRebuild() {
        RebuildJob.run(config, LAST.minusDays(DAYS)); // before the first day: every result table empties
        assertTrue(Snapshot.results(session, config.statsKeyspace()).get("workout_summary").isEmpty());
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            days.add(LAST.minusDays(i));
        }
        days.add(LAST.minusDays(3));
        days.add(LAST);
        Collections.shuffle(days, new Random(5));
        for (LocalDate d : days) {
            NightlyJob.run(config, d, 0);
        }
        assertTablesEqual(reference, Snapshot.results(session, config.statsKeyspace()));
    }

    @Test
    @Order(3)
    void aRunCutShortThenRunAgainEqualsACleanRun() {
        for (int cutAt : new int[]{11}) { // of about 25 writes; steps run in parallel, so several are cut mid-way
            RebuildJob.run(config, LAST.minusDays(2));
            assertNotEquals(reference, Snapshot.results(session, config.statsKeyspace()));
            AtomicInteger writes = new AtomicInteger();
            RuntimeException killed = assertThrows(RuntimeException.class,
                    () -> NightlyJob.run(config, LAST, 2, table -> {
                        if (writes.incrementAndGet() == cutAt) {
                            throw new IllegalStateException("killed after writing " + table);
                        }
                    }));
            assertTrue(killed.getMessage().contains("killed"), killed.getMessage());
            Row run = session.execute("SELECT status, message FROM " + config.qualifiedStats("job_runs")
                    + " WHERE job = 'nightly' LIMIT 1").one();
            assertEquals("failed", run.getString("status"));
            assertTrue(run.getString("message").contains("killed"), run.getString("message"));

            NightlyJob.run(config, LAST, 2);
            assertTablesEqual(reference, Snapshot.results(session, config.statsKeyspace()));
        }
    }

    static void assertTablesEqual(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        for (String table : expected.keySet()) {
            List<String> e = expected.get(table);
            List<String> a = actual.get(table);
            if (!e.equals(a)) {
                List<String> missing = new ArrayList<>(e);
                missing.removeAll(a);
                List<String> extra = new ArrayList<>(a);
                extra.removeAll(e);
                throw new AssertionError(table + ": " + e.size() + " rows expected, " + a.size() + " found; missing "
                        + missing.subList(0, Math.min(3, missing.size())) + "; unexpected "
                        + extra.subList(0, Math.min(3, extra.size())));
            }
        }
    }
}
