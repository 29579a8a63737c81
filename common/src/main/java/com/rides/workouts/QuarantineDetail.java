package com.rides.workouts;

import com.rides.validation.WorkoutQuarantineReason;

/** The human-readable `detail` of a quarantined workout: enough to find the fault. */
final class QuarantineDetail {

    private QuarantineDetail() {
    }

    static String of(WorkoutQuarantineReason reason, String classId, long keptSamples, long validPowerSamples,
                     long read) {
        return switch (reason) {
            case MISSING_USER -> "user_id is null";
            case UNKNOWN_CLASS -> "class_id " + classId + " is not in classes";
            case NO_SAMPLES -> read == 0 ? "no sample rows"
                    : read + " sample rows, all with offset_s outside 0..86399";
            case NO_VALID_POWER -> keptSamples + " samples, none with output_w in 0..3000";
        };
    }
}
