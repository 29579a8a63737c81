package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.generate.Fault;
import com.rides.generate.FaultLog;
import com.rides.generate.GeneratorSpec;
import com.rides.generate.RawTable;
import com.rides.generate.WriteResult;
import com.rides.pipeline.RunCounts;
import com.rides.validation.FieldViolation;
import com.rides.validation.ViolationCounts;
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
import java.util.TreeMap;
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
    WriteResult generated;

    @BeforeAll
    void generate(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        SchemaJob.run(session, config, Replication.simple(1));
        generated = GenerateJob.run(config, new GeneratorSpec(20, 8, DAYS, LAST, 11).withFaultRate(0.05), 64);
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
        for (String table : List.of("user_streaks", "user_milestones", "class_period_leaderboard")) {
            assertFalse(reference.get(table).isEmpty(), table + " covered by the orders and repeats");
        }

        RunCounts rebuilt = RebuildJob.run(config, LAST);
        assertTablesEqual(reference, Snapshot.results(session, config.statsKeyspace()));
        assertTheAuditFindsEveryPlantedFault(rebuilt);
    }

    /**
     * The generator logs each fault it plants; rebuild reads every raw row, so its
     * counts, its job_runs row and the quarantine table must account for each one.
     */
    void assertTheAuditFindsEveryPlantedFault(RunCounts counts) {
        FaultLog planted = generated.faults();
        assertEquals(planted.rows(Fault.Scope.WORKOUT), counts.get("workouts_read"));
        assertEquals(planted.rows(Fault.Scope.RATING), counts.get("ratings_read"));
        assertEquals(generated.rows(RawTable.SAMPLES), counts.get("samples_read"));
        assertEquals(planted.count(Fault.BAD_OFFSET), counts.get("samples_dropped"));
        Map<String, Long> quarantined = new TreeMap<>();
        planted.quarantined(Fault.Scope.WORKOUT).forEach((reason, n) -> {
            if (n > 0) quarantined.put("workout " + reason, n);
        });
        planted.quarantined(Fault.Scope.RATING).forEach((reason, n) -> {
            if (n > 0) quarantined.merge("rating " + reason, n, Long::sum);
        });
        assertTrue(quarantined.size() >= 5, "5% faults plant most kinds: " + quarantined);
        for (Map.Entry<String, Long> q : quarantined.entrySet()) {
            String[] kindReason = q.getKey().split(" ");
            assertEquals(q.getValue(), counts.get(kindReason[0] + "s_quarantined_" + kindReason[1]), q.getKey());
        }
        Map<String, Long> inTable = new TreeMap<>();
        for (Row r : session.execute("SELECT kind, reason FROM " + config.qualifiedStats("quarantine"))) {
            inTable.merge(r.getString("kind") + " " + r.getString("reason"), 1L, Long::sum);
        }
        assertEquals(quarantined, inTable, "quarantine rows by kind and reason");
        for (com.rides.generate.SampleField f : com.rides.generate.SampleField.values()) {
            com.rides.validation.SampleField rule = com.rides.validation.SampleField.valueOf(f.name());
            long nulls = counts.get(ViolationCounts.key(rule, FieldViolation.NULL));
            long outOfRange = counts.get(ViolationCounts.key(rule, FieldViolation.OUT_OF_RANGE));
            if (f == com.rides.generate.SampleField.OUTPUT_W) {
                // A no_valid_power ride's output faults are logged once, as the ride's fault.
                assertTrue(nulls + outOfRange >= planted.count(f.nullFault()) + planted.count(f.outOfRangeFault()));
                assertTrue(nulls >= planted.count(f.nullFault()), f.name());
            } else {
                assertEquals(planted.count(f.nullFault()), nulls, f.name() + " null");
                assertEquals(planted.count(f.outOfRangeFault()), outOfRange, f.name() + " out of range");
            }
        }
        Row run = session.execute("SELECT status, counts, version FROM " + config.qualifiedStats("job_runs")
                + " WHERE job = 'rebuild' LIMIT 1").one();
        assertEquals("succeeded", run.getString("status"));
        assertEquals(counts.asMap(), run.getMap("counts", String.class, Long.class));
        assertFalse(run.getString("version").isBlank());
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
