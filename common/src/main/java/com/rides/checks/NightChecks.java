package com.rides.checks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.checks.Figure.DayInputs;
import com.rides.config.RidesConfig;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs the checks after a night: each processed day's figures (from the run's own
 * counts of that day) against its baseline days' figures, which are this run's where
 * it processed them too and the stored ones otherwise; writes the verdicts to
 * data_checks. Driver reads only: a few small partitions per day, no Spark.
 */
public final class NightChecks {

    private NightChecks() {
    }

    /**
     * @param countsOfDay the run's counts of a day (RunCounts.ofDay)
     */
    public static CheckReport run(CqlSession session, RidesConfig config, SortedSet<LocalDate> days,
                                  Function<LocalDate, Map<String, Long>> countsOfDay, UUID runId) {
        CheckStore store = new CheckStore(session, config);
        Map<LocalDate, Map<String, Double>> figures = new HashMap<>();
        for (LocalDate day : days) {
            figures.put(day, DataChecks.figures(new DayInputs(countsOfDay.apply(day), store.classesRidden(day))));
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (LocalDate day : days) {
            List<Map<String, Double>> history = new ArrayList<>();
            for (LocalDate past : DataChecks.baselineDays(day)) {
                history.add(figures.containsKey(past) ? figures.get(past) : store.figures(past));
            }
            verdicts.addAll(DataChecks.evaluate(day, figures.get(day), history));
        }
        store.write(verdicts, runId);
        return new CheckReport(verdicts);
    }
}
