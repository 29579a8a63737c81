package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.generate.RideDataWriter;
import com.rides.generate.SyntheticRides;
import com.rides.generate.WriteResult;
import com.rides.generate.WriterOptions;
import com.rides.schema.SchemaCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * `generate`: realistic synthetic raw data (riders, classes, rides with per-second
 * samples, ratings), the same for the same seed, with a share of the contract's
 * faults. Written asynchronously at the pace Cassandra accepts.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write realistic synthetic raw data: riders, classes, workouts, samples, ratings.")
public class GenerateJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--users", required = true, description = "riders")
    int users;

    @Option(names = "--classes", required = true, description = "classes in the catalogue")
    int classes;

    @Option(names = "--days", required = true, description = "days of rides, ending on --end-date")
    int days;

    @Option(names = "--end-date", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD")
    LocalDate endDate;

    @Option(names = "--seed", required = true, description = "same seed, same data")
    long seed;

    @Option(names = "--fault-rate", description = "share of rows given each kind of contract fault (default 0.01)")
    double faultRate = GeneratorSpec.DEFAULT_FAULT_RATE;

    @Option(names = "--max-class-minutes", paramLabel = "MINUTES",
            description = "cut longer classes to this length: fewer samples for as many rides (default 90, no cut)")
    int maxClassMinutes = GeneratorSpec.LONGEST_CLASS_MINUTES;

    @Option(names = "--in-flight", description = "write requests in flight (default 128)")
    int inFlight = WriterOptions.DEFAULT_MAX_IN_FLIGHT;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        GeneratorSpec spec;
        try {
            spec = new GeneratorSpec(users, classes, days, endDate, seed, config.buckets(), faultRate, maxClassMinutes);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        WriteResult result = run(config, spec, inFlight, err());
        out().println("generate: " + result);
        return 0;
    }

    public static WriteResult run(RidesConfig config, GeneratorSpec spec, int inFlight) {
        return run(config, spec, inFlight, new java.io.PrintWriter(System.err, true));
    }

    /** @param progress where to report progress every few seconds */
    public static WriteResult run(RidesConfig config, GeneratorSpec spec, int inFlight, java.io.PrintWriter progress) {
        return JobRunner.recorded(config, "generate", spec.endDate(),
                (session, runId) -> new RideDataWriter(session, config.rawKeyspace(),
                        WriterOptions.defaults().withMaxInFlight(inFlight))
                        .write(new SyntheticRides(spec), p -> progress.println("generate: " + p)),
                GenerateJob::counts);
    }

    /** Rows written per table, and the faults planted, for job_runs. */
    static java.util.Map<String, Long> counts(WriteResult result) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        result.rows().forEach((table, n) -> counts.put("written_" + table.tableName(), n));
        result.faults().counts().forEach((fault, n) -> {
            if (n > 0) {
                counts.put("planted_" + fault.name().toLowerCase(java.util.Locale.ROOT), n);
            }
        });
        return counts;
    }
}
