package com.rides.checks;

import java.util.List;

/** The median: robust to one odd week in the baseline, which a mean is not. */
final class Median {

    private Median() {
    }

    static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of nothing");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
