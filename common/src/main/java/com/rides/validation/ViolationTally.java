package com.rides.validation;

import java.util.Arrays;

/**
 * Checks sample fields against {@link SampleField} and tallies each violation;
 * reusable across rides ({@link #reset()}) and free of allocation per check, so
 * it can sit in the per-second loop.
 */
public final class ViolationTally {

    private final long[] counts = new long[ViolationCounts.SIZE];

    /**
     * @param missing whether the column is null (then {@code value} is ignored)
     * @return true when the field is valid; otherwise counts the violation
     */
    public boolean check(SampleField field, boolean missing, int value) {
        if (missing) {
            counts[ViolationCounts.index(field, FieldViolation.NULL)]++;
            return false;
        }
        if (!field.valid(value)) {
            counts[ViolationCounts.index(field, FieldViolation.OUT_OF_RANGE)]++;
            return false;
        }
        return true;
    }

    /** As {@link #check(SampleField, boolean, int)} for a float column; NaN is out of range. */
    public boolean check(SampleField field, boolean missing, float value) {
        if (missing) {
            counts[ViolationCounts.index(field, FieldViolation.NULL)]++;
            return false;
        }
        if (!field.valid(value)) {
            counts[ViolationCounts.index(field, FieldViolation.OUT_OF_RANGE)]++;
            return false;
        }
        return true;
    }

    public void reset() {
        Arrays.fill(counts, 0L);
    }

    public ViolationCounts snapshot() {
        return ViolationCounts.of(counts);
    }
}
