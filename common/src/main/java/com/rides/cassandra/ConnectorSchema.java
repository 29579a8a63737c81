package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Brings the connector's cached driver session up to date with the schema. The
 * connector resolves a table from its own session's metadata, which hears of a table
 * made through another session only after the driver's schema-event debounce (a moment,
 * see application.conf): a write straight after CREATE TABLE can fail with "Couldn't find table".
 */
public final class ConnectorSchema {

    private ConnectorSchema() {
    }

    /** Refreshes the schema metadata of the session the connector uses for this run's settings. */
    public static void refresh(SparkSession spark, RidesConfig config) {
        try (CqlSession session = ConnectorSettings.connector(spark.sparkContext(), config).openSession()) {
            session.refreshSchema();
        }
    }
}
