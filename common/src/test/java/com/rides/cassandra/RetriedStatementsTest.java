package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.spark.connector.cql.CassandraConnector;
import com.rides.config.RidesConfig;
import com.rides.testing.CassandraExtension;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement in flight to a node that dies is retried on another replica only when the
 * driver holds it idempotent. Both kinds of session the jobs use must default to that:
 * ours, and the ones the connector opens (on the driver and on each executor) for the
 * statements it does not mark itself.
 */
@ExtendWith(CassandraExtension.class)
class RetriedStatementsTest {

    @Test
    void ourSessionsTreatStatementsAsIdempotent(RidesConfig config) {
        try (CqlSession session = CassandraSessions.open(config)) {
            assertTrue(idempotentByDefault(session));
        }
    }

    @Test
    void theConnectorsSessionsDoToo(RidesConfig config) {
        SparkConf conf = new SparkConf(false);
        ConnectorSettings.of(config).forEach(conf::set);
        try (CqlSession session = CassandraConnector.apply(conf).openSession()) {
            assertTrue(idempotentByDefault(session), "application.conf did not reach the connector's session");
        }
    }

    private static boolean idempotentByDefault(CqlSession session) {
        return session.getContext().getConfig().getDefaultProfile()
                .getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE);
    }
}
