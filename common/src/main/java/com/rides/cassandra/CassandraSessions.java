package com.rides.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.rides.RidesException;
import com.rides.config.HostPort;
import com.rides.config.RidesConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Opens driver sessions for the work the jobs do outside Spark (schema, job_runs,
 * generation, serving reads). Spark's own reads and writes go through the connector
 * with the same settings (see {@link ConnectorSettings}).
 */
public final class CassandraSessions {

    private CassandraSessions() {
    }

    public static CqlSession open(RidesConfig config) {
        CqlSessionBuilder builder = CqlSession.builder()
                .withLocalDatacenter(config.localDcOrDefault())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT,
                                Duration.ofSeconds(config.connectTimeoutSeconds()))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT,
                                Duration.ofSeconds(config.connectTimeoutSeconds()))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT,
                                Duration.ofSeconds(config.connectTimeoutSeconds()))
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        // Schema changes on a multi-node cluster: wait for agreement before the next DDL.
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, config.writeConsistency())
                        // The jobs' statements are upserts, deletes and reads: one in flight to a
                        // node that dies is retried on another replica instead of failing the run.
                        // The lightweight transactions (run_lease, job_runs) are written so that a
                        // second try is harmless too (RunLease.tryInsert knows its own row). The
                        // connector's sessions get the same default from application.conf.
                        .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
                        // close() waits out Netty's quiet period, 2 s by default, for tasks that
                        // never come: our sessions close when their work is done. It was a fixed
                        // 2 s of every job (measured: the gap between two nightlies of a backfill).
                        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                        // The schema metadata of the job's keyspaces only, asked for by name: not
                        // every keyspace of the cluster at each schema change (see SchemaScope).
                        .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES,
                                SchemaScope.keyspacesOf(config))
                        .build());
        for (HostPort hp : config.hostPorts()) {
            builder.addContactPoint(new InetSocketAddress(hp.host(), hp.port()));
        }
        if (config.username() != null) {
            builder.withAuthCredentials(config.username(),
                    config.password() == null ? "" : config.password().reveal());
        }
        if (config.truststorePath() != null) {
            builder.withSslContext(sslContext(config));
        }
        try {
            return builder.build();
        } catch (AllNodesFailedException e) {
            throw explain(config, e);
        } catch (IllegalStateException e) {
            throw new RidesException("cannot connect to Cassandra at " + hostList(config) + ": "
                    + firstLine(e.getMessage()) + " (is RIDES_CASSANDRA_LOCAL_DC right?)");
        }
    }

    /** Turns the driver's many-line failure into the one line a user needs. */
    public static RidesException explain(RidesConfig config, AllNodesFailedException e) {
        for (Throwable t : e.getAllErrors().values().stream().flatMap(java.util.List::stream).toList()) {
            if (isAuthFailure(t) && config.username() == null) {
                return new RidesException("Cassandra at " + hostList(config) + " requires authentication:"
                        + " set RIDES_CASSANDRA_USERNAME and RIDES_CASSANDRA_PASSWORD or RIDES_CASSANDRA_PASSWORD_FILE");
            }
            if (isAuthFailure(t)) {
                // The driver's message is not repeated: it is not ours to promise it never echoes a secret.
                return new RidesException("Cassandra at " + hostList(config) + " rejected the credentials of user '"
                        + config.username() + "': check RIDES_CASSANDRA_USERNAME and RIDES_CASSANDRA_PASSWORD[_FILE]");
            }
        }
        return new RidesException("cannot reach Cassandra at " + hostList(config)
                + " (tried for " + config.connectTimeoutSeconds() + " s each): is it running? "
                + "Set RIDES_CASSANDRA_HOSTS or run scripts/local-cassandra start");
    }

    static boolean isAuthFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AuthenticationException
                    || (c.getMessage() != null && c.getMessage().contains("requires authentication"))) {
                return true;
            }
        }
        return false;
    }

    public static String hostList(RidesConfig config) {
        return config.hostPorts().stream().map(HostPort::toString).collect(Collectors.joining(","));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static SSLContext sslContext(RidesConfig config) {
        Path path = Path.of(config.truststorePath());
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(config.truststoreType());
            char[] pw = config.truststorePassword() == null ? null : config.truststorePassword().reveal().toCharArray();
            store.load(in, pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new RidesException("cannot load truststore " + path + ": " + e.getClass().getSimpleName());
        }
    }
}
