package com.rides.metrics;

/** Count, sum and max of the int values a ride admits for one field; mean and max are null when it admitted none. */
final class IntStats {

    private long count;
    private long sum;
    private int max = Integer.MIN_VALUE;

    void reset() {
        count = 0;
        sum = 0;
        max = Integer.MIN_VALUE;
    }

    void add(int value) {
        count++;
        sum += value;
        if (value > max) {
            max = value;
        }
    }

    Double mean() {
        return count == 0 ? null : sum / (double) count;
    }

    Integer max() {
        return count == 0 ? null : max;
    }
}
