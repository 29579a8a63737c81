package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.spark.connector.cql.CassandraConnectionFactory;
import com.datastax.spark.connector.cql.CassandraConnectorConf;
import com.datastax.spark.connector.cql.DefaultConnectionFactory$;
import com.datastax.spark.connector.cql.IpBasedContactInfo;
import com.datastax.spark.connector.cql.MultiplexingSchemaListener;
import com.datastax.spark.connector.cql.Scanner;
import com.datastax.spark.connector.rdd.ReadConf;
import org.apache.spark.SparkEnv;

/**
 * The connector's own sessions (its DefaultConnectionFactory, setting for setting), with
 * one change: a statement that does not say whether it is idempotent is taken to be.
 *
 * <p>The driver retries a request whose connection broke (a node killed mid-run) only
 * when it is idempotent, and the connector marks its scans, key joins and writes so, but
 * not the read the planner makes of {@code system.size_estimates} for every table it
 * sizes (DataSizeEstimates, a plain SELECT). One of those in flight to a node that went
 * down failed a whole nightly with "SocketException: Connection reset" (NodeLossIT).
 * Reads are safe to retry; the connector's writes that are not (counters, list appends)
 * say so themselves, and the jobs write neither. Set by ConnectorSettings as
 * {@code spark.cassandra.connection.factory}; the connector makes it on each executor.
 */
public final class IdempotentConnectionFactory implements CassandraConnectionFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public CqlSession createSession(CassandraConnectorConf conf) {
        if (!(conf.contactInfo() instanceof IpBasedContactInfo contact)) {
            return DefaultConnectionFactory$.MODULE$.createSession(conf); // a cloud bundle or a profile file
        }
        DriverConfigLoader config = DefaultConnectionFactory$.MODULE$
                .connectorConfigBuilder(conf, DriverConfigLoader.programmaticBuilder())
                .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
                .build();
        CqlSessionBuilder session = CqlSession.builder().withConfigLoader(config);
        if (contact.authConf().authProvider().isDefined()) {
            session = session.withAuthProvider(contact.authConf().authProvider().get());
        }
        String app = SparkEnv.get() == null ? "NoAppID" : SparkEnv.get().conf().getAppId();
        return session.withApplicationName("Spark-Cassandra-Connector-" + app)
                .withSchemaChangeListener(new MultiplexingSchemaListener())
                .build();
    }

    @Override
    public scala.collection.immutable.Set<String> properties() {
        return DefaultConnectionFactory$.MODULE$.properties();
    }

    @Override
    public Scanner getScanner(ReadConf readConf, CassandraConnectorConf connConf,
                              scala.collection.IndexedSeq<String> columnNames) {
        return DefaultConnectionFactory$.MODULE$.getScanner(readConf, connConf, columnNames);
    }
}
