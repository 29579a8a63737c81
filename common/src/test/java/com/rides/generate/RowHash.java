package com.rides.generate;

import java.util.Objects;

/**
 * An order-sensitive 64-bit fingerprint of rows, for determinism tests: cheap
 * enough for millions of samples (no strings), and any changed value, order or
 * row count changes it (up to collisions a test will not meet).
 */
final class RowHash {

    private long h = 0x243F6A8885A308D3L;
    private long values;

    RowHash add(long v) {
        h = Seeds.mix(h ^ Seeds.mix(v + 0x9E3779B97F4A7C15L));
        values++;
        return this;
    }

    RowHash add(Object o) {
        return add(o == null ? 0x5EEDL : Objects.hashCode(o) * 31L + o.toString().length());
    }

    RowHash add(double v) {
        return add(Double.doubleToLongBits(v));
    }

    long value() {
        return Seeds.mix(h ^ values);
    }

    /** Every value of every row of one rider's history, samples included. */
    static long of(SyntheticRides data, RiderHistory history) {
        RowHash hash = new RowHash();
        RideSamples buffer = new RideSamples();
        for (PlannedRide ride : history.rides()) {
            hash.add(ride.workout().toString());
            hash.add(ride.fault());
            RideSamples s = data.samples(ride, buffer);
            hash.add(s.size());
            for (int i = 0; i < s.size(); i++) {
                hash.add(s.offsetS(i));
                for (SampleField f : SampleField.values()) {
                    hash.add(s.isNull(i, f) ? 1 : 0).add(s.value(i, f));
                }
            }
        }
        for (PlannedRating rating : history.ratings()) {
            hash.add(rating.toString());
        }
        return hash.value();
    }

    /** The whole data set, riders in order. */
    static long of(SyntheticRides data) {
        RowHash hash = new RowHash();
        data.riders().forEach(r -> hash.add(r.toString()));
        data.classes().forEach(c -> hash.add(c.toString()));
        for (RiderHistory history : data.histories()) {
            hash.add(of(data, history));
        }
        return hash.value();
    }
}
