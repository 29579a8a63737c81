package com.rides.validation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many kept sample rows broke each rule of each field: an immutable snapshot,
 * safe to ship between Spark stages. Values are laid out field by field, in
 * {@link SampleField} then {@link FieldViolation} order, matching {@link #KEYS}.
 */
public final class ViolationCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int VIOLATIONS = FieldViolation.values().length;
    static final int SIZE = SampleField.count() * VIOLATIONS;

    /** Count names in {@link #toArray()} order, e.g. {@code invalid_output_w_out_of_range}. */
    public static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(SIZE);
        for (SampleField f : SampleField.values()) {
            for (FieldViolation v : FieldViolation.values()) {
                keys.add(key(f, v));
            }
        }
        KEYS = List.copyOf(keys);
    }

    /** No violation at all. */
    public static final ViolationCounts NONE = new ViolationCounts(new long[SIZE]);

    private final long[] counts;

    private ViolationCounts(long[] counts) {
        this.counts = counts;
    }

    /** A snapshot of counts laid out as {@link #KEYS}; the array is copied. */
    public static ViolationCounts of(long[] counts) {
        if (counts.length != SIZE) {
            throw new IllegalArgumentException("expected " + SIZE + " counts, got " + counts.length);
        }
        return new ViolationCounts(counts.clone());
    }

    /** The count name of one field and rule, e.g. {@code invalid_speed_kph_null}. */
    public static String key(SampleField field, FieldViolation violation) {
        return "invalid_" + field.column() + "_" + violation.code();
    }

    static int index(SampleField field, FieldViolation violation) {
        return field.ordinal() * VIOLATIONS + violation.ordinal();
    }

    public long get(SampleField field, FieldViolation violation) {
        return counts[index(field, violation)];
    }

    /** Rows where the field was invalid for any reason. */
    public long invalid(SampleField field) {
        long n = 0;
        for (FieldViolation v : FieldViolation.values()) {
            n += get(field, v);
        }
        return n;
    }

    /** The counts in {@link #KEYS} order (a copy). */
    public long[] toArray() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViolationCounts other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ViolationCounts{");
        String sep = "";
        for (int i = 0; i < SIZE; i++) {
            if (counts[i] != 0) {
                s.append(sep).append(KEYS.get(i)).append('=').append(counts[i]);
                sep = ", ";
            }
        }
        return s.append('}').toString();
    }
}
