package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.spark.connector.cql.CassandraConnector$;
import com.rides.config.RidesConfig;
import com.rides.testing.CassandraExtension;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector's sessions made with the jobs' settings take a statement that does not
 * say as idempotent (so the driver retries it on another node when its node dies), and
 * still connect as the connector's own would; without the setting they would not.
 */
@ExtendWith(CassandraExtension.class)
class IdempotentConnectionFactoryTest {

    @Test
    void unmarkedStatementsAreRetriableOnTheJobsConnectorSessions(RidesConfig config) {
        SparkConf conf = new SparkConf(false);
        ConnectorSettings.of(config).forEach(conf::set);
        SimpleStatement unmarked = SimpleStatement.newInstance("SELECT release_version FROM system.local");
        assertNull(unmarked.isIdempotent(), "the statement leaves it to the session");
        try (CqlSession session = CassandraConnector$.MODULE$.apply(conf).openSession()) {
            assertTrue(defaultIdempotence(session));
            assertEquals(1, session.execute(unmarked).all().size());
        }
        SparkConf connectorsOwn = conf.clone().remove("spark.cassandra.connection.factory");
        try (CqlSession session = CassandraConnector$.MODULE$.apply(connectorsOwn).openSession()) {
            assertFalse(defaultIdempotence(session), "the connector's default factory leaves reads unretried");
        }
    }

    private static boolean defaultIdempotence(CqlSession session) {
        return session.getContext().getConfig().getDefaultProfile().getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE);
    }
}
