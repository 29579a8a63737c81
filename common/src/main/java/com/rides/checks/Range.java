package com.rides.checks;

/**
 * The expected range of a figure; a null bound is open on that side.
 */
public record Range(Double low, Double high) {

    public boolean contains(double v) {
        return (low == null || v >= low) && (high == null || v <= high);
    }

    String text(Figure.Unit unit) {
        if (low == null && high == null) {
            return "any";
        }
        if (low == null) {
            return "at most " + unit.format(high);
        }
        if (high == null) {
            return "at least " + unit.format(low);
        }
        return unit.format(low) + " … " + unit.format(high);
    }
}
