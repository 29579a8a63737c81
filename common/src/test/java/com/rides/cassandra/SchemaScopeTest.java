package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.spark.connector.cql.CassandraConnectorConf;
import com.datastax.spark.connector.cql.CassandraConnectorConf$;
import com.rides.config.RidesConfig;
import com.rides.testing.CassandraExtension;
import com.rides.testing.FreePorts;
import com.rides.testing.LocalCassandraScript;
import com.rides.testing.RepoRoot;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver sessions of the jobs, the connector's and ours, load the schema of the jobs'
 * keyspaces and of no other, and a keyspace a later job brings in reaches the open
 * connector sessions before that job resolves a table of it. Against a real node.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaScopeTest {

    RidesConfig config;
    CqlSession admin;
    String other;

    @BeforeAll
    void keyspaces(RidesConfig config, CqlSession admin) {
        this.config = config;
        this.admin = admin;
        this.other = config.statsKeyspace() + "_other";
        for (String ks : List.of(config.rawKeyspace(), config.statsKeyspace(), other)) {
            admin.execute("DROP KEYSPACE IF EXISTS " + ks);
            admin.execute("CREATE KEYSPACE " + ks
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            admin.execute("CREATE TABLE " + ks + ".t (k int PRIMARY KEY, v text)");
        }
    }

    @Test
    void ourSessionsKnowTheJobsKeyspacesOnly() {
        try (CqlSession session = CassandraSessions.open(config)) {
            assertTrue(knows(session, config.rawKeyspace()) && knows(session, config.statsKeyspace()));
            assertFalse(knows(session, other), "a keyspace of no job here");
            assertFalse(knows(session, "system_auth"), "nor the system's");
        }
    }

    @Test
    void theConnectorsSessionsFollowTheScopeAsItGrows() {
        SchemaScope.include(config.rawKeyspace(), config.statsKeyspace());
        CassandraConnectorConf conf = connectorConf();
        try (CqlSession session = new ScopedConnectionFactory().createSession(conf)) {
            assertTrue(knows(session, config.statsKeyspace()));
            assertFalse(knows(session, other));
            assertTrue(session.refreshSchema().getKeyspace(CqlIdentifier.fromInternal(other)).isEmpty(),
                    "a refresh, as the connector makes for each table it resolves, stays in scope");

            SchemaScope.include(other);
            assertTrue(knows(session, other), "brought in at once, without a refresh of the caller's");
            assertTrue(SchemaScope.keyspaces().contains(other));
        }
        // A closed session is told nothing (its driver's executors are gone: telling it failed the next job).
        SchemaScope.include(other + "_after_close");
        assertTrue(SchemaScope.keyspaces().contains(other + "_after_close"));
    }

    /**
     * The connector's sessions refresh through {@link BoundedSchemaRefresh}: a real refresh
     * still brings a new table in, at once, each time another session has just made one
     * (the schema's version changed); an unchanged schema is not read again (the same
     * metadata is the answer); and the session is itself to the connector's cache.
     */
    @Test
    void theConnectorsSessionsRefreshForRealThroughTheBound() {
        SchemaScope.include(config.rawKeyspace(), config.statsKeyspace());
        try (CqlSession session = new ScopedConnectionFactory().createSession(connectorConf())) {
            Metadata refreshed = session.refreshSchema();
            assertSame(refreshed, session.refreshSchema(), "nothing changed: no refresh");
            for (int i = 0; i < 3; i++) {
                String table = "made_later_" + i;
                admin.execute("CREATE TABLE IF NOT EXISTS " + config.statsKeyspace() + "." + table
                        + " (k int PRIMARY KEY)");
                assertTrue(session.refreshSchema().getKeyspace(CqlIdentifier.fromInternal(config.statsKeyspace()))
                        .flatMap(ks -> ks.getTable(table)).isPresent(), table + " seen by the lookup right after");
            }
            assertEquals(session, session);
            assertEquals(System.identityHashCode(session), session.hashCode());
            try (CqlSession another = new ScopedConnectionFactory().createSession(connectorConf())) {
                assertFalse(session.equals(another), "another session is another");
            }
        }
    }

    /**
     * A session whose cluster has gone away (another job's node, stopped) is not waited for:
     * a keyspace brought in later reaches the live sessions, and the job goes on.
     */
    @Test
    void aSessionOfAClusterThatIsGoneDoesNotHoldUpTheScope(@TempDir Path dir) throws Exception {
        LocalCassandraScript script = new LocalCassandraScript(RepoRoot.find());
        int port = FreePorts.cqlPort();
        Path data = dir.resolve("gone");
        assertTrue(script.start(port, data).ok());
        // Connector sessions, as the connector caches them: those follow the scope.
        try (CqlSession live = new ScopedConnectionFactory().createSession(connectorConf());
             CqlSession gone = new ScopedConnectionFactory().createSession(
                     connectorConf(RidesConfig.builder().hosts("127.0.0.1:" + port).build()))) {
            assertTrue(script.stop(data).ok());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (gone.getMetadata().getNodes().values().stream().anyMatch(n -> n.getState() == NodeState.UP)) {
                assertTrue(System.nanoTime() < deadline, "the driver never saw the stopped node go down");
                Thread.sleep(200);
            }
            String later = config.statsKeyspace() + "_later";
            admin.execute("CREATE KEYSPACE IF NOT EXISTS " + later
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            SchemaScope.include(later); // threw "could not load the schema of ..." after a minute
            assertTrue(knows(live, later), "the live session loaded the keyspace brought in");
        } finally {
            script.stop(data);
        }
    }

    /** The connector caches a session per settings; a task's deserialized settings must find it. */
    @Test
    void aCopyOfTheSettingsIsTheSameSettings() throws Exception {
        CassandraConnectorConf conf = connectorConf();
        assertTrue(conf.connectionFactory() instanceof ScopedConnectionFactory, "named by ConnectorSettings");
        CassandraConnectorConf copy = roundTrip(conf);
        assertEquals(conf, copy);
        assertEquals(conf.hashCode(), copy.hashCode());
    }

    private CassandraConnectorConf connectorConf() {
        return connectorConf(config);
    }

    private static CassandraConnectorConf connectorConf(RidesConfig of) {
        SparkConf spark = new SparkConf(false);
        ConnectorSettings.of(of).forEach(spark::set);
        return CassandraConnectorConf$.MODULE$.fromSparkConf(spark);
    }

    private static boolean knows(CqlSession session, String keyspace) {
        return session.getMetadata().getKeyspace(CqlIdentifier.fromInternal(keyspace)).isPresent();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
