package com.rides.jobs;

import com.rides.config.RidesConfig;
import com.rides.pipeline.FullRecompute;
import com.rides.pipeline.RunCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/** `rebuild --through D`: every result table recomputed from all raw data up to D. */
@Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Recompute every result table from all raw data up to D.")
public class RebuildJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--through", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD")
    LocalDate through;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        long start = System.nanoTime();
        RunCounts counts = run(config, through);
        out().printf("rebuild through %s: %s; %.1f s%n", through, counts, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    public static RunCounts run(RidesConfig config, LocalDate through) {
        return JobRunner.sparkLeased(config, "rebuild", through,
                (tables, run) -> new FullRecompute(tables).run(through, run.runId()), RunCounts::asMap);
    }
}
