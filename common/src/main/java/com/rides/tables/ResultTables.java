package com.rides.tables;

import com.rides.merge.TableDefinition;

import java.util.List;

/**
 * Every result and state table a run writes, one definition each, in the steps a run
 * runs side by side (each step in a session of its own, its writes applied as one Spark
 * job). Adding a table: a class here and its file in sql/results/, and a line below.
 */
public final class ResultTables {

    private ResultTables() {
    }

    /** The steps, each a list of definitions written together; the data flow's order within a step. */
    public static List<List<TableDefinition>> steps() {
        return List.of(
                List.of(new WorkoutSummary(), new UserWorkoutHistory(), new ClassRides(), new Quarantine()),
                List.of(new UserPeriodStats()),
                List.of(new UserTopWorkouts()),
                List.of(new ClassLeaderboard()),
                List.of(new ClassDayTotals(), new ClassRatings(), new ClassStats(), new TopClasses()),
                List.of(new TrendingClasses()),
                List.of(new RiderRides(), new UserStreaks(), new UserMilestones()),
                List.of(new ClassPeriodRides(), new ClassPeriodLeaderboard()),
                List.of(new ClassHourTotals(), new TrendingNow()));
    }
}
