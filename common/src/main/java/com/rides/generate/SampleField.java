package com.rides.generate;

/** The value columns of {@code samples}, with the contract's valid range and the faults that break it. */
public enum SampleField {
    CADENCE_RPM(0, 250, Fault.CADENCE_NULL, Fault.CADENCE_OUT_OF_RANGE),
    RESISTANCE_PCT(0, 100, Fault.RESISTANCE_NULL, Fault.RESISTANCE_OUT_OF_RANGE),
    OUTPUT_W(0, 3000, Fault.OUTPUT_NULL, Fault.OUTPUT_OUT_OF_RANGE),
    HEART_RATE_BPM(30, 240, Fault.HEART_RATE_NULL, Fault.HEART_RATE_OUT_OF_RANGE),
    SPEED_KPH(0, 120, Fault.SPEED_NULL, Fault.SPEED_OUT_OF_RANGE);

    private final double min;
    private final double max;
    private final Fault nullFault;
    private final Fault outOfRangeFault;

    SampleField(double min, double max, Fault nullFault, Fault outOfRangeFault) {
        this.min = min;
        this.max = max;
        this.nullFault = nullFault;
        this.outOfRangeFault = outOfRangeFault;
    }

    /** True for a value the contract accepts (NaN is never valid). */
    public boolean isValid(double value) {
        return value >= min && value <= max;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public Fault nullFault() {
        return nullFault;
    }

    public Fault outOfRangeFault() {
        return outOfRangeFault;
    }

    /** The bit of this field in a row's null mask. */
    int bit() {
        return 1 << ordinal();
    }
}
