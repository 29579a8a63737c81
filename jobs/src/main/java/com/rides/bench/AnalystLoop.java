package com.rides.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.adhoc.BoundStatement;
import com.rides.adhoc.SqlParameters;
import com.rides.adhoc.SqlScript;
import com.rides.adhoc.StatementRunner;
import com.rides.adhoc.TableViews;
import com.rides.config.RidesConfig;
import com.rides.jobs.JvmCommand;
import com.rides.jobs.Rides;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The analysts' loop: one single-partition query (a rider's weekly trend, one
 * user_period_stats partition) answered by a warm `sql` session, the shell's own path
 * in this JVM's Spark session, and by `adhoc` as a fresh process (JVM, Spark, views,
 * query), as an analyst without the shell pays it every time.
 */
final class AnalystLoop {

    static final String QUERY = "sql/adhoc/rider_weekly_trend.sql";

    record Result(Runs warm, Runs fresh, String rider, int rows) {
    }

    private AnalystLoop() {
    }

    static Result measure(SparkSession spark, CqlSession session, RidesConfig config, int repeats) {
        String rider = session.execute("SELECT user_id FROM " + config.qualifiedStats("user_period_stats") + " LIMIT 1")
                .one().getUuid(0).toString();
        List<String> params = List.of("user_id=" + rider);
        List<BoundStatement> statements = SqlParameters.parse(params).bindStatements(SqlScript.read(QUERY));
        TableViews.register(spark, config);
        int rows = StatementRunner.run(spark, statements).collectAsList().size(); // untimed, as the shell's start-up is
        Runs warm = new Runs("sql shell, warm: " + QUERY);
        Runs fresh = new Runs("adhoc, a fresh process: " + QUERY);
        for (int i = 0; i < repeats; i++) {
            warm.time(() -> StatementRunner.run(spark, statements).collectAsList());
            fresh.time(() -> adhocProcess(config, params));
        }
        return new Result(warm, fresh, rider, rows);
    }

    /** `scripts/rides adhoc` without the script: this JVM's java, class path and module flags. */
    private static Integer adhocProcess(RidesConfig config, List<String> params) {
        List<String> command = JvmCommand.launcher();
        command.addAll(List.of("adhoc", "--sql", QUERY, "--hosts", String.join(",", config.hosts()),
                "--raw-keyspace", config.rawKeyspace(), "--stats-keyspace", config.statsKeyspace()));
        for (String p : params) {
            command.addAll(List.of("--param", p));
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("the adhoc process failed (exit " + (p.isAlive() ? "none" : p.exitValue())
                        + "): " + String.join(" ", command.subList(command.indexOf(Rides.class.getName()), command.size())));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the adhoc process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
