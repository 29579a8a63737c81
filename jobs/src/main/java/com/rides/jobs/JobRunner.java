package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.pipeline.RunCounts;
import com.rides.raw.CassandraTables;
import com.rides.results.JobRunLog;
import com.rides.schema.SchemaCheck;
import com.rides.spark.SparkSessions;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The frame every Spark job runs in: connect (failing fast, in one line), check the
 * schema, record the run in job_runs as running, do the work, record how it ended.
 */
final class JobRunner {

    private JobRunner() {
    }

    static RunCounts run(RidesConfig config, String job, LocalDate day,
                         BiFunction<CassandraTables, UUID, RunCounts> work) {
        try (CqlSession session = CassandraSessions.open(config)) {
            SchemaCheck.requireAll(session, config);
            JobRunLog log = new JobRunLog(session, config, job, day, Version.current());
            log.running();
            try {
                CassandraTables tables = new CassandraTables(SparkSessions.create(config, "rides " + job), config);
                RunCounts counts = work.apply(tables, log.runId());
                log.succeeded(counts.asMap(), counts.toString());
                return counts;
            } catch (RuntimeException | Error e) {
                log.failed(Map.of(), Rides.describe(e));
                throw e;
            }
        }
    }
}
