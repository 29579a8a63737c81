package com.rides.bench;

import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What one benchmark run does: the data (riders, classes, the two history lengths
 * ending on the same day), how often each measure is repeated, and where the
 * keyspaces and the report go. The keyspaces are the benchmark's own:
 * {@code <prefix>_short_raw/_stats} and {@code <prefix>_long_raw/_stats}. A run with
 * a {@code section} writes its report as that section of the report file (another size
 * beside the default one) instead of the whole file.
 */
record BenchSettings(Integer users, int ridesPerDay, int classes, int shortDays, int longDays, LocalDate endDate,
                     long seed, double faultRate, int repeats, int heavyRepeats, int lookback, int servingRounds,
                     Path out, boolean keep, String keyspacePrefix, String section) {

    private static final int MAX_KEYSPACE = 48;

    BenchSettings {
        require(users == null || users >= 1, "--users must be at least 1");
        require(ridesPerDay >= 1, "--rides-per-day must be at least 1");
        require(classes >= 1, "--classes must be at least 1");
        require(shortDays >= 1 + lookback, "--short-days must cover the day and its lookback (" + (1 + lookback) + ")");
        require(longDays > shortDays, "--long-days must be more than --short-days");
        require(repeats >= 1 && heavyRepeats >= 1, "--repeats and --heavy-repeats must be at least 1");
        require(lookback >= 0, "--lookback must not be negative");
        require(servingRounds >= 1, "--serving-rounds must be at least 1");
        require(keyspacePrefix.matches("[a-z][a-z0-9_]*")
                        && (keyspacePrefix + "_short_stats").length() <= MAX_KEYSPACE,
                "--keyspace-prefix must be lower-case letters, digits and _, at most "
                        + (MAX_KEYSPACE - "_short_stats".length()) + " characters");
        require(section == null || section.matches("[a-z0-9-]+") && !section.equals(ReportSections.CLUSTER),
                "--section must be lower-case letters, digits and -, and not " + ReportSections.CLUSTER
                        + " (scripts/bench-cluster's)");
    }

    RidesConfig shortHistory(RidesConfig base) {
        return keyspaces(base, "short");
    }

    RidesConfig longHistory(RidesConfig base) {
        return keyspaces(base, "long");
    }

    private RidesConfig keyspaces(RidesConfig base, String history) {
        String p = keyspacePrefix + "_" + history;
        return base.toBuilder().rawKeyspace(p + "_raw").statsKeyspace(p + "_stats").build();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }
}
