package com.rides.generate;

/**
 * The value columns of {@code samples} and the faults that break each. The valid
 * ranges are the validation rule table's ({@link com.rides.validation.SampleField}):
 * the generator plants faults against the same rules the jobs enforce.
 */
public enum SampleField {
    CADENCE_RPM(com.rides.validation.SampleField.CADENCE_RPM, Fault.CADENCE_NULL, Fault.CADENCE_OUT_OF_RANGE),
    RESISTANCE_PCT(com.rides.validation.SampleField.RESISTANCE_PCT, Fault.RESISTANCE_NULL,
            Fault.RESISTANCE_OUT_OF_RANGE),
    OUTPUT_W(com.rides.validation.SampleField.OUTPUT_W, Fault.OUTPUT_NULL, Fault.OUTPUT_OUT_OF_RANGE),
    HEART_RATE_BPM(com.rides.validation.SampleField.HEART_RATE_BPM, Fault.HEART_RATE_NULL,
            Fault.HEART_RATE_OUT_OF_RANGE),
    SPEED_KPH(com.rides.validation.SampleField.SPEED_KPH, Fault.SPEED_NULL, Fault.SPEED_OUT_OF_RANGE);

    private final com.rides.validation.SampleField rule;
    private final Fault nullFault;
    private final Fault outOfRangeFault;

    SampleField(com.rides.validation.SampleField rule, Fault nullFault, Fault outOfRangeFault) {
        this.rule = rule;
        this.nullFault = nullFault;
        this.outOfRangeFault = outOfRangeFault;
    }

    /** True for a value the contract accepts (NaN is never valid). */
    public boolean isValid(double value) {
        return rule.valid(value);
    }

    public double min() {
        return rule.min();
    }

    public double max() {
        return rule.max();
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
