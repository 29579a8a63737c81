package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.rides.RidesException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
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
 */
final class BoundedSchemaRefresh<M> {

    /** Far above a healthy refresh (well under a second; the driver's agreement wait is 10 s at most). */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Supplier<? extends CompletionStage<M>> refresh;
    private final Supplier<M> lastKnown;
    private final Duration wait;
    /** A refresh that did not end in time: later ones would only queue behind it. */
    private volatile CompletableFuture<M> pending;

    BoundedSchemaRefresh(Supplier<? extends CompletionStage<M>> refresh, Supplier<M> lastKnown, Duration wait) {
        this.refresh = refresh;
        this.lastKnown = lastKnown;
        this.wait = wait;
    }

    /** {@code session}, with {@code refreshSchema()} bounded as above; everything else is the session's own. */
    static CqlSession of(CqlSession session) {
        BoundedSchemaRefresh<Metadata> bounded = new BoundedSchemaRefresh<>(session::refreshSchemaAsync,
                session::getMetadata, WAIT);
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

    /** The refreshed schema, or the last known one if the refresh failed, is stuck or is too slow. */
    M refresh() {
        CompletableFuture<M> stuck = pending;
        if (stuck != null && !stuck.isDone()) {
            return lastKnown.get();
        }
        CompletableFuture<M> refreshing = refresh.get().toCompletableFuture();
        try {
            return refreshing.get(wait.toMillis(), TimeUnit.MILLISECONDS);
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
