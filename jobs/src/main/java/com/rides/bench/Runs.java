package com.rides.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The wall-clock times of one measure's repeated runs, and their median: on a
 * shared, noisy machine the median of a few runs side by side is the figure
 * worth comparing, the single runs show how noisy it was.
 */
final class Runs {

    private final String name;
    private final List<Double> seconds = new ArrayList<>();

    Runs(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Runs {@code work}, records its wall-clock seconds, returns its result. */
    <T> T time(Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        seconds.add((System.nanoTime() - start) / 1e9);
        return result;
    }

    void add(double s) {
        seconds.add(s);
    }

    List<Double> seconds() {
        return List.copyOf(seconds);
    }

    double median() {
        return Median.of(seconds);
    }

    int count() {
        return seconds.size();
    }
}
