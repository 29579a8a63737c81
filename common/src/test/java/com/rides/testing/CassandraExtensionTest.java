package com.rides.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        makeRawKeyspace(config, session);
        session.execute("CREATE TABLE " + config.qualifiedRaw("probe") + " (k int PRIMARY KEY)");
        session.execute("INSERT INTO " + config.qualifiedRaw("probe") + " (k) VALUES (1)");
        assertEquals(1, session.execute("SELECT k FROM " + config.qualifiedRaw("probe")).all().size());
    }

    @Test
    void aClassThatPassedLeavesNoKeyspacesBehindAndOneThatFailedKeepsThem() {
        assertEquals(0, run(KeyspacesOfAPassingClass.class).getTotalFailureCount());
        assertEquals(1, run(KeyspacesOfAFailingClass.class).getTotalFailureCount());
        TestKeyspaces passed = TestKeyspaces.forClass(KeyspacesOfAPassingClass.class);
        TestKeyspaces failed = TestKeyspaces.forClass(KeyspacesOfAFailingClass.class);
        assertNull(keyspace(passed.raw()), "the passing class's keyspace is left behind");
        assertNotNull(keyspace(failed.raw()), "the failing class's keyspace is gone: nothing left to look at");
        session.execute("DROP KEYSPACE " + failed.raw());
    }

    static void makeRawKeyspace(RidesConfig config, CqlSession session) {
        session.execute("CREATE KEYSPACE " + config.rawKeyspace()
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    }

    private Object keyspace(String name) {
        return session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", name).one();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(testClass)).build(), summary);
        return summary.getSummary();
    }

    /** Makes its raw keyspace and passes (run by the test above only: Surefire skips nested classes). */
    @ExtendWith(CassandraExtension.class)
    static class KeyspacesOfAPassingClass {
        @Test
        void makesItsKeyspace(RidesConfig config, CqlSession session) {
            makeRawKeyspace(config, session);
        }
    }

    /** Makes its raw keyspace, then fails. */
    @ExtendWith(CassandraExtension.class)
    static class KeyspacesOfAFailingClass {
        @Test
        void makesItsKeyspaceAndFails(RidesConfig config, CqlSession session) {
            makeRawKeyspace(config, session);
            assertEquals("passed", "failed", "this class fails on purpose");
        }
    }
}
