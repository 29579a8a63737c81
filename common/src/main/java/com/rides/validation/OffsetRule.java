package com.rides.validation;

/**
 * A sample row is kept only when its {@code offset_s} is a second of one UTC day
 * (contract section 2); a row outside is dropped, i.e. it does not exist for the
 * metrics but is still counted, so read = used + quarantined + dropped holds.
 */
public final class OffsetRule {

    public static final String COLUMN = "offset_s";
    public static final int MIN = 0;
    public static final int MAX = 86_399;

    private OffsetRule() {
    }

    /** True when a sample row at this offset is kept. */
    public static boolean kept(int offsetS) {
        return offsetS >= MIN && offsetS <= MAX;
    }

    /** The valid range as the docs show it. */
    public static String rangeText() {
        return MIN + " … " + MAX;
    }
}
