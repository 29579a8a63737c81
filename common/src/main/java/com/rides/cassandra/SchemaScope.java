package com.rides.cassandra;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfig;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.internal.core.config.ConfigChangeEvent;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.rides.RidesException;
import com.rides.config.RidesConfig;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The keyspaces whose schema the connector's driver sessions in this JVM load: those of
 * the jobs that ran in it, not the whole cluster's.
 *
 * <p>Why: the connector refreshes its session's schema metadata in full each time it
 * resolves a table for a scan or a key join (its {@code Schema.fromCassandra} calls
 * {@code session.refreshSchema()}), 79 times in a small night (now made only when the
 * schema version changed: {@link BoundedSchemaRefresh}), and by default the
 * driver then reads every keyspace's tables and columns from {@code system_schema} and
 * filters on the client. On a node that held the test suite's 47 keyspaces this was half
 * of Cassandra's CPU in a night (measured: 6.2 to 7.7 s, 3.3 to 3.9 s with only the job's
 * two keyspaces, which the driver asks for by name, server-side). A production cluster
 * whose other applications own most keyspaces is spared the same load, and a session no
 * longer follows the schema changes of keyspaces that are not its job's.
 *
 * <p>The scope only grows: several jobs may share a JVM (tests, backfill, notebooks), and
 * the connector caches one session per settings across them. A keyspace added later is
 * loaded into every open session at once ({@link #include}), before any table of it is
 * resolved. In a JVM where nothing was included (an executor, which resolves no tables)
 * the driver's default applies: every keyspace but the system ones.
 */
public final class SchemaScope {

    private static final DefaultDriverOption OPTION = DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES;
    private static final long REFRESH_TIMEOUT_S = 60;

    private static final Set<String> KEYSPACES = new TreeSet<>();
    /** KEYSPACES as the driver reads it, on every lookup of any option: a snapshot, read without a lock. */
    private static volatile List<String> snapshot = List.of();
    /** The contexts of the sessions built with {@link #loader}: told when the scope grows. */
    private static final Map<DriverContext, Boolean> CONTEXTS = new WeakHashMap<>();

    private SchemaScope() {
    }

    /**
     * Adds keyspaces to the scope; when one is new, every open scoped session loads its
     * schema before this returns.
     */
    public static void include(String... keyspaces) {
        List<DriverContext> told;
        synchronized (SchemaScope.class) {
            if (!KEYSPACES.addAll(named(keyspaces))) {
                return;
            }
            snapshot = List.copyOf(KEYSPACES);
            told = new ArrayList<>(CONTEXTS.keySet());
        }
        for (DriverContext context : told) {
            reload((InternalDriverContext) context);
        }
    }

    /** The raw and stats keyspaces of a job's configuration into the scope (see {@link #include(String...)}). */
    public static void include(RidesConfig config) {
        include(config.rawKeyspace(), config.statsKeyspace());
    }

    /** A configuration's own keyspaces: its raw and stats keyspaces, each once. */
    public static List<String> keyspacesOf(RidesConfig config) {
        return named(config.rawKeyspace(), config.statsKeyspace());
    }

    private static List<String> named(String... keyspaces) {
        return Stream.of(keyspaces).filter(k -> k != null && !k.isBlank()).distinct().toList();
    }

    /** The keyspaces in scope, empty when none was included. */
    public static List<String> keyspaces() {
        return snapshot;
    }

    /**
     * A loader whose configuration is {@code base}'s but for the refreshed keyspaces, which
     * follow the scope (a list of names: the driver then filters in its queries).
     */
    public static DriverConfigLoader loader(DriverConfigLoader base) {
        return new ScopedLoader(base);
    }

    /**
     * The driver's own path for a changed setting: it rereads the list and refreshes the schema.
     * Not for a session none of whose nodes is up (a cluster another job of this JVM used
     * and that has gone away): its refresh would never end, and when it reconnects its
     * driver refreshes the schema anyway, with the scope as it is then. Waiting on it failed
     * every later job of the JVM after a minute (the tests' secured node, stopped by its
     * class, then every class after it, 2026-12-07).
     */
    private static void reload(InternalDriverContext context) {
        if (context.getMetadataManager().getMetadata().getNodes().values().stream()
                .noneMatch(node -> node.getState() == NodeState.UP)) {
            return;
        }
        CompletionStage<?> refreshed;
        try {
            context.getEventBus().fire(ConfigChangeEvent.INSTANCE);
            refreshed = context.getMetadataManager().refreshSchema(null, true, true);
        } catch (RejectedExecutionException closing) {
            return; // the session is closing (its loader is about to leave the scope's list): nothing to load
        }
        try {
            refreshed.toCompletableFuture().get(REFRESH_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidesException("interrupted while loading the schema of " + keyspaces(), e);
        } catch (ExecutionException | TimeoutException e) {
            synchronized (SchemaScope.class) {
                if (!CONTEXTS.containsKey(context)) {
                    return; // closed meanwhile
                }
            }
            throw new RidesException("could not load the schema of " + keyspaces() + ": " + e, e);
        }
    }

    private static final class ScopedLoader implements DriverConfigLoader {
        private final DriverConfigLoader base;
        private DriverContext context;

        ScopedLoader(DriverConfigLoader base) {
            this.base = base;
        }

        @Override
        public DriverConfig getInitialConfig() {
            return scoped(base.getInitialConfig());
        }

        @Override
        public void onDriverInit(DriverContext context) {
            synchronized (SchemaScope.class) {
                this.context = context;
                CONTEXTS.put(context, Boolean.TRUE);
            }
            base.onDriverInit(context);
        }

        @Override
        public CompletionStage<Boolean> reload() {
            return base.reload();
        }

        @Override
        public boolean supportsReloading() {
            return base.supportsReloading();
        }

        /** Called by the driver as its session closes: the scope stops telling it. */
        @Override
        public void close() {
            synchronized (SchemaScope.class) {
                if (context != null) {
                    CONTEXTS.remove(context);
                }
            }
            base.close();
        }
    }

    /** The configuration and its profiles, answering the refreshed keyspaces from the scope. */
    private static DriverConfig scoped(DriverConfig config) {
        return (DriverConfig) Proxy.newProxyInstance(SchemaScope.class.getClassLoader(),
                new Class<?>[]{DriverConfig.class}, forwarding(config, (method, args) -> null));
    }

    private static DriverExecutionProfile scoped(DriverExecutionProfile profile) {
        return (DriverExecutionProfile) Proxy.newProxyInstance(SchemaScope.class.getClassLoader(),
                new Class<?>[]{DriverExecutionProfile.class}, forwarding(profile, (method, args) -> {
                    if (args == null || args.length == 0 || !OPTION.equals(args[0])) {
                        return null;
                    }
                    List<String> scope = keyspaces();
                    if (scope.isEmpty()) {
                        return null;
                    }
                    return switch (method.getName()) {
                        case "getStringList" -> scope;
                        case "isDefined" -> Boolean.TRUE;
                        default -> null;
                    };
                }));
    }

    private interface Answer {
        /** The scope's answer to the call, or null to let the real configuration answer. */
        Object answer(java.lang.reflect.Method method, Object[] args);
    }

    /** Forwards every call to {@code target}, but those {@code answer} answers; wraps the profiles it returns. */
    private static InvocationHandler forwarding(Object target, Answer answer) {
        return (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "scoped " + target;
                };
            }
            Object ours = answer.answer(method, args);
            if (ours != null) {
                return ours;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof DriverExecutionProfile p) {
                return scoped(p);
            }
            if (result instanceof Map<?, ?> m && !m.isEmpty()
                    && m.values().iterator().next() instanceof DriverExecutionProfile) {
                Map<Object, Object> wrapped = new LinkedHashMap<>();
                m.forEach((k, v) -> wrapped.put(k, scoped((DriverExecutionProfile) Objects.requireNonNull(v))));
                return Collections.unmodifiableMap(wrapped);
            }
            return result;
        };
    }
}
