package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;

import java.util.Map;

/**
 * quarantine: the run's verdicts on its days' workouts and ratings (sql/results/quarantine.sql)
 * replace every stored verdict of those days, so a ride whose samples arrived late leaves
 * quarantine and its rows appear.
 */
final class Quarantine implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        out.replace("quarantine", run.stored("quarantine", run.dayKeys(), "day"),
                run.sql("quarantine.sql", Map.of("rides", run.rides(), "ratings", run.ratings())));
    }
}
