package com.rides.merge;

/**
 * How many partitions a night's per-ride rows need after they are read. Every Spark
 * task ships and deserializes its whole plan, so a few hundred rides spread over the
 * configured shuffle partitions spend more time starting tasks than working
 * (profiled: task deserialization was a quarter of a small night's task time). One
 * partition holds up to {@link #RIDES_PER_PARTITION} per-ride rows; the configured
 * shuffle partitions stay the ceiling, so a large night on a cluster keeps them all.
 * The sets a run computes once ({@link Materialized}) are read back by the same rule,
 * their own partitions the ceiling.
 */
public final class NightSize {

    /** Per-ride summaries are a few hundred bytes: 50,000 of them are some 15 MB. */
    public static final long RIDES_PER_PARTITION = 50_000;

    private NightSize() {
    }

    /** @param rides the night's per-ride rows; @param ceiling the configured shuffle partitions */
    public static int partitions(long rides, int ceiling) {
        if (ceiling < 1) {
            throw new IllegalArgumentException("shuffle partitions must be positive, got " + ceiling);
        }
        if (rides < 0) {
            throw new IllegalArgumentException("a ride count cannot be negative, got " + rides);
        }
        long needed = Math.max(1, (rides + RIDES_PER_PARTITION - 1) / RIDES_PER_PARTITION);
        return (int) Math.min(needed, ceiling);
    }
}
