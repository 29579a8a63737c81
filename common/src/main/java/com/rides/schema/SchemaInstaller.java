package com.rides.schema;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.rides.RidesException;
import com.rides.config.RidesConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates both keyspaces and every table from the commented CQL in sql/schema/
 * (shipped inside the jar). Every statement is IF NOT EXISTS, so running it again
 * changes nothing.
 */
public final class SchemaInstaller {

    static final List<String> FILES = List.of("01_raw.cql", "02_results.cql", "03_state.cql", "04_operations.cql");

    private SchemaInstaller() {
    }

    /** Returns the statements executed. */
    public static List<String> install(CqlSession session, RidesConfig config, Replication replication) {
        List<String> executed = new ArrayList<>();
        for (String file : FILES) {
            for (String statement : statements(file, config, replication)) {
                apply(session, statement, AGREEMENT_DEADLINE);
                executed.add(statement);
            }
        }
        return executed;
    }

    /** How long the nodes may take to agree on the schema after one statement. */
    static final Duration AGREEMENT_DEADLINE = Duration.ofMinutes(2);

    /**
     * One statement, and the schema agreement after it. A node can also answer that a
     * keyspace made a moment ago "doesn't exist" while the driver, which judges agreement
     * from the versions its control node has heard of, already sees agreement: every
     * statement is IF NOT EXISTS, so such a statement is sent again. Resends and the
     * wait for agreement share one deadline.
     */
    static void apply(CqlSession session, String statement, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                if (!session.execute(statement).getExecutionInfo().isSchemaInAgreement()) {
                    awaitAgreement(session, statement, deadline, end);
                }
                return;
            } catch (InvalidQueryException e) {
                if (!String.valueOf(e.getMessage()).contains("doesn't exist") || System.nanoTime() > end) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RidesException("interrupted while waiting for schema agreement", e);
        }
    }

    /**
     * The driver waits for the nodes to agree on the schema after each DDL statement, but
     * only for a while (10 s), and then goes on: on a loaded cluster of several nodes the
     * next CREATE TABLE reached a node that had not yet heard of the keyspace just made
     * ("Keyspace 't_loss_raw' doesn't exist", NodeLossIT in a full test run, 2026-12-06).
     * So each statement waits here until every node has its schema, or fails in one line;
     * {@code end} is the statement's one deadline, resends included.
     */
    private static void awaitAgreement(CqlSession session, String statement, Duration deadline, long end) {
        while (!session.checkSchemaAgreement()) {
            if (System.nanoTime() > end) {
                throw new RidesException("the Cassandra nodes did not agree on the schema within "
                        + deadline.toSeconds() + " s after: " + firstLine(statement)
                        + " (is a node down or overloaded? `nodetool describecluster` shows their schema versions;"
                        + " schema is safe to run again)");
            }
            pause();
        }
    }

    private static String firstLine(String statement) {
        int nl = statement.indexOf('\n');
        return nl < 0 ? statement : statement.substring(0, nl);
    }

    static List<String> statements(String file, RidesConfig config, Replication replication) {
        String text = resource("sql/schema/" + file)
                .replace("${raw}", config.rawKeyspace())
                .replace("${stats}", config.statsKeyspace())
                .replace("${replication}", replication.cql());
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String code = stripComment(line);
            current.append(code).append('\n');
            if (code.trim().endsWith(";")) {
                String stmt = current.toString().trim();
                out.add(stmt.substring(0, stmt.length() - 1).trim());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(file + " ends with an unterminated statement");
        }
        return out;
    }

    private static String stripComment(String line) {
        int at = line.indexOf("--");
        return at < 0 ? line : line.substring(0, at);
    }

    static String resource(String path) {
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new RidesException("missing resource " + path + " (broken build?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RidesException("cannot read " + path, e);
        }
    }
}
