package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.internal.core.channel.DriverChannel;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.rides.RidesException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A schema refresh that a run waits for a bounded time. The connector refreshes its
 * session's schema each time it resolves a table ({@code Schema.fromCassandra} calls the
 * blocking {@code refreshSchema()}, which has no timeout), and the driver's refresh can
 * stay blocked for good once the node of its control connection dies: when a refresh's
 * schema-agreement check fails, {@code MetadataManager.startSchemaRequest} (java-driver
 * 4.18.1) fails that refresh but never clears it as the current one, so every later
 * refresh queues behind it and never ends (scylladb/java-driver#841 is the same code).
 * A nightly on the cluster then hung in a table lookup with two of three replicas up
 * (NodeLossIT, 2026-12-06), and the watchdog, which sees a cluster that answers, could
 * not tell.
 *
 * <p>Here a refresh that failed, or has not ended within {@link #WAIT}, gives the
 * session's last known schema instead, and a refresh still pending is not waited for
 * again: the tables a run resolves exist before it starts, and the session's metadata
 * already holds them (a table that is not there still fails the lookup, in the
 * connector's own words).
 *
 * <p>And a refresh is only made when the schema may have changed since the last one: the
 * schema version of the node the driver refreshes from (its control connection) is read
 * first, one row of {@code system.local}, and while it is the version a completed refresh
 * started from, the session's metadata is current and is the answer. A one-day night
 * resolves tables 75 times, and each full refresh reads every table and column of the
 * jobs' keyspaces from {@code system_schema}: measured on the local node, 70 refreshes
 * cost it 0.7 to 1.2 s of CPU and the caller 0.8 to 2 s, 70 version reads 0.03 s and
 * 0.07 s (2026-12-06). The refreshes were also the largest wait inside the planning of
 * a night's scans (JFR). A changed schema, a version that cannot be read or a control
 * connection that moved to another node all make the full refresh as before.
 */
final class BoundedSchemaRefresh<M> {

    /** Far above a healthy refresh (well under a second; the driver's agreement wait is 10 s at most). */
    static final Duration WAIT = Duration.ofSeconds(20);
    /** For the one-row read of a schema version; when it runs out, the full refresh is made. */
    static final Duration VERSION_WAIT = Duration.ofSeconds(5);

    private final Supplier<? extends CompletionStage<M>> refresh;
    private final Supplier<M> lastKnown;
    private final Duration wait;
    private final Supplier<Object> version;
    /** A refresh that did not end in time: later ones would only queue behind it. */
    private volatile CompletableFuture<M> pending;
    /** The version the last completed refresh started from; null before one. */
    private volatile Object refreshedAt;

    /**
     * @param version the schema's version as the refresh would read it, equal between two
     *                reads only when the schema is unchanged; null when it cannot be told
     */
    BoundedSchemaRefresh(Supplier<? extends CompletionStage<M>> refresh, Supplier<M> lastKnown, Duration wait,
                         Supplier<Object> version) {
        this.refresh = refresh;
        this.lastKnown = lastKnown;
        this.wait = wait;
        this.version = version;
    }

    /** {@code session}, with {@code refreshSchema()} bounded as above; everything else is the session's own. */
    static CqlSession of(CqlSession session) {
        BoundedSchemaRefresh<Metadata> bounded = new BoundedSchemaRefresh<>(session::refreshSchemaAsync,
                session::getMetadata, WAIT, () -> controlNodeVersion(session));
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("refreshSchema") && method.getParameterCount() == 0) {
                return bounded.refresh();
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    // The connector's session cache keys on the session: the proxy is its own identity.
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> method.invoke(session, args);
                };
            }
            return forward(session, method, args);
        };
        return (CqlSession) Proxy.newProxyInstance(BoundedSchemaRefresh.class.getClassLoader(),
                new Class<?>[] {CqlSession.class}, handler);
    }

    private static Object forward(CqlSession session, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(session, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The node of the session's control connection and its schema version, or null when
     * either cannot be told (no control connection, the node unknown, the read failed).
     */
    private static Object controlNodeVersion(CqlSession session) {
        try {
            DriverChannel channel = ((InternalDriverContext) session.getContext()).getControlConnection().channel();
            if (channel == null) {
                return null;
            }
            EndPoint at = channel.getEndPoint();
            Optional<Node> node = session.getMetadata().findNode(at);
            if (node.isEmpty()) {
                return null;
            }
            Row row = session.execute(SimpleStatement.newInstance("SELECT schema_version FROM system.local")
                    .setNode(node.get())
                    .setConsistencyLevel(DefaultConsistencyLevel.ONE)
                    .setTimeout(VERSION_WAIT)).one();
            return row == null || row.isNull(0) ? null : List.of(at, row.getUuid(0));
        } catch (RuntimeException cannotTell) {
            return null;
        }
    }

    /**
     * The session's schema when it is current, else the refreshed one, or the last known
     * one if the refresh failed, is stuck or is too slow.
     */
    M refresh() {
        CompletableFuture<M> stuck = pending;
        if (stuck != null && !stuck.isDone()) {
            return lastKnown.get();
        }
        // Read before the refresh starts: the refresh then reads a schema at least this new.
        Object before = version.get();
        if (before != null && before.equals(refreshedAt)) {
            return lastKnown.get();
        }
        CompletableFuture<M> refreshing = refresh.get().toCompletableFuture();
        try {
            M refreshed = refreshing.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            refreshedAt = before;
            return refreshed;
        } catch (TimeoutException e) {
            pending = refreshing;
            return lastKnown.get();
        } catch (ExecutionException e) {
            return lastKnown.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidesException("interrupted while refreshing the schema metadata", e);
        }
    }
}
