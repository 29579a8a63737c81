package com.rides.pipeline;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import com.rides.results.ResultWriter;
import com.rides.spark.SparkSessions;
import com.rides.tables.ResultTables;

import java.util.List;
import java.util.Map;

/**
 * Writes every table of {@link ResultTables} for a run, nightly or rebuild alike: the
 * steps side by side (each a chain of small Spark jobs whose cost is mostly driver-side
 * planning, which two cores can overlap), each in a session of its own, so that their
 * temporary views and settings never meet.
 */
final class TableSteps {

    private TableSteps() {
    }

    static void writeAll(RunScope run, ResultWriter writer, RunCounts counts) {
        Steps steps = new Steps();
        for (List<TableDefinition> step : ResultTables.steps()) {
            steps.run(() -> {
                RunScope own = run.in(SparkSessions.fork(run.spark(), Map.of()));
                Writes writes = new Writes();
                step.forEach(table -> table.write(own, writes));
                writer.write(writes, run.rebuild()).forEach(counts::written);
            });
        }
        steps.await();
    }
}
