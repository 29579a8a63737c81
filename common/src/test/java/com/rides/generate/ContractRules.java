package com.rides.generate;

import java.util.Set;
import java.util.UUID;

/**
 * Section 2 of the contract, restated independently of the generator's own
 * {@link SampleField} ranges, to check generated rows from the outside.
 */
final class ContractRules {

    private ContractRules() {
    }

    static boolean validOffset(int offsetS) {
        return offsetS >= 0 && offsetS <= 86_399;
    }

    static boolean valid(SampleField field, RideSamples s, int row) {
        if (s.isNull(row, field)) {
            return false;
        }
        double v = s.value(row, field);
        return switch (field) {
            case OUTPUT_W -> v >= 0 && v <= 3000;
            case CADENCE_RPM -> v >= 0 && v <= 250;
            case RESISTANCE_PCT -> v >= 0 && v <= 100;
            case HEART_RATE_BPM -> v >= 30 && v <= 240;
            case SPEED_KPH -> !Double.isNaN(v) && v >= 0 && v <= 120;
        };
    }

    /** The quarantine reason of a workout (first of the contract's order), or null if it is kept. */
    static String workoutReason(Workout w, RideSamples samples, Set<UUID> classIds) {
        if (w.userId() == null) {
            return "missing_user";
        }
        if (!classIds.contains(w.classId())) {
            return "unknown_class";
        }
        boolean kept = false;
        boolean power = false;
        for (int i = 0; i < samples.size(); i++) {
            if (validOffset(samples.offsetS(i))) {
                kept = true;
                power |= valid(SampleField.OUTPUT_W, samples, i);
            }
        }
        if (!kept) {
            return "no_samples";
        }
        return power ? null : "no_valid_power";
    }

    /** The quarantine reason of a rating (first of the contract's order), or null if it counts. */
    static String ratingReason(Rating r, Set<UUID> classIds) {
        if (!classIds.contains(r.classId())) {
            return "unknown_class";
        }
        if (r.rating() < 1 || r.rating() > 5) {
            return "invalid_rating";
        }
        if (r.difficulty() != null && (r.difficulty() < 1 || r.difficulty() > 10)) {
            return "invalid_difficulty";
        }
        return null;
    }
}
