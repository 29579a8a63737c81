package com.rides.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The extension end to end: it starts (or finds) a Cassandra and hands out this class's keyspaces. */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraExtensionTest {

    private RidesConfig config;
    private CqlSession session;

    @BeforeAll
    void setUp(RidesConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
        for (String ks : new String[] {config.rawKeyspace(), config.statsKeyspace()}) {
            assertNull(session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", ks)
                    .one(), ks + " should have been dropped before the class");
        }
    }

    @Test
    void keyspacesAreNamedAfterTheClass() {
        assertEquals("t_cassandraextensiontest_raw", config.rawKeyspace());
        assertEquals("t_cassandraextensiontest_stats", config.statsKeyspace());
    }

    @Test
    void testMethodsGetTheSameConfigAndSession(RidesConfig again, CqlSession same) {
        assertSame(config, again);
        assertSame(session, same);
        assertEquals(1, session.execute("SELECT release_version FROM system.local").all().size());
    }

    @Test
    void theConfigIsUsableForWrites() {
        session.execute("CREATE KEYSPACE " + config.rawKeyspace()
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE " + config.qualifiedRaw("probe") + " (k int PRIMARY KEY)");
        session.execute("INSERT INTO " + config.qualifiedRaw("probe") + " (k) VALUES (1)");
        assertEquals(1, session.execute("SELECT k FROM " + config.qualifiedRaw("probe")).all().size());
    }
}
