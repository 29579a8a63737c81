package com.rides.merge;

/**
 * One table's whole definition, for nightly and rebuild alike: from the run's rides and
 * ratings its per-day contribution (usually a file of sql/results/), the state it reads by
 * key ({@link RunScope#stored}), the merge of the two (a {@link DayContributions} union, a
 * {@link RankedListMerge}, or a ride's own row) and the rows it writes. A rebuild is the
 * same definition over every day with empty stored state.
 */
public interface TableDefinition {

    /** Adds this table's writes for the run. */
    void write(RunScope run, Writes out);
}
