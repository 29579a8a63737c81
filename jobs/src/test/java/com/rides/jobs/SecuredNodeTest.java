package com.rides.jobs;

import com.rides.testing.RunningProcess;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.config.Secret;
import com.rides.generate.GeneratorSpec;
import com.rides.schema.Replication;
import com.rides.testing.FreePorts;
import com.rides.testing.LocalCassandraScript;
import com.rides.testing.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jobs against a node run the way production runs: password authentication on
 * (scripts/local-cassandra start --auth, a non-superuser role for the jobs), TLS on the
 * CQL port (--tls, a key pair made by keytool; the jobs get the truststore), and the
 * node going away in the middle of a run. The node is this class's own, since it is
 * stopped and started again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredNodeTest {

    static final LocalDate LAST = LocalDate.parse("2026-11-12");
    static final String USER = "rides_job";

    final LocalCassandraScript script = new LocalCassandraScript(RepoRoot.find());
    Path dir;
    Path node;
    int port;
    String password;
    Path passwordFile;
    RidesConfig config;

    @BeforeAll
    void startAnAuthenticatedNode() throws IOException {
        dir = Files.createTempDirectory("secured-node");
        node = dir.resolve("node");
        port = FreePorts.cqlPort();
        LocalCassandraScript.Result start = script.run("start", "--auth", "--tls", "--port", String.valueOf(port),
                "--data", node.toString());
        assertEquals(0, start.exitCode(), start.output());
        assertTrue(start.output().contains("job role 'rides_job' ready"), start.output());
        passwordFile = node.resolve("job-password");
        password = Files.readString(passwordFile).strip();
        assertTrue(password.length() >= 16, "a generated password");
        assertFalse(start.output().contains(password), "the script must not print the password");
        Path truststore = node.resolve("tls/truststore.p12");
        assertTrue(Files.isRegularFile(truststore), start.output());
        config = RidesConfig.builder().hosts("127.0.0.1:" + port).username(USER).password(Secret.of(password))
                .truststore(truststore.toString(), Secret.of(Files.readString(node.resolve("tls/password")).strip()))
                .rawKeyspace("t_secured_raw").statsKeyspace("t_secured_stats")
                .runHeartbeatSeconds(1).connectTimeoutSeconds(5).build();
        try (CqlSession session = CassandraSessions.open(config)) {
            SchemaJob.run(session, config, Replication.simple(1));
        }
        GenerateJob.run(config, new GeneratorSpec(10, 4, 3, LAST, 3), 32, new java.io.PrintWriter(java.io.Writer.nullWriter()));
    }

    @AfterAll
    void stopTheNode() {
        // The Spark session outlives the class; the next class must not inherit a context
        // made for this node's credentials and TLS.
        if (org.apache.spark.sql.SparkSession.getDefaultSession().isDefined()) {
            org.apache.spark.sql.SparkSession.getDefaultSession().get().stop();
        }
        script.stop(node);
    }

    @Test
    @Order(1)
    void withoutCredentialsTheJobSaysAuthenticationIsRequired() {
        Cli.Result r = Cli.run(config.toBuilder().username(null).password(null).build(),
                "nightly", "--date", LAST.toString());
        assertEquals(Rides.EXIT_FAILED, r.code());
        assertEquals("rides: Cassandra at 127.0.0.1:" + port + " requires authentication: set RIDES_CASSANDRA_USERNAME"
                + " and RIDES_CASSANDRA_PASSWORD or RIDES_CASSANDRA_PASSWORD_FILE", r.err().strip());
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRejectedWithoutEchoingIt() throws IOException {
        Path wrong = dir.resolve("wrong-password");
        Files.writeString(wrong, "not-the-password-4711\n");
        Cli.Result r = Cli.run(config, "nightly", "--date", LAST.toString(), "--username", USER,
                "--password-file", wrong.toString());
        assertEquals(Rides.EXIT_FAILED, r.code());
        assertEquals("rides: Cassandra at 127.0.0.1:" + port + " rejected the credentials of user 'rides_job':"
                + " check RIDES_CASSANDRA_USERNAME and RIDES_CASSANDRA_PASSWORD[_FILE]", r.err().strip());
        assertFalse((r.out() + r.err()).contains("not-the-password-4711"));
    }

    /**
     * CONTRACT.md section 5 when the node goes away mid-run: the run fails with one line,
     * a rerun after the node is back gives exactly the tables of a clean run, and the
     * failed run, which could not record its own failure, is marked failed by the rerun.
     *
     * <p>Both are launcher processes with the password in their environment: everything
     * they print (Spark's and the connector's logs, with --verbose the stack traces too)
     * and everything recorded in job_runs is searched for the password.
     */
    @Test
    @Order(3)
    void cassandraStoppedMidRunThenARerunEqualsACleanRunAndThePasswordShowsNowhere() throws Exception {
        Map<String, List<String>> clean;
        RidesConfig superuser = config.toBuilder().username("cassandra").password(Secret.of("cassandra")).build();
        try (CqlSession session = CassandraSessions.open(config); CqlSession admin = CassandraSessions.open(superuser)) {
            // The node also takes plain connections (optional TLS), so a client whose TLS
            // settings were lost would still connect: check every connection the run holds.
            AtomicInteger checked = new AtomicInteger();
            NightlyJob.run(config, LAST, 2, table -> {
                if (checked.getAndIncrement() == 0) {
                    List<Row> clients = admin.execute("SELECT address, port, ssl_enabled FROM system_views.clients"
                            + " WHERE username = ? ALLOW FILTERING", USER).all();
                    assertTrue(clients.size() >= 3, "the test's, the job's and the connector's sessions: " + clients.size());
                    for (Row c : clients) {
                        assertTrue(c.getBoolean("ssl_enabled"), "a plain connection from " + c.getInetAddress("address")
                                + ":" + c.getInt("port"));
                    }
                }
            });
            assertTrue(checked.get() > 0);
            clean = Snapshot.results(session, config.statsKeyspace());
        }
        assertFalse(clean.get("workout_summary").isEmpty());
        RebuildJob.run(config, LAST.minusDays(3)); // before the first day: the result tables empty

        // The failing run and the rerun are launcher processes, as the scheduler runs them:
        // a process that lost its cluster is not reused (see ClusterWatchdog).
        AtomicInteger writes = new AtomicInteger();
        RunningProcess.Result failing = launcher(line -> {
            if (line.contains(" wrote ") && writes.incrementAndGet() == 5) {
                LocalCassandraScript.Result stop = script.stop(node);
                assertEquals(0, stop.exitCode(), stop.output());
            }
        }, 3, "nightly", "--date", LAST.toString(), "--heartbeat", "1", "--unreachable-timeout", "10");
        String output = failing.output();
        assertEquals(Rides.EXIT_FAILED, failing.code(), output);
        assertTrue(writes.get() >= 5, "the node was stopped after the fifth write:\n" + output);
        List<String> failures = output.lines().filter(l -> l.startsWith("rides: ")).toList();
        assertEquals(1, failures.size(), output);
        String line = failures.get(0);
        System.out.println("the failed run said: " + line);
        assertTrue(line.contains("could not record the failure in job_runs"), line);
        Matcher m = Pattern.compile("marks run ([0-9a-f-]{36}) abandoned").matcher(line);
        assertTrue(m.find(), line);
        UUID failedRun = UUID.fromString(m.group(1));

        LocalCassandraScript.Result restart = script.run("start", "--auth", "--tls", "--port", String.valueOf(port),
                "--data", node.toString());
        assertEquals(0, restart.exitCode(), restart.output());
        RunningProcess.Result rerun = launcher(ignored -> { }, 5, "nightly", "--date", LAST.toString(), "--heartbeat", "1",
                "--verbose");
        String rerunOutput = rerun.output();
        assertEquals(0, rerun.code(), rerunOutput);
        assertTrue(rerunOutput.contains("nightly " + LAST + " (lookback 2): workouts"), rerunOutput);
        // show print()s its tables without a final println: the launcher must flush before it exits.
        RunningProcess.Result show = launcher(ignored -> { }, 2, "show", "--date", LAST.toString());
        String shown = show.output();
        assertEquals(0, show.code(), shown);
        assertTrue(shown.contains("Last five rides of rider"), "the launcher printed nothing of show:\n" + shown);
        for (String printed : List.of(output, rerunOutput)) {
            assertFalse(printed.contains(password), "the password is in the launcher's output");
            assertFalse(printed.contains(config.truststorePassword().reveal()), "the truststore password is printed");
        }
        System.out.println("the rerun said: " + rerunOutput.lines().filter(l -> l.startsWith("nightly ")).toList());

        try (CqlSession session = CassandraSessions.open(config)) {
            IncrementalEqualsFullTest.assertTablesEqual(clean, Snapshot.results(session, config.statsKeyspace()));
            Row run = session.execute("SELECT status, message FROM " + config.qualifiedStats("job_runs")
                    + " WHERE job = 'nightly' AND run_id = ? ALLOW FILTERING", failedRun).one();
            assertEquals("failed", run.getString("status"));
            assertTrue(run.getString("message").startsWith("abandoned: no heartbeat since"), run.getString("message"));
            List<Row> runs = session.execute("SELECT * FROM " + config.qualifiedStats("job_runs")
                    + " WHERE job IN ('nightly', 'generate')").all();
            assertTrue(runs.size() >= 4, "generate and three nightly runs are recorded");
            for (Row r : runs) {
                for (ColumnDefinition column : r.getColumnDefinitions()) {
                    assertFalse(String.valueOf(r.getObject(column.getName())).contains(password),
                            "job_runs." + column.getName());
                }
            }
        }
    }

    /**
     * The launcher in a JVM of its own (this JVM's class path and module flags), against
     * this class's node, the password and truststore password in its environment only.
     */
    RunningProcess.Result launcher(Consumer<String> onLine, long timeoutMinutes, String... args) {
        List<String> command = JvmCommand.launcher();
        command.addAll(List.of(args));
        command.addAll(List.of("--hosts", "127.0.0.1:" + port, "--raw-keyspace", config.rawKeyspace(),
                "--stats-keyspace", config.statsKeyspace()));
        return RunningProcess.exec(command, Map.of("RIDES_CASSANDRA_USERNAME", USER, "RIDES_CASSANDRA_PASSWORD", password,
                "RIDES_CASSANDRA_TRUSTSTORE", config.truststorePath(),
                "RIDES_CASSANDRA_TRUSTSTORE_PASSWORD", config.truststorePassword().reveal()), onLine, timeoutMinutes);
    }
}
