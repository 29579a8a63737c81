package com.rides.generate;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many rows got each {@link Fault}, and how many rows of each scope there were,
 * so a test can turn the faults planted into the counts a job must report (e.g.
 * workouts quarantined as {@code no_samples} = {@code count(NO_SAMPLES)}).
 *
 * <p>Conventions: {@code rows(SAMPLE)} counts the seconds ridden in rides that have
 * samples, before gaps removed rows or bad offsets added some; the output faults of
 * a {@link Fault#NO_VALID_POWER} ride are not counted per row (the ride is counted
 * once, as a workout fault). Not thread-safe; merge per-thread logs with {@link #add(FaultLog)}.
 */
public final class FaultLog {

    private final long[] counts = new long[Fault.values().length];
    private final long[] rows = new long[Fault.Scope.values().length];

    public long count(Fault fault) {
        return counts[fault.ordinal()];
    }

    public long rows(Fault.Scope scope) {
        return rows[scope.ordinal()];
    }

    /** count(fault) / rows(fault's scope); 0 when there are no rows. */
    public double share(Fault fault) {
        long n = rows(fault.scope());
        return n == 0 ? 0 : (double) count(fault) / n;
    }

    /** Rows of workouts or ratings the contract quarantines, per reason. */
    public Map<String, Long> quarantined(Fault.Scope scope) {
        Map<String, Long> byReason = new TreeMap<>();
        for (Fault f : Fault.values()) {
            if (f.scope() == scope && f.quarantineReason() != null) {
                byReason.merge(f.quarantineReason(), count(f), Long::sum);
            }
        }
        return byReason;
    }

    public Map<Fault, Long> counts() {
        Map<Fault, Long> all = new EnumMap<>(Fault.class);
        for (Fault f : Fault.values()) {
            all.put(f, count(f));
        }
        return all;
    }

    /** Counts the workout and rating rows of one rider's history. */
    public void addHistory(RiderHistory history) {
        for (PlannedRide ride : history.rides()) {
            rows[Fault.Scope.WORKOUT.ordinal()]++;
            if (ride.fault() != null) {
                counts[ride.fault().ordinal()]++;
            }
        }
        for (PlannedRating rating : history.ratings()) {
            rows[Fault.Scope.RATING.ordinal()]++;
            if (rating.fault() != null) {
                counts[rating.fault().ordinal()]++;
            }
        }
    }

    /** Counts the sample faults of one ride's samples. */
    public void addSamples(PlannedRide ride, RideSamples samples) {
        if (ride.hasFault(Fault.NO_SAMPLES)) {
            return;
        }
        rows[Fault.Scope.SAMPLE.ordinal()] += samples.riddenSeconds();
        for (Fault f : Fault.values()) {
            if (f.scope() == Fault.Scope.SAMPLE) {
                counts[f.ordinal()] += samples.faultCount(f);
            }
        }
    }

    public void add(FaultLog other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i] += other.rows[i];
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FaultLog{workouts=").append(rows(Fault.Scope.WORKOUT))
                .append(", samples=").append(rows(Fault.Scope.SAMPLE))
                .append(", ratings=").append(rows(Fault.Scope.RATING));
        for (Fault f : Fault.values()) {
            if (count(f) > 0) {
                sb.append(", ").append(f).append('=').append(count(f));
            }
        }
        return sb.append('}').toString();
    }
}
