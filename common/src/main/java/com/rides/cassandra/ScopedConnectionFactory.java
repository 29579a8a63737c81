package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
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
 * The connector's sessions, built as its default factory builds them (its settings, its
 * schema listener), with the schema metadata limited to {@link SchemaScope} and a schema
 * refresh that is waited for a bounded time ({@link BoundedSchemaRefresh}). Named in
 * {@code spark.cassandra.connection.factory} by {@link ConnectorSettings}; the connector
 * keeps one instance per JVM.
 */
public final class ScopedConnectionFactory implements CassandraConnectionFactory {

    private static final long serialVersionUID = 1L;

    private static DefaultConnectionFactory$ defaults() {
        return DefaultConnectionFactory$.MODULE$;
    }

    @Override
    public CqlSession createSession(CassandraConnectorConf conf) {
        if (!(conf.contactInfo() instanceof IpBasedContactInfo ip)) {
            // a cloud bundle or a driver profile file: theirs, as given
            return BoundedSchemaRefresh.of(defaults().createSession(conf));
        }
        DriverConfigLoader loader = SchemaScope.loader(
                defaults().connectorConfigBuilder(conf, DriverConfigLoader.programmaticBuilder()).build());
        CqlSessionBuilder builder = CqlSession.builder().withConfigLoader(loader);
        if (ip.authConf().authProvider().isDefined()) {
            builder = builder.withAuthProvider(ip.authConf().authProvider().get());
        }
        String appId = SparkEnv.get() == null ? "NoAppID" : SparkEnv.get().conf().getAppId();
        return BoundedSchemaRefresh.of(builder.withApplicationName("Spark-Cassandra-Connector-" + appId)
                .withSchemaChangeListener(new MultiplexingSchemaListener())
                .build());
    }

    /**
     * Every instance is the same factory: the connector caches its sessions by settings,
     * this factory among them, and a task's copy of the settings (deserialized, with a
     * factory of its own) must find the session the driver's copy opened.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ScopedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return ScopedConnectionFactory.class.getName().hashCode();
    }

    @Override
    public Scanner getScanner(ReadConf readConf, CassandraConnectorConf connConf,
                              scala.collection.IndexedSeq<String> columnNames) {
        return defaults().getScanner(readConf, connConf, columnNames);
    }
}
