package com.rides.spark;

import org.apache.spark.SparkContext;

import java.util.function.Supplier;

/**
 * Names the Spark jobs a piece of work runs ("upsert class_stats", "read rides and
 * samples"), so the Spark UI, event logs and the benchmark's per-step figures show
 * what ran rather than a call site. Job descriptions are per thread; a name given
 * inside another is appended to it, and the caller's is restored afterwards.
 */
public final class JobNames {

    private static final String DESCRIPTION = "spark.job.description";

    private JobNames() {
    }

    public static <T> T named(SparkContext sc, String what, Supplier<T> work) {
        String before = sc.getLocalProperty(DESCRIPTION);
        sc.setJobDescription(before == null ? what : before + ": " + what);
        try {
            return work.get();
        } finally {
            sc.setLocalProperty(DESCRIPTION, before);
        }
    }
}
