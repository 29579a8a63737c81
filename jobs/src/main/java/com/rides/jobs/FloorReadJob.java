package com.rides.jobs;

import com.rides.bench.FloorRead;
import com.rides.config.RidesConfig;
import com.rides.raw.CassandraTables;
import com.rides.runs.Timeline;
import com.rides.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * `floor-read --date D [--lookback L]` (hidden; the benchmark's): a whole process that
 * only reads the samples a nightly of D reads, the way it reads them (FloorRead), and
 * counts them: what a cold `nightly` process is measured against. It writes nothing.
 */
@Command(name = "floor-read", hidden = true, mixinStandardHelpOptions = true,
        description = "Read and count the samples nightly --date D reads, nothing else (the benchmark's floor).")
public class FloorReadJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--date", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "the day nightly would process (UTC)")
    LocalDate date;

    @Option(names = "--lookback", paramLabel = "L", description = "days before D, as nightly's (default 2)")
    int lookback = NightlyJob.DEFAULT_LOOKBACK;

    @Override
    public Integer call() {
        Timeline timeline = Timeline.start();
        Timeline.mark("launcher started, options read");
        RidesConfig config = cluster.toConfig(System.getenv());
        CassandraTables tables = new CassandraTables(SparkSessions.create(config, "rides floor-read"), config);
        Timeline.mark("Spark session started");
        FloorRead.Result read = FloorRead.run(tables, NightlyJob.days(date, lookback));
        Timeline.mark("samples read");
        out().printf("floor-read %s (lookback %d): %,d rows, %,d samples%n", date, lookback, read.rows(),
                read.samples());
        timeline.lines().forEach(out()::println);
        return 0;
    }
}
