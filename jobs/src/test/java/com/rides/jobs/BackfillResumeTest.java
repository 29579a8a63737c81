package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import com.rides.schema.Replication;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** backfill reports its progress, and --resume continues where finished days end. */
@ExtendWith(CassandraExtension.class)
class BackfillResumeTest {

    @Test
    void progressAndResume(RidesConfig config, CqlSession session) {
        SchemaJob.run(session, config, Replication.simple(1));
        RawRows raw = new RawRows(session, config).rider(RawRows.id("a1"), "alice", 200).clazz(RawRows.id("c1"), "Climb", "Ivy");
        raw.workout(RawRows.id("e1"), RawRows.id("a1"), RawRows.id("c1"), "2026-11-02T07:00:00Z", 1)
                .steady(RawRows.id("e1"), 0, 60, 200);
        raw.workout(RawRows.id("e2"), RawRows.id("a1"), RawRows.id("c1"), "2026-11-04T07:00:00Z", 2)
                .steady(RawRows.id("e2"), 0, 90, 100);

        Cli.Result first = Cli.ok(config, "backfill", "--from", "2026-11-02", "--to", "2026-11-03");
        assertTrue(first.out().contains("backfill: day 2 of 2 (2026-11-02..2026-11-03): 1 workouts, 60 samples"),
                first.out());

        Cli.Result resumed = Cli.ok(config, "backfill", "--from", "2026-11-02", "--to", "2026-11-04", "--resume");
        assertTrue(resumed.out().contains("backfill: day 1 of 1 (2026-11-04..2026-11-04): 1 workouts, 90 samples"),
                resumed.out());
        assertTrue(resumed.out().contains("1 days processed, 2 skipped as already done"), resumed.out());
        assertEquals(3, session.execute("SELECT day FROM " + config.qualifiedStats("processed_days")
                + " WHERE job = 'nightly'").all().size());
        assertEquals(2, session.execute("SELECT * FROM " + config.qualifiedStats("user_workout_history")).all().size());
    }
}
