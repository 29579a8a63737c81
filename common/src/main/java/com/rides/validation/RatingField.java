package com.rides.validation;

/**
 * The checked columns of {@code ratings} and their valid ranges (contract section
 * 2): {@code rating} must be present and in 1 … 5; {@code difficulty} may be null,
 * and when present must be in 1 … 10.
 */
public enum RatingField {
    RATING("rating", 1, 5, true),
    DIFFICULTY("difficulty", 1, 10, false);

    private final String column;
    private final int min;
    private final int max;
    private final boolean required;

    RatingField(String column, int min, int max, boolean required) {
        this.column = column;
        this.min = min;
        this.max = max;
        this.required = required;
    }

    public String column() {
        return column;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Whether a null value is invalid. */
    public boolean required() {
        return required;
    }

    /** True when the value passes: in range, or null for an optional field. */
    public boolean valid(Integer value) {
        return value == null ? !required : value >= min && value <= max;
    }

    /** The rule as the docs show it. */
    public String rangeText() {
        return (required ? "" : "null, or ") + min + " … " + max;
    }
}
