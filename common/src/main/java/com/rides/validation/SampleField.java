package com.rides.validation;

/**
 * The value columns of {@code samples} and the range in which each is valid
 * (contract section 2). This enum is the rule table itself: the jobs check values
 * with it and {@link ValidationRules#markdownTable()} renders it for the docs, so
 * the two cannot drift apart.
 *
 * <p>A field is valid when it is non-null and inside {@code min … max}, bounds
 * included. NaN is never valid (it fails every comparison), which is what the
 * contract asks of {@code speed_kph}. An invalid field is treated as missing by the
 * metrics: never as zero, never clamped.
 *
 * <p>The order is the contract's; {@link #ordinal()} indexes per-field tallies and
 * {@link #bit()} marks the field in a null mask.
 */
public enum SampleField {
    OUTPUT_W("output_w", "int", 0, 3000),
    CADENCE_RPM("cadence_rpm", "int", 0, 250),
    RESISTANCE_PCT("resistance_pct", "int", 0, 100),
    HEART_RATE_BPM("heart_rate_bpm", "int", 30, 240),
    SPEED_KPH("speed_kph", "float", 0, 120);

    private static final SampleField[] ALL = values();

    private final String column;
    private final String cqlType;
    private final int min;
    private final int max;

    SampleField(String column, String cqlType, int min, int max) {
        this.column = column;
        this.cqlType = cqlType;
        this.min = min;
        this.max = max;
    }

    /** The column name in {@code samples}. */
    public String column() {
        return column;
    }

    /** The CQL type of the column: {@code int} or {@code float}. */
    public String cqlType() {
        return cqlType;
    }

    /** Smallest valid value, inclusive. */
    public int min() {
        return min;
    }

    /** Largest valid value, inclusive. */
    public int max() {
        return max;
    }

    /** This field's bit in a null mask (see {@code RideMetricsAccumulator.add}). */
    public int bit() {
        return 1 << ordinal();
    }

    /** True when the non-null value is inside the range. */
    public boolean valid(int value) {
        return value >= min && value <= max;
    }

    /** True when the non-null value is inside the range; NaN is never valid. */
    public boolean valid(double value) {
        return value >= min && value <= max;
    }

    /** True when the value is non-null and inside the range; NaN is never valid. */
    public boolean valid(Number value) {
        return violation(value) == null;
    }

    /** Which rule the value breaks, or null when it is valid. */
    public FieldViolation violation(Number value) {
        if (value == null) {
            return FieldViolation.NULL;
        }
        boolean inRange = value instanceof Float || value instanceof Double
                ? valid(value.doubleValue())
                : value.longValue() >= min && value.longValue() <= max;
        return inRange ? null : FieldViolation.OUT_OF_RANGE;
    }

    /** The valid range as the docs show it, e.g. {@code 0 … 120, not NaN}. */
    public String rangeText() {
        return min + " … " + max + ("float".equals(cqlType) ? ", not NaN" : "");
    }

    /** How many fields there are, without copying {@link #values()}. */
    static int count() {
        return ALL.length;
    }
}
