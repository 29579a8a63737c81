package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `sql`, the shell, driven through its standard input on the shared analyst data set:
 * statements across lines, parameters, \explain, \out, errors that leave the session
 * going; -e and -f scripts; and the launcher in a JVM of its own.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlJobTest {

    static final LocalDate LAST = AnalystData.LAST_DAY;

    RidesConfig data;
    CqlSession session;
    long lastDayRides;
    /** Of them, the kept ones (not quarantined): day_rides.sql's rows. */
    long keptLastDay;
    @TempDir
    Path tmp;

    @BeforeAll
    void data(RidesConfig config, CqlSession session) {
        this.data = AnalystData.on(config);
        this.session = session;
        for (int b = 0; b < data.buckets(); b++) {
            lastDayRides += session.execute("SELECT count(*) FROM " + data.rawKeyspace() + ".workouts WHERE day = ? AND bucket = ?",
                    LAST, b).one().getLong(0);
        }
        for (var row : session.execute("SELECT day FROM " + data.statsKeyspace() + ".workout_summary")) {
            keptLastDay += LAST.equals(row.getLocalDate(0)) ? 1 : 0;
        }
        assertTrue(keptLastDay > 0 && keptLastDay <= lastDayRides);
    }

    /** The shell in this JVM, its standard input the given text. */
    private Cli.Result shell(String input, String... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            List<String> all = new ArrayList<>(List.of("sql"));
            all.addAll(List.of(args));
            return Cli.run(data, all.toArray(new String[0]));
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aSessionRunsStatementsAndCommandsAndGoesOnAfterAnError() throws Exception {
        Path csv = tmp.resolve("rides.csv");
        String input = String.join("\n",
                "\\set day " + LAST,
                "-- a statement over two lines, its parameter set above",
                "SELECT count(*) AS rides",
                "  FROM workouts WHERE day = :day;",
                "SELECT username, nope FROM riders;",
                "\\out " + csv,
                "SELECT workout_id, started_at FROM workouts WHERE day = :day;",
                "\\set",
                "\\nonsense",
                "SELECT 'a;b' AS text; SELECT 42 AS answer");
        Cli.Result r = shell(input, "--param", "n:int=3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Result of statement 1 (1 rows)\nrides\n-----\n" + lastDayRides + "\n"), r.out());
        List<String> errors = r.err().lines().toList();
        assertEquals(2, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("rides: statement 2: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function "
                + "parameter with name `nope` cannot be resolved."), errors.get(0));
        assertTrue(errors.get(0).endsWith("(at input line 1, column 18)"), errors.get(0));
        assertEquals("rides: unknown command \\nonsense (\\help lists them)", errors.get(1));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("workout_id,started_at", lines.get(0));
        assertEquals(lastDayRides, lines.size() - 1);
        assertTrue(r.out().contains("wrote " + lastDayRides + " rows to " + csv), r.out());
        assertTrue(r.out().contains("  day = " + LAST + "\n") && r.out().contains("  n:int = 3\n"), r.out());
        // Two statements on one line, a semicolon in a string, the last one ended by the end of the input.
        assertTrue(r.out().contains("text\n----\na;b\n"), r.out());
        assertTrue(r.out().contains("answer\n------\n42\n"), r.out());
    }

    @Test
    void explainShowsHowAStatementReadsCassandraAndDoesNotRunIt() {
        Cli.Result r = shell("\\set day " + LAST + "\n\\explain SELECT w.workout_id, r.username FROM workouts w\n"
                + "  LEFT JOIN riders r ON r.user_id = w.user_id WHERE w.day = :day ORDER BY r.username;\n");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("== Cassandra reads ==\n"), r.out());
        assertTrue(r.out().contains(data.rawKeyspace() + ".riders: by key (direct join) [join on \"user_id\"]"), r.out());
        assertTrue(r.out().contains(data.rawKeyspace() + ".workouts: by partition key [\"day\" = " + LAST), r.out());
        assertFalse(r.out().contains("Result of"), r.out());
    }

    @Test
    void scriptsRunFromTheCommandLineAndStopAtTheirFirstError() throws Exception {
        Path csv = tmp.resolve("day.csv");
        Cli.Result file = Cli.run(data, "sql", "-f", "sql/adhoc/day_rides.sql", "--param", "day=" + LAST,
                "--out", csv.toString());
        assertEquals(0, file.code(), file.err());
        assertEquals(keptLastDay + 1, Files.readAllLines(csv).size(), "every kept ride of the day and the header");

        Cli.Result explain = Cli.run(data, "sql", "-f", "sql/adhoc/day_rides.sql", "--param", "day=" + LAST, "--explain");
        assertEquals(0, explain.code(), explain.err());
        assertTrue(explain.out().contains(data.statsKeyspace() + ".workout_summary: by key (direct join)"), explain.out());

        Cli.Result failing = Cli.run(data, "sql", "-e", "SELECT 1 AS first; SELECT nope FROM riders; SELECT 3 AS third");
        assertEquals(2, failing.code());
        assertTrue(failing.out().contains("first"), failing.out());
        assertFalse(failing.out().contains("third"), failing.out());
        String err = failing.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("rides: statement 2: [UNRESOLVED_COLUMN") && err.endsWith("(at -e line 1, column 27)"), err);

        Cli.Result usage = Cli.run(data, "sql", "--explain");
        assertEquals(2, usage.code());
        assertEquals("rides: --explain applies to -e or -f (in the shell: \\explain)", usage.err().strip());
    }

    /**
     * Through a JVM of its own, as an analyst starts it, and fed on its standard input: a
     * fresh JVM numbers the first table's columns from 0, which once made --explain of
     * day_rides.sql (an ORDER BY over a left join of riders by key) fail in Spark's
     * canonicalization. Runs a bundled file with \i, then explains it.
     */
    @Test
    void theLauncherInAJvmOfItsOwn() throws Exception {
        List<String> command = OwnJvm.launcher();
        command.addAll(List.of("sql", "--hosts", String.join(",", data.hosts()),
                "--raw-keyspace", data.rawKeyspace(), "--stats-keyspace", data.statsKeyspace()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(("\\set day " + LAST + "\n\\explain\n\\i sql/adhoc/day_rides.sql\n"
                + "\\i sql/adhoc/day_rides.sql\n\\q\nSELECT 'not reached';\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("== Cassandra reads ==\n" + data.rawKeyspace() + ".riders: by key (direct join)"), out);
        assertTrue(out.contains("Result of statement 2 (" + keptLastDay + " rows)"), out);
        assertFalse(out.contains("not reached"), out);
    }
}
