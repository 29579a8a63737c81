package com.rides.validation;

/**
 * The ways a sample field can be invalid. The jobs count each field's violations
 * separately by rule, so a run can say "60 output_w out of range, 3 null".
 */
public enum FieldViolation {
    /** The column is null. */
    NULL("null"),
    /** Non-null but outside the field's range; a NaN speed counts here too (the contract's rule is "0 … 120 and not NaN"). */
    OUT_OF_RANGE("out_of_range");

    private final String code;

    FieldViolation(String code) {
        this.code = code;
    }

    /** The stable text used in count names, e.g. {@code out_of_range}. */
    public String code() {
        return code;
    }
}
