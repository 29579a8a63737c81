package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.schema.Replication;

import java.time.LocalDate;

/**
 * One small generated and backfilled data set that every analyst-facing test reads
 * (ad hoc SQL, the report, the notebooks), made once per test JVM in keyspaces of its
 * own: generating and backfilling costs most of a minute, so the classes share it
 * rather than each paying for it. Tests must only read these keyspaces.
 */
final class AnalystData {

    static final LocalDate LAST_DAY = LocalDate.parse("2026-11-20");
    static final int DAYS = 10;
    static final LocalDate FIRST_DAY = LAST_DAY.minusDays(DAYS - 1);

    private static RidesConfig prepared;

    private AnalystData() {
    }

    /**
     * The shared data set's settings, derived from a test class's own (same node).
     * Thirty riders, eight classes, ten days ending {@link #LAST_DAY}, 2% faults.
     */
    static synchronized RidesConfig on(RidesConfig classConfig) {
        if (prepared == null) {
            // On a cluster shared by several test JVMs (RIDES_CASSANDRA_HOSTS), each JVM
            // gets keyspaces of its own, or one run's drop would pull the data from under another.
            String suffix = System.getenv("RIDES_CASSANDRA_HOSTS") == null ? "" : "_" + ProcessHandle.current().pid();
            RidesConfig config = classConfig.toBuilder()
                    .rawKeyspace("t_analyst_raw" + suffix).statsKeyspace("t_analyst_stats" + suffix).build();
            try (CqlSession session = CassandraSessions.open(config)) {
                session.execute("DROP KEYSPACE IF EXISTS " + config.rawKeyspace());
                session.execute("DROP KEYSPACE IF EXISTS " + config.statsKeyspace());
                SchemaJob.run(session, config, Replication.simple(1));
            }
            GenerateJob.run(config, new GeneratorSpec(30, 8, DAYS, LAST_DAY, 7).withFaultRate(0.02), 64);
            BackfillJob.run(config, FIRST_DAY, LAST_DAY, DAYS, false, null);
            prepared = config;
        }
        return prepared;
    }
}
