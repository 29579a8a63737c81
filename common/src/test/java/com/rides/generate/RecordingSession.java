package com.rides.generate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for a {@link CqlSession} that records what the writer prepares, binds
 * and executes, and answers as the test says. Just the few methods the writer
 * uses are implemented (dynamic proxies; the driver has no in-memory session).
 */
final class RecordingSession {

    /** One bound row: the CQL of its prepared statement and the values, nulls included. */
    record Row(String cql, List<Object> values) {
        String table() {
            String afterInto = cql.substring(cql.indexOf("INSERT INTO ") + 12);
            return afterInto.substring(afterInto.indexOf('.') + 1, afterInto.indexOf(' '));
        }
    }

    final List<SimpleStatement> prepared = new CopyOnWriteArrayList<>();
    final List<Statement<?>> executed = new CopyOnWriteArrayList<>();
    volatile Function<Statement<?>, CompletionStage<?>> answer = s -> CompletableFuture.completedFuture(null);

    CqlSession session() {
        return proxy(CqlSession.class, (p, method, args) -> switch (method.getName()) {
            case "prepare" -> {
                SimpleStatement s = (SimpleStatement) args[0];
                prepared.add(s);
                yield preparedStatement(s.getQuery());
            }
            case "executeAsync" -> {
                Statement<?> s = (Statement<?>) args[0];
                executed.add(s);
                yield answer.apply(s);
            }
            default -> objectMethod(p, method, args, "session");
        });
    }

    /** The rows of an executed statement (one for a bound statement, all of a batch). */
    static List<Row> rows(Statement<?> statement) {
        if (statement instanceof BatchStatement batch) {
            List<Row> rows = new ArrayList<>();
            for (BatchableStatement<?> s : batch) {
                rows.addAll(rows(s));
            }
            return rows;
        }
        return List.of(((BoundHandler) Proxy.getInvocationHandler(statement)).row);
    }

    List<Row> executedRows() {
        List<Row> rows = new ArrayList<>();
        executed.forEach(s -> rows.addAll(rows(s)));
        return rows;
    }

    private PreparedStatement preparedStatement(String cql) {
        return proxy(PreparedStatement.class, (p, method, args) -> {
            if (method.getName().equals("bind")) {
                Object[] values = (Object[]) args[0];
                return proxy(BoundStatement.class, new BoundHandler(new Row(cql,
                        Collections.unmodifiableList(Arrays.asList(values.clone())))));
            }
            return objectMethod(p, method, args, cql);
        });
    }

    private static final class BoundHandler implements InvocationHandler {
        final Row row;

        BoundHandler(Row row) {
            this.row = row;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return objectMethod(proxy, method, args, row.toString());
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String name) {
        return switch (method.getName()) {
            case "toString" -> name;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName() + " on the recording " + name);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(RecordingSession.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
