package com.rides.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input ends in one line on stderr and a non-zero exit, before any Spark or Cassandra work. */
class LauncherErrorsTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Rides.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate|Unmatched argument",
            "nightly|Missing required option: '--date",
            "nightly --date 2026-02-30|bad date '2026-02-30'",
            "nightly --date 20261120|bad date '20261120'",
            "nightly --date 2026-11-20 --lookback -1|--lookback must not be negative",
            "nightly --date 2026-11-20 --lookback two|'two' is not an int",
            "nightly --date 2026-11-20 --hosts 127.0.0.1:99999|port must be 1..65535",
            "nightly --date 2026-11-20 --read-consistency SOMETIMES|unknown consistency level 'SOMETIMES'",
            "nightly --date 2026-11-20 --conf spark.sql.shuffle.partitions=1|only spark.cassandra.* settings",
            "backfill --from 2026-11-20 --to 2026-11-01|--to 2026-11-01 is before --from 2026-11-20",
            "rebuild --through tomorrow|bad date 'tomorrow'",
            "nightly --date 2026-11-20 --password secret|Unknown options: '--password'",
            "catch-up --from 2026-11-20 --through 2026-11-01|--from 2026-11-20 is after --through 2026-11-01",
            "catch-up --chunk-days 0|--chunk-days must be positive",
            "catch-up --through 2026-13-01|bad date '2026-13-01'",
            "status --max-lag -1|--max-lag must not be negative",
            "nightly --date 2026-11-20 --lease-consistency QUORUM|lease consistency must be SERIAL or LOCAL_SERIAL",
            "hourly|Missing required option: '--at",
            "hourly --at 2026-11-20T05:30Z|'2026-11-20T05:30Z' is not a whole hour",
            "hourly --at 2026-11-20|bad instant '2026-11-20'",
            "hourly --at 2026-11-20T25:00Z|bad instant '2026-11-20T25:00Z'",
            "hourly --at 2999-01-01T00:00Z|is in the future",
            "hourly --at 2026-11-20T05:00Z --trending-now-windows 0|trending-now window must be 1..168 hours",
    })
    void badInputIsOneLineAndExitTwo(String args, String expected) {
        Result r = run(args.split(" "));
        assertEquals(Rides.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line expected, got: " + r.err());
        assertTrue(r.err().startsWith("rides: "), r.err());
    }

    @Test
    void unreachableClusterNamesTheHostsAndFailsFast() {
        long start = System.nanoTime();
        Result r = run("nightly", "--date", "2026-11-20", "--hosts", "127.0.0.1:1", "--connect-timeout", "2");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(Rides.EXIT_FAILED, r.code());
        assertTrue(r.err().contains("cannot reach Cassandra at 127.0.0.1:1"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    @Test
    void helpListsEveryCommandAndNoPasswordOption() {
        Result r = run("--help");
        assertEquals(0, r.code());
        for (String c : new String[]{"schema", "generate", "nightly", "hourly", "backfill", "catch-up", "rebuild", "status", "show",
                "adhoc", "report"}) {
            assertTrue(r.out().contains(c), c);
        }
        Result nightly = run("nightly", "--help");
        assertTrue(nightly.out().contains("--lookback"));
        assertTrue(nightly.out().contains("--password-file"));
        assertFalse(nightly.out().matches("(?s).*--password[ =,].*"), nightly.out());
    }
}
