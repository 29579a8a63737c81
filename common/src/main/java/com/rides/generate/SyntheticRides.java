package com.rides.generate;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

/**
 * A deterministic synthetic data set for the raw tables: riders, classes, and, per
 * rider, workouts with per-second samples and ratings, with faults of contract
 * section 2 planted at the spec's rate.
 *
 * <p>Riders and classes are built up front (they are small). Workouts and ratings
 * are planned one rider at a time ({@link #history(int)}), samples one ride at a
 * time ({@link #samples(PlannedRide, RideSamples)}), so memory does not grow with
 * the data set. Every value is derived from the seed and the coordinates of its
 * entity, so any order of calls, on any number of threads, gives the same rows.
 * Instances are immutable and thread-safe.
 */
public final class SyntheticRides {

    private final GeneratorSpec spec;
    private final List<RiderProfile> riders;
    private final ClassCatalog catalog;
    private final HistoryPlanner planner;

    public SyntheticRides(GeneratorSpec spec) {
        this.spec = spec;
        this.riders = RiderPopulation.draw(spec);
        this.catalog = ClassCatalog.draw(spec);
        this.planner = new HistoryPlanner(spec, catalog);
    }

    public GeneratorSpec spec() {
        return spec;
    }

    /** The {@code riders} rows. */
    public List<Rider> riders() {
        return riders.stream().map(RiderProfile::row).toList();
    }

    /** The {@code classes} rows. */
    public List<RideClass> classes() {
        return catalog.classes().stream().map(ClassProfile::row).toList();
    }

    /** Riders with the truth behind their rows (ability, activity, heart rate). */
    public List<RiderProfile> riderProfiles() {
        return riders;
    }

    /** Classes with how riders receive them (popularity, rating, difficulty). */
    public List<ClassProfile> classProfiles() {
        return catalog.classes();
    }

    /** The workouts and ratings of rider {@code riderIndex} (0-based, below {@code spec.users()}). */
    public RiderHistory history(int riderIndex) {
        return planner.plan(riders.get(riderIndex));
    }

    /** Every rider's history, planned lazily, one rider at a time. */
    public Iterable<RiderHistory> histories() {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < riders.size();
            }

            @Override
            public RiderHistory next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return history(next++);
            }
        };
    }

    /** The {@code samples} rows of one ride, in a new buffer. */
    public RideSamples samples(PlannedRide ride) {
        return samples(ride, new RideSamples());
    }

    /**
     * The {@code samples} rows of one ride, written into {@code reuse} (whose previous
     * content is replaced) and returned. Reusing one buffer per thread keeps a long
     * run free of garbage; a buffer must not be shared between threads.
     */
    public RideSamples samples(PlannedRide ride, RideSamples reuse) {
        if (ride.hasFault(Fault.NO_SAMPLES)) {
            reuse.reset(ride.riddenSeconds());
        } else {
            RideSimulator.simulate(ride, reuse);
        }
        SampleFaults.apply(ride, reuse, spec.faultRate());
        return reuse;
    }

    /**
     * The faults of the whole data set, counted by generating it (samples included)
     * without keeping it: as costly as a generation, so call it once. Runs over the
     * riders in parallel, which the per-entity seeds make safe.
     */
    public FaultLog faultLog() {
        return IntStream.range(0, riders.size()).parallel().mapToObj(this::history).collect(
                FaultLog::new,
                (log, history) -> {
                    log.addHistory(history);
                    RideSamples buffer = new RideSamples();
                    for (PlannedRide ride : history.rides()) {
                        log.addSamples(ride, samples(ride, buffer));
                    }
                },
                FaultLog::add);
    }
}
